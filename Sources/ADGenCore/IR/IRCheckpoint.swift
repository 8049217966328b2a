extension IR {
    /// A part of a loop that reverse mode checkpoints under a tape budget (Docs/ReverseMode.md,
    /// "Checkpointing under a budget"): the runtime's `LoopCheckpoints` object `schedule`
    /// (not an IR variable) stores the loop-carried `state` at a few steps in the forward
    /// sweep and drives the reverse sweep, which re-runs segments from those snapshots.
    public struct Checkpoint: Sendable {
        public enum Part: Sendable {
            /// `let schedule = LoopCheckpoints(steps:first:stride:snapshotBytes:tapeBudget:)`;
            /// `steps` nil for a trip count unknown on entry (the online schedule).
            case start(steps: Expression?, first: Expression?, stride: Expression?, snapshotBytes: Expression,
                       budget: Int)
            /// `if schedule.snapshotDue() { schedule.save(x) … }` at the top of each forward step.
            case snapshotIfDue
            /// `while let action = schedule.next() { switch action { … } }`: the reverse sweep.
            case reverse(CheckpointedSteps)
        }

        public var schedule: String
        public var part: Part
        /// The loop-carried state, saved and loaded in this order.
        public var state: [Parameter]

        public init(schedule: String, part: Part, state: [Parameter]) {
            self.schedule = schedule
            self.part = part
            self.state = state
        }
    }

    /// The reverse sweep of a checkpointed loop: what the schedule's actions run.
    public struct CheckpointedSteps: Sendable {
        /// The loop's index (nil for `for _ in` and `while`).
        public var index: String?
        /// The step between indices of a `stride` loop (nil for a range or `while`).
        public var stride: Expression?
        /// Fresh names for the bound action and the bounds of an advance.
        public var actionName: String
        public var fromName: String
        public var toName: String
        /// The loop body run forward unrecorded (`.advance`).
        public var advance: [Statement]
        /// One step recorded, then reversed (`.reverse`).
        public var reverse: [Statement]

        public init(index: String?, stride: Expression?, actionName: String, fromName: String, toName: String,
                    advance: [Statement], reverse: [Statement]) {
            self.index = index
            self.stride = stride
            self.actionName = actionName
            self.fromName = fromName
            self.toName = toName
            self.advance = advance
            self.reverse = reverse
        }
    }
}

extension IR.Checkpoint {
    /// The state read as expressions (what a snapshot saves).
    var stateValues: [IR.Expression] { state.map { .variable($0.name, $0.type) } }

    /// Expressions the part evaluates itself.
    var ownExpressions: [IR.Expression] {
        switch part {
        case let .start(steps, first, stride, snapshotBytes, _):
            return [steps, first, stride, snapshotBytes].compactMap { $0 }
        case .snapshotIfDue:
            return stateValues
        case .reverse(let steps):
            return stateValues + [steps.stride].compactMap { $0 }
        }
    }

    func mappingOwnExpressions(_ transform: (IR.Expression) -> IR.Expression) -> IR.Checkpoint {
        var checkpoint = self
        switch part {
        case let .start(steps, first, stride, snapshotBytes, budget):
            checkpoint.part = .start(steps: steps.map(transform), first: first.map(transform),
                                     stride: stride.map(transform), snapshotBytes: transform(snapshotBytes), budget: budget)
        case .snapshotIfDue:
            break
        case .reverse(var steps):
            steps.stride = steps.stride.map(transform)
            checkpoint.part = .reverse(steps)
        }
        return checkpoint
    }

    var children: [[IR.Statement]] {
        guard case .reverse(let steps) = part else { return [] }
        return [steps.advance, steps.reverse]
    }

    func mappingBodies(_ transform: ([IR.Statement]) throws -> [IR.Statement]) rethrows -> IR.Checkpoint {
        guard case .reverse(var steps) = part else { return self }
        steps.advance = try transform(steps.advance)
        steps.reverse = try transform(steps.reverse)
        var checkpoint = self
        checkpoint.part = .reverse(steps)
        return checkpoint
    }

    /// The variables the part assigns: the reverse sweep loads the state.
    var writes: [String] {
        guard case .reverse = part else { return [] }
        return state.map(\.name)
    }
}
