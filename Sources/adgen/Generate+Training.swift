import ADGenCore
import ArgumentParser
import Foundation

/// `--train L --weights w --optimizer adam [--validation V]`: one training declaration
/// from the command line (several go into adgen-config.json's `training`). The names
/// are checked against the program by the compiler (``TrainingValidation``).
extension Generate {
    /// The command line's declaration, if any; an incomplete one is an error (exit status 1).
    func commandLineTraining() throws -> [TrainingDeclaration] {
        guard let train else {
            let stray = [("--weights", weights), ("--optimizer", optimizer), ("--validation", validation)]
                .first { $0.1 != nil }
            if let (option, _) = stray { try Self.fail("error: \(option) needs --train: give the loss to train") }
            return []
        }
        guard let weights, let optimizer else {
            let missing = [weights == nil ? "--weights" : nil, optimizer == nil ? "--optimizer" : nil].compactMap { $0 }
            try Self.fail("error: --train \(train): needs \(missing.joined(separator: " and ")) as well")
            return []
        }
        return [TrainingDeclaration(loss: train, weights: weights, optimizer: optimizer, validation: validation)]
    }

    /// The config's declarations for this run: those whose loss another `.adg` file of the
    /// target (`--config-scope`) defines belong to that file's run.
    static func trainingForInputs(_ declarations: [TrainingDeclaration], inputs: [String],
                                  scope: [String]) -> [TrainingDeclaration] {
        guard !scope.isEmpty, !declarations.isEmpty else { return declarations }
        let here = Set(signatures(in: inputs).keys)
        let elsewhere = Set(signatures(in: scope).keys)
        return declarations.filter { here.contains($0.loss) || !elsewhere.contains($0.loss) }
    }

    static func fail(_ message: String) throws {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(1)
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
