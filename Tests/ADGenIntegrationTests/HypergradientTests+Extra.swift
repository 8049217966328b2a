extension HypergradientTests {
    /// The implicit method, windows, schedules and exact round trips (main.swift, after the blocks).
    static let extraChecks = #"""
        do {
            let steps = 1500
            func hypergradient(_ method: HypergradientMethod) -> [Double] {
                ridgeLossMomentumHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv,
                                               steps: steps, learningRate: 0.05, momentum: 0.9, method: method).dlambda
            }
            let implicit = ridgeLossMomentumHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv,
                                                          steps: steps, learningRate: 0.05, momentum: 0.9,
                                                          method: .implicit(iterations: 50, tolerance: 1e-12))
            let unrolled = hypergradient(.unrolled)
            let error = zip(implicit.dlambda, unrolled).map { relative($0, $1) }.max()!
            report("IMPLICIT ridge momentum", error, 1e-4,
                   "cg iterations \(implicit.report.cgIterations) residual \(implicit.report.cgResidual) "
                   + "negative curvature \(implicit.report.negativeCurvature) dw zero \(implicit.dw.allSatisfy { $0 == 0 })")
        }

        do {
            let h = [0.05, 0.9, 0.99, 1e-3]
            var start = TrainLossAdamState(count: d)
            let first = trainLossAdam(w: w0, x: x, y: y, lambda: lambda0, steps: 15, learningRate: h[0], beta1: h[1], beta2: h[2], epsilon: h[3], state: &start)
            var looped = start
            let second = trainLossAdam(w: first.w, x: x, y: y, lambda: lambda0, steps: 15, learningRate: h[0], beta1: h[1], beta2: h[2], epsilon: h[3], state: &looped)
            var carried = start
            let r = trainLossAdamHypergradient(w: first.w, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, steps: 15,
                                               learningRate: h[0], beta1: h[1], beta2: h[2], epsilon: h[3], method: .unrolled, state: &carried)
            print("WINDOW state \(carried == looped ? "ok" : "MISMATCH")")
            // The trained weights of a window, to continue from: those of the plain loop, bit for bit.
            for method in [HypergradientMethod.unrolled, .checkpointed(snapshots: 3), .implicit(iterations: 5, tolerance: 1e-8)] {
                var state = start
                let window = trainLossAdamHypergradient(w: first.w, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, steps: 15,
                                                        learningRate: h[0], beta1: h[1], beta2: h[2], epsilon: h[3], method: method, state: &state)
                print("WINDOW weights \(method) \(window.w == second.w && state == looped ? "ok" : "MISMATCH")")
            }
            let fd = central(h[0]) { rate in
                var state = start
                let trained = trainLossAdam(w: first.w, x: x, y: y, lambda: lambda0, steps: 15, learningRate: rate, beta1: h[1], beta2: h[2], epsilon: h[3], state: &state)
                return validationLoss(w: trained.w, xValidation: xv0, yValidation: yv)
            }
            report("WINDOW dlearningRate", relative(r.dlearningRate, fd), 2e-5, "\(r.dlearningRate) \(fd)")
            // .reversible continues from the state too: its exact run starts from `start` on the grid.
            var reversibleState = start
            let reversible = trainLossAdamHypergradient(w: first.w, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, steps: 15,
                                                        learningRate: h[0], beta1: h[1], beta2: h[2], epsilon: h[3], method: .reversible,
                                                        state: &reversibleState)
            report("WINDOW reversible dlearningRate", relative(reversible.dlearningRate, r.dlearningRate), 1e-7,
                   "\(reversible.dlearningRate) \(r.dlearningRate)")
            report("WINDOW reversible dlambda", zip(reversible.dlambda, r.dlambda).map { relative($0, $1) }.max()!, 1e-7, "")
            report("WINDOW reversible weights", zip(reversible.w, second.w).map { relative($0, $1) }.max()!, 1e-9, "")
            print("WINDOW reversible state steps \(reversibleState.step == looped.step ? "ok" : "MISMATCH")")
        }

        do {
            let optimizer = TrainingOptimizer.adam(beta1: 0.9, beta2: 0.99, epsilon: 1e-3)
            let rates = (0..<T).map { 0.05 * (1 + 0.3 * sin(Double($0))) }
            func V(_ rates: [Double]) -> Double {
                var w = w0
                var state = TrainingState(count: d, arrays: 2)
                for step in 0..<T {
                    let (_, g, _) = trainLossGradient(w: w, x: x, y: y, lambda: lambda0, step: step)
                    TrainingStep.take(optimizer, weights: &w, state: &state, gradient: g, learningRate: rates[step])
                }
                return validationLoss(w: w, xValidation: xv0, yValidation: yv)
            }
            let r = trainLossAdamHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, learningRates: rates,
                                               beta1: 0.9, beta2: 0.99, epsilon: 1e-3, method: .checkpointed(snapshots: 4))
            for k in [0, T / 2, T - 1] {
                let fd = central(rates[k]) { V(replacing(rates, k, $0)) }
                report("SCHEDULE step \(k)", relative(r.dlearningRates[k], fd), 2e-5, "\(r.dlearningRates[k]) \(fd)")
            }
            let constant = trainLossAdamHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv,
                                                      learningRates: Array(repeating: 0.05, count: T), beta1: 0.9, beta2: 0.99,
                                                      epsilon: 1e-3, method: .unrolled)
            let scalar = trainLossAdamHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, steps: T,
                                                    learningRate: 0.05, beta1: 0.9, beta2: 0.99, epsilon: 1e-3, method: .unrolled)
            // AdamW's decay `1 − lr·λ` changes with the rate: .reversible keeps a buffer per rate.
            func adamW(_ method: HypergradientMethod) -> [Double] {
                trainLossAdamWHypergradient(w: w0, x: x, y: y, lambda: lambda0, xValidation: xv0, yValidation: yv, learningRates: rates,
                                            beta1: 0.9, beta2: 0.99, epsilon: 1e-3, weightDecay: 0.1, method: method).dlearningRates
            }
            let unrolledAdamW = adamW(.unrolled)
            report("SCHEDULE adamw reversible", zip(adamW(.reversible), unrolledAdamW).map { relative($0, $1) }.max()!, 1e-7, "")
            let sum = constant.dlearningRates.reduce(0.0, +)
            print("SCHEDULE sum \(sum.bitPattern == scalar.dlearningRate.bitPattern ? "ok" : "MISMATCH") \(sum) \(scalar.dlearningRate)")
        }

        do {
            let c = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.0]
            let grid = (0..<1000).map { Double($0 % 37 - 18) / 64 }
            func roundTrip(_ name: String, _ steps: Int, _ exact: () -> (w: [Double], run: ExactRun),
                           _ reverse: (ExactRun, [Double]) -> (w: [Double], run: ExactRun), _ fresh: ExactRun) {
                let start = Date()
                let forward = exact()
                let back = reverse(forward.run, forward.w)
                let ok = same(back.w, fresh.weights) && back.run == fresh && fresh.weights == Array(grid.prefix(fresh.weights.count))
                let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
                print("ROUNDTRIP \(name) \(ok ? "ok" : "MISMATCH") weights \(fresh.weights.count) steps \(steps) "
                      + "buffer/bound \(Double(forward.run.bufferBits) / max(forward.run.entropyBits, 1)) seconds \(seconds)")
            }
            let steps = 3_000
            roundTrip("adam", 10_000, { bigLossAdamExact(w: grid, c: c, steps: 10_000, learningRate: 0.01) },
                      { bigLossAdamReverse(run: $0, w: $1, c: c, steps: 10_000, learningRate: 0.01) },
                      ExactRun(weights: grid, optimizer: .adam(learningRate: 0.01)))
            roundTrip("momentum", steps, { bigLossMomentumExact(w: grid, c: c, steps: steps, learningRate: 0.01) },
                      { bigLossMomentumReverse(run: $0, w: $1, c: c, steps: steps, learningRate: 0.01) },
                      ExactRun(weights: grid, optimizer: .momentum(learningRate: 0.01)))
            roundTrip("adamw", steps, { bigLossAdamWExact(w: grid, c: c, steps: steps, learningRate: 0.01, weightDecay: 0.01) },
                      { bigLossAdamWReverse(run: $0, w: $1, c: c, steps: steps, learningRate: 0.01, weightDecay: 0.01) },
                      ExactRun(weights: grid, optimizer: .adamW(learningRate: 0.01, weightDecay: 0.01)))
            let small = Array(grid.prefix(100))
            for mu in [0.5, 0.9, 0.99, 0.999, 0.9999] {
                roundTrip("momentum mu \(mu)", 2000, { bigLossMomentumExact(w: small, c: c, steps: 2000, learningRate: 0.01, momentum: mu) },
                          { bigLossMomentumReverse(run: $0, w: $1, c: c, steps: 2000, learningRate: 0.01, momentum: mu) },
                          ExactRun(weights: small, optimizer: .momentum(learningRate: 0.01, momentum: mu)))
            }
        }

        """#
}
