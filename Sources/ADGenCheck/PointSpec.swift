/// Where `adgen check` evaluates a function: the grammar of the fixtures' `// check:`
/// directives (Fixtures/README.md, "Test directives"), also accepted by `--point`:
///
///     directive := "// check: " NAME "(" [ arg { ", " arg } ] ")"
///     arg       := [ LABEL ": " ] value
///     value     := swift-literal | "rand" | "rand(" LO "..." HI ")"
///                | "rand(" K ")" | "rand(" K ", " LO "..." HI ")"
///
/// For example: `f(x: rand(0.5...2), w: rand(4), n: 4, idx: [0, 2])`.
public struct PointSpec: Equatable, Sendable {
    /// The 1-based line of a `// check:` directive; 0 for a spec from elsewhere.
    public var line: Int
    public var function: String
    public var arguments: [Argument]

    public init(line: Int, function: String, arguments: [Argument]) {
        self.line = line
        self.function = function
        self.arguments = arguments
    }

    public struct Argument: Equatable, Sendable {
        /// nil when the argument is unlabelled (a `_` parameter).
        public var label: String?
        public var value: Value

        public init(label: String?, value: Value) {
            self.label = label
            self.value = value
        }
    }

    public enum Value: Equatable, Sendable {
        /// A Swift literal, kept as written: a number, `true`/`false`, or an array of numbers.
        case literal(Literal)
        /// `rand` (count nil, bounds -1...1), `rand(lo...hi)`, `rand(k)`, `rand(k, lo...hi)`.
        case random(count: Int?, low: String, high: String)
    }

    public enum Literal: Equatable, Sendable {
        case number(String)
        case bool(Bool)
        case array([String])

        public var spelling: String {
            switch self {
            case .number(let text): return text
            case .bool(let value): return value ? "true" : "false"
            case .array(let elements): return "[" + elements.joined(separator: ", ") + "]"
            }
        }
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var column: Int
        public var description: String { "column \(column): \(message)" }
    }

    public static let prefix = "// check:"

