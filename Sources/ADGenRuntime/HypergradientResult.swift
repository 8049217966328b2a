/// A hypergradient: the validation loss after training and its gradient with respect to the
/// initial weights, the other active parameters (flattened, ``HypergradientProblem``), the
/// learning rate of every step and the optimizer's other hyperparameters, with what it cost.
///
/// For example: `result.adjoint.learningRates.reduce(0, +)` is the derivative with respect
/// to a learning rate shared by every step.
public struct HypergradientResult: Sendable {
    /// `V` at the trained weights.
    public var value: Double
    /// The adjoints of the initial weights (``TrainingAdjoint/weights``), the learning rates
    /// and the other hyperparameters.
    public var adjoint: TrainingAdjoint
    /// The gradient with respect to the other active parameters, flattened.
    public var others: [Double]
    /// The trained weights: after the last step (for `.reversible`, the exact run's).
    public var weights: [Double]
    /// The optimizer state after the last step.
    public var state: TrainingState
    public var report: HypergradientReport
}
