/// Every name adgen generates, in one place.
///
/// Derivative labels follow the contract: `d` + parameter name for tangents and
/// adjoints, `v` + name for Hessian-vector directions, `hv` + name for the products.
/// Internal names (temporaries, tapes) never collide with a DSL name: the allocator
/// knows every name of the function and adds `_` until a name is free.
public struct NameAllocator {
    private var used: Set<String>

    public init(reserving names: Set<String>) { used = names }

    /// Claims `preferred`, or `preferred_`, `preferred__`, ... when taken.
    public mutating func fresh(_ preferred: String) -> String {
        var name = preferred
        while used.contains(name) || Naming.swiftKeywords.contains(name) { name += "_" }
        used.insert(name)
        return name
    }

    public mutating func reserve(_ name: String) { used.insert(name) }

    /// Claims `base1`, `base2`, ...: numbered temporaries read better than `t__`.
    public mutating func numbered(_ base: String) -> String {
        var counter = (counters[base] ?? 0) + 1
        while used.contains(base + String(counter)) { counter += 1 }
        counters[base] = counter
        used.insert(base + String(counter))
        return base + String(counter)
    }

    private var counters: [String: Int] = [:]
}

public enum Naming {
    public static func jvp(_ function: String) -> String { function + "JVP" }
    public static func vjp(_ function: String) -> String { function + "VJP" }
    public static func gradient(_ function: String) -> String { function + "Gradient" }
    public static func hvp(_ function: String) -> String { function + "HVP" }
    public static func jacobian(_ function: String) -> String { function + "Jacobian" }
    public static func hessian(_ function: String) -> String { function + "Hessian" }
    public static func hessianTrace(_ function: String) -> String { function + "HessianTrace" }
    /// A derived function's vector-forward-mode twin (tangents with lanes): `fJVP` → `fJVPLanes`.
    public static func lanes(_ function: String) -> String { function + "Lanes" }
    /// The complex-step variant of any function, primal or derived: `f` → `fComplexStep`,
    /// `fGradient` → `fGradientComplexStep`.
    public static func complexStep(_ function: String) -> String { function + "ComplexStep" }

    /// The training function of a declaration (contract, section 7): `trainLoss` with
    /// Adam → `trainLossAdam`.
    public static func training(_ loss: String, optimizer: Optimizer) -> String { loss + optimizer.typeName }
    /// Its optimizer state type: `trainLoss` with Adam → `TrainLossAdamState`.
    public static func trainingState(_ loss: String, optimizer: Optimizer) -> String {
        loss.prefix(1).uppercased() + loss.dropFirst() + optimizer.typeName + "State"
    }

    /// The exact training of a declaration (momentum, Adam, AdamW): `trainLossAdamExact`.
    public static func trainingExact(_ loss: String, optimizer: Optimizer) -> String { training(loss, optimizer: optimizer) + "Exact" }
    /// Its exact reversal: `trainLossAdamReverse`.
    public static func trainingReverse(_ loss: String, optimizer: Optimizer) -> String { training(loss, optimizer: optimizer) + "Reverse" }
    /// The hypergradient through training: `trainLossAdamHypergradient`.
    public static func hypergradient(_ loss: String, optimizer: Optimizer) -> String { training(loss, optimizer: optimizer) + "Hypergradient" }
    /// The private model type it hands the runtime: `TrainLossAdamHypergradientProblem`.
    public static func hypergradientProblem(_ loss: String, optimizer: Optimizer) -> String {
        loss.prefix(1).uppercased() + loss.dropFirst() + optimizer.typeName + "HypergradientProblem"
    }
    /// Its private core, shared by the hypergradient's overloads: `trainLossAdamHypergradientRun`.
    public static func hypergradientRun(_ loss: String, optimizer: Optimizer) -> String { hypergradient(loss, optimizer: optimizer) + "Run" }

