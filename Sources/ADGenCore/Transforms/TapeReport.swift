/// `adgen generate --tape-report`: for each reverse-mode function, each top-level loop
/// with its trip count, the bytes its forward sweep tapes per iteration (an expression of
/// the sizes), and how reverse mode reverses it: taped, fused or recomputed (no tape), or
/// checkpointed under the budget (Docs/ReverseMode.md).
///
/// For example:
///
///     odeVJP (reverse mode of ode, ode.adg:2:6)
///       for i in 0..<n (line 4): n iterations, 8 + 16·y.count bytes taped per iteration
///         checkpointed: snapshots of y (8 * (1 + y.count) bytes each) within 65536 bytes …
struct TapeReport {
    /// `bytes` taped per iteration times the trip counts of the loops around the push
    /// (nil: a `while` or `stride` loop's, known at run time).
    struct Term {
        var bytes: Int
        var factors: [IR.Expression?]
    }

    struct Loop {
        var header: String
        var line: Int
        /// nil for `while` and `stride` loops.
        var tripCount: IR.Expression?
        var terms: [Term]
        var strategy: String
        /// A checkpointed loop's snapshot size and budget.
        var checkpoint: (snapshotBytes: IR.Expression, budget: Int)?

        var trips: String { tripCount.map(TapeReport.render) ?? "a counted number of" }
        var bytesPerIteration: String { TapeReport.render(terms) }
    }

    var vjp: String
    var function: String
    var location: String
    var loops: [Loop] = []

