/// The type an expression has before context decides its literals, as in Swift:
/// an integer literal is `Int` unless a `Double` is expected.
enum NaturalType: Equatable {
    case known(IRType)
    case integerLiteral
    /// An array literal of integer literals: `[Int]` unless `[Double]` is expected.
    case integerLiteralArray
    /// Already reported; suppresses follow-on errors.
    case error

    func resolved(expecting expected: IRType?) -> IRType? {
        switch self {
        case .known(let type): return type
        case .integerLiteral: return expected == .double ? .double : .int
        case .integerLiteralArray: return expected == .doubleArray ? .doubleArray : .intArray
        case .error: return nil
        }
    }
}

extension FunctionLowering {
    /// Types and lowers `expression`. `expected` is the type the context requires
    /// (a declaration's annotation, a parameter type); mismatches are reported.
    mutating func lowerExpression(_ expression: Syntax.Expression, expecting expected: IRType?,
                                  what: String = "value") -> IR.Expression {
        if case .arrayLiteral(let elements) = expression.kind, elements.isEmpty, let expected, expected.isArray {
            return emptyArray(expected, count: 0)  // `a = []`, `f([])`: the type is the context's
        }
        let natural = naturalType(expression)
        guard let type = natural.resolved(expecting: expected) else { return placeholder(expected, expression) }
        if let expected, type != expected {
            error("cannot convert \(what) of type '\(type)' to expected type '\(expected)'"
                  + (type == .int && expected == .double ? "; use 'Double(...)'" : ""), at: expression.location)
            return placeholder(expected, expression)
        }
        return lower(expression, as: type)
    }

    func placeholder(_ type: IRType?, _ expression: Syntax.Expression) -> IR.Expression {
        IR.Expression(.double(0, spelling: "0.0"), type ?? .double, at: expression.location)
    }

    /// The natural type of an expression (bottom-up, literals left open).
    mutating func naturalType(_ expression: Syntax.Expression) -> NaturalType {
        switch expression.kind {
        case .integer: return .integerLiteral
        case .float: return .known(.double)
        case .boolean: return .known(.bool)
        case .invalid: return .error
        case .name(let name):
            if let info = scopes.lookup(name) { return info.poisoned ? .error : .known(info.type) }
            if signatures[name] != nil || Builtin(callee: name) != nil {
                error("unsupported in adgen: functions as values; call '\(name)(...)'", at: expression.location)
            } else if let spelling = ForeignFunctions.constants[name] {
                error("unsupported in adgen: '\(name)'; use '\(spelling)'", at: expression.location)
            } else {
                error("cannot find '\(name)' in scope", at: expression.location)
            }
            return .error
        case let .member(base, name):
            return memberType(base: base, name: name, at: expression.location)
        case let .subscriptAccess(base, _):
            guard case .name(let name) = base.kind else {
                error("unsupported in adgen: subscript of this expression; subscript a named array", at: base.location)
                return .error
            }
            guard let info = scopes.lookup(name) else {
                error("cannot find '\(name)' in scope", at: base.location)
                return .error
            }
            if info.poisoned { return .error }
            guard let element = info.type.element else {
                error("value of type '\(info.type)' has no subscripts", at: base.location)
                return .error
            }
            return .known(element)
        case let .call(name, arguments):
            return callType(name: name, arguments: arguments, at: expression.location)
        case let .arrayRepeating(element, _, _):
            switch (element.name) {
            case "Double": return .known(.doubleArray)
            case "Int": return .known(.intArray)
            default:
                error("unsupported in adgen: arrays of '\(element.name)'; use [Double] or [Int]", at: element.location)
                return .error
            }
        case .arrayLiteral(let elements):
            return arrayLiteralType(elements, at: expression.location)
        case .append:
            error("'append' returns nothing; call it as a statement", at: expression.location)
            return .error
        case let .unary(op, operand):
            let inner = naturalType(operand)
            if op == "!" { return inner == .error ? .error : .known(.bool) }
            if case .known(let type) = inner, type != .double, type != .int {
                error("unary operator '-' cannot be applied to an operand of type '\(type)'", at: expression.location)
                return .error
            }
            return inner
        case let .binary(op, lhs, rhs):
            return binaryType(op: op, lhs: lhs, rhs: rhs, at: expression.location)
        case let .ternary(condition, thenValue, elseValue):
            if naturalType(condition) == .error { return .error }
            return unify(naturalType(thenValue), naturalType(elseValue), at: expression.location,
                         context: "result values in '? :' expression")
        case .parenthesized(let inner):
            return naturalType(inner)
        }
    }

