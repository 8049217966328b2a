import Foundation

/// `.implicit(iterations:tolerance:)`: implicit differentiation at the trained weights `w*`,
/// taking them for a stationary point of the loss (Lorraine et al. 2020): solve
/// `H_ww q = ∇_w V` by conjugate gradient on Hessian-vector products of the loss, then
/// `dV/da = ∇_a V − H_aw q` for the other active parameters. The gradients with respect to
/// the initial weights and the optimizer's hyperparameters are zero. A loss with a `step`
/// parameter is taken at the last step. Memory is O(weights), independent of the steps.
///
/// The report gives the iterations, the final relative residual `‖H q − ∇_w V‖ / ‖∇_w V‖`,
/// whether it reached `tolerance` (``HypergradientReport/cgConverged``), and whether
/// negative or zero curvature `pᵀ H p ≤ 0` was met (then CG stops there: the Hessian is not
/// positive definite and the result is not to be trusted).
///
/// For example: `.implicit(iterations: 100, tolerance: 1e-10)`.
enum ImplicitHypergradient {
    static func compute<Problem: HypergradientProblem>(_ problem: Problem, _ training: Hypergradient.Training,
                                                       weights: [Double], state: TrainingState,
                                                       iterations: Int, tolerance: Double) -> HypergradientResult {
        var report = HypergradientReport(method: .implicit(iterations: iterations, tolerance: tolerance))
        var start = Hypergradient.now()
        var w = weights
        var s = state
        for _ in 0..<training.steps { training.advance(problem, &w, &s) }
        report.forwardSteps = training.steps
        report.forwardSeconds = Hypergradient.seconds(since: start)
        start = Hypergradient.now()
        var validation = [Double](repeating: 0, count: w.count)
        var others = [Double](repeating: 0, count: problem.otherCount)
        let value = problem.addValidationGradient(at: w, weights: &validation, others: &others)
        let step = max(s.steps - 1, 0)
        var solver = ConjugateGradient(problem: problem, point: w, step: step)
        let q = solver.solve(validation, iterations: iterations, tolerance: tolerance)
        var unused = [Double](repeating: 0, count: w.count)
        var mixed = [Double](repeating: 0, count: problem.otherCount)
        problem.addCurvature(at: w, step: step, direction: q, weights: &unused, others: &mixed)
        for i in others.indices { others[i] -= mixed[i] }
        report.hvpCalls = solver.products + 1
        report.cgIterations = solver.iterations
        report.cgResidual = solver.residual
        report.cgConverged = solver.residual <= tolerance
        report.negativeCurvature = solver.negativeCurvature
        report.storedBytes = 6 * w.count * MemoryLayout<Double>.stride
        report.reverseSeconds = Hypergradient.seconds(since: start)
        let adjoint = training.zeroAdjoint(count: w.count)
        return HypergradientResult(value: value, adjoint: adjoint, others: others, weights: w, state: s, report: report)
    }
}

/// Conjugate gradient on the Hessian of the loss with respect to the weights, at `point`,
/// through the problem's Hessian-vector products.
struct ConjugateGradient<Problem: HypergradientProblem> {
    let problem: Problem
    let point: [Double]
    let step: Int
    private(set) var products = 0
    private(set) var iterations = 0
    private(set) var residual = 0.0
    private(set) var negativeCurvature = false

    init(problem: Problem, point: [Double], step: Int) {
        self.problem = problem
        self.point = point
        self.step = step
    }

    /// `x` with `H x ≈ b`, from `x = 0`: at most `iterations` iterations, stopping when the
    /// relative residual is at most `tolerance` or when `pᵀ H p ≤ 0`.
    mutating func solve(_ b: [Double], iterations limit: Int, tolerance: Double) -> [Double] {
        let norm = sqrt(dot(b, b))
        var x = [Double](repeating: 0, count: b.count)
        guard norm > 0 else { return x }
        var r = b
        var p = r
        var rr = dot(r, r)
        var product = [Double](repeating: 0, count: b.count)
        var discarded = [Double](repeating: 0, count: problem.otherCount)
        residual = 1
        while iterations < limit && residual > tolerance {
            for i in product.indices { product[i] = 0 }
            problem.addCurvature(at: point, step: step, direction: p, weights: &product, others: &discarded)
            products += 1
            let curvature = dot(p, product)
            guard curvature > 0 else {
                negativeCurvature = true
                break
            }
            let alpha = rr / curvature
            for i in x.indices {
                x[i] += alpha * p[i]
                r[i] -= alpha * product[i]
            }
            let next = dot(r, r)
            for i in p.indices { p[i] = r[i] + (next / rr) * p[i] }
            rr = next
            iterations += 1
            residual = sqrt(rr) / norm
        }
        return x
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
