/// Swift declarations generated files include when their code needs them. The
/// generated file depends on nothing but Foundation, so these travel with it.
public enum RuntimeSupport {
    /// Reverse mode's stack of saved values: a buffer that doubles when full and a top
    /// index. A push is one compare, one store and one add; a pop, one subtract and
    /// one load — no uniqueness or bounds checks, which cost a third of the gradient
    /// time with an array-backed tape. The buffer is allocated on the first push.
    /// `fileprivate`, so several generated files can live in one module.
    public static func tape(statistics: Bool = false) -> [String] {
        guard statistics else { return tapeLines }
        return tapeLines.map { line in
            line == "        top += 1" ? line + "\n        adgenTapeDidPush(bytes: MemoryLayout<Element>.stride)" : line
        }.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// With tape statistics on (`--tape-statistics`), every push also calls
    /// `adgenTapeDidPush(bytes:)`, a function the module that includes the generated
    /// file defines — the benchmark counts tape bytes per gradient with it.
    static let tapeLines: [String] = [
        "/// Values saved by the forward sweep of a reverse-mode function, popped by its reverse sweep.",
        "fileprivate final class ADGenTape<Element> {",
        "    private var storage: UnsafeMutablePointer<Element>?",
        "    private var capacity = 0",
        "    private var top = 0",
        "",
        "    @inline(__always)",
        "    func push(_ value: Element) {",
        "        if top == capacity {",
        "            grow()",
        "        }",
        "        (storage! + top).initialize(to: value)",
        "        top += 1",
        "    }",
        "",
        "    @inline(__always) @discardableResult",
        "    func pop() -> Element {",
        "        top -= 1",
        "        return (storage! + top).move()",
        "    }",
        "",
        "    @inline(never)",
        "    private func grow() {",
        "        let larger = Swift.max(64, capacity * 2)",
        "        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: larger)",
        "        if let storage {",
        "            buffer.moveInitialize(from: storage, count: top)",
        "            storage.deallocate()",
        "        }",
        "        storage = buffer",
        "        capacity = larger",
        "    }",
        "",
        "    deinit {",
        "        storage?.deinitialize(count: top)",
        "        storage?.deallocate()",
        "    }",
        "}",
    ]

    /// The function `fHessianTrace` draws its probes with.
    public static let rademacherName = "adgenRademacher"

    /// Rademacher signs for Hutchinson's estimator: sign number `index` of the stream
    /// seeded by `seed` is +1 when the top bit of SplitMix64's output number `index`
    /// (0-based; Steele, Lea and Flood 2014, the runtime's `SplitMix64(seed:)`) is 0, else
    /// -1. SplitMix64's state after k draws is `seed + k * 0x9E3779B97F4A7C15`, so any sign
    /// is computed directly from its index.
    public static let rademacher: [String] = [
        "/// Sign `index` (+1 or -1) of the Rademacher stream seeded by `seed`: the top bit of",
        "/// SplitMix64's output number `index` from `seed`.",
        "fileprivate func \(rademacherName)(seed: UInt64, index: Int) -> Double {",
        "    var z = seed &+ (UInt64(index) &+ 1) &* 0x9E37_79B9_7F4A_7C15",
        "    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9",
        "    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB",
        "    z = z ^ (z >> 31)",
        "    return z >> 63 == 0 ? 1.0 : -1.0",
        "}",
    ]
}
