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

/// What the exact training and the hypergradient of a plan generate and call.
extension TrainingPlan {
    /// Momentum, Adam and AdamW have an exact inverse (`LOptExact`, `LOptReverse`).
    public var isExact: Bool { optimizer == .momentum || optimizer == .adam || optimizer == .adamw }
    public var exactName: String { Naming.trainingExact(loss.name, optimizer: optimizer) }
    public var reverseName: String { Naming.trainingReverse(loss.name, optimizer: optimizer) }
    public var hypergradientName: String { Naming.hypergradient(loss.name, optimizer: optimizer) }
    public var problemTypeName: String { Naming.hypergradientProblem(loss.name, optimizer: optimizer) }
    public var hypergradientRunName: String { Naming.hypergradientRun(loss.name, optimizer: optimizer) }

    /// `V`'s parameters that `L` does not have (`q1 … qm`), in `V`'s order.
    public var validationParameters: [IR.Parameter] {
        guard let validation else { return [] }
        return validation.parameters.filter { parameter in !loss.parameters.contains { $0.name == parameter.name } }
    }

    /// The active parameters of `L` and `V` other than the weights, in signature order (`L`'s,
    /// then `V`'s own): the hypergradient's `da1 … daj`.
    public var others: [IR.Parameter] {
        let active = Set(loss.wrt + (validation?.wrt ?? []))
        return (trainingParameters + validationParameters).filter { $0.name != weights.name && active.contains($0.name) }
    }

    /// The curvature the hypergradient needs: `L`'s HVP over its active parameters and the weights.
    public var curvatureWrt: [String] { Self.adding(weights.name, to: loss.wrt, of: loss) }
    public var curvatureName: String {
        curvatureWrt == loss.wrt ? Naming.hvp(loss.name) : Naming.variant(Naming.hvp(loss.name), wrt: curvatureWrt)
    }

    /// `V`'s gradient over its active parameters and the weights.
    public var validationWrt: [String] {
        guard let validation else { return [] }
        return Self.adding(weights.name, to: validation.wrt, of: validation)
    }
    public var validationGradientName: String {
        guard let validation else { return "" }
        return validationWrt == validation.wrt ? Naming.gradient(validation.name)
            : Naming.variant(Naming.gradient(validation.name), wrt: validationWrt)
    }

    /// `wrt` with `name` added, in `function`'s parameter order.
    static func adding(_ name: String, to wrt: [String], of function: IR.Function) -> [String] {
        let names = Set(wrt + [name])
        return function.parameters.map(\.name).filter { names.contains($0) }
    }
}