    /// Names inside a training function (the allocator adds `_` when the loss has a
    /// parameter of that name): the per-step losses, the state argument and the loop's locals.
    public enum Training {
        public static let losses = "loss"
        public static let stepsLabel = "steps"
        public static let stateLabel = "state"
        /// The state property counting the steps taken.
        public static let stepCount = "step"
        public static let start = "start"
        public static let stepIndex = "k"
        public static let step = "step"
        public static let time = "t"
        public static let weightIndex = "i"
        public static let gradientElement = "g"
        public static let value = "value"
        public static let firstCorrection = "correction1"
        public static let secondCorrection = "correction2"
        /// The state initializer's argument: the number of weights.
        public static let count = "count"
        /// `LOptExact`'s and `LOptReverse`'s exact run (argument and result label).
        public static let run = "run"
        /// The hypergradient's method argument, report result and schedule argument.
        public static let method = "method"
        public static let report = "report"
        public static let learningRate = "learningRate"
        public static let learningRates = "learningRates"
        public static let problem = "problem"
        public static let result = "result"
        /// The problem type's method parameters (the runtime protocol's names).
        public static let point = "point"
        public static let direction = "direction"
        public static let product = "product"
        public static let others = "others"
        public static let weightsGradient = "weightsGradient"
        public static let weightsArgument = "weights"
        public static let gradient = "gradient"
        public static let otherCount = "otherCount"
    }

    /// Derived functions for an activity pattern other than the declared `wrt`.
    public static func variant(_ base: String, wrt: [String]) -> String {
        base + "_wrt_" + (wrt.isEmpty ? "none" : wrt.joined(separator: "_"))
    }

    /// The tangent (forward) or adjoint (reverse) of `name`: `x` → `dx`.
    public static func derivative(of name: String, prefix: String = "d") -> String { prefix + name }

    /// Labels of the contract: `w` → `dw`, `vw`, `hvw`.
    public static func adjointLabel(_ parameter: String) -> String { "d" + parameter }
    public static func directionLabel(_ parameter: String) -> String { "v" + parameter }
    public static func hvpLabel(_ parameter: String) -> String { "hv" + parameter }

    /// Temporaries of linearized expressions.
    public static let temporary = "t"
    /// A saved `if` condition, trip counts and loop bounds of the reverse sweep.
    public static let branch = "branch"
    public static let tripCount = "trips"
    /// Tapes, one per element type.
    public static func tape(_ type: IRType) -> String { "tape" + type.description.filter(\.isLetter) }
    /// Whether `name` is one of the tapes.
    static func isTape(_ name: String) -> Bool { [IRType.double, .int, .bool].contains { tape($0) == name } }
    /// With a tape budget, the fully taped VJP that an HVP differentiates: `fVJPTaped`.
    static func taped(_ vjp: String) -> String { vjp + "Taped" }
    /// A checkpointed loop's schedule (the runtime's `LoopCheckpoints`).
    public static let checkpoints = "checkpoints"
    public static let seed = "seed"
    public static let value = "value"

    static let swiftKeywords: Set<String> = [
        "func", "let", "var", "for", "in", "while", "if", "else", "return", "true", "false", "break", "continue",
        "guard", "switch", "case", "default", "struct", "class", "enum", "import", "repeat", "defer", "do", "throw",
        "throws", "try", "inout", "static", "protocol", "extension", "typealias", "init", "self", "Self", "nil",
        "as", "is", "where", "operator", "public", "private", "fileprivate", "internal", "open", "some", "any",
    ]

    /// Every name a function uses: parameters and declared locals.
    static func names(in function: IR.Function) -> Set<String> {
        var names = Set(function.parameters.map(\.name))
        IRWalk.forEachStatement(function.body) { statement in
            switch statement.kind {
            case .declare(let name, _, _, _, _): names.insert(name)
            case .forLoop(let loop): if let index = loop.index { names.insert(index) }
            case .destructure(let targets, _, _): names.formUnion(targets.compactMap { $0 })
            default: break
            }
            for expression in statement.ownExpressions { expression.forEachRead { names.insert($0) } }
        }
        return names
    }
}
