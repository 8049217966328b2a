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
    floorDivision(x, by: InvariantDivisor(divisor))
}

/// ``floorDivision(_:by:)`` by a divisor prepared once (``InvariantDivisor``): what the
/// information buffer's hot loop calls.
@inline(__always)
func floorDivision(_ x: Int128, by divisor: InvariantDivisor) -> (quotient: Int128, remainder: UInt64) {
    if divisor.divisor == 1 { return (x, 0) }
    let (magnitudeQuotient, magnitudeRemainder) = divisor.divide(x.magnitude)
    if x >= 0 {
        return (Int128(bitPattern: magnitudeQuotient), magnitudeRemainder)
    }
    if magnitudeRemainder == 0 {
        return (0 - Int128(bitPattern: magnitudeQuotient), 0)
    }
    // x = -(q·d + r) = -(q + 1)·d + (d − r), with 0 < d − r < d.
    return (-1 - Int128(bitPattern: magnitudeQuotient), divisor.divisor - magnitudeRemainder)
}
