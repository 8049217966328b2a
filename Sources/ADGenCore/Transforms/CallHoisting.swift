/// Moves every call of a user function out of larger expressions into its own
/// declaration, `let t = g(x)`, placed just before the statement that used it.
///
/// Derivative code calls the callee's derived function and needs the call's value
/// and derivative under a name. Functions are pure, so evaluating the call first
/// changes no result; the caller's own floating-point operations keep their order.
/// Calls in loop and branch conditions stay where they are: their values only
/// decide control flow and carry no derivative.
struct CallHoisting {
    var names: NameAllocator
    var hoisted: [IR.Statement] = []

    static func run(_ function: IR.Function) -> IR.Function {
        var pass = CallHoisting(names: NameAllocator(reserving: Naming.names(in: function)))
        var function = function
        function.body = pass.block(function.body)
        return function
    }

    mutating func block(_ body: [IR.Statement]) -> [IR.Statement] {
        var result: [IR.Statement] = []
        for statement in body {
            var statement = statement
            switch statement.kind {
            case let .declare(name, type, mutable, value, annotated):
                statement.kind = .declare(name: name, type: type, mutable: mutable, value: topLevel(value), annotated: annotated)
            case let .assign(name, op, value):
                statement.kind = .assign(name: name, op: op, value: op == nil ? topLevel(value) : hoist(value))
            case let .store(array, index, op, value):
                statement.kind = .store(array: array, index: index, op: op, value: hoist(value))
            case .returnValues(let values):
                statement.kind = .returnValues(values.map { hoist($0) })
            case .forLoop(var loop):
                loop.body = block(loop.body)
                statement.kind = .forLoop(loop)
            case let .whileLoop(condition, body):
                statement.kind = .whileLoop(condition: condition, body: block(body))
            case let .ifElse(condition, thenBody, elseBody):
                statement.kind = .ifElse(condition: condition, then: block(thenBody), else: block(elseBody))
            default:
                break
            }
            result += hoisted
            hoisted = []
            result.append(statement)
        }
        return result
    }

    /// A call that is the whole right-hand side stays; its arguments are hoisted.
    mutating func topLevel(_ value: IR.Expression) -> IR.Expression {
        guard case .call(var call) = value.kind else { return hoist(value) }
        call.arguments = call.arguments.map { IR.Argument(label: $0.label, value: hoist($0.value)) }
        return IR.Expression(.call(call), value.type, at: value.location)
    }

    mutating func hoist(_ expression: IR.Expression) -> IR.Expression {
        var expression = expression
        switch expression.kind {
        case .call:
            let call = topLevel(expression)
            let name = names.fresh(Naming.temporary)
            hoisted.append(IR.Statement(.declare(name: name, type: expression.type, mutable: false, value: call,
                                                 annotated: false), at: expression.location))
            return IR.Expression(.variable(name), expression.type, at: expression.location)
        case let .unary(op, operand):
            expression.kind = .unary(op, hoist(operand))
        case let .binary(op, lhs, rhs):
            if op.isLogical || op.isComparison { return expression }
            let left = hoist(lhs)
            expression.kind = .binary(op, left, hoist(rhs))
        case let .ternary(condition, thenValue, elseValue):
            expression.kind = .ternary(condition: condition, then: hoist(thenValue), else: hoist(elseValue))
        case let .builtin(builtin, arguments):
            expression.kind = .builtin(builtin, arguments.map { hoist($0) })
        case let .repeating(value, count):
            expression.kind = .repeating(value: hoist(value), count: count)
        default:
            break
        }
        return expression
    }
}
