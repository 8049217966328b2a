/// What a hypergradient cost, returned beside it by a generated `LOptHypergradient`.
///
/// Counts that do not apply to the method are zero (for example `cgIterations` for
/// `.unrolled`, `bufferBits` for anything but `.reversible`).
///
/// For example: `report.bufferBits / report.entropyBits` is the information buffer's
/// overhead over the entropy bound of a `.reversible` run.
public struct HypergradientReport: Equatable, Sendable {
    /// The method used.
    public var method: HypergradientMethod
    /// The peak bytes of stored training state: the trajectory (`.unrolled`), the snapshots
    /// (`.checkpointed`), the exact state and information buffers (`.reversible`), the
    /// trained weights and CG vectors (`.implicit`).
    public var storedBytes: Int
    /// `.reversible`: the information buffers' size in bits (``ExactRun/bufferBits``).
    public var bufferBits: Int
    /// `.reversible`: the entropy bound `Σ log2(1/γ)` over every decay by a rate below one
    /// of every entry at every step (``ExactRun/entropyBits``).
    public var entropyBits: Double
    /// Training steps run forward, recomputations included.
    public var forwardSteps: Int
    /// Steps the adjoint was pulled back through.
    public var reverseSteps: Int
    /// Hessian-vector products of the loss evaluated.
    public var hvpCalls: Int
    /// `.implicit`: conjugate-gradient iterations run.
    public var cgIterations: Int
    /// `.implicit`: the final relative residual `‖H q − ∇V‖ / ‖∇V‖`.
    public var cgResidual: Double
    /// `.implicit`: whether the residual reached the tolerance within the iterations.
    public var cgConverged: Bool
    /// `.implicit`: whether CG met negative curvature (the Hessian is not positive definite
    /// there; the result is then not trustworthy).
    public var negativeCurvature: Bool
    /// Wall time of the forward training phase, in seconds.
    public var forwardSeconds: Double
    /// Wall time of the reverse (or CG) phase, in seconds.
    public var reverseSeconds: Double

    /// A report with every count zero, to fill in.
    public init(method: HypergradientMethod, storedBytes: Int = 0, bufferBits: Int = 0, entropyBits: Double = 0,
                forwardSteps: Int = 0, reverseSteps: Int = 0, hvpCalls: Int = 0, cgIterations: Int = 0,
                cgResidual: Double = 0, cgConverged: Bool = false, negativeCurvature: Bool = false, forwardSeconds: Double = 0,
                reverseSeconds: Double = 0) {
        self.method = method
        self.storedBytes = storedBytes
        self.bufferBits = bufferBits
        self.entropyBits = entropyBits
        self.forwardSteps = forwardSteps
        self.reverseSteps = reverseSteps
        self.hvpCalls = hvpCalls
        self.cgIterations = cgIterations
        self.cgResidual = cgResidual
        self.cgConverged = cgConverged
        self.negativeCurvature = negativeCurvature
        self.forwardSeconds = forwardSeconds
        self.reverseSeconds = reverseSeconds
    }
}
