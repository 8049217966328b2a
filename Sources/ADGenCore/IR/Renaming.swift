/// Renames variables throughout IR code: declarations, reads, writes, loop indices.
/// Names missing from the map are kept.
enum Renaming {
    static func rename(_ body: [IR.Statement], _ map: [String: String]) -> [IR.Statement] {
        body.map { rename($0, map) }
    }

    static func rename(_ statement: IR.Statement, _ map: [String: String]) -> IR.Statement {
        func n(_ name: String) -> String { map[name] ?? name }
        var statement = renameReads(of: statement, map)
        switch statement.kind {
        case let .declare(name, type, mutable, value, annotated):
            statement.kind = .declare(name: n(name), type: type, mutable: mutable, value: value, annotated: annotated)
        case .forLoop(var loop):
            loop.index = loop.index.map(n)
            loop.body = rename(loop.body, map)
            statement.kind = .forLoop(loop)
        case let .destructure(names, types, call):
            statement.kind = .destructure(names: names.map { $0.map(n) }, types: types, call: call)
        default:
            statement = statement.mappingBodies { rename($0, map) }
        }
        return statement
    }

    /// The statement's own reads and writes renamed — not the names it declares, not its
    /// nested bodies (for passes that walk scopes themselves, like ``UniqueNames``).
    static func renameReads(of statement: IR.Statement, _ map: [String: String]) -> IR.Statement {
        guard !map.isEmpty else { return statement }
        func n(_ name: String) -> String { map[name] ?? name }
        var statement = statement.mappingOwnExpressions { rename($0, map) }
        switch statement.kind {
        case let .assign(name, op, value):
            statement.kind = .assign(name: n(name), op: op, value: value)
        case let .store(array, index, op, value):
            statement.kind = .store(array: n(array), index: index, op: op, value: value)
        case let .append(array, value):
            statement.kind = .append(array: n(array), value: value)
        case let .removeLast(array, into, index):
            statement.kind = .removeLast(array: n(array), into: into.map(n), index: index)
        default:
            break
        }
        return statement
    }

    static func rename(_ call: IR.Call, _ map: [String: String]) -> IR.Call {
        IR.Call(function: call.function, arguments: call.arguments.map { IR.Argument(label: $0.label, value: rename($0.value, map)) })
    }

    static func rename(_ expression: IR.Expression, _ map: [String: String]) -> IR.Expression {
        func n(_ name: String) -> String { map[name] ?? name }
        func e(_ expression: IR.Expression) -> IR.Expression { rename(expression, map) }
        var expression = expression
        switch expression.kind {
        case .variable(let name): expression.kind = .variable(n(name))
        case let .element(array, index): expression.kind = .element(array: n(array), index: e(index))
        case .count(let array): expression.kind = .count(array: n(array))
        case let .unary(op, operand): expression.kind = .unary(op, e(operand))
        case let .binary(op, lhs, rhs): expression.kind = .binary(op, e(lhs), e(rhs))
        case let .ternary(condition, thenValue, elseValue):
            expression.kind = .ternary(condition: e(condition), then: e(thenValue), else: e(elseValue))
        case let .builtin(builtin, arguments): expression.kind = .builtin(builtin, arguments.map(e))
        case .call(let call): expression.kind = .call(rename(call, map))
        case .intToDouble(let value): expression.kind = .intToDouble(e(value))
        case let .repeating(value, count): expression.kind = .repeating(value: e(value), count: e(count))
        case .double, .int, .bool, .pi, .newTape: break
        }
        return expression
    }
}
