/// The shape of the syntax tree, for passes that walk it generically: an expression's
/// operands, a statement's own expressions and nested bodies, and a rewrite of the
/// bodies. A pass that cares about one kind of node matches that kind and leaves
/// everything else to these (so a new kind of node is taught here once).
extension Syntax.Expression {
    /// The operands, left to right.
    var children: [Syntax.Expression] {
        switch kind {
        case let .member(base, _): return [base]
        case let .subscriptAccess(base, index): return [base, index]
        case let .call(_, arguments): return arguments.map(\.value)
        case let .arrayRepeating(_, value, count): return [value, count]
        case .arrayLiteral(let elements): return elements
        case let .append(array, value): return [array, value]
        case .unary(_, let operand), .parenthesized(let operand): return [operand]
        case let .binary(_, lhs, rhs): return [lhs, rhs]
        case let .ternary(condition, thenValue, elseValue): return [condition, thenValue, elseValue]
        case .integer, .float, .boolean, .name, .invalid: return []
        }
    }

    /// Every name this expression reads, with its location, in no particular order.
    var names: [(name: String, location: SourceLocation)] {
        var names: [(name: String, location: SourceLocation)] = []
        var pending = [self]
        while let next = pending.popLast() {
            if case .name(let name) = next.kind { names.append((name, next.location)) }
            pending += next.children
        }
        return names
    }
}

extension Syntax.Sequence {
    /// The bounds, step or array the loop walks.
    var expressions: [Syntax.Expression] {
        switch self {
        case let .range(lower, upper, _): return [lower, upper]
        case let .stride(from, bound, by, _): return [from, bound, by]
        case .elements(let array), .indices(let array), .enumerated(let array, _, _): return [array]
        }
    }
}

extension Syntax.Statement {
    /// The expressions of the statement itself, not of its nested bodies.
    var ownExpressions: [Syntax.Expression] {
        switch kind {
        case let .declaration(_, _, _, _, initializer): return initializer.map { [$0] } ?? []
        case let .assignment(target, _, value): return [target, value]
        case let .forIn(_, _, sequence, _): return sequence.expressions
        case .whileLoop(let condition, _), .ifElse(let condition, _, _), .repeatWhile(_, let condition),
             .guardElse(let condition, _):
            return [condition]
        case .returnValue(let value): return value.map { [$0] } ?? []
        case .expression(let value): return [value]
        case let .switchCases(subject, cases, _): return [subject] + cases.flatMap(\.values)
        case .labelled, .breakLoop, .continueLoop, .fallthroughCase, .invalid: return []
        }
    }

    /// The nested statement lists: a loop's body, both branches (a missing `else` as an
    /// empty list), each case and the default of a `switch`, a labelled loop as a list of one.
    var bodies: [[Syntax.Statement]] {
        switch kind {
        case .forIn(_, _, _, let body), .whileLoop(_, let body), .repeatWhile(let body, _), .guardElse(_, let body):
            return [body]
        case let .ifElse(_, thenBody, elseBody): return [thenBody, elseBody ?? []]
        case .labelled(_, let loop): return [[loop]]
        case let .switchCases(_, cases, defaultBody): return cases.map(\.body) + [defaultBody ?? []]
        case .declaration, .assignment, .returnValue, .breakLoop, .continueLoop, .fallthroughCase, .expression, .invalid:
            return []
        }
    }

    /// The statement with each nested body replaced by `transform` of it (a missing
    /// `else` or `default` stays missing; a labelled loop stays one statement).
    func mappingBodies(_ transform: ([Syntax.Statement]) -> [Syntax.Statement]) -> Syntax.Statement {
        var statement = self
        switch kind {
        case let .forIn(variable, variableLocation, sequence, body):
            statement.kind = .forIn(variable: variable, variableLocation: variableLocation, sequence: sequence,
                                    body: transform(body))
        case let .whileLoop(condition, body): statement.kind = .whileLoop(condition: condition, body: transform(body))
        case let .repeatWhile(body, condition): statement.kind = .repeatWhile(body: transform(body), condition: condition)
        case let .guardElse(condition, body): statement.kind = .guardElse(condition: condition, body: transform(body))
        case let .ifElse(condition, thenBody, elseBody):
            statement.kind = .ifElse(condition: condition, then: transform(thenBody), else: elseBody.map(transform))
        case let .labelled(label, loop):
            // The transform of a one-statement list is expected to keep one statement.
            statement.kind = .labelled(label: label, loop: transform([loop]).first ?? loop)
        case let .switchCases(subject, cases, defaultBody):
            let rewritten = cases.map { switchCase -> Syntax.SwitchCase in
                var switchCase = switchCase
                switchCase.body = transform(switchCase.body)
                return switchCase
            }
            statement.kind = .switchCases(subject: subject, cases: rewritten, default: defaultBody.map(transform))
        case .declaration, .assignment, .returnValue, .breakLoop, .continueLoop, .fallthroughCase, .expression, .invalid:
            break
        }
        return statement
    }
}
