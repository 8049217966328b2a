/// The optimizers of a training declaration (the contract, section 7), with their
/// hyperparameters and the state they carry from step to step.
///
/// For example: `Optimizer.adam.typeName` is `Adam`, so loss `trainLoss` trained with
/// Adam is `trainLossAdam`, and its hyperparameters are `learningRate`, `beta1`,
/// `beta2` and `epsilon`.
public enum Optimizer: String, CaseIterable, Sendable {
    case sgd, momentum, nesterov, rmsprop, adagrad, adam, adamw

    /// The `Opt` of the generated names: `LOpt`, `LOptState`.
    public var typeName: String {
        switch self {
        case .sgd: return "SGD"
        case .momentum: return "Momentum"
        case .nesterov: return "Nesterov"
        case .rmsprop: return "RMSProp"
        case .adagrad: return "Adagrad"
        case .adam: return "Adam"
        case .adamw: return "AdamW"
        }
    }

    /// The hyperparameters in signature order; `learningRate` comes first and has no default.
    public var hyperparameters: [Hyperparameter] {
        let learningRate = Hyperparameter(label: "learningRate", symbol: "lr", defaultValue: nil)
        let momentum = Hyperparameter(label: "momentum", symbol: "μ", defaultValue: (0.9, "0.9"))
        let beta1 = Hyperparameter(label: "beta1", symbol: "β1", defaultValue: (0.9, "0.9"))
        let beta2 = Hyperparameter(label: "beta2", symbol: "β2", defaultValue: (0.999, "0.999"))
        let adamEpsilon = Hyperparameter(label: "epsilon", symbol: "ε", defaultValue: (1e-8, "1e-8"))
        switch self {
        case .sgd: return [learningRate]
        case .momentum, .nesterov: return [learningRate, momentum]
        case .rmsprop:
            return [learningRate, Hyperparameter(label: "decay", symbol: "ρ", defaultValue: (0.99, "0.99")), adamEpsilon]
        case .adagrad:
            return [learningRate, Hyperparameter(label: "epsilon", symbol: "ε", defaultValue: (1e-10, "1e-10"))]
        case .adam: return [learningRate, beta1, beta2, adamEpsilon]
        case .adamw:
            return [learningRate, beta1, beta2, adamEpsilon,
                    Hyperparameter(label: "weightDecay", symbol: "λ", defaultValue: (0.01, "0.01"))]
        }
    }

    /// The per-weight arrays of the optimizer's state, each starting at zero; the state
    /// also holds the number of steps taken (`step`).
    public var stateArrays: [StateArray] {
        switch self {
        case .sgd: return []
        case .momentum, .nesterov: return [StateArray(name: "momentumBuffer", meaning: "the momentum buffer `b`")]
        case .rmsprop: return [StateArray(name: "squareAverage", meaning: "the running average `s` of squared gradients")]
        case .adagrad: return [StateArray(name: "squareSum", meaning: "the sum `s` of squared gradients")]
        case .adam, .adamw:
            return [StateArray(name: "m", meaning: "the first moment `m`"),
                    StateArray(name: "v", meaning: "the second moment `v`")]
        }
    }

    /// The runtime library's case for this optimizer (`ExactOptimizer`, `TrainingOptimizer`):
    /// the raw value, but `adamW` for AdamW.
    var runtimeCaseName: String { self == .adamw ? "adamW" : rawValue }

    /// Whether a step needs Adam's bias corrections `1 - β1^t`, `1 - β2^t`.
    var usesBiasCorrection: Bool { self == .adam || self == .adamw }
}

/// One hyperparameter of an ``Optimizer``: its argument label and default.
public struct Hyperparameter: Sendable {
    public var label: String
    /// The symbol of the contract's update equations (`lr`, `β1`, ...), for doc comments.
    public var symbol: String
    /// The default value and its spelling in generated code; nil when required.
    public var defaultValue: (value: Double, spelling: String)?
}

/// One per-weight array of an optimizer's state.
public struct StateArray: Sendable {
    /// The property name in the generated state type.
    public var name: String
    /// What it holds, for doc comments.
    public var meaning: String
}
