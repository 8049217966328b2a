import Foundation

/// ψ⁽ⁿ⁾(x), the polygamma function of order `n`: the digamma function ψ = Γ′/Γ for
/// `n = 0` (the derivative of `lgamma`), its `n`-th derivative otherwise (trigamma for
/// `n = 1`). About 1e-15 relative error away from the zeros of ψ; NaN at the poles
/// 0, −1, −2, …, for NaN, and for `n` outside `0...30`.
///
/// For `x < 0` the reflection ψ⁽ⁿ⁾(x) = (−1)ⁿ ψ⁽ⁿ⁾(1 − x) − πⁿ⁺¹ cot⁽ⁿ⁾(πx); then the
/// recurrence ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + (−1)ⁿ⁺¹ n!/xⁿ⁺¹ up to `y ≥ 10 + 2n`, where ten
/// terms of the asymptotic expansion reach double precision:
/// ψ(y) ≈ ln y − 1/(2y) − Σ B₂ₖ/(2k y²ᵏ) and
/// ψ⁽ⁿ⁾(y) ≈ (−1)ⁿ⁺¹ [(n−1)!/yⁿ + n!/(2yⁿ⁺¹) + Σ B₂ₖ (2k+n−1)!/((2k)! y²ᵏ⁺ⁿ)].
///
/// Generated code carries the same function as `adgenPolygamma` (Swift) and
/// `adgen_polygamma` (C); a test keeps the Swift texts identical.
///
/// For example: `polygamma(0, 1)` is −γ = −0.5772156649015329, `polygamma(1, 1)` is π²/6.
public func polygamma(_ n: Int, _ x: Double) -> Double {
    if n < 0 || n > 30 || x.isNaN || (x <= 0 && x == x.rounded(.down)) { return .nan }
    if x == .infinity { return n == 0 ? .infinity : 0 }
    if x < 0 {
        // cot⁽ⁿ⁾ = pₙ(cot) with p₀(c) = c, pₖ₊₁(c) = −(1 + c²) pₖ′(c). cot has period π, and
        // cot πr = tan π(1/2 − r) keeps its relative accuracy near r = ±1/2 (0 exactly there).
        let r = x - x.rounded()
        let a = abs(r)
        let c = (r < 0 ? -1.0 : 1.0) * (a > 0.25 ? tan(Double.pi * (0.5 - a)) : 1 / tan(Double.pi * a))
        var p = [Double](repeating: 0, count: n + 3)
        p[1] = 1
        for _ in 0..<n {
            var q = [Double](repeating: 0, count: n + 3)
            for m in 0...(n + 1) {
                q[m] = -Double(m + 1) * p[m + 1] - (m > 0 ? Double(m - 1) * p[m - 1] : 0)
            }
            p = q
        }
        var cotDerivative = 0.0
        for m in stride(from: n + 1, through: 0, by: -1) {
            cotDerivative = cotDerivative * c + p[m]
        }
        let mirrored = polygamma(n, 1 - x)
        return (n % 2 == 0 ? mirrored : -mirrored) - pow(Double.pi, Double(n + 1)) * cotDerivative
    }
    var y = x
    var shifted = 0.0
    while y < Double(10 + 2 * n) {
        shifted += pow(y, Double(-(n + 1)))
        y += 1
    }
    // B₂ₖ/(2k)! for k = 1...10.
    let b: [Double] = [
        0.08333333333333333, -0.001388888888888889, 3.306878306878307e-05, -8.267195767195768e-07,
        2.08767569878681e-08, -5.284190138687493e-10, 1.3382536530684679e-11, -3.3896802963225827e-13,
        8.586062056277845e-15, -2.174868698558062e-16,
    ]
    let w = 1 / y
    let w2 = w * w
    var factorial = 1.0
    for k in stride(from: 2, through: n, by: 1) {
        factorial *= Double(k)
    }
    var coefficient = factorial * Double(n + 1)
    var power = w2
    var series = 0.0
    for k in 0..<10 {
        series += b[k] * coefficient * power
        coefficient *= Double(2 * k + n + 2) * Double(2 * k + n + 3)
        power *= w2
    }
    if n == 0 {
        return log(y) - 0.5 * w - series - shifted
    }
    let wn = pow(w, Double(n))
    let value = factorial / Double(n) * wn + 0.5 * factorial * wn * w + series * wn + factorial * shifted
    return n % 2 == 1 ? value : -value
}
