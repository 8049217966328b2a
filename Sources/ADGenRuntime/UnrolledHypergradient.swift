/// `.unrolled`: the whole trajectory (weights, state and gradient of every step) stored in
/// the forward pass, then one reverse sweep through the optimizer steps, one Hessian-vector
/// product per step.
///
/// For example: 100 Adam steps of 1,000 weights store 100 · 4 · 1,000 `Double`s (3.2 MB).
enum UnrolledHypergradient {
    static func compute<Problem: HypergradientProblem>(_ problem: Problem, _ training: Hypergradient.Training,
                                                       weights: [Double], state: TrainingState) -> HypergradientResult {
        var report = HypergradientReport(method: .unrolled)
        var start = Hypergradient.now()
        var w = weights
        var s = state
        var trajectory: [(weights: [Double], state: TrainingState, gradient: [Double])] = []
        trajectory.reserveCapacity(training.steps)
        for _ in 0..<training.steps {
            let (_, gradient) = problem.gradient(at: w, step: s.steps)
            trajectory.append((w, s, gradient))
            TrainingStep.take(training.optimizer, weights: &w, state: &s, gradient: gradient,
                              learningRate: training.learningRate(s.steps))
        }
        report.forwardSteps = training.steps
        report.storedBytes = trajectory.reduce(0) { $0 + ($1.weights.count + $1.gradient.count) * 8 + $1.state.byteCount }
        report.forwardSeconds = Hypergradient.seconds(since: start)
        start = Hypergradient.now()
        var adjoint = training.zeroAdjoint(count: w.count)
        var others = [Double](repeating: 0, count: problem.otherCount)
        let value = problem.addValidationGradient(at: w, weights: &adjoint.weights, others: &others)
        for entry in trajectory.reversed() {
            training.pullBack(problem, weights: entry.weights, state: entry.state, gradient: entry.gradient,
                              adjoint: &adjoint, others: &others)
        }
        report.reverseSteps = training.steps
        report.hvpCalls = training.steps
        report.reverseSeconds = Hypergradient.seconds(since: start)
        return HypergradientResult(value: value, adjoint: adjoint, others: others, weights: w, state: s, report: report)
    }
}
