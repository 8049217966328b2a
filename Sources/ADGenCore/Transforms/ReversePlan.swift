/// What reverse mode decided for one function, statement by statement (by
/// ``IR/Statement/id``): how the reverse sweep gets back each value a write destroys,
/// and how each `for` loop is reversed. ``SaveAnalysis`` makes the decisions; the
/// sweep only reads them; `--dump-after plan` prints them.
struct ReversePlan {
    /// How the reverse sweep restores the value a write overwrites.
    enum Restore: String {
        /// Nothing in the reverse sweep reads the old value.
        case none
        /// The old value is pushed on a tape and popped back.
        case tape
        /// The write is inverted (`k -= e` undoes `k += e` on an `Int`).
        case undo
        /// A loop-local `let` computed again at the start of the reversed iteration.
        case recompute
    }

    /// How a `for` loop is reversed.
    enum LoopStrategy: String {
        /// Iterations reversed in reverse order, with what the body tapes.
        case taped
        /// Each iteration re-run and reversed at once, in natural order (no tape).
        case recomputeFused = "recompute-fused"
    }

    private(set) var restores: [Int: Restore] = [:]
    /// nil for a loop no pass has decided (it is taped).
    private(set) var loops: [Int: Bool] = [:]

    func restore(of statement: IR.Statement) -> Restore { restores[statement.id] ?? .none }

    func strategy(of statement: IR.Statement) -> LoopStrategy {
        loops[statement.id] == true ? .recomputeFused : .taped
    }

    /// Records a decision; fixed-point passes over a loop body may only strengthen it,
    /// and a recomputed `let` stays recomputed.
    mutating func record(_ restore: Restore, for statement: IR.Statement) {
        if restores[statement.id] == .recompute { return }
        if restore != .none || restores[statement.id] == nil { restores[statement.id] = restore }
    }

    /// A loop's strategy holds only if every pass agrees; nil leaves it open.
    mutating func recordLoop(_ recomputeFused: Bool?, for statement: IR.Statement) {
        guard let recomputeFused else { return }
        loops[statement.id] = (loops[statement.id] ?? true) && recomputeFused
    }

    /// Whether some write in `body` tapes or undoes what it overwrites.
    func restoresAnything(in body: [IR.Statement]) -> Bool {
        var found = false
        IRWalk.forEachStatement(body) { if restore(of: $0) == .tape || restore(of: $0) == .undo { found = true } }
        return found
    }

    /// The `let`s of `body` (not nested deeper) recomputed by its reversed iteration.
    func recomputed(in body: [IR.Statement]) -> [(name: String, value: IR.Expression)] {
        body.compactMap { statement in
            guard restore(of: statement) == .recompute, case let .declare(name, _, _, value, _) = statement.kind else {
                return nil
            }
            return (name, value)
        }
    }

    /// The plan with every write of `body` restoring nothing (a recompute-fused loop).
    mutating func clear(_ body: [IR.Statement]) {
        IRWalk.forEachStatement(body) { statement in
            if statement.writtenVariable != nil, restores[statement.id] != .recompute { record(.none, for: statement) }
        }
    }
}

/// Numbers every statement of a function in pre-order, from 1, so a ``ReversePlan``
/// can name them whatever later passes reorder.
enum StatementNumbering {
    static func run(_ function: IR.Function) -> IR.Function {
        var next = 0
        var function = function
        function.body = number(function.body, &next)
        return function
    }

    private static func number(_ body: [IR.Statement], _ next: inout Int) -> [IR.Statement] {
        body.map { statement in
            next += 1
            var numbered = statement
            numbered.id = next
            return numbered.mappingBodies { number($0, &next) }
        }
    }
}
