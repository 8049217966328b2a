/// The frames of a ``LoopCheckpoints`` schedule: a stack of stored states, each a run of
/// `Double`s and a run of `Int`s (counts, integers and flags), written by `save` in the
/// order of the state variables and read back by `load` in the same order. Frames above
/// the live ones keep their storage for the next snapshot: no allocation once warm.
struct FrameStore {
    struct Frame {
        var position: Int
        var doubles: [Double] = []
        var ints: [Int] = []

        var bytes: Int { 8 * (doubles.count + ints.count) }
    }

    private(set) var frames: [Frame] = []
    /// The frames in use, bottom first: `frames[0 ..< live]`.
    private(set) var live = 0
    private(set) var liveBytes = 0
    /// Forward steps begun so far.
    var steps = 0
    private var doubleCursor = 0
    private var intCursor = 0

    func position(of frame: Int) -> Int { frames[frame].position }

    /// Starts a frame for the state at `position` on top of the live ones.
    mutating func begin(at position: Int) {
        if live < frames.count {
            frames[live].position = position
            frames[live].doubles.removeAll(keepingCapacity: true)
            frames[live].ints.removeAll(keepingCapacity: true)
        } else {
            // Every frame holds the same variables: reserve what the last one held.
            var frame = Frame(position: position)
            frame.doubles.reserveCapacity(frames.last?.doubles.count ?? 0)
            frame.ints.reserveCapacity(frames.last?.ints.count ?? 0)
            frames.append(frame)
        }
        live += 1
    }

    /// Keeps the bottom `count` frames.
    mutating func truncate(to count: Int) {
        while live > count {
            live -= 1
            liveBytes -= frames[live].bytes
        }
    }

    /// Keeps the frames whose position is a multiple of `stride`, in order (the online
    /// schedule's thinning).
    mutating func thin(keepingMultiplesOf stride: Int) {
        var kept = 0
        for index in 0..<live where frames[index].position % stride == 0 {
            frames.swapAt(kept, index)
            kept += 1
        }
        truncate(to: kept)
        liveBytes = frames[0..<live].reduce(0) { $0 + $1.bytes }
    }

    /// The next loads read the top frame from its start.
    mutating func startLoading() {
        doubleCursor = 0
        intCursor = 0
    }

    mutating func save(_ value: Double) {
        frames[live - 1].doubles.append(value)
        liveBytes += 8
    }

    mutating func save(_ value: Int) {
        frames[live - 1].ints.append(value)
        liveBytes += 8
    }

    mutating func save(_ values: [Double]) {
        save(values.count)
        frames[live - 1].doubles.append(contentsOf: values)
        liveBytes += 8 * values.count
    }

    mutating func save(_ values: [Int]) {
        save(values.count)
        frames[live - 1].ints.append(contentsOf: values)
        liveBytes += 8 * values.count
    }

    mutating func loadDouble() -> Double {
        doubleCursor += 1
        return frames[live - 1].doubles[doubleCursor - 1]
    }

    mutating func loadInt() -> Int {
        intCursor += 1
        return frames[live - 1].ints[intCursor - 1]
    }

    mutating func loadDoubles() -> [Double] {
        let count = loadInt()
        doubleCursor += count
        return Array(frames[live - 1].doubles[(doubleCursor - count)..<doubleCursor])
    }

    mutating func loadInts() -> [Int] {
        let count = loadInt()
        intCursor += count
        return Array(frames[live - 1].ints[(intCursor - count)..<intCursor])
    }
}
