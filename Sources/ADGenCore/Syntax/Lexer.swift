/// Turns the bytes of a `.adg` file into tokens: one pass, one switch.
///
/// The lexer never fails: unknown characters become diagnostics and are skipped.
/// For example: `x += 1e-8` lexes as `identifier(x)`, `punct(+=)`, `float(1e-8)`.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var sawNewline = true
    private var diagnostics: DiagnosticEngine

    public init(_ file: SourceFile, diagnostics: DiagnosticEngine) {
        self.bytes = file.bytes
        self.diagnostics = diagnostics
    }

    /// Lexes the whole file; the last token is always `.endOfFile`.
    public static func tokenize(_ file: SourceFile, diagnostics: inout DiagnosticEngine) -> [Token] {
        var lexer = Lexer(file, diagnostics: diagnostics)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        diagnostics = lexer.diagnostics
        return tokens
    }

    private var location: SourceLocation {
        SourceLocation(line: line, column: index - lineStart + 1, offset: index)
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        index + ahead < bytes.count ? bytes[index + ahead] : 0
    }

    private mutating func newline() {
        line += 1
        lineStart = index
        sawNewline = true
    }

    /// Skips whitespace and comments; returns a `///` doc comment line if one was found.
    private mutating func skipTrivia() -> Token? {
        while index < bytes.count {
            let c = bytes[index]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                newline()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                let start = location
                let startsLine = sawNewline
                let isDoc = peek(2) == UInt8(ascii: "/") && peek(3) != UInt8(ascii: "/")
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let text = String(decoding: bytes[min(index + 3, end)..<end], as: UTF8.self)
                index = end
                if isDoc {
                    return Token(kind: .docComment(text), location: start, startsLine: startsLine,
                                 leftBound: false, rightBound: false)
                }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                skipBlockComment()
            default:
                return nil
            }
        }
        return nil
    }

    /// Block comments nest in Swift.
    private mutating func skipBlockComment() {
        let start = location
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                if bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                    newline()
                } else {
                    index += 1
                }
            }
        }
        diagnostics.error("unterminated '/*' comment", at: start)
    }

    public mutating func next() -> Token {
        // A loop, not recursion: a run of unknown characters can be arbitrarily long.
        while true {
            if let doc = skipTrivia() { return doc }
            let start = location
            let startsLine = sawNewline
            sawNewline = false
            guard index < bytes.count else {
                return Token(kind: .endOfFile, location: start, startsLine: true, leftBound: false, rightBound: false)
            }
            let leftBound = index > 0 && !Self.isLeftDelimiter(bytes[index - 1])
            let c = bytes[index]
            let kind: Token.Kind
            if Self.isIdentifierStart(c) {
                kind = identifier()
            } else if Self.isDigit(c) {
                kind = number(start: start)
            } else if let punct = punctuation() {
                kind = .punct(punct)
            } else {
                index += 1
                if c >= 0x80 {
                    while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                    diagnostics.error("unexpected non-ASCII character; adgen names are ASCII", at: start)
                } else {
                    let shown = c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
                    diagnostics.error("unexpected character \(shown)", at: start)
                }
                // The skipped character does not change whether the next token starts a line.
                sawNewline = startsLine
                continue
            }
            let rightBound = index < bytes.count && !Self.isRightDelimiter(bytes[index])
                && !(bytes[index] == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*")))
            return Token(kind: kind, location: start, startsLine: startsLine, leftBound: leftBound, rightBound: rightBound)
        }
    }

    private mutating func identifier() -> Token.Kind {
        let start = index
        while index < bytes.count, Self.isIdentifierStart(bytes[index]) || Self.isDigit(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if text == "_" { return .punct(.underscore) }
        if let keyword = Keyword(rawValue: text) { return .keyword(keyword) }
        return .identifier(text)
    }

    /// Decimal and hexadecimal integers, decimal floats with fraction and exponent,
    /// `_` separators: the forms Swift accepts.
    private mutating func number(start: SourceLocation) -> Token.Kind {
        let begin = index
        if peek() == UInt8(ascii: "0"), peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "b") || peek(1) == UInt8(ascii: "o") {
            let radix = peek(1) == UInt8(ascii: "x") ? 16 : peek(1) == UInt8(ascii: "o") ? 8 : 2
            index += 2
            while index < bytes.count, Self.isIdentifierStart(bytes[index]) || Self.isDigit(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[begin..<index], as: UTF8.self)
            let body = text.dropFirst(2)
            guard let first = body.first, first != "_",
                  body.allSatisfy({ $0 == "_" || $0.hexDigitValue.map { $0 < radix } == true }) else {
                diagnostics.error("'\(text)' is not a valid number literal", at: start)
                return .integer("0")
            }
            return .integer(text)
        }
        var isFloat = false
        digits()
        if peek() == UInt8(ascii: "."), Self.isDigit(peek(1)) {
            isFloat = true
            index += 1
            digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let save = index
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            if Self.isDigit(peek()) {
                isFloat = true
                digits()
            } else {
                index = save
            }
        }
        // Swift reads `1abc` as one malformed literal; so do we.
        if index < bytes.count, Self.isIdentifierStart(bytes[index]) {
            while index < bytes.count, Self.isIdentifierStart(bytes[index]) || Self.isDigit(bytes[index]) { index += 1 }
            diagnostics.error("'\(String(decoding: bytes[begin..<index], as: UTF8.self))' is not a valid number literal", at: start)
            // Reported; a plain 0 keeps later stages from complaining about it again.
            return .integer("0")
        }
        let text = String(decoding: bytes[begin..<index], as: UTF8.self)
        return isFloat ? .float(text) : .integer(text)
    }

    private mutating func digits() {
        while index < bytes.count, Self.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
    }

    private mutating func punctuation() -> Punct? {
        let c = bytes[index]
        switch c {
        case UInt8(ascii: "("): index += 1; return .lParen
        case UInt8(ascii: ")"): index += 1; return .rParen
        case UInt8(ascii: "["): index += 1; return .lBracket
        case UInt8(ascii: "]"): index += 1; return .rBracket
        case UInt8(ascii: "{"): index += 1; return .lBrace
        case UInt8(ascii: "}"): index += 1; return .rBrace
        case UInt8(ascii: ","): index += 1; return .comma
        case UInt8(ascii: ":"): index += 1; return .colon
        case UInt8(ascii: ";"): index += 1; return .semicolon
        case UInt8(ascii: "@"): index += 1; return .at
        default: break
        }
        guard Self.isOperatorCharacter(c) else { return nil }
        // Swift lexes a maximal run of operator characters as one operator,
        // ending before a comment opener (`x+/* c */1` is `x + 1`).
        let begin = index
        func startsComment() -> Bool {
            bytes[index] == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))
        }
        if c == UInt8(ascii: ".") {
            while index < bytes.count, Self.isOperatorCharacter(bytes[index]) || bytes[index] == UInt8(ascii: "."),
                  !startsComment() { index += 1 }
        } else {
            while index < bytes.count, Self.isOperatorCharacter(bytes[index]), !startsComment() { index += 1 }
        }
        let text = String(decoding: bytes[begin..<index], as: UTF8.self)
        return Punct(rawValue: text) ?? .otherOperator
    }

    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    static func isOperatorCharacter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Characters after which an operator is not left-bound (Swift's rule).
    static func isLeftDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "("),
             UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// Characters before which an operator is not right-bound (Swift's rule).
    static func isRightDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ")"),
             UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }
}
