extension ReverseMode {
    /// Reverse-sweep statements adding `seed · ∂expression/∂v` to the adjoint of every
    /// active variable `v` the expression reads. Intermediate values are recomputed
    /// into temporaries from the operands, which the sweep has restored.
    mutating func backpropagate(_ expression: IR.Expression, seed: IR.Expression) -> [IR.Statement] {
        var code: [IR.Statement] = []
        accumulate(expression, seed, into: &code)
        return code
    }

    mutating func accumulate(_ expression: IR.Expression, _ seed: IR.Expression, into code: inout [IR.Statement]) {
        guard isActive(expression) else { return }
        switch expression.kind {
        case .variable(let name):
            let adjoint = adjoints[name]!
            if expression.type.isArray {
                code += addArray(seed, into: adjoint)
            } else {
                code.append(IR.Statement(.assign(name: adjoint, op: .add, value: seed)))
            }
        case let .element(array, index):
            code.append(IR.Statement(.store(array: adjoints[array]!, index: index, op: .add, value: seed)))
        case .unary(.negate, let operand):
            accumulate(operand, -seed, into: &code)
        case let .binary(op, lhs, rhs):
            accumulateBinary(op, lhs, rhs, seed, into: &code)
        case let .ternary(condition, thenValue, elseValue):
            let shared = named(seed, into: &code)
            var thenCode: [IR.Statement] = []
            var elseCode: [IR.Statement] = []
            accumulate(thenValue, shared, into: &thenCode)
            accumulate(elseValue, shared, into: &elseCode)
            code.append(IR.Statement(.ifElse(condition: condition, then: thenCode, else: elseCode)))
        case let .builtin(builtin, arguments):
            guard builtin != .floor, builtin != .ceil else { return }
            let operands = arguments.map { named($0, into: &code) }
            var result = IR.Expression(.builtin(builtin, operands), expression.type)
            if ForwardMode.ruleReadsResult(builtin) { result = named(result, into: &code) }
            let partials = builtin.partials(operands, result)
            let activeCount = arguments.filter(isActive).count
            let shared = activeCount > 1 ? named(seed, into: &code) : seed
            for (argument, partial) in zip(arguments, partials) {
                guard let partial, isActive(argument) else { continue }
                accumulate(argument, shared * partial, into: &code)
            }
        case let .repeating(value, _):
            // d(value) += Σ seed[k]
            guard case .variable(let seedArray) = seed.kind else { preconditionFailure("array seed must be named") }
            let sum = names.numbered("sum")
            let index = names.numbered("k")
            code.append(IR.Statement(.declare(name: sum, type: .double, mutable: true, value: .lit(0), annotated: false)))
            code.append(IR.Statement(.forLoop(IR.ForLoop(
                index: index,
                sequence: .range(lower: .int(0), upper: IR.Expression(.count(array: seedArray), .int), closed: false),
                body: [IR.Statement(.assign(name: sum, op: .add, value: .element(seedArray, .variable(index, .int))))]))))
            accumulate(value, .variable(sum, .double), into: &code)
        case .call:
            preconditionFailure("calls are hoisted before reverse mode")
        default:
            break
        }
    }

    mutating func accumulateBinary(_ op: IR.BinaryOp, _ lhs: IR.Expression, _ rhs: IR.Expression, _ seed: IR.Expression,
                                   into code: inout [IR.Statement]) {
        let leftActive = isActive(lhs)
        let rightActive = isActive(rhs)
        switch op {
        case .add, .subtract:
            let shared = leftActive && rightActive ? named(seed, into: &code) : seed
            accumulate(lhs, shared, into: &code)
            accumulate(rhs, op == .add ? shared : -shared, into: &code)
        case .multiply where leftActive && rightActive && lhs.isStructurallyEqual(to: rhs):
            // d(x * x) = 2 x dx: one accumulation instead of two; (2 seed) x, so a
            // loop-invariant seed's product is hoisted by the compiler.
            accumulate(lhs, (lit(2) * seed) * lhs, into: &code)
        case .multiply:
            let left = rightActive ? named(lhs, into: &code) : lhs
            let right = leftActive ? named(rhs, into: &code) : rhs
            let shared = leftActive && rightActive ? named(seed, into: &code) : seed
            accumulate(lhs, shared * right, into: &code)
            accumulate(rhs, left * shared, into: &code)
        case .divide:
            let right = named(rhs, into: &code)
            let shared = leftActive && rightActive ? named(seed, into: &code) : seed
            accumulate(lhs, shared / right, into: &code)
            if rightActive {
                // ∂(l / r)/∂r = -(l / r) / r
                let quotient = named(.binary(.divide, lhs, right), into: &code)
                accumulate(rhs, -(shared * quotient) / right, into: &code)
            }
        default:
            break
        }
    }

    /// `adjoint[k] += seed[k]` for every element.
    mutating func addArray(_ seed: IR.Expression, into adjoint: String) -> [IR.Statement] {
        guard case .variable(let seedArray) = seed.kind else { preconditionFailure("array seed must be named") }
        let index = names.numbered("k")
        let k = IR.Expression.variable(index, .int)
        return [IR.Statement(.forLoop(IR.ForLoop(
            index: index,
            sequence: .range(lower: .int(0), upper: IR.Expression(.count(array: adjoint), .int), closed: false),
            body: [IR.Statement(.store(array: adjoint, index: k, op: .add, value: .element(seedArray, k)))])))]
    }

    /// A name for `expression` (a temporary unless it is already atomic).
    mutating func named(_ expression: IR.Expression, into code: inout [IR.Statement]) -> IR.Expression {
        if expression.isAtomic { return expression }
        let name = names.numbered(Naming.temporary)
        code.append(IR.Statement(.declare(name: name, type: expression.type, mutable: false, value: expression,
                                          annotated: false)))
        return .variable(name, expression.type)
    }

    /// `y = g(args)`: calls g's VJP with the adjoint of y as seed, then passes each
    /// argument's adjoint on through the argument expression.
    /// Returns the call and the accumulation separately: when the call's arguments read
    /// the variable it assigns, that variable's adjoint is cleared between the two.
    mutating func backpropagateCall(_ call: IR.Call, seed: IR.Expression,
                                    resultType: IRType) -> (call: [IR.Statement], accumulate: [IR.Statement]) {
        let callee = registry.functions[call.function]!
        let wrt = zip(callee.parameters, call.arguments)
            .filter { $0.0.type.isDifferentiable && isActive($0.1.value) }.map(\.0.name)
        guard !wrt.isEmpty else { return ([], []) }
        let name = registry.vjp(of: call.function, wrt: wrt, checkpointed: tapeBudget != nil)
        var targets: [String?] = [nil]
        var targetTypes = [resultType]
        var pullbacks: [(IR.Expression, String)] = []
        for (parameter, argument) in zip(callee.parameters, call.arguments) where wrt.contains(parameter.name) {
            let target = names.numbered(Naming.derivative(of: parameter.name))
            targets.append(target)
            targetTypes.append(parameter.type)
            pullbacks.append((argument.value, target))
        }
        let callCode = [IR.Statement(.destructure(
            names: targets, types: targetTypes,
            call: IR.Call(function: name, arguments: call.arguments + [IR.Argument(label: Naming.seed, value: seed)])))]
        var code: [IR.Statement] = []
        for (argument, target) in pullbacks {
            accumulate(argument, .variable(target, argument.type), into: &code)
        }
        return (callCode, code)
    }
}
