/// `break`, `continue`, `repeat … while`, `guard … else` and loop labels: the
/// statements ``EarlyExitLowering`` turns into structured code.
extension Parser {
    /// `break`, `break label`, `continue`, `continue label`.
    mutating func parseJump() -> Syntax.Statement {
        let token = advance()
        var label: String?
        if case .identifier(let name) = current.kind, !current.startsLine {
            _ = advance()
            label = name
        }
        let kind: Syntax.Statement.Kind = token.kind == .keyword(.break) ? .breakLoop(label: label) : .continueLoop(label: label)
        return Syntax.Statement(kind: kind, location: token.location)
    }

    /// `repeat { body } while condition`.
    mutating func parseRepeat() -> Syntax.Statement {
        let location = advance().location
        let (body, _) = parseBlock()
        guard match(.while) else {
            error("expected 'while' after 'repeat { … }'")
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let condition = parseExpression()
        return Syntax.Statement(kind: .repeatWhile(body: body, condition: condition), location: location)
    }

    /// `guard condition else { body }`.
    mutating func parseGuard() -> Syntax.Statement {
        let location = advance().location
        if check(.let) || check(.var) {
            error("unsupported in adgen: 'guard let' (adgen has no optionals)", at: current.location)
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let condition = parseExpression()
        guard match(.else) else {
            error("expected 'else' after 'guard' condition")
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let (body, _) = parseBlock()
        return Syntax.Statement(kind: .guardElse(condition: condition, body: body), location: location)
    }

    /// `label: for …`, `label: while …`, `label: repeat …`.
    mutating func parseLabelled() -> Syntax.Statement {
        let location = current.location
        guard case .identifier(let label) = advance().kind else { preconditionFailure("called on an identifier") }
        _ = advance()
        guard check(.for) || check(.while) || check(.repeat) || check(.switch) else {
            error("unsupported in adgen: a label here; labels name 'for', 'while' and 'repeat' loops and 'switch'")
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let loop = parseStatement()
        return Syntax.Statement(kind: .labelled(label: label, loop: loop), location: location)
    }

    /// `switch subject { case v1, v2: statements … default: statements }`.
    mutating func parseSwitch() -> Syntax.Statement {
        let location = advance().location
        let subject = parseHeader { $0.parseExpression() }
        guard expect(.lBrace, "expected '{' after 'switch' subject") else {
            return Syntax.Statement(kind: .invalid, location: location)
        }
        var cases: [Syntax.SwitchCase] = []
        var defaultBody: [Syntax.Statement]?
        while !check(.rBrace), !atEnd {
            let caseLocation = current.location
            if match(.default) {
                guard expect(.colon, "expected ':' after 'default'") else { break }
                if defaultBody != nil { error("additional 'default' blocks cannot appear after the first", at: caseLocation) }
                defaultBody = parseCaseBody(at: caseLocation)
            } else if match(.case) {
                var values: [Syntax.Expression] = []
                repeat {
                    values.append(parseExpression())
                } while match(.comma) && !panicking
                guard expect(.colon, "expected ':' after the 'case' values") else { break }
                if defaultBody != nil { error("'case' after 'default' will never be executed", at: caseLocation) }
                cases.append(Syntax.SwitchCase(values: values, body: parseCaseBody(at: caseLocation), location: caseLocation))
            } else {
                error("expected 'case' or 'default' in a 'switch'")
                skipToMatchingBrace()
                return Syntax.Statement(kind: .invalid, location: location)
            }
        }
        if !match(.rBrace) { diagnostics.error("expected '}' to close the 'switch'", at: current.location) }
        return Syntax.Statement(kind: .switchCases(subject: subject, cases: cases, default: defaultBody), location: location)
    }

    /// The statements of one `case`, up to the next `case`, `default` or `}`.
    mutating func parseCaseBody(at location: SourceLocation) -> [Syntax.Statement] {
        var statements: [Syntax.Statement] = []
        while !check(.rBrace), !check(.case), !check(.default), !atEnd {
            if match(.semicolon) { continue }
            if case .docComment = current.kind {
                _ = advance()
                continue
            }
            let start = position
            statements.append(parseStatement())
            statements += pendingDeclarations
            pendingDeclarations = []
            if panicking {
                if position > start, current.startsLine { panicking = false } else { synchronize() }
            }
        }
        if statements.isEmpty {
            error("'case' label in a 'switch' must have at least one executable statement", at: location)
        }
        return statements
    }
}
