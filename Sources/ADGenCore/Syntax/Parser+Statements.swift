extension Parser {
    /// `{ statement* }`; returns the statements and the location of the closing brace.
    mutating func parseBlock() -> ([Syntax.Statement], SourceLocation) {
        let open = current.location
        guard expect(.lBrace, "expected '{'") else { return ([], open) }
        blockDepth += 1
        defer { blockDepth -= 1 }
        if blockDepth > Self.maxBlockDepth {
            error("blocks nested too deeply (more than \(Self.maxBlockDepth) levels)", at: open)
            skipToMatchingBrace()
            return ([], previous.location)
        }
        var statements: [Syntax.Statement] = []
        while !check(.rBrace), !atEnd {
            if case .docComment = current.kind {
                _ = advance()
                continue
            }
            if match(.semicolon) { continue }
            let start = position
            let statement = parseStatement()
            statements.append(statement)
            statements += pendingDeclarations
            pendingDeclarations = []
            if panicking {
                // An unfinished statement (error at the first token of a later line):
                // that token starts the next statement, so keep it.
                if position > start, current.startsLine {
                    panicking = false
                } else {
                    synchronize()
                }
            } else if !check(.rBrace), !check(.semicolon), !current.startsLine, !atEnd {
                error("consecutive statements on a line must be separated by ';'", at: current.location)
                synchronize()
            }
        }
        let close = current.location
        if !match(.rBrace) {
            diagnostics.error("expected '}' to close the block opened at \(open)", at: current.location)
        }
        return (statements, close)
    }

    mutating func skipToMatchingBrace() {
        var depth = 1
        while !atEnd, depth > 0 {
            let token = advance()
            if token.kind == .punct(.lBrace) { depth += 1 }
            if token.kind == .punct(.rBrace) { depth -= 1 }
        }
    }

    mutating func parseStatement() -> Syntax.Statement {
        let location = current.location
        switch current.kind {
        case .keyword(.let), .keyword(.var):
            return parseDeclaration()
        case .keyword(.for):
            return parseFor()
        case .keyword(.while):
            _ = advance()
            let condition = parseHeader { $0.parseExpression() }
            let (body, _) = parseBlock()
            return Syntax.Statement(kind: .whileLoop(condition: condition, body: body), location: location)
        case .keyword(.if):
            return parseIf()
        case .keyword(.return):
            _ = advance()
            if check(.rBrace) || current.startsLine || check(.semicolon) || atEnd {
                return Syntax.Statement(kind: .returnValue(nil), location: location)
            }
            return Syntax.Statement(kind: .returnValue(parseExpression()), location: location)
        case .keyword(.break), .keyword(.continue):
            return parseJump()
        case .keyword(.repeat):
            return parseRepeat()
        case .keyword(.guard):
            return parseGuard()
        case .keyword(.switch):
            return parseSwitch()
        case .keyword(.fallthrough):
            return Syntax.Statement(kind: .fallthroughCase, location: advance().location)
        case .identifier where peek(1).kind == .punct(.colon):
            return parseLabelled()
        case .keyword(let keyword) where ![.true, .false].contains(keyword):
            error("unsupported in adgen: '\(keyword.rawValue)'", at: location)
            return Syntax.Statement(kind: .invalid, location: location)
        case .punct(.lBrace):
            error("unsupported in adgen: closures and bare blocks", at: location)
            return Syntax.Statement(kind: .invalid, location: location)
        default:
            return parseExpressionStatement()
        }
    }

    /// `let x = e`, `var x: Double = e`, `var a = [Double](repeating: 0, count: n)`.
    /// `let`/`var` and one or more `name [: T] [= e]`, separated by commas; the second and
    /// later go to ``pendingDeclarations``.
    mutating func parseDeclaration() -> Syntax.Statement {
        let location = current.location
        let isVar = advance().kind == .keyword(.var)
        let first = parseDeclarator(isVar: isVar, at: location)
        while !panicking, match(.comma) {
            pendingDeclarations.append(parseDeclarator(isVar: isVar, at: current.location))
        }
        return first
    }

    /// `name [: T] [= e]` of a declaration.
    mutating func parseDeclarator(isVar: Bool, at location: SourceLocation) -> Syntax.Statement {
        if check(.lParen) {
            error("unsupported in adgen: tuple patterns", at: current.location)
            return Syntax.Statement(kind: .invalid, location: location)
        }
        guard let (name, nameLocation) = expectIdentifier("expected a name after '\(isVar ? "var" : "let")'") else {
            return Syntax.Statement(kind: .invalid, location: location)
        }
        var type: Syntax.TypeName?
        if match(.colon) {
            guard let parsed = parseType() else { return Syntax.Statement(kind: .invalid, location: location) }
            type = parsed
        }
        var initializer: Syntax.Expression?
        if match(.assign) {
            initializer = parseExpression()
        }
        return Syntax.Statement(kind: .declaration(isVar: isVar, name: name, nameLocation: nameLocation,
                                                   type: type, initializer: initializer), location: location)
    }

    /// `for i in a..<b`, `for i in a...b`, `for i in stride(from: a, to: b, by: c)`,
    /// `for x in a`, `for i in a.indices`, `for (i, x) in a.enumerated()`.
    mutating func parseFor() -> Syntax.Statement {
        let location = advance().location
        var variable: String?
        let variableLocation = current.location
        if check(.lParen) { return parseForEnumerated(at: location) }
        if !match(.underscore) {
            guard let (name, _) = expectIdentifier("expected a loop variable after 'for'") else {
                return Syntax.Statement(kind: .invalid, location: location)
            }
            variable = name
        }
        guard match(.in) else {
            error("expected 'in' after the loop variable")
            return Syntax.Statement(kind: .invalid, location: location)
        }
        guard let sequence = parseHeader({ $0.parseSequence() }) else { return Syntax.Statement(kind: .invalid, location: location) }
        let (body, _) = parseBlock()
        return Syntax.Statement(kind: .forIn(variable: variable, variableLocation: variableLocation,
                                             sequence: sequence, body: body), location: location)
    }

    /// `for (i, x) in a.enumerated() { … }`, after `for`.
    mutating func parseForEnumerated(at location: SourceLocation) -> Syntax.Statement {
        let message = "unsupported in adgen: this 'for (…)' pattern; write 'for (i, x) in a.enumerated()'"
        let start = advance().location
        let indexLocation = current.location
        let elementLocation = peek(2).location
        let arrayLocation = peek(5).location
        guard case .identifier(let index) = current.kind, peek(1).kind == .punct(.comma),
              case .identifier(let element) = peek(2).kind, peek(3).kind == .punct(.rParen),
              peek(4).kind == .keyword(.in), case .identifier(let array) = peek(5).kind,
              peek(6).kind == .punct(.dot), peek(7).kind == .identifier("enumerated"),
              peek(8).kind == .punct(.lParen), peek(9).kind == .punct(.rParen) else {
            error(message, at: start)
            return Syntax.Statement(kind: .invalid, location: location)
        }
        for _ in 0..<10 { _ = advance() }
        let (body, _) = parseBlock()
        let sequence = Syntax.Sequence.enumerated(array: Syntax.Expression(kind: .name(array), location: arrayLocation),
                                                  element: element, elementLocation: elementLocation)
        return Syntax.Statement(kind: .forIn(variable: index, variableLocation: indexLocation, sequence: sequence,
                                             body: body), location: location)
    }

    mutating func parseSequence() -> Syntax.Sequence? {
        if case .identifier("stride") = current.kind, peek(1).kind == .punct(.lParen) {
            return parseStride()
        }
        if check(.lParen), rangeInParentheses() { return parseParenthesizedRange() }
        let lower = parseAdditive()
        let closed: Bool
        if match(.halfOpen) {
            closed = false
        } else if match(.closed) {
            closed = true
        } else {
            switch lower.kind {
            case .name, .arrayLiteral, .call, .parenthesized: return .elements(array: lower)
            case .member(let base, "indices"): return .indices(array: base)
            default: break
            }
            error("unsupported in adgen: 'for' over this sequence; use a range 'a..<b', 'a...b', 'stride(from:to:by:)', an array, 'a.indices' or 'a.enumerated()'",
                  at: lower.location)
            return nil
        }
        let upper = parseAdditive()
        return .range(lower: lower, upper: upper, closed: closed)
    }

    /// Whether the `(` here holds a range `a..<b` or `a...b` (not inside deeper parentheses).
    func rangeInParentheses() -> Bool {
        var depth = 0
        var ahead = 0
        while peek(ahead).kind != .endOfFile {
            switch peek(ahead).kind {
            case .punct(.lParen), .punct(.lBracket): depth += 1
            case .punct(.rParen), .punct(.rBracket):
                depth -= 1
                if depth == 0 { return false }
            case .punct(.halfOpen), .punct(.closed): if depth == 1 { return true }
            case .punct(.lBrace), .punct(.rBrace): return false
            default: break
            }
            ahead += 1
        }
        return false
    }

    /// `(a..<b)`, `(a...b)`, and either with `.reversed()`, which walks the same indices
    /// down: `stride(from: b - 1, through: a, by: -1)` (`from: b` for `a...b`).
    mutating func parseParenthesizedRange() -> Syntax.Sequence? {
        let open = advance()
        let lower = parseAdditive()
        let closed = match(.closed)
        if !closed, !match(.halfOpen) { return nil }
        let upper = parseAdditive()
        guard expect(.rParen, "expected ')' to close the range opened at \(open.location)") else { return nil }
        guard check(.dot), peek(1).kind == .identifier("reversed") else {
            return .range(lower: lower, upper: upper, closed: closed)
        }
        _ = advance()
        let reversed = advance()
        guard expect(.lParen, "expected '()' after 'reversed'"), expect(.rParen, "expected ')' after 'reversed('") else {
            return nil
        }
        let one = node(.integer("1"), at: reversed.location, children: [])
        let from = closed ? upper : node(.binary(op: "-", lhs: upper, rhs: one), at: upper.location, children: [upper, one])
        let step = node(.unary(op: "-", operand: one), at: reversed.location, children: [one])
        return .stride(from: from, bound: lower, by: step, through: true)
    }

    mutating func parseStride() -> Syntax.Sequence? {
        _ = advance()
        _ = advance()
        guard expectLabel("from") else { return nil }
        let from = parseExpression()
        guard expect(.comma, "expected ',' after 'from:' argument") else { return nil }
        let through: Bool
        if case .identifier("through") = current.kind {
            through = true
        } else if case .identifier("to") = current.kind {
            through = false
        } else {
            error("expected 'to:' or 'through:' in 'stride'")
            return nil
        }
        _ = advance()
        guard expect(.colon, "expected ':' after '\(through ? "through" : "to")'") else { return nil }
        let bound = parseExpression()
        guard expect(.comma, "expected ',' before 'by:'") else { return nil }
        guard expectLabel("by") else { return nil }
        let step = parseExpression()
        guard expect(.rParen, "expected ')' to close 'stride('") else { return nil }
        return .stride(from: from, bound: bound, by: step, through: through)
    }

    mutating func expectLabel(_ label: String) -> Bool {
        guard case .identifier(label) = current.kind, peek(1).kind == .punct(.colon) else {
            error("expected '\(label):'")
            return false
        }
        _ = advance()
        _ = advance()
        return true
    }

    mutating func parseIf() -> Syntax.Statement {
        let location = advance().location
        if check(.let) || check(.var) {
            error("unsupported in adgen: 'if let' (adgen has no optionals)", at: current.location)
            return Syntax.Statement(kind: .invalid, location: location)
        }
        let condition = parseHeader { $0.parseExpression() }
        let (thenBody, _) = parseBlock()
        var elseBody: [Syntax.Statement]?
        if match(.else) {
            if check(.if) {
                // `else if` nests in the tree (and in every later stage): it counts as a level.
                blockDepth += 1
                defer { blockDepth -= 1 }
                if blockDepth >= Self.maxBlockDepth {  // its block would be one level deeper still
                    error("blocks nested too deeply (more than \(Self.maxBlockDepth) levels, counting each 'else if' as one)",
                          at: current.location)
                    return Syntax.Statement(kind: .invalid, location: location)
                }
                elseBody = [parseIf()]
            } else {
                elseBody = parseBlock().0
            }
        }
        return Syntax.Statement(kind: .ifElse(condition: condition, then: thenBody, else: elseBody), location: location)
    }

    /// An assignment `target op= value`, or a bare expression (which sema rejects).
    mutating func parseExpressionStatement() -> Syntax.Statement {
        let location = current.location
        if check(.underscore), peek(1).kind == .punct(.assign) {
            // `_ = e`: e evaluated for its effects (an inout helper's), its value dropped.
            let discard = Syntax.Expression(kind: .name("_"), location: advance().location, height: 1)
            _ = advance()
            return Syntax.Statement(kind: .assignment(target: discard, op: nil, value: parseExpression()), location: location)
        }
        let target = parseExpression()
        let ops: [Punct: String?] = [.assign: nil, .plusAssign: "+", .minusAssign: "-", .starAssign: "*",
                                     .slashAssign: "/", .percentAssign: "%"]
        if case .punct(let punct) = current.kind, let op = ops[punct] {
            let opToken = advance()
            if opToken.leftBound != opToken.rightBound {
                error("'\(punct.rawValue)' must have whitespace on both sides or on neither", at: opToken.location)
            }
            let value = parseExpression()
            return Syntax.Statement(kind: .assignment(target: target, op: op, value: value), location: location)
        }
        return Syntax.Statement(kind: .expression(target), location: location)
    }

    /// `parse` with ``inStatementHeader`` set.
    mutating func parseHeader<T>(_ parse: (inout Parser) -> T) -> T {
        let outer = inStatementHeader
        inStatementHeader = true
        defer { inStatementHeader = outer }
        return parse(&self)
    }
}
