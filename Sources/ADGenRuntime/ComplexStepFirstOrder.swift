import Numerics

/// `NaN + NaN·i`, the result of every complex-step function outside its real domain.
let complexStepNaN = Complex<Double>(.nan, .nan)

/// Applies a real function to `z = x + i·y` to first order: `f(x) + i·f′(x)·y`.
///
/// This is exact for complex-step purposes (`y ≈ 1e-20`, so the `O(y²)` terms vanish)
/// and keeps the real part bit-identical to `f(x)`. Conventions shared by every
/// unary `cs` function:
/// - if `f(x)` is NaN (outside the real domain, or NaN input) both parts are NaN;
/// - if `y == 0` the imaginary part is exactly `0`, even where `f′(x)` is infinite.
///
/// - Parameters:
///   - f: the real function, e.g. Foundation's `sin`.
///   - derivative: `f′` given `x` and the already computed `f(x)`.
func firstOrder(
    _ z: Complex<Double>,
    _ f: (Double) -> Double,
    derivative: (_ x: Double, _ fx: Double) -> Double
) -> Complex<Double> {
    let (x, y) = z.rawStorage
    let fx = f(x)
    if fx.isNaN { return complexStepNaN }
    if y == 0 { return Complex(fx, 0) }
    return Complex(fx, derivative(x, fx) * y)
}

/// One term `∂f/∂a · da` of a tangent, exactly `0` when the tangent `da` is `0`
/// (so an infinite or NaN partial of a constant argument contributes nothing).
func tangentTerm(_ partial: @autoclosure () -> Double, times tangent: Double) -> Double {
    tangent == 0 ? 0 : partial() * tangent
}
