import Foundation
import Numerics

/// Complex-step `sin`: `sin x + i·cos x·y`.
public func csSin(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, sin) { x, _ in cos(x) }
}

/// Complex-step `cos`: `cos x − i·sin x·y`.
public func csCos(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, cos) { x, _ in -sin(x) }
}

/// Complex-step `tan`: `tan x + i·(1 + tan²x)·y`.
public func csTan(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, tan) { _, t in 1 + t * t }
}

/// Complex-step `asin`: `asin x + i·y/√(1 − x²)`; NaN for `|x| > 1`.
public func csAsin(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, asin) { x, _ in 1 / ((1 - x) * (1 + x)).squareRoot() }
}

/// Complex-step `acos`: `acos x − i·y/√(1 − x²)`; NaN for `|x| > 1`.
public func csAcos(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, acos) { x, _ in -1 / ((1 - x) * (1 + x)).squareRoot() }
}

/// Complex-step `atan`: `atan x + i·y/(1 + x²)`.
public func csAtan(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, atan) { x, _ in 1 / (1 + x * x) }
}

/// Complex-step `atan2(y, x)` (Foundation's argument order: `y` first).
///
/// Real part `atan2(y.re, x.re)`; imaginary part
/// `(x.re·y.im − y.re·x.im) / (x.re² + y.re²)`, computed through `hypot` so that it
/// neither overflows nor underflows early. NaN at the origin unless both tangents are 0.
public func csAtan2(_ y: some ComplexStepOperand, _ x: some ComplexStepOperand) -> Complex<Double> {
    let (a, da) = y.complexStepValue.rawStorage
    let (b, db) = x.complexStepValue.rawStorage
    let angle = atan2(a, b)
    if angle.isNaN { return complexStepNaN }
    let radius = hypot(a, b)
    let yTerm = tangentTerm(b / radius / radius, times: da)
    let xTerm = tangentTerm(-a / radius / radius, times: db)
    let tangent = yTerm + xTerm
    return Complex(angle, tangent)
}
