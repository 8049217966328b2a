/// An instruction of a checkpointed loop's reverse sweep, in step numbers (0-based).
enum ScheduleAction: Equatable {
    case restore
    case snapshot(position: Int)
    case advance(from: Int, to: Int)
    case reverse(step: Int)
}

/// A ``Revolve`` schedule over the steps `start ..< start + count` of a loop, its slot 0
/// being frame `base` of the store: slot `s` is frame `base + s`.
struct RevolveSegment {
    private var actions: RevolveIterator
    let base: Int
    let start: Int

    init(start: Int, count: Int, base: Int, slots: Int) {
        actions = Revolve(steps: count, snapshots: slots).makeIterator()
        self.base = base
        self.start = start
    }

    /// The next action, with the store truncated to the frames it keeps.
    mutating func next(store: inout FrameStore) -> ScheduleAction? {
        guard let action = actions.next() else { return nil }
        switch action {
        case let .takeSnapshot(_, slot) where slot == 0:
            // The segment's first state is frame `base` already: make it current.
            store.truncate(to: base + 1)
            return .restore
        case let .takeSnapshot(step, slot):
            store.truncate(to: base + slot)
            return .snapshot(position: start + step)
        case let .restore(_, slot):
            store.truncate(to: base + slot + 1)
            return .restore
        case let .advance(from, to):
            return .advance(from: start + from, to: start + to)
        case .firstReverse(let step), .reverse(let step):
            return .reverse(step: start + step)
        }
    }
}

/// The trip count known on entry: Revolve's optimum on `frames − 1` slots, its forward
/// snapshots taken by the forward sweep, plus a frame at the last step, where the
/// reverse sweep starts (Revolve's first reversal).
struct OfflineSchedule {
    private var segment: RevolveSegment?
    private var due: Set<Int> = []
    private var last = -1
    private var started = false

    init(steps: Int, frames: Int) {
        guard steps > 0 else { return }
        var segment = RevolveSegment(start: 0, count: steps, base: 0, slots: max(1, min(frames - 1, steps)))
        var store = FrameStore()
        // The schedule's opening is the forward sweep: the snapshots it takes, up to its
        // first reversal (of the last step).
        while let action = segment.next(store: &store) {
            if case .snapshot(let position) = action { due.insert(position) }
            if case .reverse(let step) = action {
                last = step
                break
            }
        }
        due.insert(0)
        due.insert(last)
        self.segment = segment
    }

    func isDue(_ step: Int) -> Bool { due.contains(step) }

    mutating func next(store: inout FrameStore) -> ScheduleAction? {
        guard segment != nil else { return nil }
        if !started {
            started = true
            return .restore
        }
        if last >= 0 {
            defer { last = -1 }
            return .reverse(step: last)
        }
        return segment!.next(store: &store)
    }
}

/// The trip count unknown on entry: a frame every `stride` steps, thinned to every other
/// one (and `stride` doubled) when `frames` are full; in reverse, the segments between
/// frames, last first, each on Revolve with the frames left free.
struct OnlineSchedule {
    let frames: Int
    private var stride = 1
    private var boundaries: [Int] = []
    private var segment: RevolveSegment?
    private var current = -1

    init(frames: Int) { self.frames = frames }

    mutating func isDue(_ step: Int, store: inout FrameStore) -> Bool {
        if frames == 1 { return step == 0 }
        guard step % stride == 0 else { return false }
        if store.live == frames {
            store.thin(keepingMultiplesOf: 2 * stride)
            stride *= 2
            return step % stride == 0
        }
        return true
    }

    mutating func next(steps: Int, store: inout FrameStore) -> ScheduleAction? {
        if current < 0 {
            guard steps > 0 else { return nil }
            boundaries = (0..<store.live).map(store.position(of:)) + [steps]
            current = store.live
        }
        while true {
            if let action = segment?.next(store: &store) { return action }
            guard current > 0 else { return nil }
            current -= 1
            let start = boundaries[current]
            segment = RevolveSegment(start: start, count: boundaries[current + 1] - start, base: current,
                                     slots: frames - current)
        }
    }
}
