/// Recompute fusion: the reverse of a loop whose iterations are independent re-runs
/// each iteration's forward just before its reverse, instead of taping its state.
///
/// Iterations are independent when everything the body writes that outlives an
/// iteration is
/// - an **accumulator** (`acc += e`, `acc[i] += e`, never read in the body): its
///   adjoint does not change during the loop, and the re-run skips the update;
/// - an array **written only at the loop index** (`out[i] = e`, never read in the
///   body): iterations write different elements;
/// - a **scratch array**, fully rewritten (`for j in 0..<n { a[j] = e }` with `n` its
///   length) before anything in the iteration touches it.
/// Then the state an iteration's reverse needs is rebuilt by re-running that iteration
/// from values nothing in the loop changes. Cost: one more forward of the body, no
/// tape traffic; the iterations' reverses run in natural order.
extension ReverseMode {
    /// How a loop's body treats what outlives an iteration.
    struct CarriedState {
        /// Written only by `+=`/`-=` and never read in the body (any type).
        var accumulators: Set<String> = []
        /// Active variables carried from one iteration to the next in another way.
        var activeCarried = false
        /// Inactive variables carried from one iteration to the next in another way.
        var inactiveCarried = false
        /// The body holds a `while` loop or generated code.
        var unsupported = false
    }

    func carriedState(_ loop: IR.ForLoop) -> CarriedState {
        enum Write { case accumulate, atLoopIndex, other }
        var declared: Set<String> = []
        var writes: [String: Set<Write>] = [:]
        var state = CarriedState()
        IRWalk.forEachStatement(loop.body) { statement in
            switch statement.kind {
            case .declare(let name, _, _, _, _):
                declared.insert(name)
            case let .assign(name, op, value):
                let accumulates = (op == .add || op == .subtract) && !value.reads.contains(name)
                writes[name, default: []].insert(accumulates ? .accumulate : .other)
            case let .store(array, index, op, _):
                if op == .add || op == .subtract {
                    writes[array, default: []].insert(.accumulate)
                } else if op == nil, let counter = loop.index, index.isSameAtom(as: .variable(counter, .int)) {
                    writes[array, default: []].insert(.atLoopIndex)
                } else {
                    writes[array, default: []].insert(.other)
                }
            case .whileLoop, .append, .removeLast, .destructure:
                state.unsupported = true
            default:
                break
            }
        }
        let reads = IRWalk.reads(in: loop.body)
        for (name, kinds) in writes where !declared.contains(name) {
            if kinds == [.accumulate], !reads.contains(name) {
                state.accumulators.insert(name)
            } else if kinds == [.atLoopIndex], !reads.contains(name) {
                continue
            } else if !isScratch(name, in: loop.body) {
                if isActive(name) { state.activeCarried = true } else { state.inactiveCarried = true }
            }
        }
        return state
    }

    /// The accumulators of `loop` when its iterations are independent (nothing but
    /// accumulators, index-written arrays and scratch arrays outlive an iteration, and
    /// the header reads nothing the body writes); nil otherwise.
    func independentIterations(_ loop: IR.ForLoop) -> Set<String>? {
        if case .reversedRange = loop.sequence { return nil }
        let state = carriedState(loop)
        if state.unsupported || state.activeCarried || state.inactiveCarried { return nil }
        let header = loop.sequence.expressions.reduce(into: Set<String>()) { $0.formUnion($1.reads) }
        if !header.isDisjoint(with: Self.writes(loop.body)) { return nil }
        return state.accumulators
    }

    /// Re-running costs less than taping only for arithmetic: no calls, no expensive
    /// builtins (which the cost model stores rather than recomputes).
    static func isCheapToRerun(_ body: [IR.Statement]) -> Bool {
        var cheap = true
        IRWalk.forEachStatement(body) { statement in
            for expression in statement.ownExpressions where !isCheap(expression) {
                if case .repeating = expression.kind { continue }
                cheap = false
            }
        }
        return cheap
    }

    /// Whether every iteration of `body` rewrites all of `array` before touching it.
    func isScratch(_ array: String, in body: [IR.Statement]) -> Bool {
        guard let length = fixedLengths[array] else { return false }
        guard let first = body.firstIndex(where: { Self.touches($0, array) }) else { return true }
        if Self.rewritesWhole(body[first], array, length: length) { return true }
        guard case .forLoop(let inner) = body[first].kind else { return false }
        let later = body[(first + 1)...]
        return isScratch(array, in: inner.body) && !later.contains { Self.touches($0, array) }
    }

    static func touches(_ statement: IR.Statement, _ name: String) -> Bool {
        var found = false
        IRWalk.forEachStatement([statement]) { nested in
            if nested.writtenVariable == name { found = true }
            for expression in nested.ownExpressions where expression.reads.contains(name) { found = true }
        }
        return found
    }

    /// `for j in 0..<length { …; array[j] = e; … }` with the store unconditional.
    static func rewritesWhole(_ statement: IR.Statement, _ array: String, length: IR.Expression) -> Bool {
        guard case .forLoop(let loop) = statement.kind, let index = loop.index,
              case let .range(lower, upper, false) = loop.sequence,
              case .int(0, _) = lower.kind, upper.isStructurallyEqual(to: length) else { return false }
        return loop.body.contains { statement in
            guard case let .store(target, storeIndex, nil, value) = statement.kind, target == array else { return false }
            return storeIndex.isSameAtom(as: .variable(index, .int)) && !value.reads.contains(array)
        }
    }

    /// Arrays whose length is fixed for the whole function: declared once at the top
    /// level with `[T](repeating: v, count: n)`, `n` reading nothing ever reassigned,
    /// and only ever written element by element.
    static func fixedLengths(in function: IR.Function) -> [String: IR.Expression] {
        let mutated = IRWalk.mutations(in: function.body)
        var wholeAssignments: Set<String> = []
        IRWalk.forEachStatement(function.body) { statement in
            switch statement.kind {
            case .assign(let name, _, _), .append(let name, _): wholeAssignments.insert(name)  // length may change
            default: break
            }
        }
        var lengths: [String: IR.Expression] = [:]
        for statement in function.body {
            guard case let .declare(name, type, _, value, _) = statement.kind, type.isArray,
                  case .repeating(_, let count) = value.kind, !wholeAssignments.contains(name),
                  count.reads.isDisjoint(with: mutated) else { continue }
            lengths[name] = count
        }
        return lengths
    }
}
