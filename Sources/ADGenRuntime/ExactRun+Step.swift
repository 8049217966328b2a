/// The forward exact step.
extension ExactRun {
    /// Takes one training step with `gradient`, the gradient of the loss at ``weights``
    /// (at step ``steps``, 0-based), exactly the contract's update in fixed point.
    ///
    /// Order, entry by entry `i` in increasing order (the inverse runs it backwards):
    /// 1. `b ← μ·b` or `m ← β1·m` through its buffer, then `+= raw(g)` or `+= raw((1−β1)·g)`;
    /// 2. Adam: `v ← β2·v` through its buffer, then `+= raw((1−β2)·g·g)`;
    /// 3. AdamW: `w ← (1 − lr·λ)·w` through its buffer;
    /// 4. `w −= raw(lr·b)` or `w −= raw(lr·(m/(1−β1^t))/(√(v/(1−β2^t)) + ε))`, computed in
    ///    `Double` from the post-step `b` or `m` and `v`, so the inverse recomputes it.
    ///
    /// `raw` rounds to the variable's grid. Throws when an entry leaves its fixed-point range
    /// or the gradient is not finite; the run is then half-stepped and unusable.
    ///
    /// For example: `try run.step(gradient: g)`, then `run.copyWeights(into: &w)`.
    public mutating func step(gradient: [Double]) throws(ExactArithmeticError) {
        try step(gradient: gradient, learningRate: optimizer.learningRate)
    }

    /// ``step(gradient:)`` with the learning rate `learningRate` for this step (a learning-rate
    /// schedule); undo it with ``undoWeightUpdate(learningRate:)`` and the same rate. AdamW's
    /// weight decay `1 − lr·λ` goes through the buffer of that step's rate (one buffer per
    /// rate used, so a schedule of many rates stores up to 64 bits more per rate).
    public mutating func step(gradient: [Double], learningRate: Double) throws(ExactArithmeticError) {
        precondition(!awaitingGradient, "ExactRun.step: finish the undo in progress with undoStateUpdate(gradient:) first")
        precondition(gradient.count == rawWeights.count, "ExactRun.step: expected \(rawWeights.count) gradient entries, got \(gradient.count)")
        if firstScale == nil { chooseStateScales(gradient) }
        let t = steps + 1
        let corrections = coefficients.biasCorrections(step: t)
        let decay = weightDecayRate(learningRate: learningRate)
        var weightBuffer = decay.map { weightBuffers.removeValue(forKey: $0) ?? InformationBuffer(rate: $0) }
        defer { if let decay, let weightBuffer { weightBuffers[decay] = weightBuffer } }
        for i in rawWeights.indices {
            try stepEntry(i, gradient: gradient[i], step: t, corrections: corrections, learningRate: learningRate,
                          weightBuffer: &weightBuffer)
        }
        steps = t
    }

    /// Steps 1–4 of ``step(gradient:)`` for entry `i`.
    @inline(__always)
    private mutating func stepEntry(_ i: Int, gradient g: Double, step t: Int,
                                    corrections: (first: Double, second: Double), learningRate: Double,
                                    weightBuffer: inout InformationBuffer?) throws(ExactArithmeticError) {
        guard g.isFinite else { throw .nonFinite(variable: "gradient", index: i, step: t) }
        let first = firstScale!
        firstBuffer.multiply(&rawFirst[i])
        guard let newFirst = ExactRun.sum(rawFirst[i], first.raw(coefficients.firstFactor * g)) else {
            throw overflow(.first, i, t)
        }
        rawFirst[i] = newFirst
        var second = 0.0
        if let scale = secondScale {
            secondBuffer!.multiply(&rawSecond[i])
            guard let newSecond = ExactRun.sum(rawSecond[i], scale.raw(coefficients.secondFactor * g * g)) else {
                throw overflow(.second, i, t)
            }
            rawSecond[i] = newSecond
            second = scale.value(newSecond)
        }
        weightBuffer?.multiply(&rawWeights[i])
        let decrement = coefficients.weightDecrement(first: first.value(newFirst), second: second, corrections: corrections,
                                                     learningRate: learningRate)
        guard let newWeight = ExactRun.sum(rawWeights[i], weightScale.raw(-decrement)) else {
            throw overflow(.weights, i, t)
        }
        rawWeights[i] = newWeight
    }

    /// `value + increment`, or `nil` when the increment did not convert (`nil`) or the sum
    /// leaves the `Int128` range. Static, so the hot loop never copies the run.
    @inline(__always)
    private static func sum(_ value: Int128, _ increment: Int128?) -> Int128? {
        guard let increment else { return nil }
        let (result, overflow) = value.addingReportingOverflow(increment)
        return overflow ? nil : result
    }

    /// The overflow error of `variable[i]` at step `t`.
    private func overflow(_ variable: ExactVariable, _ i: Int, _ t: Int) -> ExactArithmeticError {
        .overflow(variable: name(of: variable), index: i, step: t)
    }

    /// Picks the scales of `b`/`m` (32 bits above the largest `|g|`, or of the starting `b`/`m`)
    /// and `v` (64 bits above the largest `g²`, or starting `v`) from the first step's
    /// gradient, and puts a starting state on them.
    private mutating func chooseStateScales(_ gradient: [Double]) {
        let largest = gradient.reduce(0) { Swift.max($0, $1.magnitude) }
        let first = FixedPointScale(magnitude: Swift.max(largest, ExactRun.largest(pendingFirst)), headroomBits: 32)
        firstScale = first
        let second = optimizer.hasSecondMoment
            ? FixedPointScale(magnitude: Swift.max(largest * largest, ExactRun.largest(pendingSecond)), headroomBits: 64) : nil
        secondScale = second
        for (i, value) in pendingFirst.enumerated() { rawFirst[i] = first.raw(value)! }
        if let second {
            for (i, value) in pendingSecond.enumerated() { rawSecond[i] = second.raw(value)! }
        }
        pendingFirst = []
        pendingSecond = []
    }

    private static func largest(_ values: [Double]) -> Double {
        values.reduce(0) { Swift.max($0, $1.magnitude) }
    }

    /// The name of a variable in error messages: the weights' name, `b`, `m` or `v`.
    func name(of variable: ExactVariable) -> String {
        switch variable {
        case .weights: return weightsName
        case .first: return optimizer.hasSecondMoment ? "m" : "b"
        case .second: return "v"
        }
    }
}

/// The three variables of an exact run, named in errors by ``ExactRun/name(of:)``.
enum ExactVariable {
    case weights, first, second
}
