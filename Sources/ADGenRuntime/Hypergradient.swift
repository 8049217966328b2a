import Dispatch

/// The hypergradient of a validation loss after training (user contract, section 7), by the
/// four ``HypergradientMethod``s, all on the generated derivatives of the
/// ``HypergradientProblem``: its gradient, its Hessian-vector product and the validation
/// gradient. A generated `LOptHypergradient` calls ``compute(_:optimizer:weights:state:learningRates:method:)``.
///
/// Training runs `learningRates.count` steps from `weights` and `state`, step `k` with
/// learning rate `learningRates[k]` (a constant schedule for a scalar learning rate).
///
/// For example:
/// ```swift
/// let result = Hypergradient.compute(problem, optimizer: .momentum(momentum: 0.9), weights: w,
///                                    state: TrainingState(count: w.count, arrays: 1),
///                                    learningRates: Array(repeating: 0.1, count: 100), method: .unrolled)
/// ```
public enum Hypergradient {
    /// The validation loss after training, its hypergradient, the final state and the report.
    /// `.reversible` with an optimizer other than momentum, Adam or AdamW stops with a message
    /// saying so.
    public static func compute<Problem: HypergradientProblem>(
        _ problem: Problem, optimizer: TrainingOptimizer, weights: [Double], state: TrainingState,
        learningRates: [Double], method: HypergradientMethod) -> HypergradientResult {
        let training = Training(optimizer: optimizer, learningRates: learningRates, firstStep: state.steps)
        switch method {
        case .unrolled:
            return UnrolledHypergradient.compute(problem, training, weights: weights, state: state)
        case let .checkpointed(snapshots):
            precondition(snapshots >= 1, "LOptHypergradient: .checkpointed needs at least one snapshot, got \(snapshots)")
            return CheckpointedHypergradient.compute(problem, training, weights: weights, state: state, snapshots: snapshots)
        case .reversible:
            return ReversibleHypergradient.compute(problem, training, weights: weights, state: state)
        case let .implicit(iterations, tolerance):
            return ImplicitHypergradient.compute(problem, training, weights: weights, state: state,
                                                 iterations: iterations, tolerance: tolerance)
        }
    }

    /// The optimizer and schedule of one hypergradient computation.
    struct Training {
        let optimizer: TrainingOptimizer
        let learningRates: [Double]
        /// The step count of the starting state.
        let firstStep: Int

        var steps: Int { learningRates.count }

        /// The learning rate of step number `step` (counted like the state's step count).
        func learningRate(_ step: Int) -> Double { learningRates[step - firstStep] }

        /// One forward step from `weights` and `state`: the loss's gradient there, then the update.
        func advance<Problem: HypergradientProblem>(_ problem: Problem, _ weights: inout [Double],
                                                    _ state: inout TrainingState) {
            let (_, gradient) = problem.gradient(at: weights, step: state.steps)
            TrainingStep.take(optimizer, weights: &weights, state: &state, gradient: gradient,
                              learningRate: learningRate(state.steps))
        }

        /// Pulls the adjoint back through the step taken from `weights` and `state` with
        /// `gradient`: the optimizer's pullback, then the loss's curvature along the
        /// gradient's adjoint (one Hessian-vector product).
        func pullBack<Problem: HypergradientProblem>(_ problem: Problem, weights: [Double], state: TrainingState,
                                                     gradient: [Double], adjoint: inout TrainingAdjoint,
                                                     others: inout [Double]) {
            TrainingPullback.pull(optimizer, weights: weights, state: state, gradient: gradient,
                                  learningRate: learningRate(state.steps), step: state.steps, adjoint: &adjoint)
            problem.addCurvature(at: weights, step: state.steps, direction: adjoint.gradient,
                                 weights: &adjoint.weights, others: &others)
        }

        /// Zero adjoints for `count` weights.
        func zeroAdjoint(count: Int) -> TrainingAdjoint {
            TrainingAdjoint(count: count, arrays: optimizer.stateArrayCount, steps: steps, firstStep: firstStep)
        }
    }

    /// Seconds since `start`, from the monotonic clock.
    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}