    /// Every directive of a file with its 1-based line number; lines that start with
    /// `// check:` but do not parse are returned as errors.
    public static func scan(_ text: String) -> (directives: [PointSpec], errors: [(line: Int, error: ParseError)]) {
        var directives: [PointSpec] = []
        var errors: [(line: Int, error: ParseError)] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix(prefix) else { continue }
            do {
                directives.append(try parse(String(line.dropFirst(prefix.count)), line: index + 1))
            } catch let error as ParseError {
                errors.append((index + 1, error))
            } catch {
                errors.append((index + 1, ParseError(message: "\(error)", column: 0)))
            }
        }
        return (directives, errors)
    }

    /// Parses the text after `// check:`.
    public static func parse(_ text: String, line: Int) throws -> PointSpec {
        var scanner = Scanner(text)
        scanner.skipSpaces()
        let name = try scanner.identifier()
        try scanner.expect("(")
        var arguments: [Argument] = []
        scanner.skipSpaces()
        if !scanner.consume(")") {
            repeat {
                scanner.skipSpaces()
                arguments.append(try argument(&scanner))
                scanner.skipSpaces()
            } while scanner.consume(",")
            try scanner.expect(")")
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { throw scanner.error("unexpected text after ')'") }
        return PointSpec(line: line, function: name, arguments: arguments)
    }

    private static func argument(_ scanner: inout Scanner) throws -> Argument {
        var label: String?
        if scanner.peekIsIdentifierStart {
            let save = scanner
            let word = try scanner.identifier()
            scanner.skipSpaces()
            if scanner.consume(":") {
                label = word
                scanner.skipSpaces()
            } else {
                scanner = save
            }
        }
        return Argument(label: label, value: try value(&scanner))
    }

    /// Parses one value, as `--param` gives it: `3`, `rand(0.5...2)`, `[1, 2]`.
    public static func parseValue(_ text: String) throws -> Value {
        var scanner = Scanner(text)
        scanner.skipSpaces()
        let parsed = try value(&scanner)
        scanner.skipSpaces()
        guard scanner.atEnd else { throw scanner.error("unexpected text after the value") }
        return parsed
    }

    private static func value(_ scanner: inout Scanner) throws -> Value {
        if scanner.peek == "[" {
            scanner.advance()
            var elements: [String] = []
            scanner.skipSpaces()
            if !scanner.consume("]") {
                repeat {
                    scanner.skipSpaces()
                    elements.append(try scanner.number())
                    scanner.skipSpaces()
                } while scanner.consume(",")
                try scanner.expect("]")
            }
            return .literal(.array(elements))
        }
        if scanner.peekIsIdentifierStart {
            let word = try scanner.identifier()
            switch word {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "rand": return try randomArguments(&scanner)
            default: throw scanner.error("expected a literal or 'rand', found '\(word)'")
            }
        }
        return .literal(.number(try scanner.number()))
    }

    /// After `rand`: nothing, `(lo...hi)`, `(k)` or `(k, lo...hi)`.
    private static func randomArguments(_ scanner: inout Scanner) throws -> Value {
        guard scanner.consume("(") else { return .random(count: nil, low: "-1", high: "1") }
        scanner.skipSpaces()
        let first = try scanner.number()
        scanner.skipSpaces()
        if scanner.consume("...") {
            scanner.skipSpaces()
            let high = try scanner.number()
            scanner.skipSpaces()
            try scanner.expect(")")
            return .random(count: nil, low: first, high: high)
        }
        guard let count = Int(first), count >= 0 else { throw scanner.error("rand(K): K must be a count, found '\(first)'") }
        if scanner.consume(")") { return .random(count: count, low: "-1", high: "1") }
        try scanner.expect(",")
        scanner.skipSpaces()
        let low = try scanner.number()
        scanner.skipSpaces()
        try scanner.expect("...")
        scanner.skipSpaces()
        let high = try scanner.number()
        scanner.skipSpaces()
        try scanner.expect(")")
        return .random(count: count, low: low, high: high)
    }

    /// A character cursor over one directive.
    private struct Scanner {
        let characters: [Character]
        var position = 0

        init(_ text: String) { characters = Array(text) }

        var atEnd: Bool { position >= characters.count }
        var peek: Character? { atEnd ? nil : characters[position] }
        var peekIsIdentifierStart: Bool { peek.map { $0.isLetter || $0 == "_" } ?? false }

        mutating func advance() { position += 1 }

        func error(_ message: String) -> ParseError {
            ParseError(message: message, column: position + 1 + PointSpec.prefix.count)
        }

        mutating func skipSpaces() {
            while peek == " " || peek == "\t" { advance() }
        }

        mutating func consume(_ token: String) -> Bool {
            let tokenCharacters = Array(token)
            guard position + tokenCharacters.count <= characters.count,
                  Array(characters[position..<(position + tokenCharacters.count)]) == tokenCharacters else {
                return false
            }
            position += tokenCharacters.count
            return true
        }

        mutating func expect(_ token: String) throws {
            guard consume(token) else { throw error("expected '\(token)'") }
        }

        mutating func identifier() throws -> String {
            guard peekIsIdentifierStart else { throw error("expected a name") }
            var name = ""
            while let c = peek, c.isLetter || c.isNumber || c == "_" {
                name.append(c)
                advance()
            }
            return name
        }

        /// A signed decimal literal: `-3`, `0.5`, `1e-8`, `2.5E+3`. A `.` only belongs
        /// to the number when a digit follows, so `1...2` reads as `1`, `...`, `2`.
        mutating func number() throws -> String {
            let start = position
            if peek == "-" || peek == "+" { advance() }
            let digitsStart = position
            skipDigits()
            guard position > digitsStart else {
                position = start
                throw error("expected a number")
            }
            if peek == ".", position + 1 < characters.count, characters[position + 1].isASCIIDigit {
                advance()
                skipDigits()
            }
            if peek == "e" || peek == "E" {
                let save = position
                advance()
                if peek == "-" || peek == "+" { advance() }
                let exponentStart = position
                skipDigits()
                if position == exponentStart { position = save }
            }
            return String(characters[start..<position])
        }

        private mutating func skipDigits() {
            while let c = peek, c.isASCIIDigit { advance() }
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
