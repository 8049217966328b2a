/// What an ``ExactRun`` holds, read as `Double`s, and the size of its information buffers.
extension ExactRun {
    /// The weights as `Double`s (allocates; in a loop use ``copyWeights(into:)``).
    ///
    /// For example: `ExactRun(weights: [0.5], optimizer: .momentum(learningRate: 0.1)).weights`
    /// is `[0.5]`.
    public var weights: [Double] { rawWeights.map(weightScale.value) }

    /// Writes the weights into `weights`, which must have the run's weight count; allocates
    /// nothing.
    ///
    /// For example: `run.copyWeights(into: &w)` before computing the next gradient at `w`.
    public func copyWeights(into weights: inout [Double]) {
        precondition(weights.count == rawWeights.count, "copyWeights: expected \(rawWeights.count) weights, got \(weights.count)")
        for index in rawWeights.indices {
            weights[index] = weightScale.value(rawWeights[index])
        }
    }

    /// Writes the optimizer state as `Double`s into `first` (`b` or `m`) and, for Adam and
    /// AdamW, `second` (`v`), each with the run's weight count; allocates nothing.
    ///
    /// For example: `run.copyState(first: &m, second: &v)` after ``undoStateUpdate(gradient:)``.
    public func copyState(first: inout [Double], second: inout [Double]) {
        precondition(first.count == rawFirst.count && second.count == rawSecond.count,
                     "copyState: expected \(rawFirst.count) and \(rawSecond.count) entries")
        for index in rawFirst.indices {
            first[index] = firstScale.map { $0.value(rawFirst[index]) } ?? pendingFirst.element(index)
        }
        for index in rawSecond.indices {
            second[index] = secondScale.map { $0.value(rawSecond[index]) } ?? pendingSecond.element(index)
        }
    }

    /// The bytes of the exact weights and state (16 per `Int128` entry).
    public var stateBytes: Int { (rawWeights.count + rawFirst.count + rawSecond.count) * MemoryLayout<Int128>.stride }

    /// Momentum's buffer `b` (the starting state, zeros by default, before the first step; empty for Adam and AdamW).
    ///
    /// For example: after one momentum step with gradient `[2]`, `momentumBuffer` is `[2]`.
    public var momentumBuffer: [Double] {
        guard case .momentum = optimizer else { return [] }
        return stateValues(rawFirst, firstScale, pending: pendingFirst)
    }

    /// Adam's first moment `m` (the starting state, zeros by default, before the first step; empty for momentum).
    ///
    /// For example: after one Adam step with gradient `[2]`, `firstMoment` is about `[0.2]`.
    public var firstMoment: [Double] {
        optimizer.hasSecondMoment ? stateValues(rawFirst, firstScale, pending: pendingFirst) : []
    }

    /// Adam's second moment `v` (the starting state, zeros by default, before the first step; empty for momentum).
    ///
    /// For example: after one Adam step with gradient `[2]`, `secondMoment` is about `[0.004]`.
    public var secondMoment: [Double] { stateValues(rawSecond, secondScale, pending: pendingSecond) }

    /// The bits the information buffers store: their spilled words and 64-bit states.
    ///
    /// For example: a fresh Adam run holds 128 bits (two empty buffers).
    public var bufferBits: Int {
        firstBuffer.bufferBits + (secondBuffer?.bufferBits ?? 0) + weightBuffers.values.reduce(0) { $0 + $1.bufferBits }
    }

    /// The entropy bound `Σ log2(1/γ)` over every decay by a rate `γ < 1` of every entry at
    /// every step taken: the least any exact reversal must store.
    ///
    /// For example: 10 momentum steps of 100 weights with `μ = 0.9` give `1000 · log2(10/9)`.
    public var entropyBits: Double {
        firstBuffer.entropyBits + (secondBuffer?.entropyBits ?? 0) + weightBuffers.values.reduce(0) { $0 + $1.entropyBits }
    }

    /// Reserves buffer room for `steps` more steps, so that stepping allocates nothing.
    ///
    /// For example: `run.reserveBuffer(steps: 1000)` before a 1,000-step loop.
    public mutating func reserveBuffer(steps: Int) {
        let count = steps * rawWeights.count
        firstBuffer.reserveCapacity(multiplications: count)
        secondBuffer?.reserveCapacity(multiplications: count)
        if let rate = ownWeightDecayRate { weightBuffers[rate]?.reserveCapacity(multiplications: count) }
    }

    private func stateValues(_ raw: [Int128], _ scale: FixedPointScale?, pending: [Double]) -> [Double] {
        guard let scale else { return raw.indices.map(pending.element) }
        return raw.map(scale.value)
    }
}

private extension Array where Element == Double {
    /// Entry `index` of a starting state held in `Double`, or 0 when there is none.
    func element(_ index: Int) -> Double { isEmpty ? 0 : self[index] }
}
