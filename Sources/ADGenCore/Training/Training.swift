/// The training stage of the pipeline: validates the declarations whose loss a module
/// defines (``TrainingValidation``) and generates each one's functions.
///
/// Each generated training function has a builder of its own, reading a
/// ``TrainingPlan``: `LOpt` is ``TrainingFunctions``. `LOptExact`, `LOptReverse` and
/// `LOptHypergradient` (contract, section 7) will be further builders beside it, each
/// a new file, listed in ``generate(_:)``.
public enum Training {
    /// The declarations of `declarations` whose loss `module` defines, validated.
    /// `taken` gathers the generated names, so two declarations cannot generate one name.
    static func plans(for declarations: [TrainingDeclaration], in module: IR.Module, fileName: String,
                      taken: inout Set<String>) -> (plans: [TrainingPlan], issues: [TrainingIssue]) {
        var plans: [TrainingPlan] = []
        var issues: [TrainingIssue] = []
        for declaration in declarations where module.function(named: declaration.loss) != nil {
            let result = TrainingValidation.plan(declaration, in: module, fileName: fileName, taken: taken)
            issues += result.issues
            if let plan = result.plan {
                plans.append(plan)
                taken.insert(plan.functionName)
            }
        }
        return (plans, issues)
    }

    /// The derivatives the plans' functions call, for ``Derivatives``: the loops' gradient of
    /// the loss, and the hypergradient's HVP of the loss and gradient of the validation function.
    static func gradientRequests(_ plans: [TrainingPlan]) -> [Derivatives.GradientRequest] {
        plans.flatMap { plan -> [Derivatives.GradientRequest] in
            var requests = [Derivatives.GradientRequest(function: plan.loss.name, wrt: plan.gradientWrt)]
            if let validation = plan.validation {
                requests.append(Derivatives.GradientRequest(function: plan.loss.name, wrt: plan.curvatureWrt, kind: .hvp))
                requests.append(Derivatives.GradientRequest(function: validation.name, wrt: plan.validationWrt))
            }
            return requests
        }
    }

    /// Whether the plans' functions use the runtime library's types (`ExactRun`,
    /// `HypergradientMethod`): exact training, or a hypergradient (a validation function).
    static func needsRuntime(_ plans: [TrainingPlan]) -> Bool {
        plans.contains { $0.isExact || $0.validation != nil }
    }

    /// The generated training functions and state types of every plan.
    static func generate(_ plans: [TrainingPlan]) -> (functions: [SwiftModel.Function], types: [SwiftModel.Struct]) {
        var functions: [SwiftModel.Function] = []
        var types: [SwiftModel.Struct] = []
        for plan in plans {
            let optimizer = TrainingFunctions.generate(plan)
            let hypergradient = TrainingHypergradient.generate(plan)
            functions += optimizer.functions + TrainingExact.generate(plan) + hypergradient.functions
            types += optimizer.types + hypergradient.types
        }
        return (functions, types)
    }
}
