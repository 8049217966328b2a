// The "adgen grad" column: the only file that calls adgen's generated code. The
// kernels in Kernels/*.adg are compiled by the ADGenPlugin build-tool plugin when
// this target builds, so these are the functions adgen generates today.

func adgenStressGradient(_ p: StressProblem) -> (value: Double, dx: [Double]) {
    stressGradient(x: p.x, dist: p.dist, n: p.n, d: p.d)
}

func adgenMLPLossGradient(_ p: MLPProblem)
    -> (value: Double, dW1: [Double], db1: [Double], dW2: [Double], db2: Double)
{
    mlpLossGradient(
        W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2,
        X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
}

func adgenRNNLossGradient(_ p: RNNProblem)
    -> (value: Double, dWh: [Double], dWx: [Double], db: [Double], dreadout: [Double])
{
    rnnLossGradient(
        Wh: p.Wh, Wx: p.Wx, b: p.b, readout: p.readout,
        xs: p.xs, ys: p.ys, nHidden: p.nHidden, nInput: p.nInput, steps: p.steps)
}

func adgenGMMObjectiveGradient(_ p: GMMProblem)
    -> (value: Double, dalphas: [Double], dmeans: [Double], dicf: [Double])
{
    gmmObjectiveGradient(
        alphas: p.alphas, means: p.means, icf: p.icf, x: p.x,
        k: p.k, d: p.d, n: p.n, wishartGamma: p.wishartGamma, wishartM: p.wishartM)
}

/// Bytes pushed on adgen's tapes during one gradient call. `adgen-config.json` in
/// this target turns on tape statistics, so the generated tapes call
/// `adgenTapeDidPush(bytes:)` below on every push (one add; the timed runs include it).
nonisolated(unsafe) var adgenTapeBytesPushed = 0

func adgenTapeDidPush(bytes: Int) {
    adgenTapeBytesPushed &+= bytes
}

func adgenTapeBytes(of kernel: KernelCase) -> Int {
    adgenTapeBytesPushed = 0
    _ = kernel.adgen.compute()
    return adgenTapeBytesPushed
}
