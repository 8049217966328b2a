/// Binomial checkpointing of one loop of a reverse-mode function generated with a tape
/// budget (`adgen generate --tape-budget`, Docs/ReverseMode.md): instead of taping every
/// iteration, the forward sweep stores the loop-carried state at a few steps (frames),
/// and the reverse sweep re-runs each segment from its frame, each step recorded and
/// reversed at once with a tape of one step.
///
/// The generated code drives it:
/// ```swift
/// let checkpoints = LoopCheckpoints(steps: n, snapshotBytes: 8 * (1 + x.count), tapeBudget: 1_048_576)
/// for i in 0..<n {
///     if checkpoints.snapshotDue() {
///         checkpoints.save(x)
///     }
///     ...                                   // the primal body
/// }
/// ...
/// while let action = checkpoints.next() {
///     switch action {
///     case .restore: x = checkpoints.load()
///     case .snapshot: checkpoints.save(x)
///     case let .advance(from, to): for i in from..<to { ... }        // the primal body
///     case .reverse(let i): ...                                        // step i recorded and reversed
///     }
/// }
/// ```
///
/// With the trip count known on entry (`steps:`), the schedule is Griewank and Walther's
/// offline optimum (``Revolve``) for the frames that fit the budget, plus one frame at the
/// last step, where the reverse sweep starts. With it unknown (a `while` loop), the
/// forward sweep keeps a frame every `stride` steps and halves them (doubling `stride`)
/// when the budget is full; the reverse sweep then reverses the segments between frames
/// last to first, each with ``Revolve`` on the frames left free.
///
/// Every step is recorded from exactly the state the forward sweep had there, so the
/// gradient equals the fully taped one bit for bit. A budget that cannot hold the frames
/// the schedule needs (two, or one for a `while` loop) stops the program with a message
/// naming both sizes: a checkpointed loop never exceeds its budget silently.
public final class LoopCheckpoints {
    /// What the generated code does next.
    public enum Action: Equatable, Sendable {
        /// Load the state from the frame ``load()`` reads next (the schedule's current one).
        case restore
        /// Store the current state in a new frame (``save(_:)`` once per state variable).
        case snapshot
        /// Run steps `from ..< to` forward, unrecorded (the index of a `for` loop).
        case advance(from: Int, to: Int)
        /// Run step `step` recorded, then reverse it (its index).
        case reverse(step: Int)
    }

    /// The bytes the frames may take at once.
    public let tapeBudget: Int
    /// The bytes of one frame, as the generated code estimated them on entry.
    public let snapshotBytes: Int
    /// The most frames held at once.
    public let frameLimit: Int
    /// The loop's trip count: known on entry, or counted by ``snapshotDue()``.
    public private(set) var steps: Int
    /// Steps the reverse sweep ran forward unrecorded (each recorded step not counted).
    public private(set) var recomputedSteps = 0
    /// The most bytes the frames held at once.
    public private(set) var peakBytes = 0

    var store = FrameStore()
    /// One of the two schedules (stored apart so that advancing one mutates it in place).
    private var offline: OfflineSchedule?
    private var online: OnlineSchedule?
    /// The index of the first step (a `for` loop's lower bound), and its stride.
    private let first: Int
    private let stride: Int

    /// The offline schedule of a loop of `steps` iterations, indices `first`, `first + stride`, ….
    public init(steps: Int, first: Int = 0, stride: Int = 1, snapshotBytes: Int, tapeBudget: Int) {
        self.tapeBudget = tapeBudget
        self.snapshotBytes = max(snapshotBytes, 8)
        self.steps = max(steps, 0)
        self.first = first
        self.stride = stride
        frameLimit = tapeBudget / self.snapshotBytes
        if self.steps > 1, frameLimit < 2 { LoopCheckpoints.budgetTooSmall(tapeBudget, frame: self.snapshotBytes, frames: 2) }
        offline = OfflineSchedule(steps: self.steps, frames: frameLimit)
    }

    /// The online schedule of a loop whose trip count is not known on entry (`while`).
    public init(first: Int = 0, stride: Int = 1, snapshotBytes: Int, tapeBudget: Int) {
        self.tapeBudget = tapeBudget
        self.snapshotBytes = max(snapshotBytes, 8)
        steps = 0
        self.first = first
        self.stride = stride
        frameLimit = tapeBudget / self.snapshotBytes
        if frameLimit < 1 { LoopCheckpoints.budgetTooSmall(tapeBudget, frame: self.snapshotBytes, frames: 1) }
        online = OnlineSchedule(frames: frameLimit)
    }

    /// Called at the start of every step of the forward sweep: whether to store the state
    /// there (then ``save(_:)`` once per state variable follows).
    public func snapshotDue() -> Bool {
        let due = offline?.isDue(store.steps) ?? online!.isDue(store.steps, store: &store)
        if due { store.begin(at: store.steps) }
        store.steps += 1
        return due
    }

    /// The next action of the reverse sweep, nil when every step is reversed.
    public func next() -> Action? {
        if online != nil { steps = store.steps }
        guard let action = offline?.next(store: &store) ?? online?.next(steps: steps, store: &store) else { return nil }
        switch action {
        case .restore:
            store.startLoading()
            return .restore
        case .snapshot(let position):
            store.begin(at: position)
            return .snapshot
        case let .advance(from, to):
            recomputedSteps += to - from
            return .advance(from: first + from * stride, to: first + to * stride)
        case .reverse(let step):
            return .reverse(step: first + step * stride)
        }
    }

    /// How many frames the schedule holds now.
    public var frames: Int { store.live }

    static func budgetTooSmall(_ budget: Int, frame: Int, frames: Int) -> Never {
        fatalError("adgen: a tape budget of \(budget) bytes cannot hold the \(frames) snapshot(s) of \(frame) bytes "
                   + "a checkpointed loop needs; raise --tape-budget")
    }
}

extension LoopCheckpoints {
    public func save(_ value: Double) { store.save(value); notePeak() }
    public func save(_ value: Int) { store.save(value); notePeak() }
    public func save(_ value: Bool) { store.save(value ? 1 : 0); notePeak() }
    public func save(_ values: [Double]) { store.save(values); notePeak() }
    public func save(_ values: [Int]) { store.save(values); notePeak() }
    public func save(_ values: [Bool]) { store.save(values.map { $0 ? 1 : 0 }); notePeak() }

    public func load() -> Double { store.loadDouble() }
    public func load() -> Int { store.loadInt() }
    public func load() -> Bool { store.loadInt() != 0 }
    public func load() -> [Double] { store.loadDoubles() }
    public func load() -> [Int] { store.loadInts() }
    public func load() -> [Bool] { store.loadInts().map { $0 != 0 } }

    private func notePeak() { peakBytes = max(peakBytes, store.liveBytes) }
}
