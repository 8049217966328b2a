import Foundation

/// A rate `γ = numerator / denominator` strictly between 0 and 1, as the exact small
/// fraction that exact training multiplies by (a decay of momentum's `μ`, Adam's `β1` and
/// `β2`, AdamW's `1 − lr·λ`).
///
/// The rule, from the `Double` `γ`: the first continued-fraction convergent whose
/// denominator is at most ``maximumDenominator`` (2²⁴) and whose quotient rounds to `γ`
/// exactly, so decimal rates are what they say (0.9 = 9/10, 0.999 = 999/1000,
/// 0.99999 = 99999/100000); when there is none, the best rational approximation with
/// denominator at most 2²⁴ (the better of the last convergent and the last semiconvergent),
/// within about 2⁻⁴⁸ of `γ`. A rate so close to 1 that the best approximation is 1 becomes
/// `(2²⁴ − 1) / 2²⁴`. The bound keeps `numerator · denominator` below 2⁴⁸, which
/// ``InformationBuffer`` needs.
///
/// For example: `ExactRate(0.999)` is 999/1000, and `ExactRate(0.999).entropyBits` is
/// `log2(1000/999) ≈ 0.00144`.
public struct ExactRate: Equatable, Hashable, Sendable {
    /// The largest denominator used, 2²⁴.
    public static let maximumDenominator: UInt64 = 1 << 24
    /// `n` of `γ = n/d`, at least 1.
    public let numerator: UInt64
    /// `d` of `γ = n/d`, greater than the numerator.
    public let denominator: UInt64

    /// The fraction for the rate `gamma`, which must lie in `(2⁻²⁴, 1)`.
    public init(_ gamma: Double) {
        precondition(gamma > 0x1p-24 && gamma < 1, "an exact rate must lie strictly between 2^-24 and 1, got \(gamma)")
        let (n, d) = ExactRate.fraction(approximating: gamma)
        if n >= d {
            self.init(numerator: ExactRate.maximumDenominator - 1, denominator: ExactRate.maximumDenominator)
        } else {
            self.init(numerator: n, denominator: d)
        }
    }

    /// The rate `numerator / denominator`, which must be a fraction in `(0, 1)` with
    /// denominator at most 2²⁴ (it need not be in lowest terms).
    public init(numerator: UInt64, denominator: UInt64) {
        precondition(numerator >= 1 && numerator < denominator && denominator <= ExactRate.maximumDenominator,
                     "an exact rate needs 0 < n < d <= 2^24, got \(numerator)/\(denominator)")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The rate as a `Double` (`n / d`, correctly rounded).
    public var value: Double { Double(numerator) / Double(denominator) }

    /// `log2(1/γ) = log2(d/n)`: the bits one multiplication by `γ` destroys, and so the
    /// least the information buffer must store for it.
    public var entropyBits: Double { log2(Double(denominator)) - log2(Double(numerator)) }

    /// The continued-fraction rule of the type's documentation, on the exact binary value
    /// of `gamma` (`significand / 2^k`), so no rounding enters the expansion.
    static func fraction(approximating gamma: Double, maximumDenominator: UInt64 = ExactRate.maximumDenominator) -> (UInt64, UInt64) {
        var numerator = UInt128(gamma.significandBitPattern | (1 << 52))
        var denominator = UInt128(1) << UInt128(52 - Int(gamma.exponent))
        var (previousP, previousQ): (UInt128, UInt128) = (0, 1)
        var (p, q): (UInt128, UInt128) = (1, 0)
        let limit = UInt128(maximumDenominator)
        while denominator != 0 {
            let term = numerator / denominator
            (numerator, denominator) = (denominator, numerator % denominator)
            let nextQ = term * q + previousQ
            if nextQ > limit {
                return bestOf(gamma, convergent: (p, q), semiconvergentFrom: (previousP, previousQ), step: (p, q), limit: limit)
            }
            (previousP, previousQ, p, q) = (p, q, term * p + previousP, nextQ)
            if Double(p) / Double(q) == gamma { return (UInt64(p), UInt64(q)) }
        }
        return (UInt64(p), UInt64(q))
    }

    /// The closer to `gamma` of the convergent and the largest semiconvergent
    /// `(base + a·step)` whose denominator stays within `limit`.
    private static func bestOf(_ gamma: Double, convergent: (UInt128, UInt128), semiconvergentFrom base: (UInt128, UInt128),
                               step: (UInt128, UInt128), limit: UInt128) -> (UInt64, UInt64) {
        let a = (limit - base.1) / step.1
        let semi = (base.0 + a * step.0, base.1 + a * step.1)
        let convergentError = abs(Double(convergent.0) / Double(convergent.1) - gamma)
        let semiError = abs(Double(semi.0) / Double(semi.1) - gamma)
        let best = a > 0 && semiError < convergentError ? semi : convergent
        return (UInt64(best.0), UInt64(best.1))
    }
}