    var signatures: [String: Sema.Signature] { sema.signatures }

    mutating func unify(_ a: NaturalType, _ b: NaturalType, at location: SourceLocation, context: String) -> NaturalType {
        switch (a, b) {
        case (.error, _), (_, .error): return .error
        case (.integerLiteral, .integerLiteral): return .integerLiteral
        case (.integerLiteralArray, .integerLiteralArray): return a
        case (.integerLiteralArray, .known(.doubleArray)), (.integerLiteralArray, .known(.intArray)): return b
        case (.known(.doubleArray), .integerLiteralArray), (.known(.intArray), .integerLiteralArray): return a
        case (.integerLiteral, .known(.double)), (.integerLiteral, .known(.int)): return b
        case (.known(.double), .integerLiteral), (.known(.int), .integerLiteral): return a
        case let (.known(x), .known(y)) where x == y: return a
        default:
            let describe = { (t: NaturalType) -> String in
                if case .known(let type) = t { return "'\(type)'" }
                return t == .integerLiteral ? "integer literal" : "array literal of integers"
            }
            error("\(context) have mismatching types \(describe(a)) and \(describe(b))"
                  + (a == .known(.int) || b == .known(.int) ? "; convert with 'Double(...)'" : ""), at: location)
            return .error
        }
    }

    mutating func memberType(base: Syntax.Expression, name: String, at location: SourceLocation) -> NaturalType {
        if case .name("Double") = base.kind {
            if name == "pi" { return .known(.double) }
            error("unsupported in adgen: 'Double.\(name)'; only 'Double.pi' is available", at: location)
            return .error
        }
        if name == "count" {
            let baseType = naturalType(base)
            if case .known(let type) = baseType, type.isArray {
                if case .name = base.kind { return .known(.int) }
                error("unsupported in adgen: '.count' of this expression; use a named array", at: location)
                return .error
            }
            if baseType == .error { return .error }
        }
        error("unsupported in adgen: member '.\(name)'; adgen supports 'a.count' and 'Double.pi'", at: location)
        return .error
    }

    mutating func binaryType(op: String, lhs: Syntax.Expression, rhs: Syntax.Expression,
                             at location: SourceLocation) -> NaturalType {
        let left = naturalType(lhs)
        let right = naturalType(rhs)
        switch op {
        case "&&", "||":
            for (side, type) in [(lhs, left), (rhs, right)] {
                if case .known(let t) = type, t != .bool {
                    error("'\(op)' needs Bool operands, not '\(t)'", at: side.location)
                    return .error
                }
                if type == .integerLiteral {
                    error("'\(op)' needs Bool operands, not an integer literal", at: side.location)
                    return .error
                }
            }
            return left == .error || right == .error ? .error : .known(.bool)
        case "==", "!=", "<", "<=", ">", ">=":
            let unified = unify(left, right, at: location, context: "operands of '\(op)'")
            if case .known(let type) = unified, type.isArray {
                error("unsupported in adgen: comparing arrays", at: location)
                return .error
            }
            if case .known(.bool) = unified, op != "==", op != "!=" {
                error("binary operator '\(op)' cannot be applied to Bool operands", at: location)
                return .error
            }
            return unified == .error ? .error : .known(.bool)
        default:
            let unified = unify(left, right, at: location, context: "operands of '\(op)'")
            if case .known(let type) = unified, type != .double, type != .int {
                error("binary operator '\(op)' cannot be applied to operands of type '\(type)'", at: location)
                return .error
            }
            if op == "%", unified == .known(.double) {
                error("'%' is unavailable for 'Double'; use 'fmod' outside adgen or keep '%' on Int", at: location)
                return .error
            }
            return unified
        }
    }

