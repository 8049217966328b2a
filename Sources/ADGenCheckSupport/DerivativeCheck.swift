import Numerics
import ADGenRuntime

/// Checks every generated function of a ``CheckSubject`` at its point against complex
/// step, finite differences and dot-product identities; one ``ModeCheck`` per mode.
///
/// With `x` the active inputs (n numbers), `f` the primal (m outputs), random
/// directions `v`, `w` (n) and `u` (m) uniform in [-1, 1], and probe directions
/// `p₁ … p_K` (the n unit vectors when `n ≤ maxUnitProbes`, else K random directions):
///
/// | mode | complexStepError | finiteDifferenceError | dotProductError |
/// |---|---|---|---|
/// | primal | f against Re fComplexStep(x) | – | – |
/// | jvp | [J·pₖ…, J·v] against complex step, matrix-normwise | J·v against FD of f along v | ⟨J·v, u⟩ vs ⟨v, Jᵀ·u⟩ |
/// | vjp | ⟨pₖ, Jᵀu⟩ against ⟨CS(J·pₖ), u⟩, normwise over k | ⟨v, Jᵀu⟩ against ⟨FD(J·v), u⟩ | ⟨J·v, u⟩ vs ⟨v, Jᵀ·u⟩ |
/// | gradient | ⟨pₖ, ∇f⟩ against CS(J·pₖ), normwise over k | ⟨∇f, v⟩ against FD along v | ⟨∇f, v⟩ vs fJVP's J·v |
/// | hvp | H·v against Im ∇f_CS(x + ihv)/h | H·v against FD of the gradient along v | ⟨w, H·v⟩ vs ⟨v, H·w⟩ |
/// | jacobian | [J·pₖ…] against complex step | J·v against FD of f along v | J·v vs fJVP, uᵀJ vs fVJP |
/// | hessian | H·v against Im ∇f_CS(x + ihv)/h | H·v against FD of the gradient along v | symmetry, H·v vs fHVP |
/// | hessianTrace | – | – | – (fails beyond 4 standard errors of the exact trace) |
///
/// Finite differences are fourth order with step selection and difference the
/// user's code (`reference`) where given. Every derived function's returned value is
/// also compared with the primal (`valueError`).
public struct DerivativeCheck {
    public static let maxUnitProbes = 64
    public static let randomProbes = 16
    /// Errors are relative to the larger of the two results and a floor: this factor
    /// times ``derivativeScale`` (times the size of the direction and of `u`). The
    /// floor matters only for derivatives that are (nearly) zero, where both sides
    /// are rounding noise: differences see noise of about 1e-12 of the scale, complex
    /// step and the dot products about 1e-16.
    public static let finiteDifferenceFloor = 1e-3
    public static let complexStepFloor = 1e-6

    public let subject: CheckSubject
    public let tolerances: CheckTolerances
    public let step: Double

    let layout: InputLayout
    let x: [Double]
    /// Probe directions (flat) and whether they are the unit vectors.
    let probes: [[Double]]
    let unitProbes: Bool
    let v: [Double]
    let w: [Double]
    let u: [Double]
    let y: [Double]
    /// `‖f(x)‖∞ / max(1, ‖x‖∞)`: the size of a derivative along a unit direction that
    /// changes `f` by its own size over a move of `x` by its own size.
    let derivativeScale: Double

    public init(_ subject: CheckSubject, tolerances: CheckTolerances = .standard,
                step: Double = ComplexStep.defaultStep, rng: inout SplitMix64) {
        self.subject = subject
        self.tolerances = tolerances
        self.step = step
        layout = InputLayout(subject.inputs, names: subject.inputNames)
        x = layout.flatten(subject.inputs)
        let n = x.count
        unitProbes = n <= Self.maxUnitProbes
        if unitProbes {
            probes = (0..<n).map { j in (0..<n).map { $0 == j ? 1.0 : 0.0 } }
        } else {
            probes = (0..<Self.randomProbes).map { _ in rng.uniformVector(count: n, in: -1...1) }
        }
        v = rng.uniformVector(count: n, in: -1...1)
        w = rng.uniformVector(count: n, in: -1...1)
        y = subject.primal(subject.inputs)
        u = rng.uniformVector(count: y.count, in: -1...1)
        derivativeScale = maxNorm(y) / Swift.max(1, maxNorm(x))
    }

