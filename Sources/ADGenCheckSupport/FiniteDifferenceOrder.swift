import Foundation

/// The accuracy order of a central finite-difference stencil.
///
/// The order fixes both the stencil and the step. For an input coordinate `x` the
/// step is `h = r · max(1, |x|)` with the relative step `r = ε^(1/3)` (about
/// `6.1e-6`) for ``second`` and `r = ε^(1/5)` (about `7.4e-4`) for ``fourth``,
/// where `ε = Double.ulpOfOne`. These balance truncation error (`O(h²)` or `O(h⁴)`)
/// against rounding error (`O(ε/h)`), giving roughly `ε^(2/3) ≈ 4e-11` and
/// `ε^(4/5) ≈ 3e-13` relative accuracy on well-scaled smooth functions.
///
/// For example: `FiniteDifferenceOrder.second.step(at: 100)` is about `6.1e-4`.
public enum FiniteDifferenceOrder: Int, Sendable, CaseIterable {
    /// `(f(x+h) − f(x−h)) / 2h`, truncation error `O(h²)`.
    case second = 2
    /// `(f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h`, truncation error `O(h⁴)`.
    case fourth = 4

    /// The relative step `r`: `ε^(1/3)` for ``second``, `ε^(1/5)` for ``fourth``.
    public var relativeStep: Double {
        switch self {
        case .second: return cbrt(Double.ulpOfOne)
        case .fourth: return pow(Double.ulpOfOne, 0.2)
        }
    }

    /// The step for the input coordinate `x`: `r · max(1, |x|)`, rounded so that
    /// `x + h` and `x` differ by exactly `h` (`t = x + h; h = t − x`).
    public func step(at x: Double) -> Double {
        let nominal = relativeStep * Swift.max(1, Swift.abs(x))
        return Self.representable(nominal, at: x)
    }

    /// `h` adjusted so that `(x + h) − x == h` exactly in floating point.
    static func representable(_ h: Double, at x: Double) -> Double {
        let shifted = x + h
        let exact = shifted - x
        return exact == 0 ? h : exact
    }

    /// The stencil as `(offset, weight)` pairs and the common divisor `d`, so that
    /// `f′ ≈ Σ weight · f(x + offset·h) / (d · h)`.
    var stencil: (points: [(offset: Double, weight: Double)], divisor: Double) {
        switch self {
        case .second:
            return ([(-1, -1), (1, 1)], 2)
        case .fourth:
            return ([(-2, 1), (-1, -8), (1, 8), (2, -1)], 12)
        }
    }
}
