/// Translates IR functions into the ``SwiftModel``: names are kept, parentheses are
/// inserted exactly where Swift's precedence needs them, so the printed expression
/// has the same tree, hence the same floating-point operations, as the IR.
public enum SwiftTranslator {
    public static func translate(_ function: IR.Function) -> SwiftModel.Function {
        let returnType: String
        if function.results.count == 1, function.results[0].label == nil {
            returnType = function.results[0].type.description
        } else {
            returnType = "(" + function.results.map { "\($0.label.map { "\($0): " } ?? "")\($0.type)" }
                .joined(separator: ", ") + ")"
        }
        let labels = function.results.map(\.label)
        return SwiftModel.Function(
            docComment: function.docComment.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 },
            access: function.isInternal ? "fileprivate" : nil,
            name: function.name,
            parameters: function.parameters.map {
                SwiftModel.Parameter(label: $0.label, name: $0.name, type: $0.type.description)
            },
            returnType: returnType,
            body: arrayMethods(statements(function.body, resultLabels: labels, lanesParameters: lanesParameters(function)),
                               arrays: arrayNames(function)))
    }

    /// The parameters of `function` with lane storage: returning one needs a copy, or
    /// the caller's argument and the result would share storage.
    static func lanesParameters(_ function: IR.Function) -> Set<String> {
        Set(function.parameters.filter { $0.type == .lanes }.map(\.name))
    }

    /// The names of `function`'s array variables (not its tapes).
    static func arrayNames(_ function: IR.Function) -> Set<String> {
        Set(function.variableTypes.filter { $0.value.isArray }.keys)
    }

    /// IR's `append` and `removeLast` print as a tape's `push` and `pop`; on an array
    /// they are its own `append(_:)` and `removeLast()`.
    static func arrayMethods(_ body: [SwiftModel.Statement], arrays: Set<String>) -> [SwiftModel.Statement] {
        func renamed(_ expression: SwiftModel.Expression) -> SwiftModel.Expression {
            guard case let .call(.member(.raw(name), method), arguments) = expression, arrays.contains(name),
                  method == "push" || method == "pop" else { return expression }
            return .call(.member(.raw(name), method == "push" ? "append" : "removeLast"), arguments)
        }
        return body.map { statement in
            switch statement {
            case .expression(let call): return .expression(renamed(call))
            case let .assignment(target, op, value): return .assignment(target: target, op: op, value: renamed(value))
            case let .forIn(pattern, sequence, body):
                return .forIn(pattern: pattern, sequence: sequence, body: arrayMethods(body, arrays: arrays))
            case let .whileLoop(condition, body): return .whileLoop(condition: condition, body: arrayMethods(body, arrays: arrays))
            case let .ifElse(condition, thenBody, elseBody):
                return .ifElse(condition: condition, then: arrayMethods(thenBody, arrays: arrays),
                               else: arrayMethods(elseBody, arrays: arrays))
            case let .switchOver(subject, cases):
                return .switchOver(subject: subject, cases: cases.map {
                    SwiftModel.SwitchCase(pattern: $0.pattern, body: arrayMethods($0.body, arrays: arrays))
                })
            default: return statement
            }
        }
    }

    static func statements(_ body: [IR.Statement], resultLabels: [String?],
                           lanesParameters: Set<String> = []) -> [SwiftModel.Statement] {
        body.map { statement($0, resultLabels: resultLabels, lanesParameters: lanesParameters) }
    }

    static func statement(_ statement: IR.Statement, resultLabels: [String?],
                          lanesParameters: Set<String> = []) -> SwiftModel.Statement {
        let nested = { (body: [IR.Statement]) in
            statements(body, resultLabels: resultLabels, lanesParameters: lanesParameters)
        }
        switch statement.kind {
        case let .declare(name, type, mutable, value, annotated):
            let annotate = annotated || (type == .double && !hasTypeAnchor(value))
            return .declaration(mutable: mutable, pattern: name, type: annotate ? type.description : nil,
                                value: copiedValue(value))
        case let .assign(name, op, value):
            let (printedOp, printedValue) = compound(op, value)
            return .assignment(target: .raw(name), op: printedOp, value: copiedValue(printedValue))
        case let .store(array, index, op, value):
            let (printedOp, printedValue) = compound(op, value)
            return .assignment(target: .subscriptAccess(.raw(array), expression(index)), op: printedOp,
                               value: expression(printedValue))
        case let .append(array, value):
            return .expression(.call(.member(.raw(array), "push"), [(label: nil, value: expression(value))]))
        case let .removeLast(array, into, index):
            let pop = SwiftModel.Expression.call(.member(.raw(array), "pop"), [])
            guard let into else { return .expression(pop) }
            let target = index.map { SwiftModel.Expression.subscriptAccess(.raw(into), expression($0)) } ?? .raw(into)
            return .assignment(target: target, op: "=", value: pop)
        case .forLoop(let loop):
            return .forIn(pattern: loop.index ?? "_", sequence: sequence(loop.sequence), body: nested(loop.body))
        case let .whileLoop(condition, body):
            return .whileLoop(condition: expression(condition), body: nested(body))
        case let .ifElse(condition, thenBody, elseBody):
            return .ifElse(condition: expression(condition), then: nested(thenBody), else: nested(elseBody))
        case let .destructure(names, _, call):
            let pattern = "(" + names.map { $0 ?? "_" }.joined(separator: ", ") + ")"
            return .declaration(mutable: false, pattern: pattern, type: nil, value: callExpression(call))
        case .returnValues(let values):
            let printed = values.enumerated().map { position, value in
                let shared = value.variableName.map { name in
                    lanesParameters.contains(name) || values.prefix(position).contains { $0.variableName == name }
                } ?? false
                return shared ? copiedValue(value) : expression(value)
            }
            if values.count == 1, resultLabels.first == .some(nil) { return .returnStatement(printed[0]) }
            return .returnStatement(.tuple(zip(resultLabels, printed).map { (label: $0, value: $1) }))
        case .comment(let text):
            return .comment(text)
        case .checkpoint(let checkpoint):
            return CheckpointTranslation.statement(checkpoint, nested: nested, expression: expression)
        }
    }

    /// A value stored into a variable: lane storage read from a variable is copied
    /// (`ADGenLanes(copying: vx)`), as assigning an array would; anything else as is.
    static func copiedValue(_ value: IR.Expression) -> SwiftModel.Expression {
        guard value.type == .lanes, let name = value.variableName else { return expression(value) }
        return .call(.raw(IRType.lanes.description), [(label: "copying", value: .raw(name))])
    }

    /// `x += -e` prints as `x -= e` (IEEE defines subtraction as adding the negation,
    /// so the value is the same bit for bit).
    static func compound(_ op: IR.BinaryOp?, _ value: IR.Expression) -> (String, IR.Expression) {
        if op == .add, case .unary(.negate, let operand) = value.kind, value.type == .double || value.type == .complex {
            return ("-=", operand)
        }
        return ((op?.rawValue ?? "") + "=", value)
    }

    static func sequence(_ sequence: IR.Sequence) -> SwiftModel.Expression {
        switch sequence {
        case let .range(lower, upper, closed):
            return .range(rangeOperand(lower), closed ? "..." : "..<", rangeOperand(upper))
        case let .reversedRange(lower, upper, closed):
            let range = SwiftModel.Expression.range(rangeOperand(lower), closed ? "..." : "..<", rangeOperand(upper))
            return .call(.member(.parenthesized(range), "reversed"), [])
        case let .stride(from, bound, by, through):
            return .call(.raw("stride"), [(label: "from", value: expression(from)),
                                          (label: through ? "through" : "to", value: expression(bound)),
                                          (label: "by", value: expression(by))])
        }
    }

    /// Range operands bind tighter than comparisons but looser than `+`.
    static func rangeOperand(_ operand: IR.Expression) -> SwiftModel.Expression {
        if case .binary(let op, _, _) = operand.kind, op.precedence < IR.BinaryOp.add.precedence {
            return .parenthesized(expression(operand))
        }
        if case .ternary = operand.kind { return .parenthesized(expression(operand)) }
        return expression(operand)
    }

    static func callExpression(_ call: IR.Call) -> SwiftModel.Expression {
        .call(.raw(call.function), call.arguments.map { (label: $0.label, value: expression($0.value)) })
    }

    public static func expression(_ expression: IR.Expression) -> SwiftModel.Expression {
        if expression.type == .complex, let complex = complexSpelling(expression) { return complex }
        switch expression.kind {
        case let .double(value, spelling):
            return .raw(spelling.isEmpty ? IR.Expression.spell(value) : spelling)
        case let .int(_, spelling):
            return .raw(spelling)
        case .bool(let value):
            return .raw(value ? "true" : "false")
        case .variable(let name):
            return .raw(name)
        case .pi:
            return .member(.raw("Double"), "pi")
        case let .element(array, index):
            return .subscriptAccess(.raw(array), self.expression(index))
        case .count(let array):
            return .member(.raw(array), "count")
        case let .unary(op, operand):
            let inner = self.expression(operand)
            let needsParens: Bool
            switch operand.kind {
            case .binary: needsParens = !rendersAsCall(operand)
            case .ternary, .unary: needsParens = true
            case .double(let value, _) where operand.type == .double: needsParens = value < 0 || (value == 0 && value.sign == .minus)
            case .int(let value, _): needsParens = value < 0
            default: needsParens = false
            }
            return .prefix(op.rawValue, needsParens ? .parenthesized(inner) : inner)
        case let .binary(op, lhs, rhs):
            if let comparison = complexComparison(op, lhs, rhs) { return comparison }
            return .infix(operand(lhs, of: op, isRight: false), op.rawValue, operand(rhs, of: op, isRight: true))
        case let .ternary(condition, thenValue, elseValue):
            let conditionExpression = self.expression(condition)
            let wrappedCondition: SwiftModel.Expression
            if case .ternary = condition.kind { wrappedCondition = .parenthesized(conditionExpression) } else {
                wrappedCondition = conditionExpression
            }
            let thenExpression = self.expression(thenValue)
            let wrappedThen: SwiftModel.Expression
            if case .ternary = thenValue.kind { wrappedThen = .parenthesized(thenExpression) } else {
                wrappedThen = thenExpression
            }
            return .ternary(wrappedCondition, wrappedThen, self.expression(elseValue))
        case let .builtin(builtin, arguments):
            return .call(.raw(builtin.swiftName), arguments.map { (label: nil, value: self.expression($0)) })
        case .call(let call):
            return callExpression(call)
        case .intToDouble(let value):
            return .call(.raw("Double"), [(label: nil, value: self.expression(value))])
        case .newTape:
            return .call(.raw(expression.type.description), [])
        case let .repeating(value, count):
            let type = expression.type == .lanes ? expression.type.description : "[\(expression.type.element ?? .double)]"
            return .call(.raw(type),
                         [(label: "repeating", value: self.expression(value)), (label: "count", value: self.expression(count))])
        }
    }

    /// Parenthesizes a binary operand when Swift would otherwise group differently.
    static func operand(_ operand: IR.Expression, of op: IR.BinaryOp, isRight: Bool) -> SwiftModel.Expression {
        let rendered = expression(operand)
        switch operand.kind {
        case .ternary:
            return .parenthesized(rendered)
        case .binary(let inner, _, _) where !rendersAsCall(operand):
            let needs = inner.precedence < op.precedence
                || (inner.precedence == op.precedence && (isRight || op.isComparison))
            return needs ? .parenthesized(rendered) : rendered
        default:
            return rendered
        }
    }

    /// Whether Swift can infer `Double` for this expression without an annotation:
    /// an expression of literals alone (also inside `min`, `max`, `abs`) would be inferred
    /// as `Int`, and `lgamma(x)` alone is ambiguous (Glibc and Darwin also have `lgamma(_:) -> (Double, Int)`).
    static func hasTypeAnchor(_ expression: IR.Expression) -> Bool {
        switch expression.kind {
        case .double where expression.type == .complex, .int where expression.type == .complex:
            return true
        case .double(_, let spelling):
            return spelling.contains(".") || spelling.contains("e") || spelling.contains("E") || spelling.isEmpty
        case .int, .bool: return false
        case .variable, .pi, .element, .count, .call, .intToDouble, .repeating, .newTape: return true
        case let .builtin(builtin, arguments):
            // `min`, `max` and `abs` are generic: `min(1, 2)` alone is an Int.
            if [.min, .max, .abs].contains(builtin) { return arguments.contains(where: hasTypeAnchor) }
            return builtin != .lgamma
        case .unary(_, let operand): return hasTypeAnchor(operand)
        case let .binary(_, lhs, rhs): return hasTypeAnchor(lhs) || hasTypeAnchor(rhs)
        case let .ternary(_, thenValue, elseValue): return hasTypeAnchor(thenValue) || hasTypeAnchor(elseValue)
        }
    }
}
