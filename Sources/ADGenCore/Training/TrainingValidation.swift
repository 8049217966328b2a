/// Checks ``TrainingDeclaration``s against the typed IR module of the file that
/// defines the loss, and turns each valid one into a ``TrainingPlan``.
///
/// Every error of the contract (section 7) is a ``TrainingIssue`` at the field it is
/// about: a missing function or weights parameter, weights that are not `[Double]`, a
/// validation function whose shared parameter has another type, an unknown optimizer,
/// and a parameter named like `steps`, `method` or a hyperparameter label.
public enum TrainingValidation {
    /// The plan for `declaration`, whose loss `module` defines, or the problems found.
    /// `taken` holds names already generated or defined (by other declarations and files).
    public static func plan(_ declaration: TrainingDeclaration, in module: IR.Module, fileName: String,
                            taken: Set<String> = []) -> (plan: TrainingPlan?, issues: [TrainingIssue]) {
        var issues: [TrainingIssue] = []
        func error(_ message: String, at field: TrainingDeclaration.Field) {
            issues.append(.error(message, at: field, of: declaration))
        }
        guard let loss = module.function(named: declaration.loss) else {
            return (nil, [missingLoss(declaration, fileNames: [fileName], functions: module.functions.map(\.name))])
        }
        if loss.resultType != .double {
            error("the loss '\(loss.name)' returns \(loss.resultType); a training loss must return Double", at: .loss)
        }
        let weights = checkWeights(declaration, of: loss, issues: &issues)
        guard let optimizer = Optimizer(rawValue: declaration.optimizer) else {
            let names = Optimizer.allCases.map(\.rawValue)
            error("unknown optimizer '\(declaration.optimizer)'\(Suggestion.text(for: declaration.optimizer, among: names)); "
                      + "optimizers are \(names.joined(separator: ", "))", at: .optimizer)
            return (nil, issues)
        }
        let validation = checkValidation(declaration, loss: loss, in: module, fileName: fileName, issues: &issues)
        let step = loss.parameters.first { $0.name == "step" && $0.type == .int }
        let generated = Naming.training(loss.name, optimizer: optimizer)
        for function in [loss] + (validation.map { [$0] } ?? []) {
            checkClashes(function.parameters.filter { $0.name != step?.name }, of: function.name, with: optimizer,
                         generated: generated, declaration: declaration, issues: &issues)
        }
        checkGeneratedNames(declaration, optimizer: optimizer, module: module, fileName: fileName, taken: taken,
                            issues: &issues)
        guard issues.isEmpty, let weights else { return (nil, issues) }
        return (TrainingPlan(declaration: declaration, loss: loss, weights: weights, optimizer: optimizer,
                             validation: validation, stepParameter: step), [])
    }

    /// The loss names no function of any input.
    public static func missingLoss(_ declaration: TrainingDeclaration, fileNames: [String],
                                   functions: [String]) -> TrainingIssue {
        .error("no function named '\(declaration.loss)' in \(fileNames.joined(separator: ", "))"
                   + Suggestion.text(for: declaration.loss, among: functions), at: .loss, of: declaration)
    }

    /// The weights parameter: present, `[Double]`, and not named like the `loss` result.
    static func checkWeights(_ declaration: TrainingDeclaration, of loss: IR.Function,
                             issues: inout [TrainingIssue]) -> IR.Parameter? {
        func error(_ message: String) { issues.append(.error(message, at: .weights, of: declaration)) }
        guard let weights = loss.parameters.first(where: { $0.name == declaration.weights }) else {
            let hint = loss.parameters.first { $0.label == declaration.weights }
                .map { " ('\(declaration.weights)' is the label of '\($0.name)'; give the parameter name)" }
                ?? "; its parameters are \(loss.parameters.map(\.name).joined(separator: ", "))"
            error("'\(loss.name)' has no parameter named '\(declaration.weights)'\(hint)")
            return nil
        }
        guard weights.type == .doubleArray else {
            error("the weights '\(weights.name)' of '\(loss.name)' have type \(weights.type); the weights must be [Double]")
            return nil
        }
        guard weights.name != "loss" else {
            error("weights named 'loss' would give the training function two results labelled 'loss'; rename the parameter")
            return nil
        }
        return weights
    }

    /// The validation function: in the same file, returning `Double`, sharing parameters by type.
    static func checkValidation(_ declaration: TrainingDeclaration, loss: IR.Function, in module: IR.Module,
                                fileName: String, issues: inout [TrainingIssue]) -> IR.Function? {
        guard let name = declaration.validation else { return nil }
        func error(_ message: String) { issues.append(.error(message, at: .validation, of: declaration)) }
        guard let validation = module.function(named: name) else {
            error("no function named '\(name)' in \(fileName), the file that defines '\(loss.name)'"
                      + Suggestion.text(for: name, among: module.functions.map(\.name)))
            return nil
        }
        if validation.resultType != .double {
            error("the validation function '\(name)' returns \(validation.resultType); it must return Double")
        }
        if !validation.parameters.contains(where: { $0.name == declaration.weights }) {
            error("the validation function '\(name)' has no parameter named '\(declaration.weights)'; it must take the "
                      + "weights of '\(loss.name)' under the same name")
        }
        for parameter in validation.parameters {
            guard let shared = loss.parameters.first(where: { $0.name == parameter.name }),
                  shared.type != parameter.type else { continue }
            error("'\(name)' and '\(loss.name)' share the parameter '\(parameter.name)', of type \(parameter.type) in "
                      + "'\(name)' and \(shared.type) in '\(loss.name)'; a shared parameter must have one type")
        }
        return validation
    }

    /// Names and labels of `parameters` must differ from `steps`, `method` and the hyperparameter labels.
    static func checkClashes(_ parameters: [IR.Parameter], of function: String, with optimizer: Optimizer,
                             generated: String, declaration: TrainingDeclaration, issues: inout [TrainingIssue]) {
        let field: TrainingDeclaration.Field = function == declaration.loss ? .loss : .validation
        var reserved = [("steps", "the 'steps:' argument"), ("method", "the 'method:' argument")]
        reserved += optimizer.hyperparameters.map { ($0.label, "the hyperparameter '\($0.label):' of \(optimizer.typeName)") }
        for (name, role) in reserved {
            guard let parameter = parameters.first(where: { $0.name == name || $0.label == name }) else { continue }
            let what = parameter.name == name ? "named" : "labelled"
            issues.append(.error("'\(function)' has a parameter \(what) '\(name)', which clashes with \(role) of "
                                     + "'\(generated)'; rename it", at: field, of: declaration))
        }
    }

    /// `LOpt` and its state type must be new names.
    static func checkGeneratedNames(_ declaration: TrainingDeclaration, optimizer: Optimizer, module: IR.Module,
                                    fileName: String, taken: Set<String>, issues: inout [TrainingIssue]) {
        let function = Naming.training(declaration.loss, optimizer: optimizer)
        let state = Naming.trainingState(declaration.loss, optimizer: optimizer)
        if taken.contains(function) {
            issues.append(.error("another training declaration already trains '\(declaration.loss)' with "
                                     + "\(optimizer.rawValue), generating '\(function)'; declare each loss and optimizer once",
                                 at: .optimizer, of: declaration))
            return
        }
        for name in [function, state] where module.function(named: name) != nil {
            issues.append(.error("the generated '\(name)' has the name of a function of \(fileName); rename that function",
                                 at: .optimizer, of: declaration))
        }
    }
}
