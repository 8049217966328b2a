/// The optimizer state type of a ``TrainingPlan``: one `[Double]` per state array of
/// the optimizer (``Optimizer/stateArrays``) and the number of steps taken.
///
/// For example, for Adam on `trainLoss`:
///
///     struct TrainLossAdamState: Equatable, Sendable {
///         var m: [Double]
///         var v: [Double]
///         var step: Int
///         init(count: Int) { ... zeros ... }
///     }
enum TrainingState {
    static func type(_ plan: TrainingPlan) -> SwiftModel.Struct {
        let arrays = plan.optimizer.stateArrays
        let count = SwiftModel.Expression.raw(Naming.Training.count)
        let zeros = SwiftModel.Expression.call(.raw("[Double]"), [(label: "repeating", value: .raw("0.0")),
                                                                  (label: "count", value: count)])
        let properties = arrays.map {
            SwiftModel.Property(docComment: ["\($0.meaning.prefix(1).uppercased() + $0.meaning.dropFirst()), one entry per weight."],
                                name: $0.name, type: "[Double]")
        } + [SwiftModel.Property(docComment: ["The number of steps taken: the next step is step number `step` (0-based)."],
                                 name: Naming.Training.stepCount, type: "Int")]
        let body: [SwiftModel.Statement] = arrays.map { .assignment(target: .raw($0.name), op: "=", value: zeros) }
            + [.assignment(target: .raw(Naming.Training.stepCount), op: "=", value: .raw("0"))]
        let initializer = SwiftModel.Initializer(
            docComment: ["The state before the first step, for `count` weights: zero arrays, no steps taken."],
            parameters: [SwiftModel.Parameter(label: Naming.Training.count, name: Naming.Training.count, type: "Int")],
            body: body)
        return SwiftModel.Struct(docComment: TrainingDocumentation.state(plan), name: plan.stateTypeName,
                                 conformances: ["Equatable", "Sendable"], properties: properties, initializers: [initializer])
    }
}
