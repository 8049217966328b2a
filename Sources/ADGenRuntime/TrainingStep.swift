import Foundation

/// One `Double` training step of the contract's update equations (section 7), written with
/// the same floating-point operations in the same order as the generated `LOpt`, so a run
/// of these steps follows `LOpt`'s trajectory bit for bit (a test checks it).
///
/// For example, one Adam step at `t = 1` with gradient `[2]` from zero state moves the weight
/// by about `−lr`: `TrainingStep.take(.adam(...), weights: &w, state: &s, gradient: [2], learningRate: 0.1)`.
public enum TrainingStep {
    /// Adam's bias corrections `(1 − β1^t, 1 − β2^t)` for the 1-based step `t`, as `LOpt`
    /// computes them; `(1, 1)` for the other optimizers.
    @inlinable
    public static func biasCorrections(_ optimizer: TrainingOptimizer, step t: Int) -> (first: Double, second: Double) {
        switch optimizer {
        case let .adam(beta1, beta2, _), let .adamW(beta1, beta2, _, _):
            return (1.0 - pow(beta1, Double(t)), 1.0 - pow(beta2, Double(t)))
        default:
            return (1, 1)
        }
    }

    /// Updates `weights` and `state` with `gradient`, the loss's gradient at `weights` for
    /// step `state.steps`; `state.steps` goes up by one.
    public static func take(_ optimizer: TrainingOptimizer, weights w: inout [Double], state: inout TrainingState,
                            gradient g: [Double], learningRate lr: Double) {
        let corrections = biasCorrections(optimizer, step: state.steps + 1)
        switch optimizer {
        case .sgd:
            for i in w.indices { w[i] -= lr * g[i] }
        case let .momentum(mu):
            for i in w.indices {
                state.first[i] = mu * state.first[i] + g[i]
                w[i] -= lr * state.first[i]
            }
        case let .nesterov(mu):
            for i in w.indices {
                state.first[i] = mu * state.first[i] + g[i]
                w[i] -= lr * (g[i] + mu * state.first[i])
            }
        case let .rmsprop(rho, epsilon):
            for i in w.indices {
                state.first[i] = rho * state.first[i] + (1.0 - rho) * (g[i] * g[i])
                w[i] -= lr * g[i] / (sqrt(state.first[i]) + epsilon)
            }
        case let .adagrad(epsilon):
            for i in w.indices {
                state.first[i] += g[i] * g[i]
                w[i] -= lr * g[i] / (sqrt(state.first[i]) + epsilon)
            }
        case let .adam(beta1, beta2, epsilon):
            adam(beta1, beta2, epsilon, &w, &state, g, lr, corrections)
        case let .adamW(beta1, beta2, epsilon, weightDecay):
            for i in w.indices { w[i] -= lr * weightDecay * w[i] }
            adam(beta1, beta2, epsilon, &w, &state, g, lr, corrections)
        }
        state.steps += 1
    }

    /// Adam's moments and bias-corrected update of every weight.
    private static func adam(_ beta1: Double, _ beta2: Double, _ epsilon: Double, _ w: inout [Double],
                             _ state: inout TrainingState, _ g: [Double], _ lr: Double,
                             _ corrections: (first: Double, second: Double)) {
        for i in w.indices {
            state.first[i] = beta1 * state.first[i] + (1.0 - beta1) * g[i]
            state.second[i] = beta2 * state.second[i] + (1.0 - beta2) * (g[i] * g[i])
            w[i] -= lr * (state.first[i] / corrections.first) / (sqrt(state.second[i] / corrections.second) + epsilon)
        }
    }
}
