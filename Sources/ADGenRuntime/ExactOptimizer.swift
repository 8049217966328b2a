/// An optimizer that exact training can reverse, with its hyperparameters (user contract,
/// section 7: PyTorch's conventions, `t` counting steps from 1, state starting at zero).
///
/// - `momentum`: `b = μ b + g; w -= lr b`.
/// - `adam`: `m = β1 m + (1-β1) g; v = β2 v + (1-β2) g²;
///   w -= lr (m / (1-β1^t)) / (√(v / (1-β2^t)) + ε)`.
/// - `adamW`: `w -= lr λ w`, then Adam's step with `g` taken before the step.
///
/// SGD, Nesterov, RMSProp and Adagrad are not here: their weight update needs the gradient
/// at the weights being recovered, so no exact inverse exists.
///
/// For example: `ExactOptimizer.adam(learningRate: 0.01)` uses β1 0.9, β2 0.999, ε 1e-8.
public enum ExactOptimizer: Equatable, Hashable, Sendable {
    /// Heavy-ball momentum without dampening.
    case momentum(learningRate: Double, momentum: Double = 0.9)
    /// Adam with bias correction, ε outside the square root.
    case adam(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8)
    /// Adam with decoupled weight decay multiplied by the learning rate.
    case adamW(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
               weightDecay: Double = 0.01)

    /// The learning rate `lr`.
    public var learningRate: Double {
        switch self {
        case let .momentum(learningRate, _), let .adam(learningRate, _, _, _), let .adamW(learningRate, _, _, _, _):
            return learningRate
        }
    }

    /// Whether the optimizer keeps a second moment `v` (Adam and AdamW).
    public var hasSecondMoment: Bool {
        if case .momentum = self { return false }
        return true
    }
}
