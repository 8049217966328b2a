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

/// The integer `x`, which must be integral with magnitude below 2¹²⁷ (exact).
///
/// For example: `int128(fromIntegral: -0x1p70)` is `-(1 << 70)`.
@inline(__always)
func int128(fromIntegral x: Double) -> Int128 {
    let magnitude = x.magnitude
    let bits: UInt128
    if magnitude < 0x1p64 {
        bits = UInt128(_low: UInt64(magnitude), _high: 0)
    } else {
        let high = (magnitude * 0x1p-64).rounded(.down)
        bits = UInt128(_low: UInt64(magnitude - high * 0x1p64), _high: UInt64(high))
    }
    let value = Int128(bitPattern: bits)
    return x < 0 ? 0 - value : value
}

/// `x` widened to 128 bits.
///
/// For example: `int128(UInt64.max)` is `(1 << 64) - 1`.
@inline(__always)
func int128(_ x: UInt64) -> Int128 {
    Int128(bitPattern: UInt128(_low: x, _high: 0))
}
