import ADGenCore

extension CLowering {
    static let maxHeight = 200

    /// A node one taller than its tallest child; too tall a tree is an error, not a stack overflow later.
    mutating func node(_ kind: Syntax.Expression.Kind, at cursor: Cursor, _ children: [Syntax.Expression]) -> Syntax.Expression {
        let height = 1 + (children.map(\.height).max() ?? 0)
        guard height <= Self.maxHeight else {
            error("expression is too deeply nested (more than \(Self.maxHeight) levels); split it into several statements",
                  at: cursor)
            return Syntax.Expression(.invalid, at: cursor.location)
        }
        return Syntax.Expression(kind, at: cursor.location, height: height)
    }

    mutating func invalid(_ what: String, at cursor: Cursor) -> Syntax.Expression {
        unsupported(what, at: cursor)
        return Syntax.Expression(.invalid, at: cursor.location)
    }

    /// Runs `lower` one expression level deeper, or reports the nesting.
    mutating func nested(_ cursor: Cursor, _ lower: (inout CLowering) -> Syntax.Expression) -> Syntax.Expression {
        guard expressionDepth < Self.maxHeight else {
            if expressionDepth == Self.maxHeight {
                error("expression is too deeply nested (more than \(Self.maxHeight) levels); split it into several statements",
                      at: cursor)
                expressionDepth += 1
            }
            return Syntax.Expression(.invalid, at: cursor.location)
        }
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        return lower(&self)
    }

    /// A C expression used as a number.
    mutating func value(_ cursor: Cursor) -> Syntax.Expression {
        nested(cursor) { $0.lowerValue(cursor) }
    }

    mutating func lowerValue(_ cursor: Cursor) -> Syntax.Expression {
        let children = cursor.children
        switch cursor.kind {
        case CursorKind.integerLiteral, CursorKind.floatingLiteral:
            return literal(cursor)
        case CursorKind.declRefExpr:
            return reference(cursor)
        case CursorKind.parenExpr where children.count == 1:
            let inner = value(children[0])
            return node(.parenthesized(inner), at: cursor, [inner])
        case CursorKind.unexposedExpr where children.count == 1:
            return conversion(cursor, of: children[0])
        case CursorKind.cStyleCastExpr:
            guard let operand = children.last else { return invalid("this cast", at: cursor) }
            return conversion(cursor, of: operand)
        case CursorKind.unaryOperator:
            return unaryValue(cursor)
        case CursorKind.binaryOperator:
            return binaryValue(cursor)
        case CursorKind.conditionalOperator where children.count == 3:
            let parts = [condition(children[0]), value(children[1]), value(children[2])]
            return node(.ternary(condition: parts[0], then: parts[1], else: parts[2]), at: cursor, parts)
        case CursorKind.arraySubscriptExpr where children.count == 2:
            return element(cursor, base: children[0], index: children[1])
        case CursorKind.callExpr:
            return call(cursor)
        case CursorKind.compoundAssignOperator:
            return invalid("assignments inside expressions; assign in a statement of its own", at: cursor)
        case CursorKind.memberRefExpr:
            return invalid("structs", at: cursor)
        case CursorKind.stringLiteral, CursorKind.characterLiteral:
            return invalid("strings and characters", at: cursor)
        case CursorKind.initListExpr:
            return invalid("initializer lists outside array declarations", at: cursor)
        default:
            return invalid("this C expression ('\(cursor.tokens.map(\.spelling).joined(separator: " "))')", at: cursor)
        }
    }

    /// Literals, also where a `#define` constant spelled them: the value clang computed.
    mutating func literal(_ cursor: Cursor) -> Syntax.Expression {
        let tokens = cursor.tokens
        let spelling = tokens.count == 1 ? tokens[0].spelling : nil
        switch cursor.constant {
        case .integer(let value)?:
            let decimal = spelling.flatMap { $0.allSatisfy(\.isNumber) ? $0 : nil }
            return node(.integer(decimal ?? String(value)), at: cursor, [])
        case .real(let value)?:
            if cursor.type.canonical.raw.kind == CType.Kind.float {
                return invalid("float; use double", at: cursor)
            }
            guard value.isFinite else { return invalid("a floating-point literal that overflows double", at: cursor) }
            let written = spelling.flatMap { Self.isSwiftFloat($0) ? $0 : nil }
            return node(.float(written ?? "\(value)"), at: cursor, [])
        case nil:
            return invalid("this literal", at: cursor)
        }
    }

