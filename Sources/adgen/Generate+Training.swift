import ADGenCore
import ArgumentParser
import Foundation

/// Training declarations across inputs and the config (``TrainingOptions`` reads the
/// command line's).
extension Generate {
    func commandLineTraining() throws -> [TrainingDeclaration] { try training.declarations() }

    /// The config's declarations for this run: those whose loss another `.adg` file of the
    /// target (`--config-scope`) defines belong to that file's run.
    static func trainingForInputs(_ declarations: [TrainingDeclaration], inputs: [String],
                                  scope: [String]) -> [TrainingDeclaration] {
        guard !scope.isEmpty, !declarations.isEmpty else { return declarations }
        let here = Set(signatures(in: inputs).keys)
        let elsewhere = Set(signatures(in: scope).keys)
        return declarations.filter { here.contains($0.loss) || !elsewhere.contains($0.loss) }
    }

    /// With one output file per input, each input gets the declarations of the losses it
    /// defines; those no input defines are returned as errors naming every input.
    static func assignTraining(_ sources: inout [(file: SourceFile, options: Pipeline.Options)]) -> [TrainingIssue] {
        guard let declarations = sources.first?.options.training, !declarations.isEmpty else { return [] }
        var unclaimed = Set(declarations.indices)
        var functions: [String] = []
        for index in sources.indices {
            let defined = signatures(in: [sources[index].file.path]).keys.sorted()
            functions += defined
            let claimed = declarations.indices.filter { defined.contains(declarations[$0].loss) }
            unclaimed.subtract(claimed)
            sources[index].options.training = claimed.map { declarations[$0] }
        }
        return unclaimed.sorted().map {
            TrainingValidation.missingLoss(declarations[$0], fileNames: sources.map { Pipeline.baseName($0.file.path) },
                                           functions: functions)
        }
    }
}
