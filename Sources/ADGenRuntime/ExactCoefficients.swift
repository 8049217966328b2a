import Foundation

/// The `Double` constants of an exact step, and the two `Double` computations that the
/// forward step and its inverse must do identically: an increment of the state from the
/// gradient, and the weight update from the post-step state.
///
/// For example: for `.adam(learningRate: 0.01)`, `firstFactor` is `1 − 0.9` and
/// `secondFactor` is `1 − 0.999`.
struct ExactCoefficients: Equatable, Sendable {
    let learningRate: Double
    /// The gradient's factor in `b` or `m`: 1 (momentum) or `1 − β1`.
    let firstFactor: Double
    /// The squared gradient's factor in `v`: `1 − β2` (unused for momentum).
    let secondFactor: Double
    let beta1: Double
    let beta2: Double
    let epsilon: Double
    let isAdam: Bool

    init(_ optimizer: ExactOptimizer) {
        switch optimizer {
        case let .momentum(learningRate, _):
            self.init(learningRate: learningRate, firstFactor: 1, beta1: 0, beta2: 0, epsilon: 0, isAdam: false)
        case let .adam(learningRate, beta1, beta2, epsilon), let .adamW(learningRate, beta1, beta2, epsilon, _):
            self.init(learningRate: learningRate, firstFactor: 1 - beta1, beta1: beta1, beta2: beta2, epsilon: epsilon, isAdam: true)
        }
    }

    private init(learningRate: Double, firstFactor: Double, beta1: Double, beta2: Double, epsilon: Double, isAdam: Bool) {
        self.learningRate = learningRate
        self.firstFactor = firstFactor
        secondFactor = 1 - beta2
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.isAdam = isAdam
    }

    /// Adam's bias corrections `(1 − β1^t, 1 − β2^t)` for step `t` (from 1).
    func biasCorrections(step t: Int) -> (first: Double, second: Double) {
        guard isAdam else { return (1, 1) }
        return (1 - pow(beta1, Double(t)), 1 - pow(beta2, Double(t)))
    }

    /// The decrement of the weights with learning rate `learningRate` (the run's, or the
    /// step's of a schedule), from the post-step state (already `Double`s):
    /// `lr · b` (momentum) or `lr · (m / c1) / (√(v / c2) + ε)` (Adam, AdamW).
    @inline(__always)
    func weightDecrement(first: Double, second: Double, corrections: (first: Double, second: Double),
                         learningRate: Double) -> Double {
        guard isAdam else { return learningRate * first }
        return learningRate * (first / corrections.first) / ((second / corrections.second).squareRoot() + epsilon)
    }
}
