import Numerics

// swift-numerics' `+`, `−` and `*` are fine for complex step. Its `/` computes
// `z · conj(w)/|w|²`, whose real part can differ from the `Double` quotient in the
// last bit; `z * w` adds `−y·v` to the real part, visible only when `x·u` is tiny
// (e.g. `0 · 0`). These two give real parts bit-identical to the primal.

/// Complex-step `a * b`: real part `a.re · b.re` exactly, imaginary part
/// `a.re·b.im + a.im·b.re`.
public func csMultiply(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Complex<Double> {
    let (x, dx) = a.complexStepValue.rawStorage
    let (u, du) = b.complexStepValue.rawStorage
    return Complex(x * u, tangentTerm(u, times: dx) + tangentTerm(x, times: du))
}

/// Complex-step `a / b`: real part `a.re / b.re` exactly, imaginary part
/// `(a.im − (a.re/b.re)·b.im) / b.re`; NaN in both parts where the quotient is NaN.
public func csDivide(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Complex<Double> {
    let (x, dx) = a.complexStepValue.rawStorage
    let (u, du) = b.complexStepValue.rawStorage
    let quotient = x / u
    if quotient.isNaN { return complexStepNaN }
    let tangent = tangentTerm(1 / u, times: dx) + tangentTerm(-quotient / u, times: du)
    return Complex(quotient, tangent)
}
