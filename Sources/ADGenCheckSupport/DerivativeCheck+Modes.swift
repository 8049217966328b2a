import ADGenRuntime
/// The per-mode checks of ``DerivativeCheck``.
extension DerivativeCheck {
    func jvpCheck(_ d: Derivatives) -> ModeCheck {
        let jvp = subject.jvp!
        var check = ModeCheck(mode: "jvp")
        let alongV = jvp(subject.inputs, layout.unflatten(v))
        check.valueError = normwiseRelativeError(alongV.value, y)
        if let complexProbes = d.complexProbes, let complexAlongV = d.complexAlongV {
            let tangents = probes.map { jvp(subject.inputs, layout.unflatten($0)).tangent } + [alongV.tangent]
            let reference = complexProbes + [complexAlongV]
            check.complexStepError = normwiseRelativeError(tangents.flatMap { $0 }, reference.flatMap { $0 },
                                                           floor: floor(Self.complexStepFloor, direction: [1]))
            let columnErrors = zip(tangents, reference).dropLast().map { maxNorm(zip($0, $1).map { $0 - $1 }) }
            check.worstInput = probeName(worstEntry(columnErrors, [Double](repeating: 0, count: columnErrors.count)))
            check.worstEntries = EntryError.worst(got: tangents.flatMap { $0 }, expected: reference.flatMap { $0 },
                                                  floor: floor(Self.complexStepFloor, direction: [1]),
                                                  name: { self.columnEntryName($0, rows: alongV.tangent.count) })
        }
        check.finiteDifferenceError = normwiseRelativeError(alongV.tangent, d.finiteAlongV,
                                                            floor: floor(Self.finiteDifferenceFloor, direction: v))
        if let vjp = subject.vjp {
            check.dotProductError = dotProductError(jv: alongV.tangent, jtu: layout.flatten(vjp(subject.inputs, u).adjoints))
        }
        return check
    }

    func vjpCheck(_ d: Derivatives) -> ModeCheck {
        var check = ModeCheck(mode: "vjp")
        let result = subject.vjp!(subject.inputs, u)
        check.valueError = normwiseRelativeError(result.value, y)
        guard layout.matches(result.adjoints) else { return shapeMismatch(check) }
        let adjoint = layout.flatten(result.adjoints)
        if let complexProbes = d.complexProbes {
            let projected = probes.map { dotProduct($0, adjoint) }
            let reference = complexProbes.map { dotProduct($0, u) }
            let csFloor = floor(Self.complexStepFloor, direction: [1], weights: u)
            check.complexStepError = normwiseRelativeError(projected, reference, floor: csFloor)
            check.worstInput = probeName(worstEntry(projected, reference))
            check.worstEntries = EntryError.worst(got: projected, expected: reference, floor: csFloor, name: probeName)
        }
        check.finiteDifferenceError = innerProductError(v, adjoint, d.finiteAlongV, u,
                                                        floor: floor(Self.finiteDifferenceFloor, direction: v, weights: u))
        if let jvpAlongV = d.jvpAlongV { check.dotProductError = dotProductError(jv: jvpAlongV, jtu: adjoint) }
        return check
    }

    func gradientCheck(_ d: Derivatives) -> ModeCheck {
        var check = ModeCheck(mode: "gradient")
        let result = subject.gradient!(subject.inputs)
        check.valueError = normwiseRelativeError([result.value], y)
        guard layout.matches(result.gradient) else { return shapeMismatch(check) }
        let gradient = layout.flatten(result.gradient)
        if let complexProbes = d.complexProbes {
            let projected = probes.map { dotProduct($0, gradient) }
            let reference = complexProbes.map { $0.first ?? .nan }
            let csFloor = floor(Self.complexStepFloor, direction: [1])
            check.complexStepError = normwiseRelativeError(projected, reference, floor: csFloor)
            check.worstInput = probeName(worstEntry(projected, reference))
            check.worstEntries = EntryError.worst(got: projected, expected: reference, floor: csFloor, name: probeName)
        }
        check.finiteDifferenceError = innerProductError(gradient, v, d.finiteAlongV, [1],
                                                        floor: floor(Self.finiteDifferenceFloor, direction: v))
        if let jvpAlongV = d.jvpAlongV, let first = jvpAlongV.first {
            let forward = dotProduct(gradient, v)
            let scale = Swift.max(dotProductScale(gradient, v), floor(Self.complexStepFloor, direction: v))
            check.dotProductError = relativeError(forward, first, floor: scale)
        }
        return check
    }

