extension ReverseMode {
    /// Variables a statement list may change (assignments, stores, declarations).
    static func writes(_ body: [IR.Statement]) -> Set<String> {
        var names = IRWalk.mutations(in: body)
        IRWalk.forEachStatement(body) { statement in
            if case .declare(let name, _, _, _, _) = statement.kind { names.insert(name) }
        }
        return names
    }

    /// Loop-local `let`s the reverse sweep recomputes instead of taping: cheap
    /// (arithmetic, `abs`/`min`/`max`/`floor`/`ceil`), scalar, and reading nothing the
    /// rest of the iteration writes, so at the start of the reversed iteration their
    /// operands hold the values they had. Keyed by position in the loop body.
    static func recomputable(_ body: [IR.Statement]) -> [Int: (name: String, value: IR.Expression)] {
        var result: [Int: (name: String, value: IR.Expression)] = [:]
        let lastWrite = IRWalk.lastPositions(in: body, of: writes)
        func writtenAfter(_ position: Int, _ name: String) -> Bool { (lastWrite[name] ?? -1) > position }
        for (position, statement) in body.enumerated() {
            guard case let .declare(name, type, false, value, _) = statement.kind,
                  type == .double || type == .int, isCheap(value) else { continue }
            if !value.reads.contains(where: { writtenAfter(position, $0) }), !writtenAfter(position, name) {
                result[position] = (name, value)
            }
        }
        return result
    }

    static func isCheap(_ expression: IR.Expression) -> Bool {
        !expression.contains { expression in
            switch expression.kind {
            case .call, .repeating, .newTape, .ternary: return true
            case .builtin(let builtin, _): return !builtin.isCheap
            default: return false
            }
        }
    }

    /// The candidates of ``recomputable(_:)`` that the reversed iteration reads (its
    /// adjoint code, directly or through another recomputed `let`): recomputing one
    /// nobody reads would only keep its operands alive on the tape.
    func recomputedLets(_ body: [IR.Statement]) -> [Int: (name: String, value: IR.Expression)] {
        let candidates = Self.recomputable(body)
        var needed = reverseReads(body)
        var result: [Int: (name: String, value: IR.Expression)] = [:]
        for position in candidates.keys.sorted(by: >) where needed.contains(candidates[position]!.name) {
            result[position] = candidates[position]!
            needed.formUnion(candidates[position]!.value.reads)
        }
        return result
    }

    /// What the reverse code of `body` may read: adjoint reads of every statement, the
    /// conditions and bounds it re-evaluates, and (conservatively) every value computed
    /// in a nested loop.
    func reverseReads(_ body: [IR.Statement]) -> Set<String> {
        var reads: Set<String> = []
        for statement in body {
            reads.formUnion(adjointReads(of: statement))
            switch statement.kind {
            case .forLoop, .whileLoop:
                reads.formUnion(IRWalk.reads(in: [statement]))
            case let .ifElse(condition, thenBody, elseBody):
                reads.formUnion(condition.reads)
                reads.formUnion(reverseReads(thenBody))
                reads.formUnion(reverseReads(elseBody))
            default:
                break
            }
        }
        return reads
    }

    /// Sweeps a loop body: the `let`s the plan recomputes are not taped, and the
    /// reversed body starts by recomputing them.
    mutating func loopBody(_ body: [IR.Statement]) -> ([IR.Statement], [IR.Statement]) {
        let recomputed = plan.recomputed(in: body)
        return nested(loop: true) { pass in
            pass.untaped.formUnion(recomputed.map(\.name))
            let (forward, reverse) = pass.sweep(body)
            let prologue = recomputed.map { name, value in
                IR.Statement(.declare(name: name, type: value.type, mutable: false, value: value, annotated: false))
            }
            return (forward, prologue + pass.localAdjoints(declaredIn: body, arraysOnly: true) + reverse)
        }
    }

