// Wires each kernel's data to its variants: the closures the checks call (which
// return every gradient) and the closures the timer calls (which return one Double,
// so that the timer measures the kernel and not the harness).

/// A value and the gradients of every active parameter, in parameter order
/// (a scalar parameter as a one-element array).
struct GradientResult {
    let value: Double
    let gradients: [[Double]]
}

/// One way of computing a kernel's gradient.
struct GradientVariant {
    /// Value and gradients, for the correctness checks.
    let compute: () -> GradientResult
    /// The same call, reduced to one Double the timer sinks.
    let timed: () -> Double
}

struct KernelCase {
    let name: String
    let sizes: String
    /// Every argument, for `--json` (Benchmarks/peers runs JAX on the same inputs).
    let inputs: KernelInputs
    let activeNames: [String]
    /// The active parameters' values (a scalar as a one-element array).
    let activeValues: [[Double]]
    /// The primal with the active parameters replaced, for finite differences.
    let primalAt: ([[Double]]) -> Double
    let primal: () -> Double
    let adgen: GradientVariant
    let hand: GradientVariant
    /// nil when Swift AD cannot differentiate the kernel.
    let swiftAD: GradientVariant?
}

func allCases() -> [KernelCase] {
    [stressCase(), mlpCase(), rnnCase(), gmmCase()]
}

func stressCase() -> KernelCase {
    let p = StressProblem()
    func variant(_ call: @escaping () -> (value: Double, dx: [Double])) -> GradientVariant {
        GradientVariant(
            compute: {
                let r = call()
                return GradientResult(value: r.value, gradients: [r.dx])
            },
            timed: {
                let r = call()
                return r.value + r.dx[0]
            })
    }
    return KernelCase(
        name: "stress", sizes: "n=\(p.n) d=\(p.d)",
        inputs: KernelInputs(arrays: ["x": p.x, "dist": p.dist], integers: ["n": p.n, "d": p.d]),
        activeNames: ["x"], activeValues: [p.x],
        primalAt: { a in Primal.stress(x: a[0], dist: p.dist, n: p.n, d: p.d) },
        primal: { Primal.stress(x: p.x, dist: p.dist, n: p.n, d: p.d) },
        adgen: variant { adgenStressGradient(p) },
        hand: variant { stressHandGradient(x: p.x, dist: p.dist, n: p.n, d: p.d) },
        swiftAD: variant { stressSwiftADGradient(x: p.x, dist: p.dist, n: p.n, d: p.d) })
}

