// Whole Jacobians and Hessians (issue 13): vector forward mode against one JVP per
// column and one VJP per row, fHessian against one HVP per column, and Hutchinson's
// trace against the exact trace (the Hessian's diagonal). Results are checked against
// each other before timing.
import Foundation

/// One row of the table: a way of computing the matrix, timed, and its time relative
/// to the row it is compared with.
struct MatrixRow {
    let problem: String
    let method: String
    let timing: Timing
    let baseline: String?
}

/// The 50-input problem of `Kernels/vecfun.adg`.
struct VectorProblem {
    let x: [Double]
    let c = 0.7

    init(count: Int = 50, seed: UInt64 = 5) {
        var rng = SplitMix64(seed: seed)
        x = rng.uniforms(count, -1, 1)
    }
}

func unit(_ j: Int, _ n: Int) -> [Double] {
    var e = [Double](repeating: 0, count: n)
    e[j] = 1
    return e
}

/// The Jacobian of `vecfun` by n JVP calls, row-major.
func vecfunJacobianByJVPs(_ p: VectorProblem) -> [Double] {
    let n = p.x.count
    var jacobian = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
        let tangent = vecfunJVP(x: p.x, c: p.c, dx: unit(j, n)).tangent
        for i in 0..<n { jacobian[i * n + j] = tangent[i] }
    }
    return jacobian
}

/// The Jacobian of `vecfun` by m VJP calls, row-major.
func vecfunJacobianByVJPs(_ p: VectorProblem) -> [Double] {
    let n = p.x.count
    var jacobian: [Double] = []
    for i in 0..<n { jacobian += vecfunVJP(x: p.x, c: p.c, seed: unit(i, n)).dx }
    return jacobian
}

/// The Hessian of `vecEnergy` by n HVP calls (column j = H e_j; H is symmetric).
func vecEnergyHessianByHVPs(_ p: VectorProblem) -> [Double] {
    let n = p.x.count
    var hessian = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
        let product = vecEnergyHVP(x: p.x, c: p.c, vx: unit(j, n)).hvx
        for i in 0..<n { hessian[i * n + j] = product[i] }
    }
    return hessian
}

/// The MLP's active entries (W1, b1, W2, b2) as HVP directions.
func mlpDirections(_ p: MLPProblem, _ j: Int) -> (vW1: [Double], vb1: [Double], vW2: [Double], vb2: Double) {
    let counts = [p.W1.count, p.b1.count, p.W2.count]
    var parts = counts.map { [Double](repeating: 0, count: $0) }
    var rest = j
    for (k, count) in counts.enumerated() {
        if rest < count {
            parts[k][rest] = 1
            return (parts[0], parts[1], parts[2], 0)
        }
        rest -= count
    }
    return (parts[0], parts[1], parts[2], 1)
}

func mlpActiveCount(_ p: MLPProblem) -> Int { p.W1.count + p.b1.count + p.W2.count + 1 }

/// The MLP loss's one-row Jacobian by n JVP calls.
func mlpJacobianByJVPs(_ p: MLPProblem) -> [Double] {
    (0..<mlpActiveCount(p)).map { j in
        let d = mlpDirections(p, j)
        return mlpLossJVP(W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2, X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden,
                          batch: p.batch, dW1: d.vW1, db1: d.vb1, dW2: d.vW2, db2: d.vb2).tangent
    }
}

/// The MLP loss's Hessian by n HVP calls.
func mlpHessianByHVPs(_ p: MLPProblem) -> [Double] {
    let n = mlpActiveCount(p)
    var hessian = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
        let d = mlpDirections(p, j)
        let r = mlpLossHVP(W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2, X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden,
                           batch: p.batch, vW1: d.vW1, vb1: d.vb1, vW2: d.vW2, vb2: d.vb2)
        let column = r.hvW1 + r.hvb1 + r.hvW2 + [r.hvb2]
        for i in 0..<n { hessian[i * n + j] = column[i] }
    }
    return hessian
}

func mlpHessian(_ p: MLPProblem) -> (value: Double, gradient: [Double], hessian: [Double]) {
    mlpLossHessian(W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2, X: p.X, Y: p.Y, nIn: p.nIn, nHidden: p.nHidden, batch: p.batch)
}