    /// Adjoints of the active variables `body` declares, declared at the start of its
    /// reverse code instead of the function's. For arrays of a loop body or branch
    /// (`arraysOnly`) that is where the array has its length (at the top of the
    /// function it is still the empty placeholder); a fused body declares all its own.
    mutating func localAdjoints(declaredIn body: [IR.Statement], arraysOnly: Bool) -> [IR.Statement] {
        var declarations: [IR.Statement] = []
        for statement in body {
            guard case let .declare(name, type, _, _, _) = statement.kind, type.isArray || !arraysOnly,
                  let adjoint = adjoints[name], !locallyDeclaredAdjoints.contains(adjoint) else { continue }
            locallyDeclaredAdjoints.insert(adjoint)
            declarations.append(declareAdjoint(of: name))
        }
        return declarations
    }

    /// A control value the reverse sweep needs (saved condition, bound, trip count):
    /// declared in place at the top level, else hoisted, and taped inside loops.
    mutating func bookkeeping(_ base: String, _ type: IRType, _ value: IR.Expression,
                              mutable: Bool = false) -> (name: String, forward: [IR.Statement], restore: [IR.Statement]) {
        let name = names.numbered(base)
        if blockDepth == 0 {
            return (name, [IR.Statement(.declare(name: name, type: type, mutable: mutable, value: value, annotated: false))], [])
        }
        hoisted.append((name, type))
        hoistedNames.insert(name)
        let assign = IR.Statement(.assign(name: name, op: nil, value: value))
        guard loopDepth > 0 else { return (name, [assign], []) }
        return (name, push(.variable(name, type)) + [assign], pop(into: name, type: type))
    }

    /// A re-run iteration hoists the values its branches declare, under the names the
    /// primal loop in front of it declares locally: each gets a fresh name, or the
    /// primal loop's reads would keep a write the reverse sweep never reads (a Swift
    /// warning), since Cleanup tracks reads by name.
    mutating func renamingHoisted(since start: Int, declaredIn primal: [IR.Statement],
                                  _ body: [IR.Statement]) -> [IR.Statement] {
        let declared = IRWalk.declarations(in: primal)
        var map: [String: String] = [:]
        for index in start..<hoisted.count where declared.contains(hoisted[index].name) {
            let old = hoisted[index].name
            let renamed = names.fresh(old)
            map[old] = renamed
            hoistedNames.remove(old)
            hoistedNames.insert(renamed)
            hoisted[index].name = renamed
        }
        return map.isEmpty ? body : Renaming.rename(body, map)
    }

    mutating func forLoop(_ loop: IR.ForLoop,
                          strategy: ReversePlan.LoopStrategy) -> ([IR.Statement], [IR.Statement]) {
        if strategy == .recomputeFused, let accumulators = independentIterations(loop) {
            // Recompute fusion: the primal loop forward; in reverse, each iteration re-run
            // (without its accumulator updates) and reversed at once, in natural order.
            var reverse = loop
            let hoistedBefore = hoisted.count
            reverse.body = fusedBody(loop.body, accumulators: accumulators.filter(isActive), skipping: accumulators)
            reverse.body = renamingHoisted(since: hoistedBefore, declaredIn: loop.body, reverse.body)
            return ([IR.Statement(.forLoop(loop))], [IR.Statement(.forLoop(reverse))])
        }
        let writes = Self.writes(loop.body)
        let (bodyForward, bodyReverse) = loopBody(loop.body)
        var forward: [IR.Statement] = []
        var restores: [IR.Statement] = []
        /// A loop expression as the reverse sweep may re-evaluate it: saved if the body changes it.
        func stable(_ expression: IR.Expression, _ base: String, _ pass: inout ReverseMode) -> IR.Expression {
            if expression.reads.isDisjoint(with: writes) { return expression }
            let saved = pass.bookkeeping(base, .int, expression)
            forward += saved.forward
            restores = saved.restore + restores
            return .variable(saved.name, .int)
        }
        switch loop.sequence {
        case let .range(lower, upper, closed):
            let low = stable(lower, "lower", &self)
            let high = stable(upper, "upper", &self)
            forward.append(IR.Statement(.forLoop(IR.ForLoop(index: loop.index,
                                                            sequence: .range(lower: low, upper: high, closed: closed),
                                                            body: bodyForward))))
            // Iterations that exchange only accumulators, and whose reverse restores no
            // primal state (no pops, no undone integer updates), can be reversed in any
            // order: keep the natural one.
            let independent = fusableAccumulators(loop) != nil && !restoresPrimalState(bodyReverse)
            let sequence: IR.Sequence = independent ? .range(lower: low, upper: high, closed: closed)
                : .reversedRange(lower: low, upper: high, closed: closed)
            let reverse = IR.Statement(.forLoop(IR.ForLoop(index: loop.index, sequence: sequence, body: bodyReverse)))
            return (forward, [reverse] + restores)
        case let .stride(from, bound, by, through):
            let start = stable(from, "start", &self)
            let step = stable(by, "step", &self)
            let trips = bookkeeping(Naming.tripCount, .int, .int(0), mutable: true)
            forward += trips.forward
            let count = IR.Statement(.assign(name: trips.name, op: .add, value: .int(1)))
            forward.append(IR.Statement(.forLoop(IR.ForLoop(
                index: loop.index, sequence: .stride(from: start, bound: bound, by: step, through: through),
                body: [count] + bodyForward))))
            let trip = names.numbered("trip")
            var reverseBody = bodyReverse
            if let index = loop.index {
                let value = start + .variable(trip, .int) * step
                reverseBody.insert(IR.Statement(.declare(name: index, type: .int, mutable: false, value: value,
                                                         annotated: false)), at: 0)
            }
            let reverse = IR.Statement(.forLoop(IR.ForLoop(
                index: trip, sequence: .reversedRange(lower: .int(0), upper: .variable(trips.name, .int), closed: false),
                body: reverseBody)))
            return (forward, [reverse] + trips.restore + restores)
        case .reversedRange:
            preconditionFailure("reverse mode of generated code is not supported")
        }
    }

