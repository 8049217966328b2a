/// Division by a fixed 64-bit divisor with multiplications instead of the hardware divide
/// (Möller & Granlund, "Improved division by invariant integers", 2011, Algorithm 4): the
/// information buffer divides by the same two bases `n` and `d` billions of times, and a
/// 128-by-64-bit `div` costs tens of cycles where two multiplications cost a few.
///
/// The divisor is normalized (shifted left until its top bit is set) once; each division
/// shifts the dividend the same way, estimates the quotient from the precomputed reciprocal
/// `v = ⌊(2¹²⁸ − 1)/d⌋ − 2⁶⁴`, and corrects it by at most one step either way, so the result
/// is exactly the hardware's (a test compares them on random and edge-case dividends).
///
/// For example: `InvariantDivisor(10).divide(high: 0, low: 1234)` is `(123, 4)`.
struct InvariantDivisor: Equatable, Sendable {
    let divisor: UInt64
    private let shift: Int
    private let normalized: UInt64
    private let reciprocal: UInt64

    init(_ divisor: UInt64) {
        precondition(divisor > 0, "division by zero")
        self.divisor = divisor
        shift = divisor.leadingZeroBitCount
        normalized = divisor << shift
        reciprocal = normalized.dividingFullWidth((high: ~normalized, low: UInt64.max)).quotient
    }

    /// `(high · 2⁶⁴ + low) / divisor` and the remainder; `high` must be below the divisor.
    /// Masking shifts (`&<<`): the shift is in `0 ..< 64`, and Swift's checked `<<` would
    /// branch on it in the hot loop.
    @inline(__always)
    func divide(high: UInt64, low: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let u1 = shift == 0 ? high : (high &<< shift) | (low &>> (64 - shift))
        let u0 = low &<< shift
        let product = reciprocal.multipliedFullWidth(by: u1)
        let (q0, carry) = product.low.addingReportingOverflow(u0)
        var q1 = product.high &+ u1 &+ (carry ? 1 : 0) &+ 1
        var r = u0 &- q1 &* normalized
        if r > q0 {
            q1 &-= 1
            r &+= normalized
        }
        if r >= normalized {
            q1 &+= 1
            r &-= normalized
        }
        return (q1, r &>> shift)
    }

    /// `value / divisor` and the remainder.
    @inline(__always)
    func divide(_ value: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        if shift == 0 {
            return value >= divisor ? (1, value - divisor) : (0, value)
        }
        return divide(high: 0, low: value)
    }

    /// A 128-bit `magnitude` divided by the divisor.
    @inline(__always)
    func divide(_ magnitude: UInt128) -> (quotient: UInt128, remainder: UInt64) {
        let (high, low) = (magnitude._high, magnitude._low)
        if high == 0 {
            let (quotient, remainder) = divide(low)
            return (UInt128(_low: quotient, _high: 0), remainder)
        }
        let (highQuotient, highRemainder) = divide(high)
        let (lowQuotient, remainder) = divide(high: highRemainder, low: low)
        return (UInt128(_low: lowQuotient, _high: highQuotient), remainder)
    }
}
