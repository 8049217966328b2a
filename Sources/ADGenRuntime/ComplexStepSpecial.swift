import Foundation
import Numerics

/// Complex-step `erf`: `erf x + i·(2/√π)·e^(−x²)·y` (first order, like every unary
/// `cs` function: see `firstOrder`).
public func csErf(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, erf) { x, _ in M_2_SQRTPI * exp(-(x * x)) }
}

/// Complex-step `erfc`: `erfc x − i·(2/√π)·e^(−x²)·y`.
public func csErfc(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, erfc) { x, _ in -(M_2_SQRTPI * exp(-(x * x))) }
}

/// Complex-step `lgamma` (ln|Γ|): `lgamma x + i·ψ(x)·y`, ψ the digamma function.
public func csLgamma(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, { (x: Double) -> Double in lgamma(x) }) { x, _ in polygamma(0, x) }
}

/// Complex-step ψ⁽ⁿ⁾ (``polygamma(_:_:)``, which derivative code of `lgamma` calls):
/// `ψ⁽ⁿ⁾(x) + i·ψ⁽ⁿ⁺¹⁾(x)·y`.
public func csPolygamma(_ n: Int, _ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, { polygamma(n, $0) }) { x, _ in polygamma(n + 1, x) }
}
