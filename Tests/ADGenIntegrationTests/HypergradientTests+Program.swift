import ADGenCore

extension HypergradientTests {
    /// The models: a minibatch logistic loss with a per-weight regularization strength, its
    /// validation loss; a full-batch ridge loss (convex, for the implicit method); a separable
    /// 1,000-weight loss for the exact round trips.
    static let model = """
        /// Logistic loss of minibatch `step` (two rows) plus a penalty of strength exp(lambda[j]) per weight.
        @differentiable(reverse, wrt: (w, lambda))
        func trainLoss(w: [Double], x: [Double], y: [Double], lambda: [Double], step: Int) -> Double {
            let d = w.count
            let batches = y.count / 2
            let first = (step % batches) * 2
            var total = 0.0
            for row in first..<(first + 2) {
                var z = 0.0
                for j in 0..<d {
                    z += w[j] * x[row * d + j]
                }
                total += log(1.0 + exp(-y[row] * z))
            }
            var penalty = 0.0
            for j in 0..<d {
                penalty += exp(lambda[j]) * w[j] * w[j]
            }
            return total / 2.0 + 0.5 * penalty
        }

        /// Mean logistic loss on held-out rows.
        func validationLoss(w: [Double], xValidation: [Double], yValidation: [Double]) -> Double {
            let d = w.count
            var total = 0.0
            for row in 0..<yValidation.count {
                var z = 0.0
                for j in 0..<d {
                    z += w[j] * xValidation[row * d + j]
                }
                total += log(1.0 + exp(-yValidation[row] * z))
            }
            return total / Double(yValidation.count)
        }

        /// Mean squared error plus a penalty of strength exp(lambda[j]) per weight: strongly convex.
        @differentiable(reverse, wrt: (w, lambda))
        func ridgeLoss(w: [Double], x: [Double], y: [Double], lambda: [Double]) -> Double {
            let d = w.count
            var total = 0.0
            for row in 0..<y.count {
                var z = 0.0
                for j in 0..<d {
                    z += w[j] * x[row * d + j]
                }
                total += (z - y[row]) * (z - y[row])
            }
            var penalty = 0.0
            for j in 0..<d {
                penalty += exp(lambda[j]) * w[j] * w[j]
            }
            return total / Double(y.count) + penalty
        }

        /// Mean squared error on held-out rows.
        @differentiable(reverse, wrt: w)
        func ridgeValidation(w: [Double], xValidation: [Double], yValidation: [Double]) -> Double {
            let d = w.count
            var total = 0.0
            for row in 0..<yValidation.count {
                var z = 0.0
                for j in 0..<d {
                    z += w[j] * xValidation[row * d + j]
                }
                total += (z - yValidation[row]) * (z - yValidation[row])
            }
            return total / Double(yValidation.count)
        }

        /// Separable: every tenth weight has a zero gradient (so Adam's v stays 0 there); the
        /// targets move with the step, a minibatch stand-in.
        @differentiable(reverse, wrt: w)
        func bigLoss(w: [Double], c: [Double], step: Int) -> Double {
            var total = 0.0
            for i in 0..<w.count {
                if i % 10 != 0 {
                    let r = w[i] - c[(i + step) % c.count]
                    total += 0.5 * r * r
                }
            }
            return total
        }

        """

    /// The hyperparameter values each optimizer is checked at, in signature order.
    static let values: [Optimizer: [Double]] = [
        .sgd: [0.2], .momentum: [0.05, 0.9], .nesterov: [0.05, 0.8], .rmsprop: [0.01, 0.9, 1e-3],
        .adagrad: [0.1, 1e-3], .adam: [0.05, 0.9, 0.99, 1e-3], .adamw: [0.05, 0.9, 0.99, 1e-3, 0.1],
    ]

    /// The runtime's `TrainingOptimizer` for `h`, in Swift.
    static func runtimeOptimizer(_ optimizer: Optimizer) -> String {
        switch optimizer {
        case .sgd: return ".sgd"
        case .momentum: return ".momentum(momentum: h[1])"
        case .nesterov: return ".nesterov(momentum: h[1])"
        case .rmsprop: return ".rmsprop(decay: h[1], epsilon: h[2])"
        case .adagrad: return ".adagrad(epsilon: h[1])"
        case .adam: return ".adam(beta1: h[1], beta2: h[2], epsilon: h[3])"
        case .adamw: return ".adamW(beta1: h[1], beta2: h[2], epsilon: h[3], weightDecay: h[4])"
        }
    }

    /// One optimizer's closures for `Checks.optimizer`.
    static func block(_ optimizer: Optimizer) -> String {
        let name = "trainLoss" + optimizer.typeName
        let labels = optimizer.hyperparameters.map(\.label)
        let arguments = labels.enumerated().map { "\($1): h[\($0)]" }.joined(separator: ", ")
        let adjoints = labels.map { "r.d\($0)" }.joined(separator: ", ")
        let values = Self.values[optimizer]!.map { "\($0)" }.joined(separator: ", ")
        return """
            Checks.optimizer("\(optimizer.rawValue)", [\(values)], reversible: \(optimizer == .momentum || optimizer == .adam || optimizer == .adamw),
                train: { w, lambda, xv, h in
                    \(name)(w: w, x: x, y: y, lambda: lambda, steps: T, \(arguments)).w
                },
                hypergradient: { method, h in
                    let r = \(name)Hypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, steps: T, \(arguments), method: method)
                    return Outcome(value: r.value, dw: r.dw, dlambda: r.dlambda, dxv: r.dxValidation, dh: [\(adjoints)], report: r.report)
                },
                runtime: { h in \(runtimeOptimizer(optimizer)) })

            """
    }

    static var driver: String {
        Self.checks + Optimizer.allCases.map(block).joined() + Self.extraChecks
    }
}