/// Checks every method against the others (1e-10 relative), then times them.
func wholeMatrixRows(options: TimingOptions) -> [MatrixRow]? {
    let v = VectorProblem()
    let m = MLPProblem()
    let vecForward = vecfunJacobianForward(x: v.x, c: v.c).jacobian
    let mlpForward = mlpLossJacobianForward(W1: m.W1, b1: m.b1, W2: m.W2, b2: m.b2, X: m.X, Y: m.Y, nIn: m.nIn,
                                            nHidden: m.nHidden, batch: m.batch).jacobian
    let agreements: [(String, [Double], [Double])] = [
        ("vecfun forward vs JVPs", vecForward, vecfunJacobianByJVPs(v)),
        ("vecfun forward vs VJPs", vecForward, vecfunJacobianByVJPs(v)),
        ("vecEnergy Hessian vs HVPs", vecEnergyHessian(x: v.x, c: v.c).hessian, vecEnergyHessianByHVPs(v)),
        ("mlp forward vs JVPs", mlpForward, mlpJacobianByJVPs(m)),
        ("mlp Hessian vs HVPs", mlpHessian(m).hessian, mlpHessianByHVPs(m)),
    ]
    for (name, a, b) in agreements {
        let difference = relativeDifference(a, b)
        print("  \(name): \(String(format: "%.1e", difference))")
        if !(difference <= 1e-10) { return nil }
    }
    func time(_ problem: String, _ method: String, _ baseline: String?, _ body: @escaping () -> Double) -> MatrixRow {
        MatrixRow(problem: problem, method: method, timing: measure(body, options: options), baseline: baseline)
    }
    let vecSizes = "vecfun n=m=\(v.x.count)"
    let energySizes = "vecEnergy n=\(v.x.count)"
    let mlpSizes = "mlpLoss n=\(mlpActiveCount(m)) m=1"
    return [
        time(vecSizes, "n JVP calls", nil) { vecfunJacobianByJVPs(v)[0] },
        time(vecSizes, "m VJP calls", "n JVP calls") { vecfunJacobianByVJPs(v)[0] },
        time(vecSizes, "fJacobianForward", "n JVP calls") { vecfunJacobianForward(x: v.x, c: v.c).jacobian[0] },
        time(vecSizes, "fJacobian (chosen)", "n JVP calls") { vecfunJacobian(x: v.x, c: v.c).jacobian[0] },
        time(energySizes, "n HVP calls", nil) { vecEnergyHessianByHVPs(v)[0] },
        time(energySizes, "fHessian", "n HVP calls") { vecEnergyHessian(x: v.x, c: v.c).hessian[0] },
        time(energySizes, "fHessianTrace 64 probes", "fHessian") {
            vecEnergyHessianTrace(x: v.x, c: v.c, probes: 64, seed: 1).trace
        },
        time(mlpSizes, "n JVP calls", nil) { mlpJacobianByJVPs(m)[0] },
        time(mlpSizes, "fJacobianForward", "n JVP calls") {
            mlpLossJacobianForward(W1: m.W1, b1: m.b1, W2: m.W2, b2: m.b2, X: m.X, Y: m.Y, nIn: m.nIn,
                                   nHidden: m.nHidden, batch: m.batch).jacobian[0]
        },
        time(mlpSizes, "fJacobian (chosen: 1 VJP)", "n JVP calls") {
            mlpLossJacobian(W1: m.W1, b1: m.b1, W2: m.W2, b2: m.b2, X: m.X, Y: m.Y, nIn: m.nIn,
                            nHidden: m.nHidden, batch: m.batch).jacobian[0]
        },
        time(mlpSizes, "n HVP calls", nil) { mlpHessianByHVPs(m)[0] },
        time(mlpSizes, "fHessian", "n HVP calls") { mlpHessian(m).hessian[0] },
        time(mlpSizes, "fHessianTrace 64 probes", "fHessian") {
            mlpLossHessianTrace(W1: m.W1, b1: m.b1, W2: m.W2, b2: m.b2, X: m.X, Y: m.Y, nIn: m.nIn,
                                nHidden: m.nHidden, batch: m.batch, probes: 64, seed: 1).trace
        },
    ]
}

func printWholeMatrixTable(_ rows: [MatrixRow]) {
    print()
    print("Whole matrices, time per matrix (minimum over repetitions):")
    print()
    let table = rows.map { row -> [String] in
        let baseline = row.baseline.flatMap { name in rows.first { $0.problem == row.problem && $0.method == name } }
        return [row.problem, row.method, formatDuration(row.timing.minimum),
                baseline.map { "\(formatRatio(row.timing.minimum, $0.timing.minimum)) \($0.method)" } ?? "-"]
    }
    printTable(header: ["problem", "method", "time", "relative to"], rows: table)
}