    /// The floor for comparing derivatives along `direction`, summed against `weights`.
    func floor(_ factor: Double, direction: [Double], weights: [Double] = [1]) -> Double {
        factor * derivativeScale * Swift.max(maxNorm(direction), 0) * weights.reduce(0) { $0 + Swift.abs($1) }
    }

    /// The checks of every mode the subject provides, primal first.
    public func run() -> [ModeCheck] {
        var checks = [primalCheck()]
        guard !x.isEmpty else {
            return checks + derivedModes.map {
                ModeCheck(mode: $0, notes: ["no active inputs: nothing to differentiate"])
            }
        }
        let derivatives = Derivatives(self)
        if subject.jvp != nil { checks.append(jvpCheck(derivatives)) }
        if subject.vjp != nil { checks.append(vjpCheck(derivatives)) }
        if subject.gradient != nil { checks.append(gradientCheck(derivatives)) }
        if subject.hvp != nil { checks.append(hvpCheck()) }
        if subject.jacobian != nil { checks.append(jacobianCheck(derivatives)) }
        if subject.hessian != nil { checks.append(hessianCheck()) }
        if subject.hessianTrace != nil { checks.append(hessianTraceCheck()) }
        let finiteUndefined = !derivatives.finiteAlongV.allSatisfy(\.isFinite)
        let complexUndefined = derivatives.complexAlongV.map { !$0.allSatisfy(\.isFinite) } ?? false
        return checks.map { check in
            var check = check
            check.setAsideUndefinedOracles(finiteDifferences: finiteUndefined, complexStep: complexUndefined)
            check.judge(tolerances)
            return check
        }
    }

    var derivedModes: [String] {
        [subject.jvp.map { _ in "jvp" }, subject.vjp.map { _ in "vjp" },
         subject.gradient.map { _ in "gradient" }, subject.hvp.map { _ in "hvp" },
         subject.jacobian.map { _ in "jacobian" }, subject.hessian.map { _ in "hessian" },
         subject.hessianTrace.map { _ in "hessianTrace" }].compactMap { $0 }
    }

    // MARK: - Shared evaluations

    /// The reference function on flat inputs.
    func referenceFunction(_ flat: [Double]) -> [Double] {
        (subject.reference ?? subject.primal)(layout.unflatten(flat))
    }

    /// Im f(x + i·h·d) / h, and the real part; nil without a complex-step variant.
    func complexStepDirectional(_ d: [Double]) -> (value: [Double], tangent: [Double])? {
        guard let complexStep = subject.complexStep else { return nil }
        let z = zip(x, d).map { Complex($0, step * $1) }
        let output = complexStep(layout.unflatten(z))
        return (output.map { $0.rawStorage.x }, output.map { $0.rawStorage.y / step })
    }

    /// The primal as seen by complex step (zero imaginary parts), and against the user's code.
    func primalCheck() -> ModeCheck {
        var check = ModeCheck(mode: "primal")
        if let reference = subject.reference {
            check.valueError = normwiseRelativeError(y, reference(subject.inputs))
        }
        if let complex = complexStepDirectional([Double](repeating: 0, count: x.count)) {
            check.complexStepError = normwiseRelativeError(y, complex.value)
        }
        check.judge(tolerances)
        return check
    }

    /// The evaluations several modes compare against, computed once.
    struct Derivatives {
        /// Complex-step J·pₖ per probe, then J·v.
        var complexProbes: [[Double]]?
        var complexAlongV: [Double]?
        /// Finite differences of the reference along v.
        var finiteAlongV: [Double]
        /// fJVP along v, when there is a JVP.
        var jvpAlongV: [Double]?

        init(_ check: DerivativeCheck) {
            if check.subject.complexStep != nil {
                complexProbes = check.probes.map { check.complexStepDirectional($0)!.tangent }
                complexAlongV = check.complexStepDirectional(check.v)!.tangent
            }
            finiteAlongV = FiniteDifferences.directionalDerivativeWithStepSelection(
                of: check.referenceFunction, at: check.x, along: check.v).estimate
            if let jvp = check.subject.jvp {
                jvpAlongV = jvp(check.subject.inputs, check.layout.unflatten(check.v)).tangent
            }
        }
    }

    /// The probe index as an input name (`w[3]`) when probes are unit vectors.
    func probeName(_ k: Int?) -> String? {
        guard let k else { return nil }
        return unitProbes ? layout.name(ofFlatIndex: k) : "random direction \(k)"
    }
}
