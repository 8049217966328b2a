/// Which overwrites the forward sweep must tape (Tapenade's "to be recorded").
///
/// Forward dataflow over the structured IR: `pending` holds the variables whose
/// current value the reverse sweep will read (some statement since the variable's
/// last write reads it in its adjoint code). A write of such a variable must push the
/// old value; a write of any other variable need not, because nothing in the reverse
/// sweep looks at the value it destroys. Loops iterate to a fixed point over the
/// back edge; branches join by union. The result is a ``ReversePlan``: a decision
/// per write statement and per `for` loop, by statement id.
struct SaveAnalysis {
    /// The adjoint reads of a statement (see ``ReverseMode/adjointReads(of:)``).
    let adjointReads: (IR.Statement) -> Set<String>
    /// The decisions so far.
    private(set) var plan = ReversePlan()
    /// Whether a loop's iterations are independent (its eligibility for recompute fusion).
    var independent: (IR.ForLoop) -> Bool = { _ in false }

    init(adjointReads: @escaping (IR.Statement) -> Set<String>, readsOwnResult: @escaping (IR.Statement) -> Bool,
         isUndone: @escaping (IR.Statement) -> Bool,
         recomputable: @escaping ([IR.Statement]) -> [Int: (name: String, value: IR.Expression)]) {
        self.adjointReads = adjointReads
        self.readsOwnResult = readsOwnResult
        self.isUndone = isUndone
        self.recomputable = recomputable
    }

    /// The loop-local `let`s of a loop body its reversed iteration recomputes (see
    /// ``ReverseMode/recomputedLets(_:)``), by position.
    private let recomputable: ([IR.Statement]) -> [Int: (name: String, value: IR.Expression)]

    /// Whether the statement, when it must restore its target, is undone by its
    /// inverse instead of taped (`k += e` on an `Int`).
    private let isUndone: (IR.Statement) -> Bool

    mutating func run(_ body: [IR.Statement]) -> ReversePlan {
        var pending: Set<String> = []
        walk(body, &pending)
        return plan
    }

    /// The variables whose values the reverse of `body` will read, after `body` ran:
    /// code that follows `body` must not overwrite them untaped.
    mutating func pendingAfter(_ body: [IR.Statement]) -> Set<String> {
        var pending: Set<String> = []
        walk(body, &pending)
        return pending
    }

    /// `y = sqrt(x)` reads `y` after the write (see ``ReverseMode/usesTargetAsResult(_:_:)``).
    private let readsOwnResult: (IR.Statement) -> Bool

    private mutating func walk(_ body: [IR.Statement], _ pending: inout Set<String>) {
        for statement in body {
            switch statement.kind {
            case .declare, .assign, .store:
                write(statement, &pending)
            case .forLoop(let loop):
                // Taped reverse first; recompute fusion replaces it when it would tape
                // and the loop qualifies (cheap to re-run, independent iterations).
                let snapshot = (plan, pending)
                plan.recordLoop(false, for: statement)
                loopBody(loop.body, &pending)
                pending.formUnion(ReverseMode.reversedHeaderReads(loop))
                let writes = ReverseMode.writes(loop.body)
                if plan.restoresAnything(in: loop.body), independent(loop), snapshot.1.isDisjoint(with: writes) {
                    (plan, pending) = snapshot
                    plan.recordLoop(true, for: statement)
                    plan.clear(loop.body)
                    pending.formUnion(IRWalk.reads(in: [statement]))
                }
            case .whileLoop(_, let body):
                loopBody(body, &pending)
            case let .ifElse(condition, thenBody, elseBody):
                var thenPending = pending
                var elsePending = pending
                walk(thenBody, &thenPending)
                walk(elseBody, &elsePending)
                pending = thenPending.union(elsePending)
                if ReverseMode.conditionIsRecomputed(condition, thenBody + elseBody) {
                    pending.formUnion(condition.reads)
                }
            case .returnValues:
                pending.formUnion(adjointReads(statement))
            case .append(let array, _):
                // Its reverse removes the last element: later writes must leave `array` restorable.
                pending.formUnion(adjointReads(statement))
                pending.insert(array)
            default:
                break
            }
        }
    }

    /// A write: restored when the reverse sweep reads its target's current value.
    private mutating func write(_ statement: IR.Statement, _ pending: inout Set<String>) {
        pending.formUnion(adjointReads(statement))
        let target = statement.writtenVariable!
        let restores = pending.contains(target)
        let undone = restores && isUndone(statement)
        plan.record(undone ? .undo : restores ? .tape : .none, for: statement)
        // A tape pop restores the old value whatever happens later, so nothing
        // before needs the target any more; but an element store restores one
        // element only (the others may still be read), and an undone `k += e`
        // computes the old value from the current one, which every later
        // write must therefore restore too.
        if case .store = statement.kind {} else { pending.remove(target) }
        if readsOwnResult(statement) || undone { pending.insert(target) }
    }

    /// Iterates a loop body until the state at its head stops growing; every pass
    /// re-records the body's decisions (or-ed), so the last pass sees the back edge.
    private mutating func loopBody(_ body: [IR.Statement], _ pending: inout Set<String>) {
        var head = pending
        let recomputed = recomputable(body)
        for position in recomputed.keys { plan.record(.recompute, for: body[position]) }
        while true {
            var state = head
            walk(body, &state)
            // The reversed iteration starts by recomputing these from their operands.
            for (name, value) in recomputed.values {
                state.remove(name)
                state.formUnion(value.reads)
            }
            let next = head.union(state)
            if next == head {
                pending = head.union(state)
                return
            }
            head = next
        }
    }
}

