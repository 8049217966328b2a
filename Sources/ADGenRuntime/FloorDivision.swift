/// Floor division of a 128-bit fixed-point value by a small positive divisor.
///
/// Swift's `/` and `%` truncate toward zero, so `-7 / 2 == -3` and `-7 % 2 == -1`; the
/// reversible multiplication of ``InformationBuffer`` needs the floor convention instead,
/// where the remainder always lies in `0 ..< divisor` and
/// `x == quotient * divisor + remainder` for every `x`, negative or not.
///
/// For example: `floorDivision(-7, by: 2)` is `(quotient: -4, remainder: 1)`.
@inline(__always)
func floorDivision(_ x: Int128, by divisor: UInt64) -> (quotient: Int128, remainder: UInt64) {
    precondition(divisor > 0, "floor division by zero")
    if divisor == 1 { return (x, 0) }
    let (magnitudeQuotient, magnitudeRemainder) = divideMagnitude(x.magnitude, by: divisor)
    if x >= 0 {
        return (Int128(bitPattern: magnitudeQuotient), magnitudeRemainder)
    }
    if magnitudeRemainder == 0 {
        return (0 - Int128(bitPattern: magnitudeQuotient), 0)
    }
    // x = -(q·d + r) = -(q + 1)·d + (d − r), with 0 < d − r < d.
    return (-1 - Int128(bitPattern: magnitudeQuotient), divisor - magnitudeRemainder)
}

/// `magnitude / divisor` and `magnitude % divisor` with at most two 128-by-64-bit hardware
/// divisions (one when the high half is zero), instead of a generic 128-bit division.
///
/// For example: `divideMagnitude(1 << 64, by: 3)` is `(quotient: 6148914691236517205, remainder: 1)`.
@inline(__always)
func divideMagnitude(_ magnitude: UInt128, by divisor: UInt64) -> (quotient: UInt128, remainder: UInt64) {
    let (high, low) = (magnitude._high, magnitude._low)
    if high == 0 {
        let (quotient, remainder) = low.quotientAndRemainder(dividingBy: divisor)
        return (UInt128(_low: quotient, _high: 0), remainder)
    }
    let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
    let (lowQuotient, remainder) = divisor.dividingFullWidth((high: highRemainder, low: low))
    return (UInt128(_low: lowQuotient, _high: highQuotient), remainder)
}
