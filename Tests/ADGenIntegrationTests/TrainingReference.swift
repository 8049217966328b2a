extension TrainingLoopTests {
    /// Hand-written loops of the contract's equations and the comparisons (main.swift).
    /// `g²` is `g * g`, evaluated before the multiplication by `1 - ρ` (Docs/GeneratedAPI.md).
    static let reference = #"""
        import Foundation

        var seed: UInt64 = 0x2545F4914F6CDD1D
        func nextRandom() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53) * 2 - 1
        }
        let d = 8, n = 16
        let x = (0..<(n * d)).map { _ in nextRandom() }
        let y = (0..<n).map { _ in nextRandom() * 0.5 }
        let w0 = (0..<d).map { _ in nextRandom() }
        let lambda = 0.01
        var checked = 0

        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
        }
        func check(_ name: String, _ generated: (w: [Double], loss: [Double]), _ expected: (w: [Double], loss: [Double])) {
            checked += 1
            if !same(generated.w, expected.w) { print("MISMATCH \(name) weights \(generated.w) \(expected.w)") }
            if !same(generated.loss, expected.loss) { print("MISMATCH \(name) losses") }
        }
        func gradient(_ w: [Double], _ step: Int) -> (Double, [Double]) {
            let (value, dw, _, _, _) = ridgeLossGradient(w: w, x: x, y: y, lambda: lambda, step: step)
            return (value, dw)
        }

        /// The contract's table, one optimizer per case; `lr(step)` is the learning rate of a step.
        func reference(_ optimizer: String, steps: Int, lr: (Int) -> Double, mu: Double = 0.9, rho: Double = 0.99,
                       beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, lambdaW: Double = 0.01,
                       grad: ([Double], Int) -> (Double, [Double]) = gradient) -> (w: [Double], loss: [Double]) {
            var w = w0
            var b = [Double](repeating: 0, count: d), s = b, m = b, v = b
            var losses: [Double] = []
            for step in 0..<steps {
                let (value, g) = grad(w, step)
                losses.append(value)
                let t = Double(step + 1)
                let rate: Double = lr(step)
                for i in 0..<w.count {
                    switch optimizer {
                    case "sgd":
                        w[i] -= rate * g[i]
                    case "momentum":
                        b[i] = mu * b[i] + g[i]
                        w[i] -= rate * b[i]
                    case "nesterov":
                        b[i] = mu * b[i] + g[i]
                        w[i] -= rate * (g[i] + mu * b[i])
                    case "rmsprop":
                        s[i] = rho * s[i] + (1 - rho) * (g[i] * g[i])
                        w[i] -= rate * g[i] / (s[i].squareRoot() + eps)
                    case "adagrad":
                        s[i] += g[i] * g[i]
                        w[i] -= rate * g[i] / (s[i].squareRoot() + eps)
                    default:
                        if optimizer == "adamw" { w[i] -= rate * lambdaW * w[i] }
                        m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                        v[i] = beta2 * v[i] + (1 - beta2) * (g[i] * g[i])
                        let mHat = m[i] / (1 - pow(beta1, t))
                        let vHat = v[i] / (1 - pow(beta2, t))
                        w[i] -= rate * mHat / (vHat.squareRoot() + eps)
                    }
                }
            }
            return (w, losses)
        }

        let steps = 100, k = 50
        func lr(_ rate: Double) -> (Int) -> Double { { _ in rate } }

        // Each optimizer over 100 steps; some hyperparameters given, the others defaulted.
        check("sgd", ridgeLossSGD(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.1),
              reference("sgd", steps: steps, lr: lr(0.1)))
        check("momentum", ridgeLossMomentum(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.05, momentum: 0.8),
              reference("momentum", steps: steps, lr: lr(0.05), mu: 0.8))
        check("nesterov", ridgeLossNesterov(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.05),
              reference("nesterov", steps: steps, lr: lr(0.05)))
        check("rmsprop", ridgeLossRMSProp(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01, decay: 0.9),
              reference("rmsprop", steps: steps, lr: lr(0.01), rho: 0.9))
        check("adagrad", ridgeLossAdagrad(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.1),
              reference("adagrad", steps: steps, lr: lr(0.1), eps: 1e-10))
        check("adam", ridgeLossAdam(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01),
              reference("adam", steps: steps, lr: lr(0.01)))
        check("adamw", ridgeLossAdamW(w: w0, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01, beta2: 0.99,
                                      weightDecay: 0.1),
              reference("adamw", steps: steps, lr: lr(0.01), beta2: 0.99, lambdaW: 0.1))
        check("bowl adam", bowlAdam(w: w0, scale: 2.0, steps: steps, learningRate: 0.02),
              reference("adam", steps: steps, lr: lr(0.02), grad: { w, _ in
                  let (value, dw) = bowlGradient(w: w, scale: 2.0)
                  return (value, dw)
              }))

        // Windows: k steps, then k more with the state carried, equal 2k steps (weights,
        // losses and the state itself).
        func windows<State: Equatable>(_ name: String, _ initial: State,
                                       _ train: ([Double], Int, inout State) -> (w: [Double], loss: [Double])) {
            var split = initial
            let first = train(w0, k, &split)
            let second = train(first.w, k, &split)
            var whole = initial
            let all = train(w0, 2 * k, &whole)
            check("\(name) windows", (second.w, first.loss + second.loss), all)
            if split != whole { print("MISMATCH \(name) state after the windows") }
        }
        windows("sgd", RidgeLossSGDState(count: d)) { w, steps, state in
            ridgeLossSGD(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.1, state: &state)
        }
        windows("momentum", RidgeLossMomentumState(count: d)) { w, steps, state in
            ridgeLossMomentum(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.05, state: &state)
        }
        windows("nesterov", RidgeLossNesterovState(count: d)) { w, steps, state in
            ridgeLossNesterov(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.05, state: &state)
        }
        windows("rmsprop", RidgeLossRMSPropState(count: d)) { w, steps, state in
            ridgeLossRMSProp(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01, state: &state)
        }
        windows("adagrad", RidgeLossAdagradState(count: d)) { w, steps, state in
            ridgeLossAdagrad(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.1, state: &state)
        }
        windows("adam", RidgeLossAdamState(count: d)) { w, steps, state in
            ridgeLossAdam(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01, state: &state)
        }
        windows("adamw", RidgeLossAdamWState(count: d)) { w, steps, state in
            ridgeLossAdamW(w: w, x: x, y: y, lambda: lambda, steps: steps, learningRate: 0.01, state: &state)
        }

        // The greedy schedule: k steps, a new learning rate, k more steps.
        var schedule = RidgeLossAdamState(count: d)
        let early = ridgeLossAdam(w: w0, x: x, y: y, lambda: lambda, steps: k, learningRate: 0.01, state: &schedule)
        let late = ridgeLossAdam(w: early.w, x: x, y: y, lambda: lambda, steps: k, learningRate: 0.005, state: &schedule)
        check("adam schedule", (late.w, early.loss + late.loss),
              reference("adam", steps: 2 * k, lr: { $0 < k ? 0.01 : 0.005 }))
        if schedule.step != 2 * k { print("MISMATCH adam schedule step count \(schedule.step)") }
        print("checked \(checked) trajectories")
        """#
}
