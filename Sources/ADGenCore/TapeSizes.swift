/// `adgen generate --tape-report --tape-sizes steps=100000,y.count=100`: values for the
/// sizes the tape report names (an `Int` parameter or local by its name, an array's
/// length as `name.count`), so that the report also gives each loop's peak bytes and, for
/// a checkpointed loop, its snapshots and recomputed steps (Docs/ReverseMode.md).
public struct TapeSizes: Sendable {
    /// A checkpointed loop's schedule before it runs: the frames held at most and the
    /// steps re-run unrecorded, or nil when the budget cannot hold them. The command line
    /// passes the runtime's own (`LoopCheckpoints.plan`), so the report predicts what the
    /// generated code will do.
    public typealias CheckpointPlan = @Sendable (_ steps: Int, _ snapshotBytes: Int, _ budget: Int)
        -> (frames: Int, recomputedSteps: Int)?

    public var values: [String: Int]
    public var checkpointPlan: CheckpointPlan

    public init(values: [String: Int], checkpointPlan: @escaping CheckpointPlan) {
        self.values = values
        self.checkpointPlan = checkpointPlan
    }

    /// `steps=100000,y.count=100`; nil when a part is not `name=integer` (an integer ≥ 0).
    public static func parse(_ text: String) -> [String: Int]? {
        var values: [String: Int] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let sides = part.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2, !sides[0].isEmpty, let value = Int(sides[1]), value >= 0 else { return nil }
            values[String(sides[0])] = value
        }
        return values
    }

    /// The value of an `Int` expression of the sizes, or nil, adding the sizes it reads to
    /// `names` (those without a value too: then the result is nil).
    func evaluate(_ expression: IR.Expression, names: inout Set<String>) -> Int? {
        switch expression.kind {
        case .int(let value, _):
            return value
        case .variable(let name):
            return lookUp(name, &names)
        case .count(let array):
            return lookUp("\(array).count", &names)
        case .unary(.negate, let operand):
            return evaluate(operand, names: &names).map { -$0 }
        case .binary(let op, let left, let right):
            let a = evaluate(left, names: &names)
            let b = evaluate(right, names: &names)
            guard let a, let b else { return nil }
            return Self.apply(op, a, b)
        default:
            names.insert(TapeReport.render(expression))
            return nil
        }
    }

    private func lookUp(_ name: String, _ names: inout Set<String>) -> Int? {
        names.insert(name)
        return values[name]
    }

    private static func apply(_ op: IR.BinaryOp, _ a: Int, _ b: Int) -> Int? {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide where b != 0: result = a.dividedReportingOverflow(by: b)
        case .remainder where b != 0: result = a.remainderReportingOverflow(dividingBy: b)
        default: return nil
        }
        return result.overflow ? nil : result.partialValue
    }
}