extension ReverseMode {
    /// Primal variables the reverse code of `statement` reads (values of operands of
    /// nonlinear operations, indices, call arguments), before its own write.
    func adjointReads(of statement: IR.Statement) -> Set<String> {
        switch statement.kind {
        case let .declare(name, _, _, value, _):
            guard isActive(name) else { return [] }
            return Self.usesTargetAsResult(name, value) ? resultRuleOperandReads(value) : adjointReads(value)
        case let .assign(name, op, value):
            // `k += e` on an Int is undone in reverse by `k -= e`, which reads e.
            if types[name] == .int, op == .add || op == .subtract { return value.reads }
            guard isActive(name) else { return [] }
            if case .call = value.kind { return value.reads }
            if op == nil, Self.usesTargetAsResult(name, value) { return resultRuleOperandReads(value) }
            switch op {
            case .multiply?, .divide?: return adjointReads(.binary(op!, .variable(name, types[name]!), value))
            default: return adjointReads(value)
            }
        case let .store(array, index, op, value):
            guard isActive(array) else { return index.reads }
            let element = types[array]!.element!
            switch op {
            case .multiply?, .divide?:
                return index.reads.union(adjointReads(.binary(op!, .element(array, index, element), value)))
            default: return index.reads.union(adjointReads(value))
            }
        case .returnValues(let values):
            return values.reduce(into: Set<String>()) { $0.formUnion(adjointReads($1)) }
        case let .append(array, value):
            return isActive(array) ? adjointReads(value) : []
        default:
            return []
        }
    }

    /// Whether `statement` is an `Int` update the reverse sweep undoes (`k -= e` for
    /// `k += e`) rather than tapes, when it must restore `k`.
    func isUndoneUpdate(_ statement: IR.Statement) -> Bool {
        guard case let .assign(name, op, _) = statement.kind else { return false }
        return types[name] == .int && (op == .add || op == .subtract)
    }

    /// Whether `statement` is `y = f(x)` whose reverse reads `y` after the write.
    func readsOwnResult(_ statement: IR.Statement) -> Bool {
        switch statement.kind {
        case let .declare(name, _, _, value, _), let .assign(name, nil, value):
            return isActive(name) && Self.usesTargetAsResult(name, value)
        default:
            return false
        }
    }

    /// For `y = f(args)` differentiated with `y` as the result: the operands the rule
    /// reads, plus what the arguments' own adjoint code reads.
    func resultRuleOperandReads(_ value: IR.Expression) -> Set<String> {
        guard case let .builtin(builtin, arguments) = value.kind else { return adjointReads(value) }
        let probes = (0..<arguments.count).map { IR.Expression.variable("$\($0)", .double) }
        let used = builtin.partials(probes, .variable("$result", .double)).reduce(into: Set<String>()) {
            $0.formUnion($1?.reads ?? [])
        }
        var reads: Set<String> = []
        for (position, argument) in arguments.enumerated() {
            if used.contains("$\(position)") || !argument.isAtomic { reads.formUnion(argument.reads) }
            reads.formUnion(adjointReads(argument))
        }
        return reads
    }

    /// Mirrors ``accumulate(_:_:into:)``: which values its code reads.
    func adjointReads(_ expression: IR.Expression) -> Set<String> {
        guard isActive(expression) else { return [] }
        switch expression.kind {
        case .variable: return []
        case .element(_, let index): return index.reads
        case .unary(_, let operand): return adjointReads(operand)
        case let .binary(op, lhs, rhs):
            var reads = adjointReads(lhs).union(adjointReads(rhs))
            switch op {
            case .multiply:
                if isActive(lhs) { reads.formUnion(rhs.reads) }
                if isActive(rhs) { reads.formUnion(lhs.reads) }
            case .divide:
                reads.formUnion(rhs.reads)
                if isActive(rhs) { reads.formUnion(lhs.reads) }
            default: break
            }
            return reads
        case let .ternary(condition, thenValue, elseValue):
            return condition.reads.union(adjointReads(thenValue)).union(adjointReads(elseValue))
        case .builtin(_, let arguments):
            return arguments.reduce(into: Set<String>()) { $0.formUnion($1.reads) }
        case .call(let call):
            return call.arguments.reduce(into: Set<String>()) { $0.formUnion($1.value.reads) }
        case .repeating(let value, _):
            return adjointReads(value)
        default:
            return []
        }
    }

    /// What the reversed header of `loop` re-evaluates (bounds the body cannot change).
    static func reversedHeaderReads(_ loop: IR.ForLoop) -> Set<String> {
        let writes = Self.writes(loop.body)
        var reads: Set<String> = []
        let recomputed: [IR.Expression]
        switch loop.sequence {
        case let .range(lower, upper, _): recomputed = [lower, upper]
        case let .stride(from, _, by, _): recomputed = [from, by]
        case .reversedRange: recomputed = []
        }
        for expression in recomputed where expression.reads.isDisjoint(with: writes) {
            reads.formUnion(expression.reads)
        }
        return reads
    }

    static func conditionIsRecomputed(_ condition: IR.Expression, _ body: [IR.Statement]) -> Bool {
        condition.reads.isDisjoint(with: writes(body)) && !containsCall(condition)
    }
}
