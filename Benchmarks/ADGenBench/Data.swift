// Deterministic inputs for the four benchmark kernels, at the sizes the benchmark
// uses. Everything comes from one seeded SplitMix64 stream per kernel, so every run
// (and every machine) times the same numbers.
import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, well-mixed 64-bit generator.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Standard normal, by the Box–Muller transform.
    mutating func normal() -> Double {
        let u = 1.0 - unit()  // in (0, 1], so the log is finite
        let v = unit()
        return sqrt(-2.0 * log(u)) * cos(2.0 * Double.pi * v)
    }

    /// Uniform integer in 0..<bound.
    mutating func index(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func normals(_ count: Int, scale: Double = 1.0) -> [Double] {
        (0..<count).map { _ in scale * normal() }
    }

    mutating func uniforms(_ count: Int, _ low: Double, _ high: Double) -> [Double] {
        (0..<count).map { _ in uniform(low, high) }
    }
}

/// MDS stress: n = 80 points in d = 3. The target distances are those of a random
/// reference configuration; `x` is that configuration plus noise, as an optimiser
/// would see it part-way through.
struct StressProblem {
    let n = 80
    let d = 3
    let x: [Double]
    let dist: [Double]

    init(seed: UInt64 = 1) {
        var rng = SplitMix64(seed: seed)
        let reference = rng.uniforms(n * d, -1.0, 1.0)
        var dist = [Double](repeating: 0.0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var squared = 0.0
                for k in 0..<d {
                    let diff = reference[i * d + k] - reference[j * d + k]
                    squared += diff * diff
                }
                dist[i * n + j] = sqrt(squared)
            }
        }
        self.dist = dist
        self.x = reference.map { $0 + 0.3 * rng.normal() }
    }
}

/// MLP: 16 inputs, 32 tanh hidden units, 1 linear output, batch of 32.
/// Weights are Glorot-scaled normals; targets are a smooth function of the inputs.
struct MLPProblem {
    let nIn = 16
    let nHidden = 32
    let batch = 32
    let W1: [Double]
    let b1: [Double]
    let W2: [Double]
    let b2: Double
    let X: [Double]
    let Y: [Double]

    init(seed: UInt64 = 2) {
        var rng = SplitMix64(seed: seed)
        W1 = rng.normals(nHidden * nIn, scale: 1.0 / Double(nIn).squareRoot())
        b1 = rng.normals(nHidden, scale: 0.1)
        W2 = rng.normals(nHidden, scale: 1.0 / Double(nHidden).squareRoot())
        b2 = 0.1 * rng.normal()
        let X = rng.normals(batch * nIn)
        var Y = [Double](repeating: 0.0, count: batch)
        for s in 0..<batch {
            var sum = 0.0
            for i in 0..<nIn {
                sum += X[s * nIn + i] * Double(i % 3 - 1)
            }
            Y[s] = sin(0.5 * sum)
        }
        self.X = X
        self.Y = Y
    }
}

/// RNN: hidden size 8, input size 4, 50 steps. The recurrent weights are scaled so
/// that the state neither explodes nor dies out over the 50 steps.
struct RNNProblem {
    let nHidden = 8
    let nInput = 4
    let steps = 50
    let Wh: [Double]
    let Wx: [Double]
    let b: [Double]
    let readout: [Double]
    let xs: [Double]
    let ys: [Double]

    init(seed: UInt64 = 3) {
        var rng = SplitMix64(seed: seed)
        Wh = rng.normals(nHidden * nHidden, scale: 0.9 / Double(nHidden).squareRoot())
        Wx = rng.normals(nHidden * nInput, scale: 1.0 / Double(nInput).squareRoot())
        b = rng.normals(nHidden, scale: 0.1)
        readout = rng.normals(nHidden, scale: 1.0 / Double(nHidden).squareRoot())
        xs = rng.normals(steps * nInput)
        ys = (0..<steps).map { t in sin(0.3 * Double(t)) }
    }
}

/// ADBench-style GMM: K = 5 components, d = 4, n = 200 points, Wishart prior with
/// γ = 1 and m = 2 (ADBench's data files use m = 0, which leaves the prior's
/// log-determinant term unexercised). Parameters are drawn like ADBench's generator:
/// alphas and means normal, icf uniform; the points come from the mixture itself.
struct GMMProblem {
    let k = 5
    let d = 4
    let n = 200
    let wishartGamma = 1.0
    let wishartM = 2
    let alphas: [Double]
    let means: [Double]
    let icf: [Double]
    let x: [Double]

    init(seed: UInt64 = 4) {
        var rng = SplitMix64(seed: seed)
        let icfSize = d * (d + 1) / 2
        alphas = rng.normals(k)
        means = rng.normals(k * d, scale: 2.0)
        icf = rng.uniforms(k * icfSize, -0.5, 0.5)
        var x = [Double](repeating: 0.0, count: n * d)
        for i in 0..<n {
            let component = rng.index(below: k)
            for j in 0..<d {
                x[i * d + j] = means[component * d + j] + rng.normal()
            }
        }
        self.x = x
    }
}
