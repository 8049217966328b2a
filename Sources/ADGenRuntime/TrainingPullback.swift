import Foundation

/// The reverse of one ``TrainingStep``: given the adjoint of the weights and state after
/// step `k`, the adjoint of the weights and state before it (except the curvature term,
/// which the sweep adds with a Hessian-vector product of the loss), the adjoint of the
/// step's gradient, and the step's contribution to every hyperparameter's adjoint.
///
/// The post-step values are recomputed from the pre-step ones with ``TrainingStep``'s
/// operations. Where a square root's derivative is infinite (`v = 0`, `s = 0`), the term it
/// multiplies is zero (the gradient, and Adam's `m`, were zero for every earlier step), so
/// the term is taken as zero: a zero second moment gives a finite, correct adjoint.
///
/// For example: `TrainingPullback.pull(.sgd, weights: w, state: s, gradient: g, learningRate: lr,
/// step: k, adjoint: &a)` sets `a.gradient` to `−lr · a.weights`.
public enum TrainingPullback {
    /// Pulls `adjoint` back through step number `k` (0-based, counted from the first step of
    /// the optimizer state), taken from `weights` and `state` with
    /// `gradient` and learning rate `lr`; sets `adjoint.gradient`.
    public static func pull(_ optimizer: TrainingOptimizer, weights w: [Double], state: TrainingState,
                            gradient g: [Double], learningRate lr: Double, step k: Int, adjoint a: inout TrainingAdjoint) {
        var learningRate = 0.0
        switch optimizer {
        case .sgd:
            for i in w.indices {
                learningRate -= a.weights[i] * g[i]
                a.gradient[i] = -lr * a.weights[i]
            }
        case let .momentum(mu):
            for i in w.indices {
                let b = state.first[i]
                let bNew = mu * b + g[i]
                let bBar = a.first[i] - lr * a.weights[i]
                learningRate -= a.weights[i] * bNew
                a.momentum += bBar * b
                a.gradient[i] = bBar
                a.first[i] = mu * bBar
            }
        case let .nesterov(mu):
            for i in w.indices {
                let b = state.first[i]
                let bNew = mu * b + g[i]
                let uBar = -lr * a.weights[i]
                learningRate -= a.weights[i] * (g[i] + mu * bNew)
                a.momentum += uBar * bNew
                let bBar = a.first[i] + uBar * mu
                a.momentum += bBar * b
                a.gradient[i] = uBar + bBar
                a.first[i] = mu * bBar
            }
        case let .rmsprop(rho, epsilon):
            squareAverage(keep: rho, gain: 1.0 - rho, learnsDecay: true, epsilon: epsilon, w, state, g, lr, &learningRate, &a)
        case let .adagrad(epsilon):
            squareAverage(keep: 1.0, gain: 1.0, learnsDecay: false, epsilon: epsilon, w, state, g, lr, &learningRate, &a)
        case let .adam(beta1, beta2, epsilon):
            adam(beta1, beta2, epsilon, state, g, lr, k, &learningRate, &a)
        case let .adamW(beta1, beta2, epsilon, weightDecay):
            adam(beta1, beta2, epsilon, state, g, lr, k, &learningRate, &a)
            for i in w.indices {
                learningRate -= a.weights[i] * weightDecay * w[i]
                a.weightDecay -= a.weights[i] * lr * w[i]
                a.weights[i] *= 1.0 - lr * weightDecay
            }
        }
        a.learningRates[k - a.firstStep] += learningRate
    }

    /// `s = keep·s + gain·g²`, then `w −= lr g / (√s + ε)`: RMSProp with `(ρ, 1−ρ)`, whose
    /// decay `ρ` is a hyperparameter (`learnsDecay`), or Adagrad with `(1, 1)` (`s += g²`;
    /// the products by one are exact, so both run the update's own operations).
    private static func squareAverage(keep: Double, gain: Double, learnsDecay: Bool, epsilon: Double, _ w: [Double],
                                      _ state: TrainingState, _ g: [Double], _ lr: Double,
                                      _ learningRate: inout Double, _ a: inout TrainingAdjoint) {
        for i in w.indices {
            let s = state.first[i]
            let gi = g[i]
            let root = sqrt(keep * s + gain * (gi * gi))
            let d = root + epsilon
            learningRate -= a.weights[i] * gi / d
            let dBar = a.weights[i] * lr * gi / (d * d)
            a.epsilon += dBar
            let sBar = a.first[i] + (root > 0 ? dBar / (2 * root) : 0)
            if learnsDecay { a.decay += sBar * (s - gi * gi) }
            a.gradient[i] = -a.weights[i] * lr / d + 2 * gain * gi * sBar
            a.first[i] = keep * sBar
        }
    }

    /// Adam's moments and bias-corrected update, with the bias corrections' dependence on
    /// `β1` and `β2` (`d(1 − β^t)/dβ = −t β^(t−1)`).
    private static func adam(_ beta1: Double, _ beta2: Double, _ epsilon: Double, _ state: TrainingState, _ g: [Double],
                             _ lr: Double, _ k: Int, _ learningRate: inout Double, _ a: inout TrainingAdjoint) {
        let t = k + 1
        let (c1, c2) = TrainingStep.biasCorrections(.adam(beta1: beta1, beta2: beta2, epsilon: epsilon), step: t)
        var c1Bar = 0.0
        var c2Bar = 0.0
        for i in g.indices {
            let m = state.first[i], v = state.second[i], gi = g[i]
            let mHat = (beta1 * m + (1.0 - beta1) * gi) / c1
            let vHat = (beta2 * v + (1.0 - beta2) * (gi * gi)) / c2
            let root = sqrt(vHat)
            let d = root + epsilon
            learningRate -= a.weights[i] * mHat / d
            let mHatBar = -a.weights[i] * lr / d
            let dBar = a.weights[i] * lr * mHat / (d * d)
            a.epsilon += dBar
            let vHatBar = root > 0 ? dBar / (2 * root) : 0
            let mBar = a.first[i] + mHatBar / c1
            let vBar = a.second[i] + vHatBar / c2
            c1Bar -= mHatBar * mHat / c1
            c2Bar -= vHatBar * vHat / c2
            a.beta1 += mBar * (m - gi)
            a.beta2 += vBar * (v - gi * gi)
            a.gradient[i] = (1.0 - beta1) * mBar + 2 * (1.0 - beta2) * gi * vBar
            a.first[i] = beta1 * mBar
            a.second[i] = beta2 * vBar
        }
        a.beta1 -= c1Bar * Double(t) * pow(beta1, Double(t - 1))
        a.beta2 -= c2Bar * Double(t) * pow(beta2, Double(t - 1))
    }
}
