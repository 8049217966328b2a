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

    /// The gradients the plans' loops call: `(loss, wrt)` pairs for ``Derivatives``.
    static func gradientRequests(_ plans: [TrainingPlan]) -> [Derivatives.GradientRequest] {
        plans.map { Derivatives.GradientRequest(function: $0.loss.name, wrt: $0.gradientWrt) }
    }

    /// The generated training functions and state types of every plan.
    static func generate(_ plans: [TrainingPlan]) -> (functions: [SwiftModel.Function], types: [SwiftModel.Struct]) {
        var functions: [SwiftModel.Function] = []
        var types: [SwiftModel.Struct] = []
        for plan in plans {
            let optimizer = TrainingFunctions.generate(plan)
            functions += optimizer.functions
            types += optimizer.types
        }
        return (functions, types)
    }
}
