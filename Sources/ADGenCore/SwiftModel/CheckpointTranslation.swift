/// The Swift of a checkpointed loop's parts (``IR/Checkpoint``), shared by the real and
/// the complex-step translators, which pass their own statement and expression
/// translation: the runtime's `LoopCheckpoints` object drives the loop, and a `switch`
/// over its actions runs the loop body unrecorded, recorded and reversed.
///
/// For example:
/// ```swift
/// while let action = checkpoints.next() {
///     switch action {
///     case .restore:
///         x = checkpoints.load()
///     case .snapshot:
///         checkpoints.save(x)
///     case let .advance(from, to):
///         for i in from..<to { … }
///     case .reverse(let i):
///         …
///     }
/// }
/// ```
enum CheckpointTranslation {
    /// The name of the runtime's schedule type.
    static let scheduleType = "LoopCheckpoints"

    static func statement(_ checkpoint: IR.Checkpoint, nested: ([IR.Statement]) -> [SwiftModel.Statement],
                          expression: (IR.Expression) -> SwiftModel.Expression) -> SwiftModel.Statement {
        let schedule = SwiftModel.Expression.raw(checkpoint.schedule)
        let saves = checkpoint.state.map { variable -> SwiftModel.Statement in
            .expression(.call(.member(schedule, "save"), [(label: nil, value: .raw(variable.name))]))
        }
        switch checkpoint.part {
        case let .start(steps, first, stride, snapshotBytes, budget):
            var arguments: [(label: String?, value: SwiftModel.Expression)] = []
            if let steps { arguments.append((label: "steps", value: expression(steps))) }
            if let first { arguments.append((label: "first", value: expression(first))) }
            if let stride { arguments.append((label: "stride", value: expression(stride))) }
            arguments.append((label: "snapshotBytes", value: expression(snapshotBytes)))
            arguments.append((label: "tapeBudget", value: .raw(String(budget))))
            return .declaration(mutable: false, pattern: checkpoint.schedule, type: nil,
                                value: .call(.raw(scheduleType), arguments))
        case .snapshotIfDue:
            return .ifElse(condition: .call(.member(schedule, "snapshotDue"), []), then: saves, else: [])
        case .reverse(let steps):
            let loads = checkpoint.state.map { variable -> SwiftModel.Statement in
                .assignment(target: .raw(variable.name), op: "=", value: .call(.member(schedule, "load"), []))
            }
            let cases = [
                SwiftModel.SwitchCase(pattern: ".restore", body: loads.isEmpty ? [.expression(.raw("break"))] : loads),
                SwiftModel.SwitchCase(pattern: ".snapshot", body: saves.isEmpty ? [.expression(.raw("break"))] : saves),
                advance(steps, nested: nested, expression: expression),
                reverse(steps, nested: nested),
            ]
            return .whileLoop(condition: .raw("let \(steps.actionName) = \(checkpoint.schedule).next()"),
                              body: [.switchOver(subject: .raw(steps.actionName), cases: cases)])
        }
    }

    /// `case let .advance(from, to): for i in from..<to { body }` (a stride loop strides).
    static func advance(_ steps: IR.CheckpointedSteps, nested: ([IR.Statement]) -> [SwiftModel.Statement],
                        expression: (IR.Expression) -> SwiftModel.Expression) -> SwiftModel.SwitchCase {
        let from = SwiftModel.Expression.raw(steps.fromName)
        let to = SwiftModel.Expression.raw(steps.toName)
        let sequence: SwiftModel.Expression
        if let stride = steps.stride {
            sequence = .call(.raw("stride"), [(label: "from", value: from), (label: "to", value: to),
                                              (label: "by", value: expression(stride))])
        } else {
            sequence = .range(from, "..<", to)
        }
        let readsIndex = steps.index.map { IRWalk.reads(in: steps.advance).contains($0) } ?? false
        return SwiftModel.SwitchCase(
            pattern: "let .advance(\(steps.fromName), \(steps.toName))",
            body: [.forIn(pattern: readsIndex ? steps.index! : "_", sequence: sequence, body: nested(steps.advance))])
    }

    /// `case .reverse(let i): body` (no binding when the body does not read the index).
    static func reverse(_ steps: IR.CheckpointedSteps,
                        nested: ([IR.Statement]) -> [SwiftModel.Statement]) -> SwiftModel.SwitchCase {
        let readsIndex = steps.index.map { IRWalk.reads(in: steps.reverse).contains($0) } ?? false
        let body = nested(steps.reverse)
        return SwiftModel.SwitchCase(pattern: readsIndex ? ".reverse(let \(steps.index!))" : ".reverse",
                                     body: body.isEmpty ? [.expression(.raw("break"))] : body)
    }
}
