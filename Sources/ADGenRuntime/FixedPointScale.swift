/// The power-of-two scale of one exact (fixed-point) variable: a value `x` is stored as the
/// 128-bit integer `round(x · 2^fractionBits)`.
///
/// Each variable of an exact training run (the weights, the momentum buffer, Adam's `m` and
/// `v`) has its own scale, picked from the magnitude it starts with so that it has both
/// headroom to grow and enough fraction bits to track the `Double` trajectory: Adam's `v` is
/// the square of a gradient, often 10⁻⁸ next to weights of order one. A `Double` that lies
/// on the grid (a multiple of `2^-fractionBits` with at most 53 significant bits) converts to
/// the integer and back exactly.
///
/// For example: `FixedPointScale(fractionBits: 20).raw(1.5)` is `1_572_864` (1.5 · 2²⁰).
public struct FixedPointScale: Equatable, Hashable, Sendable {
    /// The number of binary digits after the point: one unit of the integer is `2^-fractionBits`.
    public let fractionBits: Int
    /// `2^fractionBits` and its inverse, kept so conversions are one multiplication.
    private let up: Double
    private let down: Double

    /// The scale with `fractionBits` binary digits after the point, clamped to `-1000 ... 1000`
    /// so that `2^±fractionBits` is a normal `Double`.
    public init(fractionBits: Int) {
        let bits = Swift.min(Swift.max(fractionBits, -1000), 1000)
        self.fractionBits = bits
        up = Double(sign: .plus, exponent: bits, significand: 1)
        down = Double(sign: .plus, exponent: -bits, significand: 1)
    }

    /// The finest scale on which values up to `magnitude · 2^headroomBits` still fit in the
    /// 127 bits of an `Int128` magnitude. A zero or non-finite `magnitude` counts as 1.
    ///
    /// For example: `FixedPointScale(magnitude: 1, headroomBits: 32).fractionBits` is 93.
    public init(magnitude: Double, headroomBits: Int) {
        let usable = magnitude.isFinite && magnitude > 0 ? magnitude : 1
        let integerBits = Int(usable.exponent) + 1  // usable < 2^integerBits
        self.init(fractionBits: 126 - headroomBits - integerBits)
    }

    /// `value · 2^fractionBits` rounded to the nearest integer (ties to even), or `nil` when
    /// `value` is not finite or the result does not fit in an `Int128`.
    @inline(__always)
    public func raw(_ value: Double) -> Int128? {
        roundedInt128(value * up)
    }

    /// `raw · 2^-fractionBits` as a `Double`: exact when `raw` has at most 53 significant
    /// bits, otherwise within two roundings (the halves of `raw` are converted separately).
    @inline(__always)
    public func value(_ raw: Int128) -> Double {
        doubleValue(raw) * down
    }
}
