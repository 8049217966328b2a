import Foundation
import Numerics

/// Complex-step `abs`: `sign(x)·z` on the real part `x` (real part `|x|` exactly).
///
/// At `x == 0` the sign is taken as 0, so the imaginary part is 0 (the convention of
/// JAX and PyTorch).
public func csAbs(_ z: Complex<Double>) -> Complex<Double> {
    let (x, y) = z.rawStorage
    if x.isNaN { return complexStepNaN }
    let tangent: Double = x > 0 ? y : (x < 0 ? -y : 0)
    return Complex(Swift.abs(x), tangent)
}

/// Complex-step `min`: the operand Swift's `min` picks on the real parts (the first
/// on ties, `y.re < x.re ? y : x`), imaginary part included.
public func csMin(_ x: some ComplexStepOperand, _ y: some ComplexStepOperand) -> Complex<Double> {
    let (first, second) = (x.complexStepValue, y.complexStepValue)
    return second.rawStorage.x < first.rawStorage.x ? second : first
}

/// Complex-step `max`: the operand Swift's `max` picks on the real parts (the second
/// on ties, `y.re >= x.re ? y : x`), imaginary part included.
public func csMax(_ x: some ComplexStepOperand, _ y: some ComplexStepOperand) -> Complex<Double> {
    let (first, second) = (x.complexStepValue, y.complexStepValue)
    return second.rawStorage.x >= first.rawStorage.x ? second : first
}

/// Complex-step `floor`: `floor(x) + 0i` (derivative zero).
public func csFloor(_ z: Complex<Double>) -> Complex<Double> {
    let x = z.rawStorage.x
    return x.isNaN ? complexStepNaN : Complex(floor(x), 0)
}

/// Complex-step `ceil`: `ceil(x) + 0i` (derivative zero).
public func csCeil(_ z: Complex<Double>) -> Complex<Double> {
    let x = z.rawStorage.x
    return x.isNaN ? complexStepNaN : Complex(ceil(x), 0)
}
