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
                let values = parseCaseValues()
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

    /// The values of one `case`, up to its `:`. Patterns Swift has and adgen does not
    /// (`case 0...2`, `case let k where k > 9`, `case 1 where c`) are reported as
    /// unsupported and skipped to the `:`, so the rest of the `switch` still parses.
    mutating func parseCaseValues() -> [Syntax.Expression] {
        var values: [Syntax.Expression] = []
        repeat {
            if check(.let) || check(.var) {
                diagnostics.error("unsupported in adgen: a binding in a 'case' pattern; compare the subject in an 'if' instead",
                                  at: current.location)
                return [skippedCasePattern()]
            }
            let value = parseExpression()
            if check(.halfOpen) || check(.closed) {
                diagnostics.error("unsupported in adgen: a range in a 'case' pattern; list the values ('case 0, 1, 2:') "
                                  + "or compare the subject in an 'if'", at: current.location)
                return [skippedCasePattern()]
            }
            if case .identifier("where") = current.kind {
                diagnostics.error("unsupported in adgen: 'where' in a 'case'; test the condition inside the case",
                                  at: current.location)
                return [skippedCasePattern()]
            }
            values.append(value)
        } while match(.comma) && !panicking
        return values
    }

    /// Skips the rest of an unsupported `case` pattern, up to its `:` (not one inside
    /// parentheses or brackets), and stands for it with an invalid expression (which
    /// reports nothing more).
    mutating func skippedCasePattern() -> Syntax.Expression {
        let location = current.location
        var depth = 0
        while !atEnd, !(depth == 0 && (check(.colon) || check(.lBrace) || check(.rBrace))) {
            if check(.lParen) || check(.lBracket) { depth += 1 }
            if check(.rParen) || check(.rBracket) { depth = max(0, depth - 1) }
            _ = advance()
        }
        return Syntax.Expression(kind: .invalid, location: location, height: 1)
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
