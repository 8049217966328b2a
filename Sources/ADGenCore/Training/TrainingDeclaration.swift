/// A training declaration of the contract (section 7): a loss `L`, its weights
/// parameter, an optimizer and an optional validation function `V`, as the user
/// wrote them — on the command line (`--train L --weights w --optimizer adam
/// --validation V`) or as an entry of `"training"` in `adgen-config.json`.
///
/// Names are kept as written; ``TrainingValidation`` checks them against the typed IR
/// module and reports problems as ``TrainingIssue``s at the declaration's ``origin``.
public struct TrainingDeclaration: Sendable {
    /// The parts of a declaration, each with its own position.
    public enum Field: String, CaseIterable, Sendable {
        case loss, weights, optimizer, validation

        /// The command-line option that gives the field.
        public var option: String {
            switch self {
            case .loss: return "--train"
            case .weights: return "--weights"
            case .optimizer: return "--optimizer"
            case .validation: return "--validation"
            }
        }
    }

    /// Where the declaration was written, so its errors are reported there.
    public enum Origin: Sendable {
        /// `adgen generate --train ...`.
        case commandLine
        /// An entry of a configuration file, with the position of each field's value.
        case configuration(file: SourceFile, positions: [Field: SourceLocation])
    }

    public var loss: String
    public var weights: String
    /// The optimizer's name as written (`adam`); ``Optimizer`` once validated.
    public var optimizer: String
    public var validation: String?
    public var origin: Origin

    public init(loss: String, weights: String, optimizer: String, validation: String? = nil,
                origin: Origin = .commandLine) {
        self.loss = loss
        self.weights = weights
        self.optimizer = optimizer
        self.validation = validation
        self.origin = origin
    }

    /// The text of a field as written (empty for a missing validation).
    public func value(of field: Field) -> String {
        switch field {
        case .loss: return loss
        case .weights: return weights
        case .optimizer: return optimizer
        case .validation: return validation ?? ""
        }
    }
}

/// A problem with a ``TrainingDeclaration``: a message about one of its fields.
public struct TrainingIssue: Sendable {
    public var declaration: TrainingDeclaration
    public var field: TrainingDeclaration.Field
    public var message: String

    /// The issue, to be placed at `field` of `declaration`.
    static func error(_ message: String, at field: TrainingDeclaration.Field,
                      of declaration: TrainingDeclaration) -> TrainingIssue {
        TrainingIssue(declaration: declaration, field: field, message: message)
    }

    /// `error: --optimizer adamm: message` for the command line; the configuration
    /// file's `path:line:col: error: message`, source line and caret otherwise.
    public var rendered: String {
        switch declaration.origin {
        case .commandLine:
            return "error: \(field.option) \(declaration.value(of: field)): \(message)"
        case let .configuration(file, positions):
            guard let location = positions[field] ?? positions[.loss] else { return "\(file.path): error: \(message)" }
            return Diagnostic(.error, message, at: location).rendered(in: file)
        }
    }
}

extension TrainingDeclaration {
    /// The declaration spelled as command-line words, `--train L --weights w --optimizer o
    /// [--validation V]` in any order; nil unless loss, weights and optimizer are all given.
    /// Fixtures carry their declarations this way, in a `// adgen: --train ...` line that
    /// `make golden` passes to adgen and the golden and compiled-fixture tests read.
    ///
    /// For example: `TrainingDeclaration(arguments: ["--train", "L", "--weights", "w", "--optimizer", "sgd"])`.
    public init?(arguments: [String]) {
        var values: [Field: String] = [:]
        var words = arguments[...]
        while let flag = words.popFirst() {
            guard let field = Field.allCases.first(where: { $0.option == flag }), let value = words.popFirst() else { return nil }
            values[field] = value
        }
        guard let loss = values[.loss], let weights = values[.weights], let optimizer = values[.optimizer] else { return nil }
        self.init(loss: loss, weights: weights, optimizer: optimizer, validation: values[.validation])
    }

    /// The declarations of a source text's `// adgen: ` lines (fixtures; see ``init(arguments:)``).
    public static func declarations(inHeaderOf text: String) -> [TrainingDeclaration] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(headerPrefix) else { return nil }
            return TrainingDeclaration(arguments: line.dropFirst(headerPrefix.count).split(separator: " ").map(String.init))
        }
    }

    /// `// adgen: `, the start of a fixture's option line.
    public static let headerPrefix = "// adgen: "
}