    mutating func callType(name: String, arguments: [Syntax.Argument], at location: SourceLocation) -> NaturalType {
        if let helper = signatures[name], helper.isHelper {
            if helper.returnsValue { return .known(helper.result) }
            error("'\(name)' has 'inout' parameters and returns nothing; call it as a statement", at: location)
            return .error
        }
        if let marked = arguments.first(where: \.isInout) {
            error("'&' used with an argument that is not 'inout'; '\(name)' takes its arguments by value", at: marked.location)
            return .error
        }
        if name == "Double" {
            guard arguments.count == 1, arguments[0].label == nil else {
                error("'Double(...)' takes one unlabeled Int argument", at: location)
                return .error
            }
            let argument = naturalType(arguments[0].value)
            if argument == .known(.bool) {
                error("cannot convert 'Bool' to 'Double'", at: arguments[0].location)
                return .error
            }
            if case .known(let type) = argument, type.isArray {
                error("cannot convert '\(type)' to 'Double'", at: arguments[0].location)
                return .error
            }
            return argument == .error ? .error : .known(.double)
        }
        if let builtin = Builtin(callee: name) {
            guard arguments.count == builtin.arity else {
                let extra = builtin == .min || builtin == .max ? "; adgen's \(name) takes two or more values" : ""
                error("'\(name)' takes \(builtin.arity) argument\(builtin.arity == 1 ? "" : "s"), found \(arguments.count)\(extra)",
                      at: location)
                return .error
            }
            if let labelled = arguments.first(where: { $0.label != nil }) {
                error("extraneous argument label '\(labelled.label!):' in call to '\(name)'", at: labelled.location)
                return .error
            }
            guard builtin.acceptsInt else {
                for argument in arguments {
                    let type = naturalType(argument.value)
                    if case .known(let t) = type, t != .double {
                        error("cannot convert value of type '\(t)' to expected argument type 'Double' in '\(name)'"
                              + (t == .int ? "; use 'Double(...)'" : ""), at: argument.location)
                        return .error
                    }
                    if type == .error { return .error }
                }
                return .known(.double)
            }
            var type = naturalType(arguments[0].value)
            for argument in arguments.dropFirst() {
                type = unify(type, naturalType(argument.value), at: argument.location, context: "arguments of '\(name)'")
            }
            if case .known(let t) = type, t != .double, t != .int {
                error("'\(name)' needs Double or Int arguments, not '\(t)'", at: location)
                return .error
            }
            return type
        }
        if name == "stride" {
            error("unsupported in adgen: 'stride' outside a 'for' loop header", at: location)
            return .error
        }
        if ["Int", "Float", "Bool", "Array", "print", "fatalError", "precondition", "assert"].contains(name) {
            error("unsupported in adgen: '\(name)(...)'", at: location)
            return .error
        }
        guard let callee = signatures[name] else {
            if let hint = ForeignFunctions.hints[name] {
                error("unsupported in adgen: '\(name)' is not a builtin; \(hint)", at: location)
                return .error
            }
            error("cannot find function '\(name)' in scope", at: location)
            return .error
        }
        calls.append((callee: name, location: location))
        let parameters = callee.parameters
        guard arguments.count == parameters.count else {
            error("'\(name)' takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), found \(arguments.count)",
                  at: location)
            return .error
        }
        for (argument, parameter) in zip(arguments, parameters) where argument.label != parameter.label {
            let expected = parameter.label.map { "'\($0):'" } ?? "no label"
            let found = argument.label.map { "'\($0):'" } ?? "no label"
            error("argument label mismatch in call to '\(name)': expected \(expected), found \(found)",
                  at: argument.location)
            return .error
        }
        for (argument, parameter) in zip(arguments, parameters) {
            if case .arrayLiteral(let elements) = argument.value.kind, elements.isEmpty, parameter.type.isArray { continue }
            if naturalType(argument.value) == .error { return .error }
        }
        return .known(callee.result)
    }
}