    func hvpCheck() -> ModeCheck {
        var check = ModeCheck(mode: "hvp")
        let hvp = subject.hvp!
        let result = hvp(subject.inputs, layout.unflatten(v))
        var valueError = normwiseRelativeError([result.value], y)
        guard layout.matches(result.gradient), layout.matches(result.hv) else { return shapeMismatch(check) }
        let hv = layout.flatten(result.hv)
        let gradientFunction: ([Double]) -> [Double]
        if let gradient = subject.gradient {
            gradientFunction = { self.layout.flatten(gradient(self.layout.unflatten($0)).gradient) }
            valueError = Swift.max(valueError, normwiseRelativeError(layout.flatten(result.gradient),
                                                                     gradientFunction(x)))
        } else {
            gradientFunction = { self.layout.flatten(hvp(self.layout.unflatten($0), self.layout.unflatten(self.v)).gradient) }
        }
        check.valueError = valueError
        // Second derivatives are measured against the gradient's own scale.
        let gradientAtX = gradientFunction(x)
        let hessianScale = Swift.max(maxNorm(gradientAtX), derivativeScale) / Swift.max(1, maxNorm(x))
        let hessianFloor = { (factor: Double, direction: [Double]) in factor * hessianScale * maxNorm(direction) }
        if let gradientComplexStep = subject.gradientComplexStep {
            let z = zip(x, v).map { Complex($0, step * $1) }
            let output = layout.flatten(gradientComplexStep(layout.unflatten(z)).gradient)
            let reference = output.map { $0.rawStorage.y / step }
            check.complexStepError = normwiseRelativeError(hv, reference, floor: hessianFloor(Self.complexStepFloor, v))
            check.worstInput = worstEntry(hv, reference).map(layout.name(ofFlatIndex:))
            check.worstEntries = EntryError.worst(got: hv, expected: reference, floor: hessianFloor(Self.complexStepFloor, v),
                                                  name: layout.name(ofFlatIndex:))
        }
        let finite = FiniteDifferences.directionalDerivativeWithStepSelection(of: gradientFunction, at: x, along: v)
        check.finiteDifferenceError = normwiseRelativeError(hv, finite.estimate,
                                                            floor: hessianFloor(Self.finiteDifferenceFloor, v))
        let hw = layout.flatten(hvp(subject.inputs, layout.unflatten(w)).hv)
        let symmetryScale = Swift.max(dotProductScale(w, hv), dotProductScale(v, hw),
                                      hessianFloor(Self.complexStepFloor, v) * maxNorm(w) * Double(x.count))
        check.dotProductError = relativeError(dotProduct(w, hv), dotProduct(v, hw), floor: symmetryScale)
        return check
    }

    // MARK: - Helpers

    /// Entry `index` of probe columns stacked one after another, each `rows` long (then
    /// the column along `v`): the probe (`w[3]`), and the result entry when the result
    /// has several (`w[3] → result[1]`).
    func columnEntryName(_ index: Int, rows: Int) -> String? {
        guard rows > 0 else { return nil }
        let column = index / rows
        guard let probe = column < probes.count ? probeName(column) : "direction v" else { return nil }
        return rows == 1 ? probe : "\(probe) → result[\(index % rows)]"
    }

    /// ``DotProductTest``'s measure, ⟨jv, u⟩ against ⟨v, jtu⟩, with the complex-step floor.
    func dotProductError(jv: [Double], jtu: [Double]) -> Double {
        guard jv.count == u.count, jtu.count == v.count else { return .nan }
        let result = DotProductTest.compare(v: v, jv: jv, u: u, jtu: jtu, tolerance: tolerances.dotProduct)
        let scale = Swift.max(result.scale, floor(Self.complexStepFloor, direction: v, weights: u))
        return relativeError(result.forward, result.reverse, floor: scale)
    }

    /// ⟨a, b⟩ against ⟨c, e⟩, relative to the larger sum of absolute terms (at least `floor`).
    func innerProductError(_ a: [Double], _ b: [Double], _ c: [Double], _ e: [Double], floor: Double) -> Double {
        guard a.count == b.count, c.count == e.count else { return .nan }
        let scale = Swift.max(dotProductScale(a, b), dotProductScale(c, e), floor)
        return relativeError(dotProduct(a, b), dotProduct(c, e), floor: scale)
    }

    func shapeMismatch(_ check: ModeCheck) -> ModeCheck {
        var check = check
        check.passed = false
        check.notes.append("returned derivatives do not have the inputs' shapes")
        return check
    }
}