    func render(sizes: TapeSizes?) -> String {
        var lines = ["\(vjp) (reverse mode of \(function), \(location))"]
        if loops.isEmpty { lines.append("  no loops: the tape holds O(1) values") }
        for loop in loops {
            lines.append("  \(loop.header) (line \(loop.line)): \(loop.trips) iterations, "
                         + "\(loop.bytesPerIteration) bytes taped per iteration")
            lines.append("    \(loop.strategy)")
            if let sizes { lines.append("    " + Self.sized(loop, sizes)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The loop's peak bytes at the given sizes and, checkpointed, its snapshots and
    /// recomputation: `at steps = 100000, y.count = 100: …`.
    static func sized(_ loop: Loop, _ sizes: TapeSizes) -> String {
        var names = Set<String>()
        let trips = loop.tripCount.flatMap { sizes.evaluate($0, names: &names) }
        let perIteration = bytes(loop.terms, sizes, &names)
        let snapshot = loop.checkpoint.flatMap { sizes.evaluate($0.snapshotBytes, names: &names) }
        let missing = names.filter { sizes.values[$0] == nil }
        guard missing.isEmpty else {
            return "sizes: give " + missing.sorted().map { "\($0)=…" }.joined(separator: ",") + " to --tape-sizes"
        }
        let at = names.isEmpty ? "at any sizes: "
            : "at " + names.sorted().map { "\($0) = \(sizes.values[$0]!)" }.joined(separator: ", ") + ": "
        guard let perIteration else {
            return at + "the bytes per iteration depend on a trip count known at run time"
        }
        guard let checkpoint = loop.checkpoint, let snapshot else {
            guard let trips else { return at + "\(perIteration) bytes taped per iteration, times the trip count" }
            let (total, overflow) = trips.multipliedReportingOverflow(by: perIteration)
            return at + (overflow ? "more than Int.max bytes taped" : ByteSize.describe(total) + " taped")
        }
        guard let trips else {
            return at + "at most \(checkpoint.budget / max(snapshot, 8)) snapshots of \(snapshot) bytes; "
                + "the recomputation depends on the trip count, known at run time"
        }
        guard trips <= maxScheduledSteps else {
            return at + "at most \(checkpoint.budget / max(snapshot, 8)) snapshots of \(snapshot) bytes; "
                + "the schedule of more than 2^22 steps is not evaluated"
        }
        guard let plan = sizes.checkpointPlan(trips, snapshot, checkpoint.budget) else {
            return at + "the budget of \(checkpoint.budget) bytes cannot hold two snapshots of \(snapshot) bytes "
                + "(the generated code stops there)"
        }
        let factor = trips == 0 ? 0 : Double(plan.recomputedSteps) / Double(trips)
        return at + "at most \(plan.frames) snapshots of \(snapshot) bytes, \(ByteSize.describe(plan.frames * snapshot)), "
            + "plus one step's tape of \(perIteration) bytes; \(plan.recomputedSteps) steps recomputed "
            + "(\(formatted(factor))·T): each step runs forward \(formatted(1 + factor)) times before it is recorded"
    }

    /// Evaluating a schedule takes time in its repetitions, up to one per step with two
    /// frames: the report evaluates loops of at most 2^22 steps (under a second).
    static let maxScheduledSteps = 1 << 22

    /// The bytes of `terms` at the given sizes (`Int.max` where that overflows); nil when a
    /// factor is a run-time trip count.
    static func bytes(_ terms: [Term], _ sizes: TapeSizes, _ names: inout Set<String>) -> Int? {
        var total = 0
        var known = true
        for term in terms {
            var product = term.bytes
            for factor in term.factors {
                guard let factor else {
                    known = false
                    continue
                }
                product = saturated(product.multipliedReportingOverflow(by: sizes.evaluate(factor, names: &names) ?? 0))
            }
            total = saturated(total.addingReportingOverflow(product))
        }
        return known ? total : nil
    }

    static func saturated(_ result: (partialValue: Int, overflow: Bool)) -> Int {
        result.overflow ? .max : result.partialValue
    }

    static func formatted(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }

    /// `for i in 0..<n` / `while t < end`.
    static func header(of statement: IR.Statement) -> String {
        switch statement.kind {
        case .forLoop(let loop):
            return "for \(loop.index ?? "_") in \(SwiftRenderer.render(SwiftTranslator.sequence(loop.sequence)))"
        case .whileLoop(let condition, _):
            return "while \(render(condition))"
        default:
            return ""
        }
    }

    /// The trip count as an expression of the parameters; nil for `while` and `stride`.
    static func tripCount(of statement: IR.Statement) -> IR.Expression? {
        guard case .forLoop(let loop) = statement.kind, case let .range(lower, upper, closed) = loop.sequence else {
            return nil
        }
        return tripCount(lower: lower, upper: upper, closed: closed)
    }

    static func tripCount(lower: IR.Expression, upper: IR.Expression, closed: Bool) -> IR.Expression {
        let count: IR.Expression
        if case .int(0, _) = lower.kind { count = upper } else { count = upper - lower }
        return closed ? count + .int(1) : count
    }

    /// What a loop's forward code pushes per iteration: each push times the trip counts of
    /// the loops around it (both branches of an `if`, so an upper bound), pushes under the
    /// same loops summed.
    static func terms(_ body: [IR.Statement]) -> [Term] {
        var terms: [String: Term] = [:]
        func visit(_ statements: [IR.Statement], _ factors: [IR.Expression?]) {
            for statement in statements {
                switch statement.kind {
                case .append(let tape, let value) where Naming.isTape(tape):
                    let key = factors.map { $0.map(render) ?? "trips" }.joined(separator: "·")
                    terms[key, default: Term(bytes: 0, factors: factors)].bytes += value.type == .bool ? 1 : 8
                case .forLoop(let loop):
                    if case let .range(lower, upper, closed) = loop.sequence {
                        visit(loop.body, factors + [tripCount(lower: lower, upper: upper, closed: closed)])
                    } else {
                        visit(loop.body, factors + [nil])
                    }
                case .whileLoop(_, let inner):
                    visit(inner, factors + [nil])
                default:
                    statement.children.forEach { visit($0, factors) }
                }
            }
        }
        visit(body, [])
        return terms.sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }.map(\.value)
    }

    /// `8 + 16·y.count`; `0` for no terms.
    static func render(_ terms: [Term]) -> String {
        guard !terms.isEmpty else { return "0" }
        return terms.map { term in
            let factors = term.factors.map { factor -> String in
                guard let factor else { return "trips" }
                let text = render(factor)
                return text.contains(" ") ? "(\(text))" : text
            }
            return ([String(term.bytes)] + factors).joined(separator: "·")
        }.joined(separator: " + ")
    }

    static func render(_ expression: IR.Expression) -> String {
        SwiftRenderer.render(SwiftTranslator.expression(expression))
    }
}