    mutating func whileLoop(_ condition: IR.Expression, _ body: [IR.Statement]) -> ([IR.Statement], [IR.Statement]) {
        let trips = bookkeeping(Naming.tripCount, .int, .int(0), mutable: true)
        let (bodyForward, bodyReverse) = loopBody(body)
        let count = IR.Statement(.assign(name: trips.name, op: .add, value: .int(1)))
        let forward = trips.forward + [IR.Statement(.whileLoop(condition: condition, body: [count] + bodyForward))]
        let reverse = IR.Statement(.forLoop(IR.ForLoop(
            index: nil, sequence: .range(lower: .int(0), upper: .variable(trips.name, .int), closed: false),
            body: bodyReverse)))
        return (forward, [reverse] + trips.restore)
    }

    mutating func ifElse(_ condition: IR.Expression, _ thenBody: [IR.Statement],
                         _ elseBody: [IR.Statement]) -> ([IR.Statement], [IR.Statement]) {
        let (thenForward, thenReverse) = branch(thenBody)
        let (elseForward, elseReverse) = branch(elseBody)
        var forward: [IR.Statement] = []
        var restore: [IR.Statement] = []
        var test = condition
        if !Self.conditionIsRecomputed(condition, thenBody + elseBody) {
            let saved = bookkeeping(Naming.branch, .bool, condition)
            forward = saved.forward
            restore = saved.restore
            test = .variable(saved.name, .bool)
        }
        forward.append(IR.Statement(.ifElse(condition: test, then: thenForward, else: elseForward)))
        return (forward, [IR.Statement(.ifElse(condition: test, then: thenReverse, else: elseReverse))] + restore)
    }

    /// Sweeps one branch of an `if`, its arrays' adjoints declared in its reverse code.
    mutating func branch(_ body: [IR.Statement]) -> ([IR.Statement], [IR.Statement]) {
        nested(loop: false) { pass in
            let (forward, reverse) = pass.sweep(body)
            return (forward, pass.localAdjoints(declaredIn: body, arraysOnly: true) + reverse)
        }
    }

    /// Whether reverse code puts primal variables back to earlier values (tape pops,
    /// undone integer updates), which only works in reverse iteration order.
    func restoresPrimalState(_ body: [IR.Statement]) -> Bool {
        var restores = false
        IRWalk.forEachStatement(body) { statement in
            switch statement.kind {
            case .removeLast: restores = true
            // Adjoints and temporaries have fresh names; a source variable's name means a restore.
            case .assign(let name, _, _): if types[name] != nil { restores = true }
            default: break
            }
        }
        return restores
    }

    static func containsCall(_ expression: IR.Expression) -> Bool {
        expression.contains { if case .call = $0.kind { return true }; return false }
    }
}
