/// A validated ``TrainingDeclaration``: the functions and parameters it names,
/// resolved in the typed IR module, and every generated name it needs.
///
/// Each generated training function (`LOpt` now; `LOptExact`, `LOptReverse`,
/// `LOptHypergradient` later) is built from a plan by a builder of its own.
public struct TrainingPlan: Sendable {
    public var declaration: TrainingDeclaration
    public var loss: IR.Function
    public var weights: IR.Parameter
    public var optimizer: Optimizer
    public var validation: IR.Function?
    /// `L`'s `Int` parameter named `step`, which the loop sets to the 0-based step number.
    public var stepParameter: IR.Parameter?

    /// `LOpt`: `trainLoss` + `Adam`.
    public var functionName: String { Naming.training(loss.name, optimizer: optimizer) }
    /// The generated state type, `TrainLossAdamState`.
    public var stateTypeName: String { Naming.trainingState(loss.name, optimizer: optimizer) }

    /// The gradient the loop calls: with respect to the weights alone, so no other
    /// adjoint is computed. It is `LGradient` when `L`'s `wrt` is exactly the weights.
    public var gradientWrt: [String] { [weights.name] }
    public var gradientName: String {
        gradientWrt == loss.wrt ? Naming.gradient(loss.name) : Naming.variant(Naming.gradient(loss.name), wrt: gradientWrt)
    }

    /// `L`'s parameters as `LOpt` takes them: all but `step`.
    public var trainingParameters: [IR.Parameter] {
        loss.parameters.filter { $0.name != stepParameter?.name }
    }
}
