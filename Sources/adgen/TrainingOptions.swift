import ADGenCore
import ArgumentParser
import Foundation

/// `--train L --weights w --optimizer adam [--validation V]`: one training declaration
/// from the command line, for `adgen generate` and `adgen check` (several go into
/// adgen-config.json's `training`). The names are checked against the program by the
/// compiler (``TrainingValidation``).
struct TrainingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Generate a training loop for this loss function (with --weights and --optimizer).",
                               valueName: "loss"))
    var train: String?

    @Option(help: ArgumentHelp("The [Double] parameter of the --train loss that the optimizer updates.", valueName: "param"))
    var weights: String?

    @Option(help: ArgumentHelp("The optimizer of --train.", valueName: Optimizer.allCases.map(\.rawValue).joined(separator: "|")))
    var optimizer: String?

    @Option(help: ArgumentHelp("A validation function for --train (sharing parameters with the loss by name).",
                               valueName: "function"))
    var validation: String?

    /// The command line's declaration, if any; an incomplete one is an error (exit status 1).
    func declarations() throws -> [TrainingDeclaration] {
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
}
