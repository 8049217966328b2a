extension ForwardMode {
    /// Splits `expression` into its primal value and tangent (nil: zero), appending to
    /// `pending` the temporaries that derivative rules read more than once.
    mutating func linearize(_ expression: IR.Expression) -> (IR.Expression, IR.Expression?) {
        guard isVaried(expression) else { return (expression, nil) }
        var primal = expression
        switch expression.kind {
        case .variable(let name):
            return (expression, tangents[name].map { .variable($0, expression.type) })
        case let .element(array, index):
            return (expression, tangents[array].map { .element($0, index, expression.type) })
        case let .unary(op, operand):
            let (value, tangent) = linearize(operand)
            primal.kind = .unary(op, value)
            return (primal, tangent.map { -$0 })
        case let .binary(op, lhs, rhs):
            return linearizeBinary(op, lhs, rhs, type: expression.type)
        case let .ternary(condition, thenValue, elseValue):
            return linearizeTernary(condition, thenValue, elseValue, type: expression.type)
        case let .builtin(builtin, arguments):
            return linearizeBuiltin(builtin, arguments, original: expression)
        case .call(let call):
            return differentiateCall(call, resultType: expression.type)
        case let .repeating(value, count):
            let (element, tangent) = linearize(value)
            primal.kind = .repeating(value: element, count: count)
            return (primal, tangent.map { IR.Expression(.repeating(value: $0, count: count), expression.type) })
        case .double, .int, .bool, .pi, .count, .intToDouble, .newTape:
            return (expression, nil)
        }
    }

    mutating func linearizeBinary(_ op: IR.BinaryOp, _ lhs: IR.Expression, _ rhs: IR.Expression,
                                  type: IRType) -> (IR.Expression, IR.Expression?) {
        var (left, leftTangent) = linearize(lhs)
        var (right, rightTangent) = linearize(rhs)
        switch op {
        case .add, .subtract:
            let tangent: IR.Expression?
            switch (leftTangent, rightTangent) {
            case (nil, nil): tangent = nil
            case (let l?, nil): tangent = l
            case (nil, let r?): tangent = op == .add ? r : -r
            case (let l?, let r?): tangent = op == .add ? l + r : l - r
            }
            return (.binary(op, left, right), tangent)
        case .multiply:
            if rightTangent != nil { left = atom(left) }
            if leftTangent != nil { right = atom(right) }
            let terms = [leftTangent.map { $0 * right }, rightTangent.map { left * $0 }].compactMap { $0 }
            return (.binary(op, left, right), terms.dropFirst().reduce(terms.first) { $0! + $1 })
        case .divide:
            right = atom(right)
            guard let rightTangent else { return (.binary(op, left, right), leftTangent.map { $0 / right }) }
            let quotient = atom(.binary(op, left, right))
            let numerator = leftTangent.map { $0 - quotient * rightTangent } ?? -(quotient * rightTangent)
            return (quotient, numerator / right)
        default:
            return (.binary(op, left, right), nil)
        }
    }

    /// `c ? a : b` with a derivative becomes an `if`, so only the taken branch is
    /// evaluated (the other may index out of bounds).
    mutating func linearizeTernary(_ condition: IR.Expression, _ thenValue: IR.Expression, _ elseValue: IR.Expression,
                                   type: IRType) -> (IR.Expression, IR.Expression?) {
        let result = names.numbered(Naming.temporary)
        let tangent = names.fresh(Naming.derivative(of: result, prefix: prefix))
        tangentNames.insert(tangent)
        let initial = IR.Expression.placeholder(type)
        emit(.declare(name: result, type: type, mutable: true, value: initial, annotated: true))
        emit(.declare(name: tangent, type: type, mutable: true, value: initial, annotated: true))
        let outer = pending
        var branches: [[IR.Statement]] = []
        for value in [thenValue, elseValue] {
            pending = []
            var (primal, derivative) = linearize(value)
            let zeroed = derivative ?? zeroTangent(of: &primal)
            branches.append(pending + [IR.Statement(.assign(name: tangent, op: nil, value: zeroed)),
                                       IR.Statement(.assign(name: result, op: nil, value: primal))])
        }
        pending = outer
        emit(.ifElse(condition: condition, then: branches[0], else: branches[1]))
        return (.variable(result, type), .variable(tangent, type))
    }

    mutating func linearizeBuiltin(_ builtin: Builtin, _ arguments: [IR.Expression],
                                   original: IR.Expression) -> (IR.Expression, IR.Expression?) {
        if builtin == .floor || builtin == .ceil { return (original, nil) }
        let linearized = arguments.map { linearize($0) }
        guard linearized.contains(where: { $0.1 != nil }) else {
            return (IR.Expression(.builtin(builtin, linearized.map(\.0)), original.type), nil)
        }
        let operands = linearized.map { atom($0.0) }
        var value = IR.Expression(.builtin(builtin, operands), original.type)
        if Self.ruleReadsResult(builtin) { value = atom(value) }
        let partials = builtin.partials(operands, value)
        var tangent: IR.Expression?
        for (position, ((_, argumentTangent), partial)) in zip(linearized, partials).enumerated() {
            guard var argumentTangent, let partial else { continue }
            var term = partial * argumentTangent
            if builtin.partialsNeedingATangent.contains(position) {
                argumentTangent = atom(argumentTangent)
                term = .ternary(argumentTangent == lit(0), lit(0), partial * argumentTangent)
            }
            tangent = tangent.map { $0 + term } ?? term
        }
        return (value, tangent)
    }

    /// Whether a builtin's rule reads its own result (then the result gets a name).
    static func ruleReadsResult(_ builtin: Builtin) -> Bool {
        let probe = IR.Expression.variable("$result", .double)
        let arguments = (0..<builtin.arity).map { IR.Expression.variable("$x\($0)", .double) }
        return builtin.partials(arguments, probe).contains { $0?.reads.contains("$result") ?? false }
    }

    /// Names `expression` with a temporary unless it is already cheap to repeat.
    mutating func atom(_ expression: IR.Expression) -> IR.Expression {
        if expression.isAtomic { return expression }
        let name = names.numbered(Naming.temporary)
        emit(.declare(name: name, type: expression.type, mutable: false, value: expression, annotated: false))
        return .variable(name, expression.type)
    }

    /// A zero tangent for `primal`; an array value is first named unless its count is
    /// already visible (a variable or a `repeating` initializer).
    mutating func zeroTangent(of primal: inout IR.Expression) -> IR.Expression {
        if primal.type.isArray, !primal.type.isTape {
            switch primal.kind {
            case .variable, .repeating: break
            default: primal = atom(primal)
            }
        }
        return zero(like: primal)
    }

    /// A zero of the shape of `value` (which must be atomic when it is an array).
    func zero(like value: IR.Expression) -> IR.Expression {
        if value.type.isTape { return IR.Expression(.newTape, value.type) }
        guard value.type.isArray else { return .lit(0) }
        let count: IR.Expression
        switch value.kind {
        case .variable(let name): count = IR.Expression(.count(array: name), .int)
        case .repeating(_, let n): count = n
        default: preconditionFailure("zero(like:) needs a named array")
        }
        return IR.Expression(.repeating(value: .lit(0), count: count), value.type)
    }

    /// The tangent arguments of a call of `jvp`, labelled as `jvp` declares them (`dx`,
    /// or `vx` for the JVP of a VJP).
    func tangentArguments(callee: IR.Function, jvp: String, linearized: [(IR.Expression, IR.Expression?)],
                          wrt: [String]) -> [IR.Argument] {
        let labels = registry.functions[jvp]!.parameters.dropFirst(callee.parameters.count).map(\.label)
        let tangents = zip(callee.parameters, linearized).compactMap { parameter, pair -> IR.Expression? in
            wrt.contains(parameter.name) ? pair.1 : nil
        }
        return zip(labels, tangents).map { IR.Argument(label: $0, value: $1) }
    }

    /// `g(args)` → `let (t, dt) = gJVP(args, dargs)`: value and tangent of a call.
    mutating func differentiateCall(_ call: IR.Call, resultType: IRType) -> (IR.Expression, IR.Expression?) {
        let callee = registry.functions[call.function]!
        let linearized = call.arguments.map { linearize($0.value) }
        let wrt = zip(callee.parameters, linearized).filter { $0.0.type.isDifferentiable && $0.1.1 != nil }.map(\.0.name)
        let arguments = zip(call.arguments, linearized).map { IR.Argument(label: $0.0.label, value: $0.1.0) }
        guard !wrt.isEmpty else {
            let value = atom(IR.Expression(.call(IR.Call(function: call.function, arguments: arguments)), resultType))
            return (value, nil)
        }
        let name = registry.jvp(of: call.function, wrt: wrt)
        let tangentArguments = self.tangentArguments(callee: callee, jvp: name, linearized: linearized, wrt: wrt)
        let value = names.numbered(Naming.temporary)
        let tangent = names.fresh(Naming.derivative(of: value, prefix: prefix))
        tangentNames.insert(tangent)
        emit(.destructure(names: [value, tangent], types: [resultType, resultType],
                          call: IR.Call(function: name, arguments: arguments + tangentArguments)))
        return (.variable(value, resultType), .variable(tangent, resultType))
    }

    /// `let (a, b) = h(args)` of a derived function → `let (a, b, da, db) = hJVP(...)`.
    mutating func differentiateDestructure(targets: [String?], types resultTypes: [IRType], call: IR.Call,
                                           at location: SourceLocation) -> [IR.Statement] {
        let callee = registry.functions[call.function]!
        let linearized = call.arguments.map { linearize($0.value) }
        let wrt = zip(callee.parameters, linearized).filter { $0.0.type.isDifferentiable && $0.1.1 != nil }.map(\.0.name)
        let arguments = zip(call.arguments, linearized).map { IR.Argument(label: $0.0.label, value: $0.1.0) }
        guard !wrt.isEmpty else {
            var result = [IR.Statement(.destructure(names: targets, types: resultTypes,
                                                    call: IR.Call(function: call.function, arguments: arguments)), at: location)]
            for (target, type) in zip(targets, resultTypes) {
                guard let target, let tangent = tangents[target] else { continue }
                result.insert(IR.Statement(.declare(name: tangent, type: type, mutable: false,
                                                    value: zero(like: .variable(target, type)), annotated: false)),
                              at: result.count)
            }
            return result
        }
        let name = registry.jvp(of: call.function, wrt: wrt)
        let tangentArguments = self.tangentArguments(callee: callee, jvp: name, linearized: linearized, wrt: wrt)
        var allTargets = targets
        var allTypes = resultTypes
        for (target, type) in zip(targets, resultTypes) where type.isDifferentiable {
            allTargets.append(target.flatMap { tangents[$0] })
            allTypes.append(type)
        }
        return [IR.Statement(.destructure(names: allTargets, types: allTypes,
                                          call: IR.Call(function: name, arguments: arguments + tangentArguments)), at: location)]
    }
}
