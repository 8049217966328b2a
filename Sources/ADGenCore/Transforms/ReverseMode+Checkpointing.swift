extension ReverseMode {
    /// A top-level loop that would tape on every iteration, checkpointed under the tape
    /// budget (Docs/ReverseMode.md, "Checkpointing under a budget"); nil to reverse it as
    /// usual (no budget, not at the top level, or nothing taped per iteration).
    ///
    /// The forward sweep runs the primal loop, storing the loop-carried state when the
    /// runtime's schedule asks; the reverse sweep follows the schedule: it restores and
    /// stores states, re-runs steps unrecorded, and records and reverses one step at a
    /// time with the body's own forward and reverse code, so every floating-point
    /// operation is the fully taped loop's.
    mutating func checkpointedLoop(_ statement: IR.Statement) -> ([IR.Statement], [IR.Statement])? {
        guard let budget = tapeBudget, blockDepth == 0, fusedAccumulators == nil else { return nil }
        let body: [IR.Statement]
        let index: String?
        switch statement.kind {
        case .forLoop(let loop) where plan.strategy(of: statement) == .taped:
            body = loop.body
            index = loop.index
        case .whileLoop(_, let loopBody):
            body = loopBody
            index = nil
        default:
            return nil
        }
        var trial = self
        guard Self.pushesToTape(trial.loopBody(body).0) else { return nil }
        let state = checkpointState(body, index: index)
        let schedule = names.numbered(Naming.checkpoints)
        let (bodyForward, bodyReverse) = loopBody(body)
        let primal = Self.withoutTapePushes(bodyForward)
        var forward: [IR.Statement] = []
        let snapshot = IR.Statement(.checkpoint(IR.Checkpoint(schedule: schedule, part: .snapshotIfDue, state: state)))
        var stride: IR.Expression?
        let start: IR.Checkpoint.Part
        let snapshotBytes = Self.snapshotBytes(state)
        switch statement.kind {
        case .forLoop(var loop):
            switch loop.sequence {
            case let .range(lower, upper, closed):
                let isZero: Bool
                if case .int(0, _) = lower.kind { isZero = true } else { isZero = false }
                let count = isZero ? upper : upper - lower
                start = .start(steps: closed ? count + .int(1) : count, first: isZero ? nil : lower, stride: nil,
                               snapshotBytes: snapshotBytes, budget: budget)
            case let .stride(from, bound, by, through):
                var step = by
                if !by.reads.isDisjoint(with: Self.writes(body)) {
                    let saved = bookkeeping("step", .int, by)
                    forward += saved.forward
                    step = .variable(saved.name, .int)
                }
                stride = step
                loop.sequence = .stride(from: from, bound: bound, by: step, through: through)
                start = .start(steps: nil, first: from, stride: step, snapshotBytes: snapshotBytes, budget: budget)
            case .reversedRange:
                preconditionFailure("reverse mode of generated code is not supported")
            }
            loop.body = [snapshot] + primal
            forward += [IR.Statement(.checkpoint(IR.Checkpoint(schedule: schedule, part: start, state: state))),
                        IR.Statement(.forLoop(loop))]
        case .whileLoop(let condition, _):
            start = .start(steps: nil, first: nil, stride: nil, snapshotBytes: snapshotBytes, budget: budget)
            forward += [IR.Statement(.checkpoint(IR.Checkpoint(schedule: schedule, part: start, state: state))),
                        IR.Statement(.whileLoop(condition: condition, body: [snapshot] + primal))]
        default:
            preconditionFailure()
        }
        let steps = IR.CheckpointedSteps(
            index: index, stride: stride, actionName: names.fresh("action"), fromName: names.fresh("from"),
            toName: names.fresh("to"), advance: primal, reverse: bodyForward + separated(bodyReverse, from: bodyForward))
        let reverse = IR.Statement(.checkpoint(IR.Checkpoint(schedule: schedule, part: .reverse(steps), state: state)))
        let note = "checkpointed: snapshots of \(state.map(\.name).joined(separator: ", ")) "
            + "(\(TapeReport.render(snapshotBytes)) bytes each) on a Revolve schedule within \(budget) bytes"
        report.append(TapeReport.Loop(header: TapeReport.header(of: statement), line: statement.location.line,
                                      tripCount: TapeReport.tripCount(of: statement),
                                      terms: TapeReport.terms(bodyForward), strategy: note,
                                      checkpoint: (snapshotBytes, budget)))
        let comment = IR.Statement(.comment("\(note); \(report.last!.bytesPerIteration) bytes taped per step"))
        return ([comment] + forward, [reverse])
    }

    /// Notes a top-level loop reversed without checkpoints in the tape report.
    mutating func reported(_ statement: IR.Statement,
                           _ sweeps: ([IR.Statement], [IR.Statement])) -> ([IR.Statement], [IR.Statement]) {
        guard blockDepth == 0, fusedAccumulators == nil else { return sweeps }
        var body: [IR.Statement] = []
        for forward in sweeps.0 {
            switch forward.kind {
            case .forLoop(let loop): body = loop.body
            case .whileLoop(_, let loopBody): body = loopBody
            default: break
            }
        }
        let strategy: String
        if plan.strategy(of: statement) == .recomputeFused, case .forLoop = statement.kind {
            strategy = "recompute-fused: each iteration re-run in the reverse sweep and reversed at once; nothing taped"
        } else if Self.pushesToTape(body) {
            strategy = "taped: the tape grows with the trip count (--tape-budget would checkpoint this loop)"
        } else {
            strategy = "reversed without a tape: nothing it overwrites is read by the reverse sweep"
        }
        report.append(TapeReport.Loop(header: TapeReport.header(of: statement), line: statement.location.line,
                                      tripCount: TapeReport.tripCount(of: statement),
                                      terms: TapeReport.terms(body), strategy: strategy))
        return sweeps
    }

    /// The loop-carried state: what the body writes of the variables declared outside it,
    /// and what it reads of those written elsewhere in the function (a re-run step must
    /// see the values the first run saw). In name order.
    func checkpointState(_ body: [IR.Statement], index: String?) -> [IR.Parameter] {
        var local: Set<String> = index.map { [$0] } ?? []
        IRWalk.forEachStatement(body) { if case .declare(let name, _, _, _, _) = $0.kind { local.insert(name) } }
        let changedElsewhere = IRWalk.mutations(in: source.body)
        let carried = IRWalk.mutations(in: body).union(IRWalk.reads(in: body).intersection(changedElsewhere))
        return carried.subtracting(local).sorted().compactMap { name in
            types[name].map { IR.Parameter(label: nil, name: name, type: $0) }
        }
    }

    /// `8 * (variables + Σ a.count)` (an array stores its count too): the bytes of one
    /// snapshot, as on entry.
    static func snapshotBytes(_ state: [IR.Parameter]) -> IR.Expression {
        var words = IR.Expression.int(state.count)
        for variable in state where variable.type.isArray {
            words = words + IR.Expression(.count(array: variable.name), .int)
        }
        return .int(8) * words
    }

    /// Whether `body` pushes on a tape (an array's own `append` does not count).
    static func pushesToTape(_ body: [IR.Statement]) -> Bool {
        var found = false
        IRWalk.forEachStatement(body) { statement in
            if case .append(let array, _) = statement.kind, Naming.isTape(array) { found = true }
        }
        return found
    }

    /// The reverse code of a loop body, to follow its forward code in one block (a recorded
    /// step): in the taped loop the two are sibling scopes, so a value the reverse
    /// recomputes (`let u = t1 * a[j]` in both) is declared twice; those of the reverse are
    /// renamed, keeping every operation the taped loop's.
    mutating func separated(_ reverse: [IR.Statement], from forward: [IR.Statement]) -> [IR.Statement] {
        let clashes = IRWalk.declarations(in: reverse).intersection(IRWalk.declarations(in: forward))
        guard !clashes.isEmpty else { return reverse }
        var map: [String: String] = [:]
        for name in clashes.sorted() { map[name] = names.fresh(name) }
        return Renaming.rename(reverse, map)
    }

    /// The forward code of a loop body without its tape pushes: the primal, with the
    /// body's declarations assigned where the sweep hoisted them.
    static func withoutTapePushes(_ body: [IR.Statement]) -> [IR.Statement] {
        body.compactMap { statement in
            if case .append(let array, _) = statement.kind, Naming.isTape(array) { return nil }
            let stripped = statement.mappingBodies(withoutTapePushes)
            if case .forLoop(let loop) = stripped.kind, loop.body.isEmpty { return nil }
            return stripped
        }
    }
}
