/// One lexical token of a `.adg` file.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case keyword(Keyword)
        case integer(String)
        case float(String)
        case punct(Punct)
        case docComment(String)
        case endOfFile
    }

    public var kind: Kind
    public var location: SourceLocation
    /// True when a line break separates this token from the previous one.
    public var startsLine: Bool
    /// Swift's operator binding rules: an operator is *left-bound* when no whitespace
    /// (or opening delimiter) precedes it and *right-bound* when none follows it.
    /// Binary operators are bound on both sides or on neither.
    public var leftBound: Bool
    public var rightBound: Bool
}

public enum Keyword: String, Sendable, CaseIterable {
    case `func`, `let`, `var`, `for`, `in`, `while`, `if`, `else`, `return`
    case `true`, `false`
    case `break`, `continue`, `guard`, `switch`, `case`, `default`, `fallthrough`, `repeat`
    // Swift keywords adgen does not support, recognised for clear messages.
    case `struct`, `class`, `enum`, `import`
    case `defer`, `do`, `throw`, `throws`, `try`, `inout`, `static`
    case `protocol`, `extension`, `typealias`, `init`, `self`, `nil`, `as`, `is`
}

public enum Punct: String, Sendable, CaseIterable {
    case lParen = "(", rParen = ")", lBracket = "[", rBracket = "]", lBrace = "{", rBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", arrow = "->", at = "@"
    case question = "?", underscore = "_"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case assign = "=", plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case percentAssign = "%="
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&&", or = "||", not = "!", ampersand = "&"
    case halfOpen = "..<", closed = "..."
    /// Any other operator character sequence Swift would accept (`&+`, `<<`, `??` ...).
    case otherOperator = "<operator>"
}

extension Token.Kind {
    /// How the token reads in a message: `'foo'`, `'+'`, `end of file`.
    public var display: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .integer(let text), .float(let text): return "'\(text)'"
        case .punct(let punct): return "'\(punct.rawValue)'"
        case .docComment: return "doc comment"
        case .endOfFile: return "end of file"
        }
    }
}
