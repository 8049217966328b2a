extension Parser {
    typealias Expression = Syntax.Expression

    /// Builds a node whose height is one more than its tallest child, rejecting trees
    /// taller than ``maxExpressionHeight``.
    mutating func node(_ kind: Expression.Kind, at location: SourceLocation, children: [Expression]) -> Expression {
        let height = 1 + (children.map(\.height).max() ?? 0)
        if height > Self.maxExpressionHeight {
            error("expression is too deeply nested or too long (more than \(Self.maxExpressionHeight) levels); split it into several statements",
                  at: location)
            return Expression(kind: .invalid, location: location, height: 1)
        }
        return Expression(kind: kind, location: location, height: height)
    }

    func invalid(_ location: SourceLocation) -> Expression {
        Expression(kind: .invalid, location: location)
    }

    /// expression := ternary
    mutating func parseExpression() -> Expression {
        if panicking { return invalid(current.location) }
        return parseTernary()
    }

    /// ternary := disjunction ('?' expression ':' ternary)?
    mutating func parseTernary() -> Expression {
        // Every nested expression (parentheses, arguments, subscripts, conditional
        // branches) passes through here: bound the recursion before it can overflow the stack.
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        if expressionDepth > Self.maxExpressionHeight {
            error("expression is too deeply nested or too long (more than \(Self.maxExpressionHeight) levels); split it into several statements",
                  at: current.location)
            return invalid(current.location)
        }
        let condition = parseBinary(level: 0)
        guard check(.question) else { return condition }
        let question = advance()
        if !question.leftBound && question.rightBound || question.leftBound && !question.rightBound {
            error("'?' must have whitespace on both sides in a conditional expression", at: question.location)
            return invalid(question.location)
        }
        let thenValue = parseExpression()
        guard expect(.colon, "expected ':' in conditional expression") else { return invalid(question.location) }
        let elseValue = parseTernary()
        return node(.ternary(condition: condition, then: thenValue, else: elseValue), at: question.location,
                    children: [condition, thenValue, elseValue])
    }

    /// Binary precedence levels, lowest first, as in Swift's standard library.
    static let binaryLevels: [(ops: [Punct], associative: Bool)] = [
        ([.or], true),
        ([.and], true),
        ([.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual], false),
        ([.plus, .minus], true),
        ([.star, .slash, .percent], true),
    ]

    mutating func parseAdditive() -> Expression { parseBinary(level: 3) }

    /// One left-associative (or non-associative) precedence level, iteratively.
    mutating func parseBinary(level: Int) -> Expression {
        guard level < Self.binaryLevels.count else { return parseUnary() }
        var lhs = parseBinary(level: level + 1)
        let (ops, associative) = Self.binaryLevels[level]
        var count = 0
        while case .punct(let punct) = current.kind, ops.contains(punct), !panicking {
            let opToken = current
            if opToken.leftBound != opToken.rightBound {
                if opToken.leftBound {
                    error("'\(punct.rawValue)' is not a postfix operator; put whitespace on both sides of a binary operator or on neither",
                          at: opToken.location)
                } else {
                    error("consecutive statements on a line must be separated by ';' (or put whitespace on both sides of '\(punct.rawValue)')",
                          at: opToken.location)
                }
                return invalid(opToken.location)
            }
            _ = advance()
            count += 1
            if !associative, count > 1 {
                error("adjacent comparison operators are not associative; add parentheses", at: opToken.location)
                return invalid(opToken.location)
            }
            let rhs = parseBinary(level: level + 1)
            lhs = node(.binary(op: punct.rawValue, lhs: lhs, rhs: rhs), at: opToken.location, children: [lhs, rhs])
        }
        if case .punct(let punct) = current.kind, punct == .otherOperator || punct == .ampersand || punct == .not && current.leftBound {
            error("unsupported in adgen: this operator", at: current.location)
            return invalid(current.location)
        }
        return lhs
    }

    /// unary := ('-' | '!') unary | postfix
    mutating func parseUnary() -> Expression {
        if panicking { return invalid(current.location) }
        let token = current
        if check(.minus) || check(.not) || check(.plus) {
            guard token.rightBound else {
                error("unary operator cannot be separated from its operand", at: token.location)
                return invalid(token.location)
            }
            if check(.plus) {
                error("unsupported in adgen: unary '+'", at: token.location)
                return invalid(token.location)
            }
            _ = advance()
            let operand = parseUnary()
            let op = token.kind == .punct(.minus) ? "-" : "!"
            return node(.unary(op: op, operand: operand), at: token.location, children: [operand])
        }
        return parsePostfix()
    }

    /// postfix := primary ('[' expression ']' | '.' name | '(' arguments ')')*
    mutating func parsePostfix() -> Expression {
        var expression = parsePrimary()
        while !panicking {
            // A '(' or '[' on a new line starts a new statement in Swift.
            if check(.lBracket), !current.startsLine, current.leftBound {
                let open = advance()
                let index = parseExpression()
                guard expect(.rBracket, "expected ']' to close the subscript") else { return invalid(open.location) }
                expression = node(.subscriptAccess(base: expression, index: index), at: expression.location,
                                  children: [expression, index])
            } else if check(.dot), current.leftBound {
                _ = advance()
                guard let (name, _) = expectIdentifier("expected a member name after '.'") else {
                    return invalid(current.location)
                }
                if check(.lParen), !current.startsLine, name == "append" {
                    let open = advance()
                    let value = parseExpression()
                    guard expect(.rParen, "expected ')' to close 'append('") else { return invalid(open.location) }
                    expression = node(.append(array: expression, value: value), at: expression.location,
                                      children: [expression, value])
                    continue
                }
                if check(.lParen), !current.startsLine {
                    error("unsupported in adgen: method calls ('.\(name)(...)'); adgen has 'a.append(e)'", at: previous.location)
                    return invalid(previous.location)
                }
                expression = node(.member(base: expression, name: name), at: expression.location, children: [expression])
            } else if check(.lParen), !current.startsLine, current.leftBound {
                error("unsupported in adgen: calling this expression; only named functions can be called",
                      at: current.location)
                return invalid(current.location)
            } else {
                return expression
            }
        }
        return expression
    }

    mutating func parsePrimary() -> Expression {
        let token = current
        switch token.kind {
        case .integer(let text):
            _ = advance()
            return Expression(kind: .integer(text), location: token.location)
        case .float(let text):
            _ = advance()
            return Expression(kind: .float(text), location: token.location)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Expression(kind: .boolean(token.kind == .keyword(.true)), location: token.location)
        case .identifier(let name):
            _ = advance()
            if check(.lParen), !current.startsLine, current.leftBound {
                return parseCall(name: name, at: token.location)
            }
            return Expression(kind: .name(name), location: token.location)
        case .punct(.lParen):
            _ = advance()
            if check(.rParen) {
                error("unsupported in adgen: empty tuples", at: token.location)
                return invalid(token.location)
            }
            let inner = parseExpression()
            if check(.comma) {
                error("unsupported in adgen: tuples", at: current.location)
                return invalid(token.location)
            }
            guard expect(.rParen, "expected ')' to close the parenthesis opened at \(token.location)") else {
                return invalid(token.location)
            }
            return node(.parenthesized(inner), at: token.location, children: [inner])
        case .punct(.lBracket):
            return parseArrayInitializer()
        case .punct(.ampersand):
            error("unsupported in adgen: '&' here; it marks an argument for an 'inout' parameter, 'f(&a)'", at: token.location)
            return invalid(token.location)
        case .punct(.lBrace):
            error("unsupported in adgen: closures", at: token.location)
            return invalid(token.location)
        case .punct(.dot):
            error("unsupported in adgen: implicit member expressions ('.name')", at: token.location)
            return invalid(token.location)
        case .keyword(let keyword) where !token.startsLine:
            error("unsupported in adgen: '\(keyword.rawValue)' in an expression", at: token.location)
            return invalid(token.location)
        default:
            error("expected an expression")
            return invalid(token.location)
        }
    }

    /// `name(label: value, ...)`.
    mutating func parseCall(name: String, at location: SourceLocation) -> Expression {
        _ = advance()
        var arguments: [Syntax.Argument] = []
        if !check(.rParen) {
            repeat {
                let argumentLocation = current.location
                var label: String?
                if case .identifier(let text) = current.kind, peek(1).kind == .punct(.colon) {
                    label = text
                    _ = advance()
                    _ = advance()
                }
                let isInout = match(.ampersand)
                let value = isInout ? parsePostfix() : parseExpression()
                arguments.append(Syntax.Argument(label: label, value: value, location: argumentLocation, isInout: isInout))
            } while match(.comma) && !panicking
        }
        guard expect(.rParen, "expected ')' to close the argument list of '\(name)'") else { return invalid(location) }
        if check(.lBrace), !current.startsLine, !inStatementHeader {
            error("unsupported in adgen: trailing closures", at: current.location)
            return invalid(current.location)
        }
        if name == "min" || name == "max", arguments.count > 2,
           arguments.allSatisfy({ $0.label == nil && !$0.isInout }) {
            return variadicExtremum(name, arguments, at: location)
        }
        return node(.call(name: name, arguments: arguments), at: location, children: arguments.map(\.value))
    }

    /// `min(a, b, c, …)` as Swift's variadic `min` computes it, `min(min(a, b), c)` and so
    /// on (the same comparisons in the same order; likewise `max`).
    mutating func variadicExtremum(_ name: String, _ arguments: [Syntax.Argument], at location: SourceLocation) -> Expression {
        var folded = arguments[0]
        for argument in arguments.dropFirst() {
            let pair = [folded, argument]
            let value = node(.call(name: name, arguments: pair), at: location, children: pair.map(\.value))
            folded = Syntax.Argument(label: nil, value: value, location: folded.location, isInout: false)
        }
        return folded.value
    }

    /// `[Double](repeating: value, count: n)`, or an array literal `[a, b, c]`.
    mutating func parseArrayInitializer() -> Expression {
        guard case .identifier = peek(1).kind, peek(2).kind == .punct(.rBracket), peek(3).kind == .punct(.lParen) else {
            return parseArrayLiteral()
        }
        let open = advance()
        guard case .identifier(let element) = current.kind else { return invalid(open.location) }
        _ = advance()
        _ = advance()
        _ = advance()
        let type = Syntax.TypeName(name: element, isArray: true, location: open.location)
        guard expectLabel("repeating") else { return invalid(open.location) }
        let value = parseExpression()
        guard expect(.comma, "expected ',' before 'count:'") else { return invalid(open.location) }
        guard expectLabel("count") else { return invalid(open.location) }
        let count = parseExpression()
        guard expect(.rParen, "expected ')' to close the array initializer") else { return invalid(open.location) }
        return node(.arrayRepeating(element: type, value: value, count: count), at: open.location, children: [value, count])
    }

    /// `[a, b, c]`, a trailing comma allowed.
    mutating func parseArrayLiteral() -> Expression {
        let open = advance()
        if match(.rBracket) { return Expression(kind: .arrayLiteral([]), location: open.location) }
        var elements: [Expression] = []
        repeat {
            if check(.rBracket) { break }
            elements.append(parseExpression())
        } while match(.comma) && !panicking
        guard expect(.rBracket, "expected ']' to close the array literal opened at \(open.location)") else {
            return invalid(open.location)
        }
        return node(.arrayLiteral(elements), at: open.location, children: elements)
    }
}
