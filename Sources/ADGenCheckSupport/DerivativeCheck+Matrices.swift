import Numerics
import ADGenRuntime

/// The checks of the whole-matrix modes: `fJacobian`, `fHessian`, `fHessianTrace`.
extension DerivativeCheck {
    /// Probes and the seed of the trace check: fixed, so a check's verdict is reproducible.
    public static let traceProbes = 256
    public static let traceSeed: UInt64 = 0x5EED
    public static let traceStandardErrors = 4.0

    /// `J·w` for a row-major `rows × columns` matrix.
    func times(_ matrix: [Double], _ vector: [Double]) -> [Double] {
        let columns = vector.count
        guard columns > 0 else { return [Double](repeating: 0, count: 0) }
        return (0..<(matrix.count / columns)).map { row in
            (0..<columns).reduce(0.0) { $0 + matrix[row * columns + $1] * vector[$1] }
        }
    }

    /// `uᵀ·J` for a row-major matrix with `u.count` rows.
    func transposeTimes(_ matrix: [Double], _ u: [Double], columns: Int) -> [Double] {
        (0..<columns).map { column in (0..<u.count).reduce(0.0) { $0 + u[$1] * matrix[$1 * columns + column] } }
    }

    func jacobianCheck(_ d: Derivatives) -> ModeCheck {
        var check = ModeCheck(mode: "jacobian")
        let result = subject.jacobian!(subject.inputs)
        check.valueError = normwiseRelativeError(result.value, y)
        guard result.jacobian.count == y.count * x.count else { return shapeMismatch(check) }
        let jv = times(result.jacobian, v)
        if let complexProbes = d.complexProbes {
            let columns = probes.map { times(result.jacobian, $0) }
            let csFloor = floor(Self.complexStepFloor, direction: [1])
            check.complexStepError = normwiseRelativeError(columns.flatMap { $0 }, complexProbes.flatMap { $0 },
                                                           floor: csFloor)
            check.worstEntries = EntryError.worst(got: columns.flatMap { $0 }, expected: complexProbes.flatMap { $0 },
                                                  floor: csFloor, name: { self.columnEntryName($0, rows: self.y.count) })
        }
        check.finiteDifferenceError = normwiseRelativeError(jv, d.finiteAlongV,
                                                            floor: floor(Self.finiteDifferenceFloor, direction: v))
        var agreement: [Double] = []
        if let jvpAlongV = d.jvpAlongV {
            agreement.append(normwiseRelativeError(jv, jvpAlongV, floor: floor(Self.complexStepFloor, direction: v)))
        }
        if let vjp = subject.vjp {
            let row = transposeTimes(result.jacobian, u, columns: x.count)
            agreement.append(normwiseRelativeError(row, layout.flatten(vjp(subject.inputs, u).adjoints),
                                                   floor: floor(Self.complexStepFloor, direction: [1], weights: u)))
        }
        check.dotProductError = agreement.max()
        return check
    }

    /// The Hessian's scale for floors: the gradient's size per unit move of `x`.
    func hessianScale(gradient: [Double]) -> Double {
        Swift.max(maxNorm(gradient), derivativeScale) / Swift.max(1, maxNorm(x))
    }

    func hessianCheck() -> ModeCheck {
        var check = ModeCheck(mode: "hessian")
        let result = subject.hessian!(subject.inputs)
        let n = x.count
        check.valueError = normwiseRelativeError([result.value], y)
        guard result.gradient.count == n, result.hessian.count == n * n else { return shapeMismatch(check) }
        let gradientFunction: ([Double]) -> [Double] = { point in
            self.subject.gradient.map { self.layout.flatten($0(self.layout.unflatten(point)).gradient) }
                ?? self.subject.hessian!(self.layout.unflatten(point)).gradient
        }
        if subject.gradient != nil {
            check.valueError = Swift.max(check.valueError ?? 0, normwiseRelativeError(result.gradient, gradientFunction(x)))
        }
        let scale = hessianScale(gradient: result.gradient)
        let hv = times(result.hessian, v)
        if let gradientComplexStep = subject.gradientComplexStep {
            let z = zip(x, v).map { Complex($0, step * $1) }
            let output = layout.flatten(gradientComplexStep(layout.unflatten(z)).gradient)
            let reference = output.map { $0.rawStorage.y / step }
            check.complexStepError = normwiseRelativeError(hv, reference, floor: Self.complexStepFloor * scale * maxNorm(v))
            check.worstEntries = EntryError.worst(got: hv, expected: reference, floor: Self.complexStepFloor * scale * maxNorm(v),
                                                  name: layout.name(ofFlatIndex:))
        }
        let finite = FiniteDifferences.directionalDerivativeWithStepSelection(of: gradientFunction, at: x, along: v)
        check.finiteDifferenceError = normwiseRelativeError(hv, finite.estimate,
                                                            floor: Self.finiteDifferenceFloor * scale * maxNorm(v))
        var asymmetry = 0.0
        for i in 0..<n {
            for j in 0..<i {
                asymmetry = Swift.max(asymmetry, relativeError(result.hessian[i * n + j], result.hessian[j * n + i],
                                                                floor: Self.complexStepFloor * scale))
            }
        }
        var agreement = [asymmetry]
        if let hvp = subject.hvp {
            agreement.append(normwiseRelativeError(hv, layout.flatten(hvp(subject.inputs, layout.unflatten(v)).hv),
                                                   floor: Self.complexStepFloor * scale * maxNorm(v)))
        }
        check.dotProductError = agreement.max()
        return check
    }

    /// The exact trace: from `fHessian`, else from `fHVP` along the unit vectors; nil
    /// when neither is there or there are too many entries for unit probes.
    func exactTrace() -> Double? {
        let n = x.count
        if let hessian = subject.hessian {
            let matrix = hessian(subject.inputs).hessian
            return (0..<n).reduce(0.0) { $0 + matrix[$1 * n + $1] }
        }
        guard let hvp = subject.hvp, unitProbes else { return nil }
        return probes.enumerated().reduce(0.0) { sum, probe in
            sum + layout.flatten(hvp(subject.inputs, layout.unflatten(probe.element)).hv)[probe.offset]
        }
    }

    /// Hutchinson's estimate with ``traceProbes`` probes against the exact trace: it
    /// fails when |estimate − trace| exceeds ``traceStandardErrors`` standard errors (plus
    /// a rounding floor). Four, not three: one program in 16,000 fails by chance, not one in 370.
    func hessianTraceCheck() -> ModeCheck {
        var check = ModeCheck(mode: "hessianTrace")
        let result = subject.hessianTrace!(subject.inputs, Self.traceProbes, Self.traceSeed)
        check.valueError = normwiseRelativeError([result.value], y)
        guard let exact = exactTrace() else {
            check.notes.append("no exact trace to compare with (no fHessian, or too many entries for unit probes)")
            return check
        }
        let gradient = subject.gradient.map { layout.flatten($0(subject.inputs).gradient) } ?? []
        let roundingFloor = Self.complexStepFloor * hessianScale(gradient: gradient) * Double(x.count)
        let bound = Self.traceStandardErrors * result.standardError + roundingFloor
        if !(Swift.abs(result.trace - exact) <= bound) {
            check.passed = false
            check.notes.append("estimate \(result.trace) ± \(result.standardError) is more than \(Self.traceStandardErrors) standard errors from the trace \(exact)")
        }
        return check
    }
}
