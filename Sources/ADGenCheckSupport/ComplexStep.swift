import Numerics
import ADGenRuntime

/// A function from `n` complex inputs to `m` complex outputs, written with the `cs`
/// functions (see ``ComplexStepNames``) so that it is safe for complex step.
public typealias ComplexVectorFunction = ([Complex<Double>]) -> [Complex<Double>]

/// Complex-step differentiation (Martins, Sturdza & Alonso 2003).
///
/// `J(x)·v ≈ Im f(x + i·h·v) / h`. With no subtraction there is no cancellation, so a
/// tiny step such as ``defaultStep`` gives derivatives accurate to rounding, and the
/// real part is the primal value.
///
/// For example:
/// `ComplexStep.directionalDerivative(of: { [csSin($0[0])] }, at: [1], along: [1])`
/// has value `[sin 1]` and tangent `[cos 1]`.
public enum ComplexStep {
    /// The default step, `1e-20`.
    public static let defaultStep = 1e-20

    /// The value `f(x)` and the directional derivative `J(x)·v`.
    ///
    /// Results are read from the raw storage, so an infinite value stays infinite.
    public static func directionalDerivative(
        of f: ComplexVectorFunction,
        at x: [Double],
        along v: [Double],
        step h: Double = defaultStep
    ) -> (value: [Double], tangent: [Double]) {
        precondition(x.count == v.count, "direction must have one entry per input")
        let output = f(zip(x, v).map { Complex($0, h * $1) })
        let value = output.map { $0.rawStorage.x }
        let tangent = output.map { $0.rawStorage.y / h }
        return (value, tangent)
    }

    /// The full `m × n` Jacobian, one column (one input) per evaluation.
    ///
    /// - Returns: rows, `J[i][j] = ∂fᵢ/∂xⱼ`.
    public static func jacobian(
        of f: ComplexVectorFunction,
        at x: [Double],
        step h: Double = defaultStep
    ) -> [[Double]] {
        let columns = x.indices.map { j in
            var unit = [Double](repeating: 0, count: x.count)
            unit[j] = 1
            return directionalDerivative(of: f, at: x, along: unit, step: h).tangent
        }
        let m = columns.first?.count ?? f(x.map { Complex($0, 0) }).count
        return (0..<m).map { i in columns.map { $0[i] } }
    }

    /// The gradient of a scalar function, one input per evaluation.
    public static func gradient(
        of f: ([Complex<Double>]) -> Complex<Double>,
        at x: [Double],
        step h: Double = defaultStep
    ) -> [Double] {
        jacobian(of: { [f($0)] }, at: x, step: h)[0]
    }

    /// The derivative of a scalar function of one variable.
    public static func derivative(
        of f: (Complex<Double>) -> Complex<Double>,
        at x: Double,
        step h: Double = defaultStep
    ) -> Double {
        f(Complex(x, h)).rawStorage.y / h
    }
}
