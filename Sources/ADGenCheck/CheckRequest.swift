import ADGenCore

/// What the user asked `adgen check` to check, beyond the files.
public struct CheckRequest: Sendable {
    /// Only these functions (all when empty).
    public var functions: [String]
    /// `--point` specs; for a function named here, they replace its `// check:` lines.
    public var points: [PointSpec]
    /// `--param` values, applied to every spec of the functions they match.
    public var parameters: [ParameterValue]
    public var wrt: [Sema.WrtOverride]
    /// Training declarations (besides each file's `// adgen:` lines); those with a
    /// validation function get their hypergradient checked.
    public var training: [TrainingDeclaration]

    public init(functions: [String] = [], points: [PointSpec] = [], parameters: [ParameterValue] = [],
                wrt: [Sema.WrtOverride] = [], training: [TrainingDeclaration] = []) {
        self.functions = functions
        self.points = points
        self.parameters = parameters
        self.wrt = wrt
        self.training = training
    }
}

/// `--param [function.]name=value`: one parameter's value in every spec, e.g.
/// `n=4`, `x=rand(1...2)`, `loss.w=rand(4, -1...1)`.
public struct ParameterValue: Equatable, Sendable {
    public var function: String?
    public var name: String
    public var value: PointSpec.Value

    public init(function: String?, name: String, value: PointSpec.Value) {
        self.function = function
        self.name = name
        self.value = value
    }

    public static func parse(_ text: String) throws -> ParameterValue {
        guard let equals = text.firstIndex(of: "=") else {
            throw CheckInputError("--param '\(text)': expected [function.]name=value")
        }
        let target = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(target.count), target.allSatisfy(isIdentifier) else {
            throw CheckInputError("--param '\(text)': expected [function.]name=value")
        }
        do {
            let value = try PointSpec.parseValue(String(text[text.index(after: equals)...]))
            return ParameterValue(function: target.count == 2 ? target[0] : nil, name: target.last!, value: value)
        } catch let error as PointSpec.ParseError {
            throw CheckInputError("--param '\(text)': \(error.message)")
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

/// Input `adgen check` cannot use: bad files, specs or options. Each message is one line
/// (a `path:line: error: …` when it has a place).
public struct CheckInputError: Error, CustomStringConvertible, Sendable {
    public var messages: [String]

    public init(_ message: String) { messages = [message] }
    public init(messages: [String]) { self.messages = messages }

    public var description: String { messages.joined(separator: "\n") }
}
