/// An optimizer of a generated training loop, with every hyperparameter but the learning
/// rate (which a hypergradient may take per step, so it travels beside the optimizer): the
/// `Double` reference of the contract's update equations (section 7) that the hypergradient
/// methods step and pull back (``TrainingStep``, ``TrainingPullback``).
///
/// For example: `TrainingOptimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)`.
public enum TrainingOptimizer: Equatable, Hashable, Sendable {
    case sgd
    case momentum(momentum: Double)
    case nesterov(momentum: Double)
    case rmsprop(decay: Double, epsilon: Double)
    case adagrad(epsilon: Double)
    case adam(beta1: Double, beta2: Double, epsilon: Double)
    case adamW(beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double)

    /// The per-weight state arrays the optimizer keeps: 0 (SGD), 1 or 2 (Adam, AdamW).
    public var stateArrayCount: Int {
        switch self {
        case .sgd: return 0
        case .momentum, .nesterov, .rmsprop, .adagrad: return 1
        case .adam, .adamW: return 2
        }
    }

    /// The exact optimizer with learning rate `learningRate`, for momentum, Adam and AdamW;
    /// `nil` for the others, whose weight update needs the gradient at the weights being
    /// recovered, so no exact inverse exists.
    ///
    /// For example: `TrainingOptimizer.sgd.exact(learningRate: 0.1)` is `nil`.
    public func exact(learningRate: Double) -> ExactOptimizer? {
        switch self {
        case let .momentum(momentum):
            return .momentum(learningRate: learningRate, momentum: momentum)
        case let .adam(beta1, beta2, epsilon):
            return .adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        case let .adamW(beta1, beta2, epsilon, weightDecay):
            return .adamW(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
        case .sgd, .nesterov, .rmsprop, .adagrad:
            return nil
        }
    }
}

/// The optimizer state of a `Double` training run: up to two per-weight arrays (momentum's
/// `b`; RMSProp's and Adagrad's `s`; Adam's `m` and `v`) and the number of steps taken.
///
/// For example: `TrainingState(count: 3, arrays: 2)` is Adam's state before the first step.
public struct TrainingState: Equatable, Sendable {
    /// `b`, `s` or `m`; empty for SGD.
    public var first: [Double]
    /// Adam's `v`; empty otherwise.
    public var second: [Double]
    /// The number of steps taken: the next step is step number `steps` (0-based).
    public var steps: Int

    /// Zero state for `count` weights and `arrays` state arrays.
    public init(count: Int, arrays: Int) {
        first = arrays >= 1 ? Array(repeating: 0, count: count) : []
        second = arrays >= 2 ? Array(repeating: 0, count: count) : []
        steps = 0
    }

    /// A state with the given arrays and step count.
    public init(first: [Double], second: [Double], steps: Int) {
        self.first = first
        self.second = second
        self.steps = steps
    }

    /// The bytes its arrays hold.
    var byteCount: Int { (first.count + second.count) * MemoryLayout<Double>.stride }
}
