/// Recursive-descent parser for the adgen language: tokens in, ``Syntax/File`` out.
///
/// One short method per grammar rule. Errors are reported through `expect(_:_:)` with the
/// message at the call site; after an error the parser skips to the next statement
/// and goes on, so one run reports several problems.
public struct Parser {
    var tokens: [Token]
    var position = 0
    var diagnostics: DiagnosticEngine
    /// Set after an error until the parser resynchronises at a statement boundary.
    var panicking = false
    var blockDepth = 0
    /// Current recursion depth of expression parsing.
    var expressionDepth = 0
    /// Set while parsing the header of an `if`, `while`, `for` or `switch`: a `{` after a
    /// call there opens the body, as in Swift, and is not a trailing closure.
    var inStatementHeader = false
    /// The later declarations of `let a = 1, b = 2`, which the block takes after the first.
    var pendingDeclarations: [Syntax.Statement] = []

    /// Nesting limits: deeper input is rejected with a diagnostic instead of
    /// risking a stack overflow in a later stage.
    static let maxExpressionHeight = 200
    static let maxBlockDepth = 48

    public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticEngine) -> Syntax.File {
        let tokens = Lexer.tokenize(file, diagnostics: &diagnostics)
        var parser = Parser(tokens: tokens, diagnostics: diagnostics)
        let result = parser.parseFile()
        diagnostics = parser.diagnostics
        return result
    }

    // MARK: Token helpers

    var current: Token { tokens[position] }
    var previous: Token { tokens[max(0, position - 1)] }

    func peek(_ ahead: Int) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() -> Token {
        let token = current
        if !atEnd { position += 1 }
        return token
    }

    func check(_ punct: Punct) -> Bool { current.kind == .punct(punct) }
    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    mutating func match(_ punct: Punct) -> Bool {
        guard check(punct) else { return false }
        _ = advance()
        return true
    }

    mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        _ = advance()
        return true
    }

    /// Consumes `punct` or reports `message` (once per statement) at the current token.
    @discardableResult
    mutating func expect(_ punct: Punct, _ message: String) -> Bool {
        if match(punct) { return true }
        error(message)
        return false
    }

    mutating func expectIdentifier(_ message: String) -> (String, SourceLocation)? {
        if case .identifier(let name) = current.kind {
            let token = advance()
            return (name, token.location)
        }
        error(message)
        return nil
    }

    /// Reports at the current token, mentioning what was found.
    mutating func error(_ message: String) {
        error(message + ", found \(current.kind.display)", at: current.location)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        guard !panicking else { return }
        diagnostics.error(message, at: location)
        panicking = true
    }

    /// Skips to the start of the next statement at this nesting level.
    mutating func synchronize() {
        var depth = 0
        while !atEnd {
            if depth == 0, check(.rBrace) { break }
            let token = advance()
            if token.kind == .punct(.lBrace) { depth += 1 }
            if token.kind == .punct(.rBrace) { depth -= 1 }
            if depth <= 0, current.startsLine || check(.semicolon) {
                if depth == 0 { break }
                if depth < 0 { depth = 0 }
            }
        }
        panicking = false
    }

    // MARK: File and declarations

    mutating func parseFile() -> Syntax.File {
        var functions: [Syntax.Function] = []
        var doc: [String] = []
        var attribute: Syntax.DifferentiableAttribute?
        while !atEnd {
            if case .docComment(let line) = current.kind {
                _ = advance()
                doc.append(line)
                continue
            }
            if check(.at) {
                attribute = parseAttribute()
            } else if check(.func) {
                if let function = parseFunction(doc: doc, attribute: attribute) { functions.append(function) }
                doc = []
                attribute = nil
            } else {
                topLevelError()
            }
            if panicking { synchronizeTopLevel() }
        }
        if let attribute, !panicking {
            diagnostics.error("attribute must be followed by a 'func' declaration", at: attribute.location)
        }
        return Syntax.File(functions: functions)
    }

    mutating func topLevelError() {
        if case .keyword(let keyword) = current.kind, keyword != .func {
            let what = keyword == .import ? "'import' (a .adg file holds only functions; Foundation is implied)"
                : "top-level '\(keyword.rawValue)'"
            error("unsupported in adgen: \(what)", at: current.location)
        } else {
            error("expected 'func' declaration at top level")
        }
    }

    /// After a top-level error: skip to the next `func`, `@` or doc comment at line start.
    mutating func synchronizeTopLevel() {
        while !atEnd {
            _ = advance()
            if current.startsLine {
                switch current.kind {
                case .keyword(.func), .punct(.at), .docComment: panicking = false; return
                default: break
                }
            }
        }
        panicking = false
    }

    mutating func parseAttribute() -> Syntax.DifferentiableAttribute? {
        let at = advance()
        guard case .identifier("differentiable") = current.kind else {
            error("unsupported attribute; adgen accepts only '@differentiable(reverse, wrt: ...)'", at: current.location)
            return nil
        }
        _ = advance()
        var attribute = Syntax.DifferentiableAttribute(wrt: nil, location: at.location)
        guard expect(.lParen, "expected '(' after '@differentiable'") else { return nil }
        guard case .identifier("reverse") = current.kind else {
            error("expected 'reverse' in '@differentiable(reverse, wrt: ...)'")
            return nil
        }
        _ = advance()
        if match(.comma) {
            guard case .identifier("wrt") = current.kind else {
                error("expected 'wrt:' in '@differentiable(reverse, wrt: ...)'")
                return nil
            }
            _ = advance()
            guard expect(.colon, "expected ':' after 'wrt'") else { return nil }
            var names: [(String, SourceLocation)] = []
            if match(.lParen) {
                repeat {
                    guard let name = expectIdentifier("expected a parameter name in 'wrt:'") else { return nil }
                    names.append(name)
                } while match(.comma)
                guard expect(.rParen, "expected ')' to close the 'wrt:' list") else { return nil }
            } else {
                guard let name = expectIdentifier("expected a parameter name after 'wrt:'") else { return nil }
                names.append(name)
            }
            attribute.wrt = names.map { (name: $0.0, location: $0.1) }
        }
        guard expect(.rParen, "expected ')' to close '@differentiable('") else { return nil }
        return attribute
    }

    mutating func parseFunction(doc: [String], attribute: Syntax.DifferentiableAttribute?) -> Syntax.Function? {
        _ = advance()  // func
        guard let (name, location) = expectIdentifier("expected function name after 'func'") else { return nil }
        if check(.less) {
            error("unsupported in adgen: generic functions", at: current.location)
            return nil
        }
        guard expect(.lParen, "expected '(' after function name") else { return nil }
        var parameters: [Syntax.Parameter] = []
        if !check(.rParen) {
            repeat {
                guard let parameter = parseParameter() else { return nil }
                parameters.append(parameter)
            } while match(.comma)
        }
        guard expect(.rParen, "expected ')' to close the parameter list") else { return nil }
        if check(.throws) {
            error("unsupported in adgen: 'throws'", at: current.location)
            return nil
        }
        var result: Syntax.TypeName?
        let resultLocation = current.location
        if match(.arrow) {
            guard let type = parseType() else { return nil }
            result = type
        }
        guard check(.lBrace) else {
            error("expected '{' to start the function body")
            return nil
        }
        var (body, closing) = parseBlock()
        // A body of one expression returns it, as in Swift: `{ x * x }`.
        if result != nil, body.count == 1, case .expression(let value) = body[0].kind {
            if case .append = value.kind {} else { body = [Syntax.Statement(kind: .returnValue(value), location: body[0].location)] }
        }
        return Syntax.Function(name: name, location: location, docComment: doc, attribute: attribute,
                               parameters: parameters, result: result, resultLocation: resultLocation,
                               body: body, closingBrace: closing)
    }

    /// `x: Double`, `at x: Double`, `_ x: [Double]`.
    mutating func parseParameter() -> Syntax.Parameter? {
        let start = current.location
        var label: String?
        var name: String
        if match(.underscore) {
            guard let (n, _) = expectIdentifier("expected parameter name after '_'") else { return nil }
            name = n
        } else {
            guard let (first, _) = expectIdentifier("expected parameter name") else { return nil }
            if case .identifier(let second) = current.kind {
                _ = advance()
                label = first
                name = second
            } else if check(.underscore) {
                _ = advance()
                error("unsupported in adgen: '_' as an internal parameter name", at: previous.location)
                return nil
            } else {
                label = first
                name = first
            }
        }
        guard expect(.colon, "expected ':' and a type after parameter name") else { return nil }
        let isInout = match(.inout)
        guard let type = parseType() else { return nil }
        if check(.assign) {
            error("unsupported in adgen: default argument values", at: current.location)
            return nil
        }
        return Syntax.Parameter(label: label, name: name, type: type, location: start, isInout: isInout)
    }

    /// `Double`, `Int`, `Bool`, `[Double]`, `[Int]` (other names are checked by sema).
    mutating func parseType() -> Syntax.TypeName? {
        let location = current.location
        if match(.lBracket) {
            guard let (name, _) = expectIdentifier("expected element type after '['") else { return nil }
            guard expect(.rBracket, "expected ']' after array element type") else { return nil }
            return Syntax.TypeName(name: name, isArray: true, location: location)
        }
        if check(.lParen) {
            error("unsupported in adgen: tuple types", at: location)
            return nil
        }
        guard let (name, _) = expectIdentifier("expected a type") else { return nil }
        if check(.question) || check(.not) {
            error("unsupported in adgen: optional types", at: current.location)
            return nil
        }
        return Syntax.TypeName(name: name, isArray: false, location: location)
    }
}
