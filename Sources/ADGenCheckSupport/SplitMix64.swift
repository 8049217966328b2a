/// The SplitMix64 pseudo-random generator (Steele, Lea & Flood 2014).
///
/// Deterministic across runs, platforms and Swift versions: the same seed always
/// gives the same sequence, and ``uniform(in:)`` maps it to doubles with plain
/// arithmetic (unlike `Double.random(in:using:)`, whose mapping is not promised).
///
/// For example: `SplitMix64(seed: 0).next()` is `0xE220A8397B1DCDAF`.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The internal state; advances by the golden-ratio increment on every draw.
    public private(set) var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)`: the top 53 bits of ``next()`` times `2⁻⁵³`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `range`: `lower + (upper − lower) · u`, clamped to `range`.
    public mutating func uniform(in range: ClosedRange<Double>) -> Double {
        let value = range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
        return Swift.min(Swift.max(value, range.lowerBound), range.upperBound)
    }

    /// `count` uniform doubles in `range`, drawn in order.
    public mutating func uniformVector(count: Int, in range: ClosedRange<Double>) -> [Double] {
        (0..<count).map { _ in uniform(in: range) }
    }
}
