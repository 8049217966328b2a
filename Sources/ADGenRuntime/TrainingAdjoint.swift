/// The adjoint of a `Double` training run while a hypergradient sweep pulls it back step by
/// step (``TrainingPullback``): of the weights and the optimizer state at the current step,
/// of the gradient of the step being pulled back, and of every hyperparameter.
///
/// For example: after pulling back all `T` steps, ``weights`` is the gradient of the
/// validation loss with respect to the initial weights and ``learningRates[k]`` its
/// derivative with respect to the learning rate of step `k`.
public struct TrainingAdjoint: Equatable, Sendable {
    /// The adjoint of the weights.
    public var weights: [Double]
    /// The adjoint of the first state array (`b`, `s` or `m`); empty for SGD.
    public var first: [Double]
    /// The adjoint of Adam's `v`; empty otherwise.
    public var second: [Double]
    /// The adjoint of the gradient of the step last pulled back.
    public var gradient: [Double]
    /// The adjoint of each step's learning rate: entry `k` is step ``firstStep`` + `k`.
    public var learningRates: [Double]
    /// The number of the first step of the run (the optimizer state's step count at its start).
    public var firstStep: Int
    public var momentum = 0.0
    public var decay = 0.0
    public var epsilon = 0.0
    public var beta1 = 0.0
    public var beta2 = 0.0
    public var weightDecay = 0.0

    /// Zero adjoints for `count` weights, `arrays` state arrays and `steps` steps from step
    /// number `firstStep`.
    public init(count: Int, arrays: Int, steps: Int, firstStep: Int = 0) {
        self.firstStep = firstStep
        weights = Array(repeating: 0, count: count)
        first = arrays >= 1 ? Array(repeating: 0, count: count) : []
        second = arrays >= 2 ? Array(repeating: 0, count: count) : []
        gradient = Array(repeating: 0, count: count)
        learningRates = Array(repeating: 0, count: steps)
    }

    /// The derivative with respect to one learning rate shared by every step: the sum of
    /// ``learningRates`` in step order.
    public var learningRateSum: Double {
        var sum = 0.0
        for rate in learningRates { sum += rate }
        return sum
    }

    /// The bytes its arrays hold.
    var byteCount: Int {
        (weights.count + first.count + second.count + gradient.count + learningRates.count) * MemoryLayout<Double>.stride
    }
}
