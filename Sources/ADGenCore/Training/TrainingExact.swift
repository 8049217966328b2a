/// `LOptExact` and `LOptReverse` of a ``TrainingPlan`` (contract, section 7), for momentum,
/// Adam and AdamW: the training loop in exact fixed-point arithmetic through the runtime's
/// `ExactRun`, and its inverse beside it, step by step: undo the weight update, recompute
/// the gradient at the recovered weights, undo the state update with it.
///
/// For example, for Adam on `trainLoss(w:x:)`:
///
///     for _ in 0..<steps {
///         let (_, dw) = trainLossGradient_wrt_w(w: w, x: x)
///         do {
///             try run.step(gradient: dw)
///         } catch {
///             fatalError("trainLossAdamExact: \(error)")
///         }
///         run.copyWeights(into: &w)
///     }
///
/// and in `trainLossAdamReverse`:
///
///     for _ in 0..<steps {
///         run.undoWeightUpdate()
///         run.copyWeights(into: &w)
///         let (_, dw) = trainLossGradient_wrt_w(w: w, x: x)
///         run.undoStateUpdate(gradient: dw)
///     }
enum TrainingExact {
    static func generate(_ plan: TrainingPlan) -> [SwiftModel.Function] {
        guard plan.isExact else { return [] }
        let names = TrainingNames(plan)
        return [exact(plan, names), reverse(plan, names)]
    }

    /// `(w: [Double], run: ExactRun)`.
    static func resultType(_ plan: TrainingPlan) -> String {
        "(\(plan.weights.name): [Double], \(Naming.Training.run): ExactRun)"
    }

    /// `.adam(learningRate: learningRate, beta1: beta1, ...)`: the runtime's `ExactOptimizer`.
    static func exactOptimizer(_ plan: TrainingPlan) -> SwiftModel.Expression {
        let arguments = plan.optimizer.hyperparameters.map { (label: Optional($0.label), value: SwiftModel.Expression.raw($0.label)) }
        return .call(.raw("." + plan.optimizer.runtimeCaseName), arguments)
    }

    static func exact(_ plan: TrainingPlan, _ names: TrainingNames) -> SwiftModel.Function {
        let run = SwiftModel.Expression.raw(names.run)
        let w = plan.weights.name
        let create = SwiftModel.Expression.call(.raw("ExactRun"), [
            (label: "weights", value: .raw(w)), (label: "optimizer", value: exactOptimizer(plan)),
            (label: "weightsName", value: .raw("\"\(w)\"")),
        ])
        let failure = SwiftModel.Statement.expression(.call(.raw("fatalError"), [
            (label: nil, value: .raw("\"\(plan.exactName): \\(error)\"")),
        ]))
        let loop: [SwiftModel.Statement] = [
            gradient(plan, names, step: .member(run, "steps")),
            .doCatch(body: [.expression(.prefix("try ", .call(.member(run, "step"), [(label: "gradient", value: .raw(names.gradient))])))],
                     handler: [failure]),
            copyWeights(plan, names),
        ]
        let body: [SwiftModel.Statement] = [
            .declaration(mutable: true, pattern: names.run, type: nil, value: create),
            .expression(.call(.member(run, "reserveBuffer"), [(label: "steps", value: .raw(Naming.Training.stepsLabel))])),
            .declaration(mutable: true, pattern: w, type: nil, value: .member(run, "weights")),
            .forIn(pattern: "_", sequence: .range(.raw("0"), "..<", .raw(Naming.Training.stepsLabel)), body: loop),
            .returnStatement(.tuple([(label: w, value: .raw(w)), (label: Naming.Training.run, value: run)])),
        ]
        return SwiftModel.Function(docComment: TrainingDocumentation.exact(plan), access: nil, name: plan.exactName,
                                   parameters: TrainingFunctions.parameters(plan), returnType: resultType(plan), body: body)
    }

    static func reverse(_ plan: TrainingPlan, _ names: TrainingNames) -> SwiftModel.Function {
        let run = SwiftModel.Expression.raw(names.run)
        let w = plan.weights.name
        let undo = SwiftModel.Expression.call(.member(run, "undoWeightUpdate"), [])
        var loop: [SwiftModel.Statement] = plan.stepParameter == nil ? [.expression(undo)]
            : [.declaration(mutable: false, pattern: names.step, type: nil, value: undo)]
        loop += [
            copyWeights(plan, names),
            gradient(plan, names, step: .raw(names.step)),
            .expression(.call(.member(run, "undoStateUpdate"), [(label: "gradient", value: .raw(names.gradient))])),
        ]
        let check = SwiftModel.Expression.infix(.member(run, "optimizer"), "==", exactOptimizer(plan))
        let message = "\"\(plan.reverseName): the run was trained with other hyperparameters\""
        let body: [SwiftModel.Statement] = [
            .expression(.call(.raw("precondition"), [(label: nil, value: check), (label: nil, value: .raw(message))])),
            .declaration(mutable: true, pattern: names.run, type: nil, value: run),
            .declaration(mutable: true, pattern: w, type: nil, value: .member(run, "weights")),
            .forIn(pattern: "_", sequence: .range(.raw("0"), "..<", .raw(Naming.Training.stepsLabel)), body: loop),
            .returnStatement(.tuple([(label: w, value: .raw(w)), (label: Naming.Training.run, value: run)])),
        ]
        let runParameter = SwiftModel.Parameter(label: Naming.Training.run, name: names.run, type: "ExactRun")
        return SwiftModel.Function(docComment: TrainingDocumentation.reverse(plan), access: nil, name: plan.reverseName,
                                   parameters: [runParameter] + TrainingFunctions.parameters(plan),
                                   returnType: resultType(plan), body: body)
    }

    /// `let (_, dw) = LGradient(w: w, ..., step: <step>)`.
    static func gradient(_ plan: TrainingPlan, _ names: TrainingNames, step: SwiftModel.Expression) -> SwiftModel.Statement {
        let arguments = plan.loss.parameters.map { parameter in
            (label: parameter.label, value: parameter.name == plan.stepParameter?.name ? step : SwiftModel.Expression.raw(parameter.name))
        }
        return .declaration(mutable: false, pattern: "(_, \(names.gradient))", type: nil,
                            value: .call(.raw(plan.gradientName), arguments))
    }

    /// `run.copyWeights(into: &w)`.
    static func copyWeights(_ plan: TrainingPlan, _ names: TrainingNames) -> SwiftModel.Statement {
        .expression(.call(.member(.raw(names.run), "copyWeights"), [(label: "into", value: .prefix("&", .raw(plan.weights.name)))]))
    }
}