    /// `1.5`, `2.0e-3`, `1e10`: spellings Swift reads the same way.
    static func isSwiftFloat(_ text: String) -> Bool {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard mantissa.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), mantissa.count <= 2 else { return false }
        guard parts.count == 2 else { return mantissa.count == 2 }
        var exponent = parts[1]
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isNumber)
    }

    mutating func reference(_ cursor: Cursor) -> Syntax.Expression {
        guard let target = cursor.referenced else { return invalid("this name", at: cursor) }
        switch target.kind {
        case CursorKind.varDecl, CursorKind.parmDecl:
            return node(.name(cursor.spelling), at: cursor, [])
        default:
            if case .integer(let value)? = cursor.constant { return node(.integer(String(value)), at: cursor, []) }
            return invalid("'\(cursor.spelling)' here", at: cursor)
        }
    }

    /// Implicit and explicit conversions: int to double becomes `Double(i)`.
    mutating func conversion(_ cursor: Cursor, of operand: Cursor) -> Syntax.Expression {
        let to = cursor.type.shape
        let from = operand.type.shape
        if to == .double, from == .int {
            let inner = value(operand)
            if case .integer = inner.kind { return inner }
            let argument = Syntax.Argument(label: nil, value: inner)
            return node(.call(name: "Double", arguments: [argument]), at: cursor, [inner])
        }
        if to == .int, from == .double {
            return invalid("converting double to int (it has no derivative); keep the value a double", at: cursor)
        }
        if to == from || (to.isArray && from.isArray) || operand.kind == CursorKind.declRefExpr && cursor.kind == CursorKind.unexposedExpr {
            return value(operand)
        }
        // The operand usually says more (a float literal, `sinf`, a string): its error first.
        let before = diagnostics.diagnostics.count
        let inner = value(operand)
        if diagnostics.diagnostics.count > before { return inner }
        return invalid("converting '\(operand.type.spelling)' to '\(cursor.type.spelling)'", at: cursor)
    }

    mutating func unaryValue(_ cursor: Cursor) -> Syntax.Expression {
        guard let (op, _) = COperator.unary(cursor), let operand = cursor.children.first else {
            return constantOrInvalid(cursor, "an operator inside a function-like macro; write it out")
        }
        switch op {
        case "-":
            let inner = value(operand)
            return node(.unary(op: "-", operand: inner), at: cursor, [inner])
        case "+":
            return value(operand)
        case "!":
            return boolAsInt(cursor)
        case "++", "--":
            return invalid("'\(op)' inside an expression; write it as a statement of its own", at: cursor)
        case "*", "&":
            return invalid("pointers other than array parameters", at: cursor)
        default:
            return invalid("the operator '\(op)'", at: cursor)
        }
    }

    mutating func binaryValue(_ cursor: Cursor) -> Syntax.Expression {
        guard let op = COperator.binary(cursor) else {
            return constantOrInvalid(cursor, "an operator inside a function-like macro; write it out")
        }
        let children = cursor.children
        switch op {
        case "+", "-", "*", "/", "%":
            let lhs = value(children[0])
            let rhs = value(children[1])
            return node(.binary(op: op, lhs: lhs, rhs: rhs), at: cursor, [lhs, rhs])
        case "<", "<=", ">", ">=", "==", "!=", "&&", "||":
            return boolAsInt(cursor)
        case "=":
            return invalid("assignments inside expressions; assign in a statement of its own", at: cursor)
        case ",":
            return invalid("the comma operator", at: cursor)
        default:
            return invalid("bitwise operators ('\(op)')", at: cursor)
        }
    }

    /// Where the tokens hide the operator (a macro), a constant expression still works.
    mutating func constantOrInvalid(_ cursor: Cursor, _ what: String) -> Syntax.Expression {
        switch cursor.constant {
        case .integer(let value)?: return node(.integer(String(value)), at: cursor, [])
        case .real(let value)? where value.isFinite: return node(.float("\(value)"), at: cursor, [])
        default: return invalid(what, at: cursor)
        }
    }

    /// A comparison used as a number: `c ? 1 : 0`, C's meaning.
    mutating func boolAsInt(_ cursor: Cursor) -> Syntax.Expression {
        let test = condition(cursor)
        let one = node(.integer("1"), at: cursor, [])
        let zero = node(.integer("0"), at: cursor, [])
        return node(.ternary(condition: test, then: one, else: zero), at: cursor, [test, one, zero])
    }

    /// A C expression used as a truth value: comparisons and logic stay Bool, a number `e` becomes `e != 0`.
    mutating func condition(_ cursor: Cursor) -> Syntax.Expression {
        nested(cursor) { $0.lowerCondition(cursor) }
    }

    mutating func lowerCondition(_ cursor: Cursor) -> Syntax.Expression {
        let children = cursor.children
        switch cursor.kind {
        case CursorKind.parenExpr where children.count == 1:
            let inner = condition(children[0])
            return node(.parenthesized(inner), at: cursor, [inner])
        case CursorKind.unexposedExpr where children.count == 1 && cursor.type.shape == children[0].type.shape:
            return condition(children[0])
        case CursorKind.unaryOperator where COperator.unary(cursor)?.op == "!":
            let inner = condition(children[0])
            return node(.unary(op: "!", operand: inner), at: cursor, [inner])
        case CursorKind.binaryOperator:
            guard let op = COperator.binary(cursor) else { break }
            if op == "&&" || op == "||" {
                let parts = [condition(children[0]), condition(children[1])]
                return node(.binary(op: op, lhs: parts[0], rhs: parts[1]), at: cursor, parts)
            }
            if ["<", "<=", ">", ">=", "==", "!="].contains(op) {
                let parts = [value(children[0]), value(children[1])]
                return node(.binary(op: op, lhs: parts[0], rhs: parts[1]), at: cursor, parts)
            }
        default:
            break
        }
        let number = value(cursor)
        let zero = node(.integer("0"), at: cursor, [])
        return node(.binary(op: "!=", lhs: number, rhs: zero), at: cursor, [number, zero])
    }

    mutating func element(_ cursor: Cursor, base: Cursor, index: Cursor) -> Syntax.Expression {
        let array = CExpressionShape.stripped(base)
        guard array.kind == CursorKind.declRefExpr, array.type.shape.isArray else {
            return invalid("indexing anything but a named array (no pointer arithmetic, no arrays of arrays)", at: cursor)
        }
        let name = node(.name(array.spelling), at: array, [])
        let position = value(index)
        return node(.subscriptAccess(base: name, index: position), at: cursor, [name, position])
    }
}
