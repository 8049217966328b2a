extension FunctionLowering {
    /// Lowers an expression whose natural type was checked, giving it the concrete
    /// `type` (integer literals become Double where the context is Double).
    mutating func lower(_ expression: Syntax.Expression, as type: IRType) -> IR.Expression {
        let location = expression.location
        func make(_ kind: IR.Expression.Kind, _ type: IRType) -> IR.Expression {
            IR.Expression(kind, type, at: location)
        }
        switch expression.kind {
        case .integer(let text):
            guard let value = Self.integerValue(text) else {
                error("integer literal '\(text)' overflows when stored into 'Int'", at: location)
                return placeholder(type, expression)
            }
            return type == .double ? make(.double(Double(value), spelling: text), .double) : make(.int(value, spelling: text), .int)
        case .float(let text):
            let value = Double(text.replacingOccurrences(of: "_", with: "")) ?? .nan
            if value.isInfinite {
                error("floating-point literal '\(text)' overflows Double", at: location)
            }
            return make(.double(value, spelling: text), .double)
        case .boolean(let value):
            return make(.bool(value), .bool)
        case .name(let name):
            let info = scopes.lookup(name)!
            return make(.variable(info.irName), info.type)
        case let .member(base, name):
            if name == "pi" { return make(.pi, .double) }
            guard case .name(let array) = base.kind, let info = scopes.lookup(array) else { return placeholder(.int, expression) }
            return make(.count(array: info.irName), .int)
        case let .subscriptAccess(base, index):
            guard case .name(let array) = base.kind, let info = scopes.lookup(array) else { return placeholder(type, expression) }
            return make(.element(array: info.irName, index: lowerExpression(index, expecting: .int, what: "index")), type)
        case let .call(name, arguments):
            return lowerCall(name: name, arguments: arguments, as: type, at: location)
        case let .arrayRepeating(_, value, count):
            let element = type.element ?? .double
            return make(.repeating(value: lowerExpression(value, expecting: element),
                                   count: lowerExpression(count, expecting: .int, what: "count")), type)
        case .arrayLiteral(let elements):
            return lowerArrayLiteral(elements, as: type, at: location)
        case .append:
            return placeholder(type, expression)  // reported by naturalType
        case let .unary(op, operand):
            if op == "!" { return make(.unary(.not, lowerExpression(operand, expecting: .bool, what: "operand of '!'")), .bool) }
            return make(.unary(.negate, lower(operand, as: type)), type)
        case let .binary(op, lhs, rhs):
            let irOp = IR.BinaryOp(rawValue: op)!
            if irOp.isLogical {
                let left = lowerExpression(lhs, expecting: .bool)
                deferredEvaluation += 1
                defer { deferredEvaluation -= 1 }
                return make(.binary(irOp, left, lowerExpression(rhs, expecting: .bool)), .bool)
            }
            if irOp.isComparison {
                let operandType = unify(naturalType(lhs), naturalType(rhs), at: location, context: "operands")
                    .resolved(expecting: nil) ?? .double
                return make(.binary(irOp, lower(lhs, as: operandType), lower(rhs, as: operandType)), .bool)
            }
            return make(.binary(irOp, lower(lhs, as: type), lower(rhs, as: type)), type)
        case let .ternary(condition, thenValue, elseValue):
            let irCondition = lowerExpression(condition, expecting: .bool, what: "condition")
            deferredEvaluation += 1
            defer { deferredEvaluation -= 1 }
            return make(.ternary(condition: irCondition, then: lower(thenValue, as: type), else: lower(elseValue, as: type)), type)
        case .parenthesized(let inner):
            return lower(inner, as: type)
        case .invalid:
            return placeholder(type, expression)
        }
    }

    mutating func lowerCall(name: String, arguments: [Syntax.Argument], as type: IRType,
                            at location: SourceLocation) -> IR.Expression {
        if name == "Double" {
            let argument = arguments[0].value
            if naturalType(argument) == .known(.double) { return lower(argument, as: .double) }
            return IR.Expression(.intToDouble(lowerExpression(argument, expecting: .int)), .double, at: location)
        }
        if let builtin = Builtin(callee: name) {
            let argumentType: IRType = builtin.acceptsInt ? type : .double
            let lowered = arguments.map { lower($0.value, as: argumentType) }
            return IR.Expression(.builtin(builtin, lowered), type, at: location)
        }
        let callee = signatures[name]!
        if callee.isHelper { return inlineHelperValue(callee, arguments, at: location) }
        let lowered = zip(arguments, callee.parameters).map { argument, parameter in
            IR.Argument(label: parameter.label,
                        value: lowerExpression(argument.value, expecting: parameter.type,
                                               what: "argument '\(parameter.name)'"))
        }
        return IR.Expression(.call(IR.Call(function: name, arguments: lowered)), callee.result, at: location)
    }

    /// Swift integer literal forms: decimal, `0x`, `0o`, `0b`, with `_` separators.
    static func integerValue(_ text: String) -> Int? {
        let digits = text.replacingOccurrences(of: "_", with: "")
        if digits.hasPrefix("0x") { return Int(digits.dropFirst(2), radix: 16) }
        if digits.hasPrefix("0o") { return Int(digits.dropFirst(2), radix: 8) }
        if digits.hasPrefix("0b") { return Int(digits.dropFirst(2), radix: 2) }
        return Int(digits)
    }
}
