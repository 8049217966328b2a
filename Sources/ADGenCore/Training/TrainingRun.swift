/// The training declarations of one compilation, across its inputs: each applies to
/// the input that defines its loss; a loss no input defines is an error at the end.
struct TrainingRun {
    let declarations: [TrainingDeclaration]
    private var matched: Set<Int> = []
    private var issues: [TrainingIssue] = []
    private var functionNames: [String] = []
    private var taken: Set<String> = []

    init(declarations: [TrainingDeclaration]) { self.declarations = declarations }

    /// The valid plans of the declarations whose loss `module` defines.
    mutating func plans(for module: IR.Module, fileName: String) -> [TrainingPlan] {
        functionNames += module.functions.map(\.name)
        for (index, declaration) in declarations.enumerated() where module.function(named: declaration.loss) != nil {
            matched.insert(index)
        }
        let result = Training.plans(for: declarations, in: module, fileName: fileName, taken: &taken)
        issues += result.issues
        return result.plans
    }

    /// Every problem found, with the losses no input defines (unless an input had
    /// errors: its functions are unknown then).
    func finish(fileNames: [String], inputsFailed: Bool) -> [TrainingIssue] {
        guard !inputsFailed else { return issues }
        let missing = declarations.indices.filter { !matched.contains($0) }.map {
            TrainingValidation.missingLoss(declarations[$0], fileNames: fileNames, functions: functionNames)
        }
        return issues + missing
    }
}
