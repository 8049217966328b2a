import Numerics

/// A value that can stand in a complex-step computation: `Complex<Double>`, `Double`
/// or `Int` (the latter two as constants, imaginary part zero).
///
/// The binary complex-step functions (``csPow(_:_:)``, ``csAtan2(_:_:)``, …) take
/// `some ComplexStepOperand` on both sides, so emitted code may mix active values with
/// `Double` or integer literals: `csPow(z, 2)`, `csPow(z, 0.5)`, `csMax(0, z)`.
/// A constant operand makes the rule reduce to its real-exponent (or
/// real-argument) form, because every term carrying its zero imaginary part is dropped.
public protocol ComplexStepOperand {
    /// The operand as `x + i·y` (a constant has `y = 0`).
    var complexStepValue: Complex<Double> { get }
}

extension Complex: ComplexStepOperand where RealType == Double {
    /// The value itself.
    public var complexStepValue: Complex<Double> { self }
}

extension Double: ComplexStepOperand {
    /// `self + 0i`.
    public var complexStepValue: Complex<Double> { Complex(self, 0) }
}

extension Int: ComplexStepOperand {
    /// `Double(self) + 0i`.
    public var complexStepValue: Complex<Double> { Complex(Double(self), 0) }
}
