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
        guard check(.for) || check(.while) || check(.repeat) else {
            error("unsupported in adgen: a label here; labels name 'for', 'while' and 'repeat' loops")
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let loop = parseStatement()
        return Syntax.Statement(kind: .labelled(label: label, loop: loop), location: location)
    }
}
