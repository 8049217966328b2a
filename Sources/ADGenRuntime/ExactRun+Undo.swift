/// The inverse exact step, in two halves around the gradient the caller recomputes.
extension ExactRun {
    /// Undoes the weight half of the last step (its steps 4 and 3, entries in decreasing
    /// order): adds back the decrement, recomputed from the current (post-step) state exactly
    /// as ``step(gradient:)`` computed it, so the √v + ε denominator and the bias correction
    /// are never inverted; then, for AdamW, divides the weights by `1 − lr·λ` through their
    /// buffer. Afterwards ``weights`` are the weights the step started from, bit for bit.
    ///
    /// Returns the 0-based number of the step being undone: compute the gradient at
    /// ``weights`` for that step and pass it to ``undoStateUpdate(gradient:)``.
    ///
    /// For example: `let step = run.undoWeightUpdate()`, then `run.copyWeights(into: &w)`.
    @discardableResult
    public mutating func undoWeightUpdate() -> Int {
        undoWeightUpdate(learningRate: optimizer.learningRate)
    }

    /// ``undoWeightUpdate()`` of a step taken with ``step(gradient:learningRate:)``: pass the
    /// same learning rate.
    @discardableResult
    public mutating func undoWeightUpdate(learningRate: Double) -> Int {
        precondition(steps > firstStep, "ExactRun.undoWeightUpdate: no step left to undo")
        precondition(!awaitingGradient, "ExactRun.undoWeightUpdate: call undoStateUpdate(gradient:) first")
        let first = firstScale!
        let corrections = coefficients.biasCorrections(step: steps)
        let decay = weightDecayRate(learningRate: learningRate)
        var weightBuffer = decay.map { rate -> InformationBuffer in
            guard let buffer = weightBuffers.removeValue(forKey: rate), buffer.multiplications > 0 else {
                preconditionFailure("ExactRun.undoWeightUpdate: no step was taken with learning rate \(learningRate)")
            }
            return buffer
        }
        for i in rawWeights.indices.reversed() {
            let second = secondScale.map { $0.value(rawSecond[i]) } ?? 0
            let decrement = coefficients.weightDecrement(first: first.value(rawFirst[i]), second: second, corrections: corrections,
                                                         learningRate: learningRate)
            rawWeights[i] -= weightScale.raw(-decrement)!
            weightBuffer?.divide(&rawWeights[i])
        }
        // A buffer of another rate than the run's goes once it is empty, so undoing every
        // step leaves the buffers a fresh run has.
        if let decay, let weightBuffer, weightBuffer.multiplications > 0 || decay == ownWeightDecayRate {
            weightBuffers[decay] = weightBuffer
        }
        awaitingGradient = true
        return steps - 1
    }

    /// Undoes the state half of the last step (its steps 2 and 1, entries in decreasing
    /// order) with `gradient`, the gradient at the recovered ``weights``, which must be bit
    /// for bit the one the step was taken with: subtracts the increments, then divides `v`
    /// by `β2` and `b`/`m` by `μ`/`β1` through their buffers. The step count goes down by one.
    ///
    /// For example: `run.undoStateUpdate(gradient: g)` after ``undoWeightUpdate()``.
    public mutating func undoStateUpdate(gradient: [Double]) {
        precondition(awaitingGradient, "ExactRun.undoStateUpdate: call undoWeightUpdate() first")
        precondition(gradient.count == rawWeights.count, "ExactRun.undoStateUpdate: expected \(rawWeights.count) gradient entries, got \(gradient.count)")
        let first = firstScale!
        for i in rawWeights.indices.reversed() {
            let g = gradient[i]
            if let scale = secondScale {
                rawSecond[i] -= recomputed(scale.raw(coefficients.secondFactor * g * g))
                secondBuffer!.divide(&rawSecond[i])
            }
            rawFirst[i] -= recomputed(first.raw(coefficients.firstFactor * g))
            firstBuffer.divide(&rawFirst[i])
        }
        steps -= 1
        awaitingGradient = false
        if steps == firstStep && startsFromZero {
            firstScale = nil
            secondScale = nil
        }
    }

    /// An increment that converted in the forward step converts again, unless the gradient
    /// is not the forward one.
    private func recomputed(_ increment: Int128?) -> Int128 {
        guard let increment else {
            preconditionFailure("ExactRun.undoStateUpdate: the gradient differs from the one the step was taken with")
        }
        return increment
    }
}
