/// The optimal binomial checkpointing schedule for reversing `steps` steps with at most
/// `snapshots` stored states (Griewank & Walther's Revolve), as a sequence of
/// ``RevolveAction``s, produced lazily with O(snapshots) memory.
///
/// Executing it reverses every step exactly once, in the order `steps − 1, …, 0`, holds at
/// most `snapshots` states (slots `0 ..< snapshots`; the initial state takes slot 0), and
/// runs ``RevolveCost/forwardSteps(steps:snapshots:)`` unrecorded forward steps, the least
/// possible. Each reversal also runs its step once, recorded; those are not counted.
///
/// The schedule: to reverse steps `a ..< b` from the state at `a` held in a slot with `s`
/// slots available, advance to a split `m`, snapshot there, reverse `m ..< b` with `s − 1`
/// slots, restore `a` and reverse `a ..< m` with `s` slots; `m` minimizes
/// `(m − a) + F(b − m, s − 1) + F(m − a, s)` for the closed-form cost `F`, which is convex,
/// so a binary search finds it. With one slot, each step is reached again from `a`.
///
/// For example:
/// ```swift
/// for action in Revolve(steps: 100, snapshots: 5) {
///     switch action {
///     case let .advance(from, to): ...          // 316 steps in all
///     case let .takeSnapshot(step, slot): ...
///     case let .restore(step, slot): ...
///     case let .firstReverse(step), let .reverse(step): ...
///     }
/// }
/// ```
public struct Revolve: Sequence, Sendable {
    /// The number of steps to reverse.
    public let steps: Int
    /// The most states stored at once, the initial one included.
    public let snapshots: Int

    /// The schedule for `steps ≥ 0` steps and `snapshots ≥ 1` slots.
    public init(steps: Int, snapshots: Int) {
        precondition(steps >= 0, "Revolve: steps must not be negative")
        precondition(snapshots >= 1, "Revolve needs at least one snapshot")
        self.steps = steps
        self.snapshots = snapshots
    }

    /// An iterator over the actions, in order.
    public func makeIterator() -> RevolveIterator {
        RevolveIterator(steps: steps, snapshots: snapshots)
    }
}

/// The actions of a ``Revolve`` schedule, produced one at a time from a stack of pending
/// work whose depth is O(snapshots).
///
/// For example: `Revolve(steps: 2, snapshots: 2).makeIterator().next()` is
/// `.takeSnapshot(step: 0, slot: 0)`.
public struct RevolveIterator: IteratorProtocol, Sendable {
    /// Work still to do, the next on top.
    private enum Work: Sendable {
        case emit(RevolveAction)
        /// Reverse steps `start ..< end`; the current state is at `start`, stored in `slot`,
        /// with `slots` slots available from `slot` on.
        case sweep(start: Int, end: Int, slots: Int, slot: Int)
        /// With one slot: reverse steps `start ... last`, each reached again from `start`.
        case singleSlot(start: Int, last: Int, slot: Int, atStart: Bool)
    }

    private var pending: [Work] = []
    private var reversedAny = false

    init(steps: Int, snapshots: Int) {
        guard steps > 0 else { return }
        pending = [.sweep(start: 0, end: steps, slots: snapshots, slot: 0), .emit(.takeSnapshot(step: 0, slot: 0))]
    }

    /// The next action, or `nil` when every step has been reversed.
    public mutating func next() -> RevolveAction? {
        while let work = pending.popLast() {
            switch work {
            case let .emit(action):
                return marked(action)
            case let .sweep(start, end, slots, slot):
                planSweep(start: start, end: end, slots: slots, slot: slot)
            case let .singleSlot(start, last, slot, atStart):
                planSingleSlot(start: start, last: last, slot: slot, atStart: atStart)
            }
        }
        return nil
    }

    /// The first reversal becomes ``RevolveAction/firstReverse(step:)``.
    private mutating func marked(_ action: RevolveAction) -> RevolveAction {
        guard case let .reverse(step) = action, !reversedAny else { return action }
        reversedAny = true
        return .firstReverse(step: step)
    }

    private mutating func planSweep(start: Int, end: Int, slots: Int, slot: Int) {
        if end - start == 1 {
            pending.append(.emit(.reverse(step: start)))
        } else if slots == 1 {
            pending.append(.singleSlot(start: start, last: end - 1, slot: slot, atStart: true))
        } else {
            let split = start + RevolveIterator.split(steps: end - start, slots: slots)
            pending.append(.sweep(start: start, end: split, slots: slots, slot: slot))
            pending.append(.emit(.restore(step: start, slot: slot)))
            pending.append(.sweep(start: split, end: end, slots: slots - 1, slot: slot + 1))
            pending.append(.emit(.takeSnapshot(step: split, slot: slot + 1)))
            pending.append(.emit(.advance(from: start, to: split)))
        }
    }

    private mutating func planSingleSlot(start: Int, last: Int, slot: Int, atStart: Bool) {
        if last > start {
            pending.append(.singleSlot(start: start, last: last - 1, slot: slot, atStart: false))
        }
        pending.append(.emit(.reverse(step: last)))
        if last > start { pending.append(.emit(.advance(from: start, to: last))) }
        if !atStart { pending.append(.emit(.restore(step: start, slot: slot))) }
    }

    /// The offset `m` in `1 ..< steps` minimizing `m + F(steps − m, slots − 1) + F(m, slots)`:
    /// the first `m` where the convex cost stops decreasing.
    static func split(steps: Int, slots: Int) -> Int {
        func cost(_ m: Int) -> Int {
            m + RevolveCost.forwardSteps(steps: steps - m, snapshots: slots - 1)
                + RevolveCost.forwardSteps(steps: m, snapshots: slots)
        }
        var low = 1
        var high = steps - 1
        while low < high {
            let middle = (low + high) / 2
            if cost(middle + 1) >= cost(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
