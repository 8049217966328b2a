/// Loop fusion in reverse mode: running each iteration's reverse right after its
/// forward, in one loop, as a hand-written gradient does.
///
/// Valid for a loop whose iterations affect each other's derivatives only through
/// *accumulators* — active variables the body updates with `+=`/`-=` (or
/// `a[i] += e`) and never reads — and arrays written only at the loop index or
/// fully rewritten each iteration (see ``ReverseMode/carriedState(_:)``), when the
/// adjoints of the accumulators are known before the loop runs. The reverse of iteration k then needs only the state right
/// after its own forward (no tape) and the accumulators' adjoints (final). The
/// function-level case: the last top-level loop, followed by straight-line code whose
/// reverse reads nothing the loop or that code writes, e.g. `return total`:
///
///     forward(before) ; reverse(after) ; fused(loop) ; forward(after) ; reverse(before)
///
/// Inside a fused body, a loop that ends the body and accumulates only into the
/// enclosing loop's accumulators is fused too.
extension ReverseMode {
    /// The active accumulators of `loop` when every active value it carries from one
    /// iteration to the next is an accumulator; nil otherwise.
    func fusableAccumulators(_ loop: IR.ForLoop) -> Set<String>? {
        if case .reversedRange = loop.sequence { return nil }
        // Carried state of any type is out: each iteration's reverse runs before the next
        // iteration and would put it back (a pop, or an undone `index += 1`).
        let state = carriedState(loop)
        if state.unsupported || state.activeCarried || state.inactiveCarried { return nil }
        return state.accumulators.filter(isActive)
    }

    /// Sweeps `body` as a unit whose reverse runs right after its forward: its
    /// declarations stay local, taping is decided for the body alone, and adjoints of
    /// its top-level declarations are declared at the start of its reverse code.
    /// With `skipping`, the forward part leaves out updates of those accumulators (the
    /// recompute-fused re-run must not add to them a second time).
    mutating func fusedBody(_ body: [IR.Statement], accumulators: Set<String>,
                            skipping: Set<String> = []) -> [IR.Statement] {
        let saved = (plan, blockDepth, loopDepth, fusedAccumulators, skippedUpdates)
        var saves = makeSaveAnalysis()
        plan = saves.run(body)
        blockDepth = 0
        loopDepth = 0
        fusedAccumulators = accumulators
        skippedUpdates.formUnion(skipping)
        let (forward, reverse) = sweep(body)
        (plan, blockDepth, loopDepth, fusedAccumulators, skippedUpdates) = saved
        return forward + localAdjoints(declaredIn: body, arraysOnly: false) + reverse
    }

    /// `for i in … { forward(body); reverse(body) }`.
    mutating func fusedLoop(_ loop: IR.ForLoop, accumulators: Set<String>) -> IR.Statement {
        var fused = loop
        fused.body = fusedBody(loop.body, accumulators: accumulators)
        return IR.Statement(.forLoop(fused))
    }

    /// What the reverse of `body` reads after `body` ran (see ``SaveAnalysis``).
    func pendingBeforeFusion(_ body: [IR.Statement]) -> Set<String> {
        var saves = makeSaveAnalysis()
        return saves.pendingAfter(body)
    }

    func makeSaveAnalysis() -> SaveAnalysis {
        let analysis = self
        var saves = SaveAnalysis(adjointReads: { analysis.adjointReads(of: $0) },
                                 readsOwnResult: { analysis.readsOwnResult($0) },
                                 isUndone: { analysis.isUndoneUpdate($0) },
                                 recomputable: { analysis.recomputedLets($0) })
        saves.independent = { Self.isCheapToRerun($0.body) && analysis.independentIterations($0) != nil }
        return saves
    }

    /// The function body split for fusion — `(before, loops, after)` — when it ends
    /// with a group of accumulator loops followed by straight-line code whose reverse
    /// reads nothing the loops or that code write and that declares no active array,
    /// and no loop of the group reads what an earlier one writes. The group shrinks from the front until that holds.
    func fusionSplit(_ body: [IR.Statement]) -> (before: [IR.Statement], loops: [(IR.ForLoop, Set<String>)],
                                                 after: [IR.Statement])? {
        guard let last = body.lastIndex(where: { if case .forLoop = $0.kind { return true }; return false }) else {
            return nil
        }
        let after = Array(body[(last + 1)...])
        for statement in after {
            // The reverse of `after` runs before its forward, and the adjoint of an array
            // it declares is declared before both, as long as an array that does not exist yet.
            if case let .declare(name, type, _, _, _) = statement.kind, type.isArray, isActive(name) { return nil }
            switch statement.kind {
            case .declare(_, _, _, let value, _), .assign(_, _, let value):
                if case .call = value.kind { return nil }
                if readsOwnResult(statement) { return nil }
            case .returnValues, .comment: break
            default: return nil
            }
        }
        var first = last
        while first > 0, case .forLoop(let loop) = body[first - 1].kind, fusableAccumulators(loop) != nil { first -= 1 }
        for start in first...last {
            var loops: [(IR.ForLoop, Set<String>)] = []
            for statement in body[start...last] {
                guard case .forLoop(let loop) = statement.kind, let accumulators = fusableAccumulators(loop) else { break }
                loops.append((loop, accumulators))
            }
            guard loops.count == last - start + 1 else { continue }
            if isValidFusionGroup(before: Array(body[..<start]), loops: Array(body[start...last]), after: after) {
                return (Array(body[..<start]), loops, after)
            }
        }
        return nil
    }

    func isValidFusionGroup(before: [IR.Statement], loops: [IR.Statement], after: [IR.Statement]) -> Bool {
        // No loop of the group may read what an earlier one writes (its reverse would
        // add to adjoints the earlier one already used).
        for (index, loop) in loops.enumerated() where index > 0 {
            if !loop.allReads.isDisjoint(with: Self.writes(Array(loops[..<index]))) { return false }
        }
        var written = Self.writes(loops)
        // A fused body's reverse restores what it overwrote in place, so the code after
        // the group may read only the loops' accumulators, which are never restored.
        var accumulators: Set<String> = []
        for loop in loops {
            if case .forLoop(let body) = loop.kind { accumulators.formUnion(carriedState(body).accumulators) }
        }
        let afterReads = after.reduce(into: Set<String>()) { $0.formUnion($1.allReads) }
        if !afterReads.isDisjoint(with: written.subtracting(accumulators)) { return false }
        for statement in after {
            written.formUnion(Self.writes([statement]))
            if !adjointReads(of: statement).isDisjoint(with: written) { return false }
        }
        // The reverse of the code before the group runs last: it must not need a value
        // the group or the tail overwrites (the fused code tapes nothing for it).
        return pendingBeforeFusion(before).isDisjoint(with: written)
    }
}
