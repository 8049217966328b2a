/// `.checkpointed(snapshots:)`: the reverse sweep of `.unrolled` on a ``Revolve`` schedule,
/// holding at most `snapshots` stored states (weights and optimizer state) and recomputing
/// the rest. Every step is pulled back from the same weights, state and gradient as in
/// `.unrolled`, with the same operations, so the result equals `.unrolled` bit for bit.
///
/// ``HypergradientReport/forwardSteps`` counts every forward step: the schedule's
/// ``RevolveCost/forwardSteps(steps:snapshots:)`` plus the one step each reversal runs.
///
/// For example: 100 steps with 5 snapshots run 316 + 100 forward steps.
enum CheckpointedHypergradient {
    static func compute<Problem: HypergradientProblem>(_ problem: Problem, _ training: Hypergradient.Training,
                                                       weights: [Double], state: TrainingState,
                                                       snapshots: Int) -> HypergradientResult {
        var report = HypergradientReport(method: .checkpointed(snapshots: snapshots))
        let start = Hypergradient.now()
        guard training.steps > 0 else {
            return UnrolledHypergradient.compute(problem, training, weights: weights, state: state).relabelled(report.method)
        }
        var w = weights
        var s = state
        var slots = [(weights: [Double], state: TrainingState)?](repeating: nil, count: snapshots)
        var adjoint = training.zeroAdjoint(count: w.count)
        var others = [Double](repeating: 0, count: problem.otherCount)
        var value = 0.0
        var finalWeights = weights
        var finalState = state
        for action in Revolve(steps: training.steps, snapshots: snapshots) {
            switch action {
            case let .advance(from, to):
                for _ in from..<to { training.advance(problem, &w, &s) }
                report.forwardSteps += to - from
            case let .takeSnapshot(_, slot):
                slots[slot] = (w, s)
                let stored = slots.reduce(0) { $0 + ($1.map { $0.weights.count * 8 + $0.state.byteCount } ?? 0) }
                report.storedBytes = max(report.storedBytes, stored)
            case let .restore(_, slot):
                (w, s) = slots[slot]!
            case .firstReverse:
                let (_, gradient) = problem.gradient(at: w, step: s.steps)
                var last = w
                finalState = s
                TrainingStep.take(training.optimizer, weights: &last, state: &finalState, gradient: gradient,
                                  learningRate: training.learningRate(s.steps))
                report.forwardSeconds = Hypergradient.seconds(since: start)
                value = problem.addValidationGradient(at: last, weights: &adjoint.weights, others: &others)
                finalWeights = last
                training.pullBack(problem, weights: w, state: s, gradient: gradient, adjoint: &adjoint, others: &others)
                report.forwardSteps += 1
            case .reverse:
                let (_, gradient) = problem.gradient(at: w, step: s.steps)
                training.pullBack(problem, weights: w, state: s, gradient: gradient, adjoint: &adjoint, others: &others)
                report.forwardSteps += 1
            }
        }
        report.reverseSteps = training.steps
        report.hvpCalls = training.steps
        report.reverseSeconds = Hypergradient.seconds(since: start) - report.forwardSeconds
        return HypergradientResult(value: value, adjoint: adjoint, others: others, weights: finalWeights,
                                   state: finalState, report: report)
    }
}

extension HypergradientResult {
    /// The same result reported under `method` (for a zero-step run, where every method agrees).
    func relabelled(_ method: HypergradientMethod) -> HypergradientResult {
        var result = self
        result.report.method = method
        return result
    }
}
