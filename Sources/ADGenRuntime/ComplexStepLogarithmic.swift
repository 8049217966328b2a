import Foundation
import Numerics

/// Complex-step `log` (natural): `ln x + i·y/x`; NaN for `x < 0`, `−∞` real part at 0.
public func csLog(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, log) { x, _ in 1 / x }
}

/// Complex-step `log2`: `log₂ x + i·y/(x·ln 2)`; NaN for `x < 0`.
public func csLog2(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, log2) { x, _ in 1 / (x * naturalLogOf2) }
}

/// Complex-step `log10`: `log₁₀ x + i·y/(x·ln 10)`; NaN for `x < 0`.
public func csLog10(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, log10) { x, _ in 1 / (x * naturalLogOf10) }
}

/// Complex-step `log1p`: `ln(1 + x) + i·y/(1 + x)`; NaN for `x < −1`.
public func csLog1p(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, log1p) { x, _ in 1 / (1 + x) }
}
