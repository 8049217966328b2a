/// Structural rewriting of IR: an expression with its children replaced, a statement
/// with its own expressions replaced.
extension IR.Expression {
    /// This expression with each immediate subexpression replaced by `transform` of it.
    func mappingChildren(_ transform: (IR.Expression) -> IR.Expression) -> IR.Expression {
        var expression = self
        switch kind {
        case .double, .int, .bool, .pi, .newTape, .variable, .count: return self
        case let .element(array, index): expression.kind = .element(array: array, index: transform(index))
        case let .unary(op, operand): expression.kind = .unary(op, transform(operand))
        case .intToDouble(let operand): expression.kind = .intToDouble(transform(operand))
        case let .binary(op, lhs, rhs): expression.kind = .binary(op, transform(lhs), transform(rhs))
        case let .ternary(condition, thenValue, elseValue):
            expression.kind = .ternary(condition: transform(condition), then: transform(thenValue), else: transform(elseValue))
        case let .builtin(builtin, arguments): expression.kind = .builtin(builtin, arguments.map(transform))
        case .call(var call):
            call.arguments = call.arguments.map { IR.Argument(label: $0.label, value: transform($0.value)) }
            expression.kind = .call(call)
        case let .repeating(value, count): expression.kind = .repeating(value: transform(value), count: transform(count))
        }
        return expression
    }

    /// Top-down rewriting: where `rule` returns a replacement, it is rewritten again;
    /// elsewhere the children are.
    func rewritten(_ rule: (IR.Expression) -> IR.Expression?) -> IR.Expression {
        if let replacement = rule(self) { return replacement.rewritten(rule) }
        return mappingChildren { $0.rewritten(rule) }
    }
}

extension IR.Statement {
    /// The name a `let`/`var` declares.
    var declaredName: String? {
        if case .declare(let name, _, _, _, _) = kind { return name }
        return nil
    }

    /// This statement with each of its own expressions (``ownExpressions``, plus a
    /// pop's index) replaced by `transform` of it; nested bodies are left alone.
    func mappingOwnExpressions(_ transform: (IR.Expression) -> IR.Expression) -> IR.Statement {
        var statement = self
        switch kind {
        case let .declare(name, type, mutable, value, annotated):
            statement.kind = .declare(name: name, type: type, mutable: mutable, value: transform(value), annotated: annotated)
        case let .assign(name, op, value):
            statement.kind = .assign(name: name, op: op, value: transform(value))
        case let .store(array, index, op, value):
            statement.kind = .store(array: array, index: transform(index), op: op, value: transform(value))
        case let .append(array, value):
            statement.kind = .append(array: array, value: transform(value))
        case let .removeLast(array, into, index):
            statement.kind = .removeLast(array: array, into: into, index: index.map(transform))
        case .forLoop(var loop):
            switch loop.sequence {
            case let .range(lower, upper, closed): loop.sequence = .range(lower: transform(lower), upper: transform(upper), closed: closed)
            case let .reversedRange(lower, upper, closed):
                loop.sequence = .reversedRange(lower: transform(lower), upper: transform(upper), closed: closed)
            case let .stride(from, bound, by, through):
                loop.sequence = .stride(from: transform(from), bound: transform(bound), by: transform(by), through: through)
            }
            statement.kind = .forLoop(loop)
        case let .whileLoop(condition, body):
            statement.kind = .whileLoop(condition: transform(condition), body: body)
        case let .ifElse(condition, thenBody, elseBody):
            statement.kind = .ifElse(condition: transform(condition), then: thenBody, else: elseBody)
        case .destructure(let names, let types, var call):
            call.arguments = call.arguments.map { IR.Argument(label: $0.label, value: transform($0.value)) }
            statement.kind = .destructure(names: names, types: types, call: call)
        case .returnValues(let values):
            statement.kind = .returnValues(values.map(transform))
        case .comment:
            break
        case .checkpoint(let checkpoint):
            statement.kind = .checkpoint(checkpoint.mappingOwnExpressions(transform))
        }
        return statement
    }
}
