import ADGenRuntime
import ADGenCheckSupport

/// A deterministic synthetic training problem for the exact-training tests: the quadratic
/// `Σ a_i (w_i − c_i)² / 2` with a minibatch-like perturbation that depends only on the step
/// and the entry, and a fifth of the entries with `a_i = 0` and no perturbation, whose
/// gradient is exactly zero at every step (so Adam's `v` stays zero there).
struct TrainingProblem {
    let curvature: [Double]
    let center: [Double]
    let noise: Double

    init(count: Int, seed: UInt64, noise: Double = 0.05, curvature range: ClosedRange<Double> = 0.5...2) {
        var random = SplitMix64(seed: seed)
        curvature = (0..<count).map { i in i % 5 == 3 ? 0 : random.uniform(in: range) }
        center = random.uniformVector(count: count, in: -1...1)
        self.noise = noise
    }

    /// Starting weights on the 2⁻²⁰ grid, so they convert to fixed point exactly.
    func initialWeights(seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        return center.indices.map { _ in (random.uniform(in: -2...2) * 0x1p20).rounded() * 0x1p-20 }
    }

    /// The gradient at `w` for the 0-based `step`, written into `g`.
    func gradient(at w: [Double], step: Int, into g: inout [Double]) {
        var random = SplitMix64(seed: UInt64(step) &* 0x9E37_79B9)
        for i in w.indices {
            let perturbation = noise * (random.nextUnit() - 0.5)
            g[i] = curvature[i] == 0 ? 0 : curvature[i] * (w[i] - center[i]) + perturbation
        }
    }
}
