/// Expressions of complex-step variants (rules in ``ComplexStepTranslator``).
extension ComplexStepTranslator {
    /// The complex type's name, used to wrap `Double` constants.
    static let complexDouble = SwiftModel.Expression.raw("Complex<Double>")

    /// The runtime functions for comparisons of `Double`s.
    static let comparisonFunctions: [IR.BinaryOp: String] = [
        .less: "csLess", .lessEqual: "csLessOrEqual", .greater: "csGreater",
        .greaterEqual: "csGreaterOrEqual", .equal: "csEqual", .notEqual: "csNotEqual",
    ]

    public static func expression(_ expression: IR.Expression) -> SwiftModel.Expression {
        switch expression.kind {
        case .double, .int, .pi:
            let literal = SwiftTranslator.expression(expression)
            return expression.type == .double ? wrap(literal) : literal
        case .bool, .variable, .count:
            return SwiftTranslator.expression(expression)
        case let .element(array, index):
            return .subscriptAccess(.raw(array), self.expression(index))
        case let .unary(op, operand):
            let inner = self.expression(operand)
            let needsParens: Bool
            switch operand.kind {
            case .ternary, .unary: needsParens = true
            case .binary: needsParens = infixPrecedence(operand) != nil
            case .int(let value, _): needsParens = value < 0 && operand.type == .int
            default: needsParens = false
            }
            return .prefix(op.rawValue, needsParens ? .parenthesized(inner) : inner)
        case let .binary(op, lhs, rhs):
            return binary(op, lhs, rhs)
        case let .ternary(condition, thenValue, elseValue):
            let parenthesizeTernary = { (e: IR.Expression) -> SwiftModel.Expression in
                if case .ternary = e.kind { return .parenthesized(self.expression(e)) }
                return self.expression(e)
            }
            return .ternary(parenthesizeTernary(condition), parenthesizeTernary(thenValue), self.expression(elseValue))
        case let .builtin(builtin, arguments):
            let isDouble = arguments.contains { $0.type == .double }
            let name = isDouble ? runtimeFunction(for: builtin) : builtin.rawValue
            return .call(.raw(name), arguments.map { (label: nil, value: self.expression($0)) })
        case .call(let call):
            return callExpression(call)
        case .intToDouble(let value):
            return .call(complexDouble, [(label: nil, value: self.expression(value))])
        case .newTape:
            return .call(.raw(typeName(expression.type)), [])
        case let .repeating(value, count):
            return .call(.raw(typeName(expression.type)),
                         [(label: "repeating", value: self.expression(value)), (label: "count", value: self.expression(count))])
        }
    }

    /// `cs` + the builtin's name with its first letter upper-cased: `log1p` → `csLog1p`.
    public static func runtimeFunction(for builtin: Builtin) -> String {
        "cs" + builtin.rawValue.prefix(1).uppercased() + builtin.rawValue.dropFirst()
    }

    /// `Complex<Double>(c)`.
    static func wrap(_ constant: SwiftModel.Expression) -> SwiftModel.Expression {
        .call(complexDouble, [(label: nil, value: constant)])
    }

    static func binary(_ op: IR.BinaryOp, _ lhs: IR.Expression, _ rhs: IR.Expression) -> SwiftModel.Expression {
        let onDoubles = lhs.type == .double || rhs.type == .double
        if onDoubles, op == .divide {
            return .call(.raw("csDivide"), [(label: nil, value: expression(lhs)), (label: nil, value: expression(rhs))])
        }
        if onDoubles, let function = comparisonFunctions[op] {
            return .call(.raw(function), [(label: nil, value: expression(lhs)), (label: nil, value: expression(rhs))])
        }
        return .infix(operand(lhs, of: op, isRight: false), op.rawValue, operand(rhs, of: op, isRight: true))
    }

    /// The precedence of `expression` when it renders as an infix operation; nil when it
    /// renders as a call or an atom (divisions and comparisons of `Double`s are calls).
    static func infixPrecedence(_ expression: IR.Expression) -> Int? {
        guard case let .binary(op, lhs, rhs) = expression.kind else { return nil }
        let onDoubles = lhs.type == .double || rhs.type == .double
        if onDoubles, op == .divide || op.isComparison { return nil }
        return op.precedence
    }

    /// Parenthesizes a binary operand when Swift would otherwise group differently.
    static func operand(_ operand: IR.Expression, of op: IR.BinaryOp, isRight: Bool) -> SwiftModel.Expression {
        let rendered = expression(operand)
        if case .ternary = operand.kind { return .parenthesized(rendered) }
        guard let inner = infixPrecedence(operand) else { return rendered }
        let needs = inner < op.precedence || (inner == op.precedence && (isRight || op.isComparison))
        return needs ? .parenthesized(rendered) : rendered
    }
}
