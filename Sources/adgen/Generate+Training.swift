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

    static func fail(_ message: String) throws {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(1)
    }

    /// With one output file per input, each input gets the declarations of the losses it
    /// defines; those no input defines go to the first, which reports them missing.
    static func assignTraining(_ sources: inout [(file: SourceFile, options: Pipeline.Options)]) {
        guard let declarations = sources.first?.options.training, !declarations.isEmpty else { return }
        var unclaimed = declarations.indices.map { _ in true }
        for index in sources.indices {
            let defined = Set(signatures(in: [sources[index].file.path]).keys)
            let claimed = declarations.indices.filter { defined.contains(declarations[$0].loss) }
            for claim in claimed { unclaimed[claim] = false }
            sources[index].options.training = claimed.map { declarations[$0] }
        }
        sources[0].options.training += declarations.indices.filter { unclaimed[$0] }.map { declarations[$0] }
    }
}
