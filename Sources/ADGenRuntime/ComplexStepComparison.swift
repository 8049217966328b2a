import Numerics

// Comparisons act on the real parts only (raw storage, so infinities compare as
// in `Double`), exactly as the primal program compares its `Double` values.

/// `a.re < b.re`: the complex-step form of `a < b`.
public func csLess(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x < b.complexStepValue.rawStorage.x
}

/// `a.re <= b.re`: the complex-step form of `a <= b`.
public func csLessOrEqual(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x <= b.complexStepValue.rawStorage.x
}

/// `a.re > b.re`: the complex-step form of `a > b`.
public func csGreater(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x > b.complexStepValue.rawStorage.x
}

/// `a.re >= b.re`: the complex-step form of `a >= b`.
public func csGreaterOrEqual(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x >= b.complexStepValue.rawStorage.x
}

/// `a.re == b.re`: the complex-step form of `a == b`.
public func csEqual(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x == b.complexStepValue.rawStorage.x
}

/// `a.re != b.re`: the complex-step form of `a != b`.
public func csNotEqual(_ a: some ComplexStepOperand, _ b: some ComplexStepOperand) -> Bool {
    a.complexStepValue.rawStorage.x != b.complexStepValue.rawStorage.x
}
