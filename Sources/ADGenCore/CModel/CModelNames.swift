/// The names a C body mentions: a parameter it never mentions gets `(void)name;`, since
/// `-Wextra` warns about unused parameters.
enum CModelNames {
    static func used(in body: [CModel.Statement]) -> Set<String> {
        var names: Set<String> = []
        for statement in body { collect(statement, into: &names) }
        return names
    }

    static func collect(_ statement: CModel.Statement, into names: inout Set<String>) {
        func add(_ expression: CModel.Expression) { collect(expression, into: &names) }
        func addAll(_ statements: [CModel.Statement]) { for inner in statements { collect(inner, into: &names) } }
        switch statement {
        case .declaration(_, _, let value): value.map(add)
        case .arrayDeclaration(_, _, let count): add(count)
        case let .assignment(target, _, value): add(target); add(value)
        case .expression(let expression), .returnStatement(let expression): add(expression)
        case let .forLoop(_, start, condition, step, body): add(start); add(condition); add(step); addAll(body)
        case let .whileLoop(condition, body): add(condition); addAll(body)
        case let .ifElse(condition, then, otherwise): add(condition); addAll(then); addAll(otherwise)
        case .block(let body): addAll(body)
        case .comment: break
        }
    }

    static func collect(_ expression: CModel.Expression, into names: inout Set<String>) {
        switch expression {
        case .literal: break
        case .name(let name): names.insert(name)
        case .call(_, let arguments): for argument in arguments { collect(argument, into: &names) }
        case .prefix(_, let operand), .parenthesized(let operand), .cast(_, let operand): collect(operand, into: &names)
        case let .infix(lhs, _, rhs): collect(lhs, into: &names); collect(rhs, into: &names)
        case let .ternary(a, b, c): collect(a, into: &names); collect(b, into: &names); collect(c, into: &names)
        case let .subscriptAccess(base, index): collect(base, into: &names); collect(index, into: &names)
        }
    }
}
