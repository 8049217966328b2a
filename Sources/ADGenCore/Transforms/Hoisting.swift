/// Moves chosen subexpressions out of larger expressions into declarations of their
/// own, `let t = g(x)`, placed just before the statement that used them.
///
/// Used twice: every call of a user function gets a name (derivative code calls the
/// callee's derived function and needs the value and derivative under names), and,
/// before reverse mode, every expensive builtin (``ExpensiveValueNaming``).
/// Functions are pure, so evaluating the expression first changes no result; the
/// caller's floating-point operations keep their order. A branch of `c ? a : b` is
/// never evaluated eagerly — it may be guarded by `c` against an out-of-range index or
/// an overflow — so a ternary whose branches hold something to hoist becomes an `if`
/// assigning a temporary, and hoisting goes on inside each branch. Conditions of
/// loops and branches are left alone: they carry no derivative.
struct Hoisting {
    var names: NameAllocator
    /// Whether a subexpression gets its own declaration.
    let shouldHoist: (IR.Expression) -> Bool
    /// When true, a hoistable expression that is a whole right-hand side stays there.
    var keepsWholeRightHandSide = false
    var hoisted: [IR.Statement] = []

    init(names: NameAllocator, keepsWholeRightHandSide: Bool = false, shouldHoist: @escaping (IR.Expression) -> Bool) {
        self.names = names
        self.keepsWholeRightHandSide = keepsWholeRightHandSide
        self.shouldHoist = shouldHoist
    }

    mutating func block(_ body: [IR.Statement]) -> [IR.Statement] {
        var result: [IR.Statement] = []
        for statement in body {
            var statement = statement
            switch statement.kind {
            case let .declare(name, type, mutable, value, annotated):
                statement.kind = .declare(name: name, type: type, mutable: mutable, value: rightHandSide(value), annotated: annotated)
            case let .assign(name, op, value):
                statement.kind = .assign(name: name, op: op, value: op == nil ? rightHandSide(value) : hoist(value))
            case let .store(array, index, op, value):
                statement.kind = .store(array: array, index: index, op: op, value: hoist(value))
            case let .append(array, value):
                statement.kind = .append(array: array, value: hoist(value))
            case .returnValues(let values):
                statement.kind = .returnValues(values.map { hoist($0) })
            default:
                statement = statement.mappingBodies { block($0) }
            }
            result += hoisted
            hoisted = []
            result.append(statement)
        }
        return result
    }

    mutating func rightHandSide(_ value: IR.Expression) -> IR.Expression {
        guard keepsWholeRightHandSide, shouldHoist(value) else { return hoist(value) }
        return children(value)
    }

    /// `expression` with its hoistable parts replaced by names.
    mutating func hoist(_ expression: IR.Expression) -> IR.Expression {
        let inner = children(expression)
        guard shouldHoist(expression) else { return inner }
        let name = names.numbered(Naming.temporary)
        hoisted.append(IR.Statement(.declare(name: name, type: expression.type, mutable: false, value: inner,
                                             annotated: false), at: expression.location))
        return IR.Expression(.variable(name), expression.type, at: expression.location)
    }

    /// Hoists inside the operands of `expression`, not `expression` itself.
    mutating func children(_ expression: IR.Expression) -> IR.Expression {
        var expression = expression
        switch expression.kind {
        case .call(var call):
            call.arguments = call.arguments.map { IR.Argument(label: $0.label, value: hoist($0.value)) }
            expression.kind = .call(call)
        case let .unary(op, operand):
            expression.kind = .unary(op, hoist(operand))
        case let .binary(op, lhs, rhs):
            if op.isLogical || op.isComparison { return expression }
            let left = hoist(lhs)
            expression.kind = .binary(op, left, hoist(rhs))
        case let .ternary(condition, thenValue, elseValue):
            guard thenValue.contains(where: shouldHoist) || elseValue.contains(where: shouldHoist) else { return expression }
            let name = names.numbered(Naming.temporary)
            let saved = hoisted
            hoisted = []
            let thenBody = block([IR.Statement(.assign(name: name, op: nil, value: thenValue))])
            let elseBody = block([IR.Statement(.assign(name: name, op: nil, value: elseValue))])
            hoisted = saved
            hoisted.append(IR.Statement(.declare(name: name, type: expression.type, mutable: true,
                                                 value: IR.Expression.placeholder(expression.type), annotated: true)))
            hoisted.append(IR.Statement(.ifElse(condition: condition, then: thenBody, else: elseBody)))
            return IR.Expression(.variable(name), expression.type, at: expression.location)
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

/// Every call of a user function gets a name (see ``Hoisting``).
enum CallHoisting {
    static func run(_ function: IR.Function) -> IR.Function {
        var pass = Hoisting(names: NameAllocator(reserving: Naming.names(in: function)), keepsWholeRightHandSide: true) {
            if case .call = $0.kind { return true }
            return false
        }
        var function = function
        function.body = pass.block(function.body)
        return function
    }
}
