import Foundation
import Numerics

/// Complex-step `sqrt`: `√x + i·y/(2√x)`; NaN for `x < 0`.
public func csSqrt(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, sqrt) { _, root in 1 / (2 * root) }
}

/// Complex-step `cbrt`: `∛x + i·y/(3∛x²)`, defined for negative `x` too.
public func csCbrt(_ z: Complex<Double>) -> Complex<Double> {
    firstOrder(z, cbrt) { _, root in 1 / (3 * root * root) }
}

/// Complex-step `pow(base, exponent)`, either side complex, `Double` or `Int`.
///
/// With `a + i·da` the base and `b + i·db` the exponent: real part
/// `Foundation.pow(a, b)`; imaginary part `b·aᵇ⁻¹·da + aᵇ·ln a·db`. A term whose tangent
/// is zero is dropped, so a constant exponent (`csPow(z, 3)`, `csPow(z, 0.5)`) never
/// takes the logarithm of the base and integer powers of negative bases work; the
/// exponent term is also dropped where `aᵇ == 0`. A negative base with an active
/// exponent has no real derivative and yields a NaN imaginary part.
public func csPow(_ base: some ComplexStepOperand, _ exponent: some ComplexStepOperand) -> Complex<Double> {
    let (a, da) = base.complexStepValue.rawStorage
    let (b, db) = exponent.complexStepValue.rawStorage
    let value = pow(a, b)
    if value.isNaN { return complexStepNaN }
    let baseTerm = tangentTerm(b == 0 ? 0 : b * pow(a, b - 1), times: da)
    let exponentTerm = tangentTerm(value == 0 ? 0 : value * log(a), times: db)
    let tangent = baseTerm + exponentTerm
    return Complex(value, tangent)
}

/// Complex-step `hypot(x, y)`: `√(x² + y²) + i·(x·dx + y·dy)/√(x² + y²)`, without
/// overflow; NaN imaginary part at the origin unless both tangents are 0.
public func csHypot(_ x: some ComplexStepOperand, _ y: some ComplexStepOperand) -> Complex<Double> {
    let (a, da) = x.complexStepValue.rawStorage
    let (b, db) = y.complexStepValue.rawStorage
    let value = hypot(a, b)
    if value.isNaN { return complexStepNaN }
    let tangent = tangentTerm(a / value, times: da) + tangentTerm(b / value, times: db)
    return Complex(value, tangent)
}
