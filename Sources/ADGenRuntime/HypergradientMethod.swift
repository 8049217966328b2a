/// How a generated `LOptHypergradient` differentiates through training (user contract,
/// section 7).
///
/// For example: `method: .checkpointed(snapshots: 10)` stores at most ten training states.
public enum HypergradientMethod: Equatable, Hashable, Sendable {
    /// Store the whole trajectory, then one reverse sweep through the optimizer steps.
    case unrolled
    /// Binomial checkpointing (``Revolve``): at most `snapshots` stored states, recomputing
    /// the least number of steps; the result equals `.unrolled` bit for bit.
    case checkpointed(snapshots: Int)
    /// Train in exact fixed-point arithmetic (``ExactRun``) and reverse it exactly, storing
    /// only the bits that multiplication by a rate below one destroys. For momentum, Adam and
    /// AdamW; other optimizers reject it.
    case reversible
    /// Implicit differentiation at the trained weights: conjugate gradient on Hessian-vector
    /// products of the loss, at most `iterations` iterations, stopping at relative residual
    /// `tolerance`. The gradients with respect to the initial weights and the optimizer's
    /// hyperparameters are zero.
    case implicit(iterations: Int, tolerance: Double)
}
