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
    struct Loop {
        var header: String
        var line: Int
        var trips: String
        var bytesPerIteration: String
        var strategy: String
    }

    var vjp: String
    var function: String
    var location: String
    var loops: [Loop] = []

    func render() -> String {
        var lines = ["\(vjp) (reverse mode of \(function), \(location))"]
        if loops.isEmpty { lines.append("  no loops: the tape holds O(1) values") }
        for loop in loops {
            lines.append("  \(loop.header) (line \(loop.line)): \(loop.trips) iterations, "
                         + "\(loop.bytesPerIteration) bytes taped per iteration")
            lines.append("    \(loop.strategy)")
        }
        return lines.joined(separator: "\n")
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

    /// The trip count as an expression of the parameters, or "a counted number of" for
    /// `while` and `stride`.
    static func trips(of statement: IR.Statement) -> String {
        guard case .forLoop(let loop) = statement.kind, case let .range(lower, upper, closed) = loop.sequence else {
            return "a counted number of"
        }
        return render(tripCount(lower: lower, upper: upper, closed: closed))
    }

    static func tripCount(lower: IR.Expression, upper: IR.Expression, closed: Bool) -> IR.Expression {
        let count: IR.Expression
        if case .int(0, _) = lower.kind { count = upper } else { count = upper - lower }
        return closed ? count + .int(1) : count
    }

    /// The bytes a loop's forward code pushes per iteration, as `8 + 16·y.count`: each push
    /// times the trip counts of the loops around it (`trips` for a counted one; both
    /// branches of an `if`, so an upper bound).
    static func bytesPerIteration(_ body: [IR.Statement]) -> String {
        var terms: [String: Int] = [:]
        func visit(_ statements: [IR.Statement], _ factor: [String]) {
            for statement in statements {
                switch statement.kind {
                case .append(let tape, let value) where Naming.isTape(tape):
                    terms[factor.joined(separator: "·"), default: 0] += value.type == .bool ? 1 : 8
                case .forLoop(let loop):
                    if case let .range(lower, upper, closed) = loop.sequence {
                        let count = render(tripCount(lower: lower, upper: upper, closed: closed))
                        visit(loop.body, factor + [count.contains(" ") ? "(\(count))" : count])
                    } else {
                        visit(loop.body, factor + ["trips"])
                    }
                case .whileLoop(_, let inner):
                    visit(inner, factor + ["trips"])
                default:
                    statement.children.forEach { visit($0, factor) }
                }
            }
        }
        visit(body, [])
        guard !terms.isEmpty else { return "0" }
        return terms.keys.sorted { ($0.count, $0) < ($1.count, $1) }.map { key in
            key.isEmpty ? "\(terms[key]!)" : "\(terms[key]!)·\(key)"
        }.joined(separator: " + ")
    }

    static func render(_ expression: IR.Expression) -> String {
        SwiftRenderer.render(SwiftTranslator.expression(expression))
    }
}
