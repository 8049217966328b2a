/// Conversions between `Int128` and `Double` (and from `UInt64`) built from the two 64-bit
/// halves, so they compile to a few instructions in every build.
///
/// The standard library's `Double(_: Int128)` and `Int128(_: Double)` are generic over
/// `BinaryInteger`/`BinaryFloatingPoint`; unspecialized they cost about a microsecond each,
/// which dominated the exact step. These use the standard library's public (underscored)
/// `_low`/`_high` halves.
///
/// For example: `doubleValue(Int128(1) << 100)` is `0x1p100`.
@inline(__always)
func doubleValue(_ x: Int128) -> Double {
    let magnitude = x.magnitude
    let value = magnitude._high == 0
        ? Double(magnitude._low)
        : Double(magnitude._high) * 0x1p64 + Double(magnitude._low)
    return x < 0 ? -value : value
}

/// `x` widened to 128 bits.
///
/// For example: `int128(UInt64.max)` is `(1 << 64) - 1`.
@inline(__always)
func int128(_ x: UInt64) -> Int128 {
    Int128(bitPattern: UInt128(_low: x, _high: 0))
}

/// `value` rounded to the nearest integer (ties to even) as an `Int128`, or `nil` when it is
/// not finite or its magnitude reaches 2¹²⁷: integer operations on the bits of the `Double`
/// (sign, exponent, 53-bit significand), with no call of the C library's `rint`.
///
/// For example: `roundedInt128(2.5)` is 2, `roundedInt128(-3.5)` is −4, `roundedInt128(0x1p127)` is nil.
@inline(__always)
func roundedInt128(_ value: Double) -> Int128? {
    let bits = value.bitPattern
    let biased = Int((bits &>> 52) & 0x7FF)
    guard biased != 0x7FF else { return nil }
    let fraction = bits & 0xF_FFFF_FFFF_FFFF
    let significand = biased == 0 ? fraction : fraction | (1 << 52)
    let exponent = Swift.max(biased, 1) - 1075  // value = ±significand · 2^exponent
    let magnitude: UInt128
    if exponent >= 0 {
        guard exponent <= 74 else { return nil }  // significand < 2^53, so below 2^127 up to 2^74
        magnitude = UInt128(_low: significand, _high: 0) &<< exponent
    } else if exponent < -53 {
        magnitude = 0  // below one half
    } else {
        let shift = UInt64(-exponent)
        let quotient = significand &>> shift
        let remainder = significand & ((1 &<< shift) &- 1)
        let half: UInt64 = 1 &<< (shift &- 1)
        let roundsUp = remainder > half || (remainder == half && quotient & 1 == 1)
        magnitude = UInt128(_low: quotient + (roundsUp ? 1 : 0), _high: 0)
    }
    let result = Int128(bitPattern: magnitude)
    return bits &>> 63 == 1 ? 0 - result : result
}
