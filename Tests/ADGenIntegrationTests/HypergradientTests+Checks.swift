extension HypergradientTests {
    /// The data, the comparisons and the per-optimizer check (main.swift, before the blocks).
    static let checks = #"""
        import ADGenRuntime
        import Foundation

        var seed: UInt64 = 0x9E3779B97F4A7C15
        func nextRandom() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53) * 2 - 1
        }
        let d = 4, n = 8, T = 40
        let x = (0..<(n * d)).map { _ in nextRandom() }
        let y = (0..<n).map { _ in nextRandom() < 0 ? -1.0 : 1.0 }
        let xv0 = (0..<(6 * d)).map { _ in nextRandom() }
        let yv = (0..<6).map { _ in nextRandom() < 0 ? -1.0 : 1.0 }
        let w0 = (0..<d).map { _ in nextRandom() * 0.5 }
        let lambda0 = (0..<d).map { _ in -2 + nextRandom() }
        let direction = (0..<d).map { _ in nextRandom() }

        struct Outcome {
            var value: Double
            var dw: [Double]
            var dlambda: [Double]
            var dxv: [Double]
            var dh: [Double]
            var report: HypergradientReport
        }

        func same(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
        }
        func same(_ a: Outcome, _ b: Outcome) -> Bool {
            a.value.bitPattern == b.value.bitPattern && same(a.dw, b.dw) && same(a.dlambda, b.dlambda)
                && same(a.dxv, b.dxv) && same(a.dh, b.dh)
        }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        /// |a − b| relative to the larger magnitude, floored at `floor`.
        func relative(_ a: Double, _ b: Double, floor: Double = 1e-4) -> Double {
            abs(a - b) / max(abs(a), abs(b), floor)
        }
        /// Central difference of `f` at `p` with a step relative to `p`.
        func central(_ p: Double, _ f: (Double) -> Double) -> Double {
            let e = 1e-4 * max(abs(p), 0.01)
            return (f(p + e) - f(p - e)) / (2 * e)
        }
        func replacing(_ a: [Double], _ i: Int, _ value: Double) -> [Double] {
            var a = a
            a[i] = value
            return a
        }
        func report(_ tag: String, _ error: Double, _ tolerance: Double, _ details: String = "") {
            print("\(tag) \(error <= tolerance ? "ok" : "MISMATCH") error \(error) tolerance \(tolerance) \(details)")
        }

        enum Checks {
            /// Hypergradients of one optimizer against central differences of `LOpt` then `V`.
            static func optimizer(_ name: String, _ h0: [Double], reversible: Bool,
                                  train: ([Double], [Double], [Double], [Double]) -> [Double],
                                  hypergradient: (HypergradientMethod, [Double]) -> Outcome,
                                  runtime: ([Double]) -> TrainingOptimizer) {
                func V(_ w: [Double], _ lambda: [Double], _ xv: [Double], _ h: [Double]) -> Double {
                    validationLoss(w: train(w, lambda, xv, h), xValidation: xv, yValidation: yv)
                }
                var differences = [V(w0, lambda0, xv0, h0)]
                for k in h0.indices { differences.append(central(h0[k]) { V(w0, lambda0, xv0, replacing(h0, k, $0)) }) }
                differences.append(central(lambda0[1]) { V(w0, replacing(lambda0, 1, $0), xv0, h0) })
                differences.append(central(xv0[2]) { V(w0, lambda0, replacing(xv0, 2, $0), h0) })
                differences.append(central(0) { t in V(zip(w0, direction).map { $0 + t * $1 }, lambda0, xv0, h0) })
                let unrolled = hypergradient(.unrolled, h0)
                let methods: [HypergradientMethod] = [.unrolled, .checkpointed(snapshots: 3)] + (reversible ? [.reversible] : [])
                for method in methods {
                    let r = method == .unrolled ? unrolled : hypergradient(method, h0)
                    let computed = [r.value] + r.dh + [r.dlambda[1], r.dxv[2], dot(r.dw, direction)]
                    let error = zip(computed, differences).map { relative($0, $1) }.max()!
                    report("FD \(name) \(method)", error, 2e-5, "computed \(computed) differences \(differences)")
                }
                for snapshots in [1, 2, 5, T] {
                    let r = hypergradient(.checkpointed(snapshots: snapshots), h0)
                    let predicted = RevolveCost.forwardSteps(steps: T, snapshots: snapshots) + T
                    print("BITS \(name) snapshots \(snapshots) \(same(r, unrolled) ? "ok" : "MISMATCH") forward steps \(r.report.forwardSteps) predicted \(predicted)")
                }
                if reversible {
                    let r = hypergradient(.reversible, h0)
                    let computed = [r.value] + r.dh + r.dlambda + r.dxv + r.dw
                    let expected = [unrolled.value] + unrolled.dh + unrolled.dlambda + unrolled.dxv + unrolled.dw
                    let error = zip(computed, expected).map { relative($0, $1, floor: 1e-8) }.max()!
                    report("REVERSIBLE \(name)", error, 1e-6, "buffer \(r.report.bufferBits) bits, bound \(r.report.entropyBits)")
                }
                var w = w0
                var state = TrainingState(count: d, arrays: runtime(h0).stateArrayCount)
                for step in 0..<T {
                    let (_, g, _) = trainLossGradient(w: w, x: x, y: y, lambda: lambda0, step: step)
                    TrainingStep.take(runtime(h0), weights: &w, state: &state, gradient: g, learningRate: h0[0])
                }
                print("TRAJECTORY \(name) \(same(w, train(w0, lambda0, xv0, h0)) ? "ok" : "MISMATCH")")
            }
        }

        """#
}
