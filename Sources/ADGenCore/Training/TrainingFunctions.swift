/// `LOpt` of a ``TrainingPlan`` in the Swift model: two overloads and the state type.
///
/// - `LOpt(p1 … pn, steps:, h1 … hk) -> (w: [Double], loss: [Double])`, the contract's
///   function, starting from zero state;
/// - `LOpt(p1 … pn, steps:, h1 … hk, state: inout LOptState) -> (w:, loss:)`, the
///   same steps continuing from `state` and leaving the state after the last step in it,
///   so training runs in windows (k steps, new hyperparameters, k more steps) with the
///   same bits as one run;
/// - `struct LOptState`: the optimizer's per-weight arrays and the step count.
enum TrainingFunctions {
    static func generate(_ plan: TrainingPlan) -> (functions: [SwiftModel.Function], types: [SwiftModel.Struct]) {
        let names = TrainingNames(plan)
        return ([entry(plan, names), window(plan, names)], [TrainingState.type(plan)])
    }

    /// `p1 … pn, steps: Int, h1 … hk` (with their defaults).
    static func parameters(_ plan: TrainingPlan) -> [SwiftModel.Parameter] {
        plan.trainingParameters.map { SwiftModel.Parameter(label: $0.label, name: $0.name, type: $0.type.description) }
            + [SwiftModel.Parameter(label: Naming.Training.stepsLabel, name: Naming.Training.stepsLabel, type: "Int")]
            + plan.optimizer.hyperparameters.map {
                SwiftModel.Parameter(label: $0.label, name: $0.label, type: "Double",
                                     defaultValue: $0.defaultValue.map { .raw($0.spelling) })
            }
    }

    static func resultType(_ plan: TrainingPlan) -> String {
        "(\(plan.weights.name): [Double], \(Naming.Training.losses): [Double])"
    }

    /// The contract's `LOpt`: zero state, then the windowed overload.
    static func entry(_ plan: TrainingPlan, _ names: TrainingNames) -> SwiftModel.Function {
        let arguments = (plan.trainingParameters.map { (label: $0.label, value: SwiftModel.Expression.raw($0.name)) }
            + [(label: Naming.Training.stepsLabel, value: .raw(Naming.Training.stepsLabel))]
            + plan.optimizer.hyperparameters.map { (label: $0.label, value: .raw($0.label)) }
            + [(label: Naming.Training.stateLabel, value: .prefix("&", .raw(names.state)))]) as [(label: String?, value: SwiftModel.Expression)]
        let initial = SwiftModel.Expression.call(.raw(plan.stateTypeName),
                                                 [(label: Naming.Training.count, value: .member(.raw(plan.weights.name), "count"))])
        return SwiftModel.Function(
            docComment: TrainingDocumentation.entry(plan), access: nil, name: plan.functionName,
            parameters: parameters(plan), returnType: resultType(plan),
            body: [.declaration(mutable: true, pattern: names.state, type: nil, value: initial),
                   .returnStatement(.call(.raw(plan.functionName), arguments))])
    }

    /// The windowed overload: state copied in, the IR loop, state copied out.
    static func window(_ plan: TrainingPlan, _ names: TrainingNames) -> SwiftModel.Function {
        let state = SwiftModel.Parameter(label: Naming.Training.stateLabel, name: names.state, type: plan.stateTypeName,
                                         isInout: true)
        let stateValue = SwiftModel.Expression.raw(names.state)
        var body: [SwiftModel.Statement] = zip(plan.optimizer.stateArrays, names.stateArrays).map { array, local in
            .declaration(mutable: true, pattern: local, type: nil, value: .member(stateValue, array.name))
        }
        if TrainingLoop.needsStart(plan) {
            body.append(.declaration(mutable: false, pattern: names.start, type: nil,
                                     value: .member(stateValue, Naming.Training.stepCount)))
        }
        let labels: [String?] = [plan.weights.name, Naming.Training.losses]
        body += SwiftTranslator.statements(TrainingLoop.body(plan, names), resultLabels: labels)
        body += zip(plan.optimizer.stateArrays, names.stateArrays).map { array, local in
            .assignment(target: .member(stateValue, array.name), op: "=", value: .raw(local))
        }
        body.append(.assignment(target: .member(stateValue, Naming.Training.stepCount), op: "+=",
                                value: .raw(Naming.Training.stepsLabel)))
        body += SwiftTranslator.statements(
            [IR.Statement(.returnValues([.variable(plan.weights.name, .doubleArray), .variable(names.losses, .doubleArray)]))],
            resultLabels: labels)
        return SwiftModel.Function(
            docComment: TrainingDocumentation.window(plan), access: nil, name: plan.functionName,
            parameters: parameters(plan) + [state], returnType: resultType(plan), body: body)
    }
}