func mlpCase() -> KernelCase {
    let p = MLPProblem()
    typealias Result = (value: Double, dW1: [Double], db1: [Double], dW2: [Double], db2: Double)
    func variant(_ call: @escaping () -> Result) -> GradientVariant {
        GradientVariant(
            compute: {
                let r = call()
                return GradientResult(value: r.value, gradients: [r.dW1, r.db1, r.dW2, [r.db2]])
            },
            timed: {
                let r = call()
                return r.value + r.dW1[0] + r.db2
            })
    }
    return KernelCase(
        name: "mlpLoss", sizes: "in=\(p.nIn) hidden=\(p.nHidden) batch=\(p.batch)",
        inputs: KernelInputs(
            arrays: ["W1": p.W1, "b1": p.b1, "W2": p.W2, "X": p.X, "Y": p.Y],
            integers: ["nIn": p.nIn, "nHidden": p.nHidden, "batch": p.batch],
            reals: ["b2": p.b2]),
        activeNames: ["W1", "b1", "W2", "b2"], activeValues: [p.W1, p.b1, p.W2, [p.b2]],
        primalAt: { a in
            Primal.mlpLoss(
                W1: a[0], b1: a[1], W2: a[2], b2: a[3][0],
                X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
        },
        primal: {
            Primal.mlpLoss(
                W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2,
                X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
        },
        adgen: variant { adgenMLPLossGradient(p) },
        hand: variant {
            mlpLossHandGradient(
                W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2,
                X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
        },
        swiftAD: variant {
            mlpLossSwiftADGradient(
                W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2,
                X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
        })
}

func rnnCase() -> KernelCase {
    let p = RNNProblem()
    typealias Result = (value: Double, dWh: [Double], dWx: [Double], db: [Double], dreadout: [Double])
    func variant(_ call: @escaping () -> Result) -> GradientVariant {
        GradientVariant(
            compute: {
                let r = call()
                return GradientResult(value: r.value, gradients: [r.dWh, r.dWx, r.db, r.dreadout])
            },
            timed: {
                let r = call()
                return r.value + r.dWh[0]
            })
    }
    return KernelCase(
        name: "rnnLoss", sizes: "hidden=\(p.nHidden) input=\(p.nInput) steps=\(p.steps)",
        inputs: KernelInputs(
            arrays: ["Wh": p.Wh, "Wx": p.Wx, "b": p.b, "readout": p.readout, "xs": p.xs, "ys": p.ys],
            integers: ["nHidden": p.nHidden, "nInput": p.nInput, "steps": p.steps]),
        activeNames: ["Wh", "Wx", "b", "readout"], activeValues: [p.Wh, p.Wx, p.b, p.readout],
        primalAt: { a in
            Primal.rnnLoss(
                Wh: a[0], Wx: a[1], b: a[2], readout: a[3],
                xs: p.xs, ys: p.ys, nHidden: p.nHidden, nInput: p.nInput, steps: p.steps)
        },
        primal: {
            Primal.rnnLoss(
                Wh: p.Wh, Wx: p.Wx, b: p.b, readout: p.readout,
                xs: p.xs, ys: p.ys, nHidden: p.nHidden, nInput: p.nInput, steps: p.steps)
        },
        adgen: variant { adgenRNNLossGradient(p) },
        hand: variant {
            rnnLossHandGradient(
                Wh: p.Wh, Wx: p.Wx, b: p.b, readout: p.readout,
                xs: p.xs, ys: p.ys, nHidden: p.nHidden, nInput: p.nInput, steps: p.steps)
        },
        swiftAD: variant {
            rnnLossSwiftADGradient(
                Wh: p.Wh, Wx: p.Wx, b: p.b, readout: p.readout,
                xs: p.xs, ys: p.ys, nHidden: p.nHidden, nInput: p.nInput, steps: p.steps)
        })
}

func gmmCase() -> KernelCase {
    let p = GMMProblem()
    typealias Result = (value: Double, dalphas: [Double], dmeans: [Double], dicf: [Double])
    func variant(_ call: @escaping () -> Result) -> GradientVariant {
        GradientVariant(
            compute: {
                let r = call()
                return GradientResult(value: r.value, gradients: [r.dalphas, r.dmeans, r.dicf])
            },
            timed: {
                let r = call()
                return r.value + r.dicf[0]
            })
    }
    return KernelCase(
        name: "gmmObjective", sizes: "K=\(p.k) d=\(p.d) n=\(p.n)",
        inputs: KernelInputs(
            arrays: ["alphas": p.alphas, "means": p.means, "icf": p.icf, "x": p.x],
            integers: ["k": p.k, "d": p.d, "n": p.n, "wishartM": p.wishartM],
            reals: ["wishartGamma": p.wishartGamma]),
        activeNames: ["alphas", "means", "icf"], activeValues: [p.alphas, p.means, p.icf],
        primalAt: { a in
            Primal.gmmObjective(
                alphas: a[0], means: a[1], icf: a[2], x: p.x,
                k: p.k, d: p.d, n: p.n, wishartGamma: p.wishartGamma, wishartM: p.wishartM)
        },
        primal: {
            Primal.gmmObjective(
                alphas: p.alphas, means: p.means, icf: p.icf, x: p.x,
                k: p.k, d: p.d, n: p.n, wishartGamma: p.wishartGamma, wishartM: p.wishartM)
        },
        adgen: variant { adgenGMMObjectiveGradient(p) },
        hand: variant {
            gmmObjectiveHandGradient(
                alphas: p.alphas, means: p.means, icf: p.icf, x: p.x,
                k: p.k, d: p.d, n: p.n, wishartGamma: p.wishartGamma, wishartM: p.wishartM)
        },
        swiftAD: variant {
            gmmObjectiveSwiftADGradient(
                alphas: p.alphas, means: p.means, icf: p.icf, x: p.x,
                k: p.k, d: p.d, n: p.n, wishartGamma: p.wishartGamma, wishartM: p.wishartM)
        })
}
