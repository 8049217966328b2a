extension VectorForwardMode {
    /// The statements replacing one statement of the JVP; primal statements are kept.
    mutating func statement(_ statement: IR.Statement) -> [IR.Statement] {
        let at = statement.location
        switch statement.kind {
        case let .declare(name, type, mutable, value, annotated) where tangents.contains(name):
            switch type {
            case .double: return [laneStore(name, base: nil, op: nil, value)]
            case .doubleArray:
                return [IR.Statement(.declare(name: name, type: .lanes, mutable: mutable, value: arrayValue(value),
                                              annotated: annotated), at: at)]
            default: return [statement]
            }
        case let .assign(name, op, value) where tangents.contains(name):
            switch types[name] {
            case .double?: return [laneStore(name, base: nil, op: op, value)]
            case .doubleArray?: return [IR.Statement(.assign(name: name, op: op, value: arrayValue(value)), at: at)]
            default: return [statement]
            }
        case let .store(array, index, op, value) where tangents.contains(array):
            return [laneStore(array, base: hoist(index * lanes), op: op, value)]
        case let .append(array, value) where tangents.contains(array):
            let element = vec(value)
            return [laneLoop([IR.Statement(.append(array: array, value: element))])]
        case let .removeLast(array, into, index) where tangents.contains(array):
            var target: IR.Expression?
            if into != nil { target = lane }
            if into != nil, let index { target = laneIndex(hoist(index * lanes)) }
            return [laneLoop([IR.Statement(.removeLast(array: array, into: into, index: target))], reversed: true)]
        case let .destructure(targets, resultTypes, call):
            return [destructure(targets: targets, types: resultTypes, call: call, at: at) ?? statement]
        case .forLoop(var loop):
            loop.body = block(loop.body)
            return [IR.Statement(.forLoop(loop), at: at)]
        case let .whileLoop(condition, body):
            return [IR.Statement(.whileLoop(condition: condition, body: block(body)), at: at)]
        case let .ifElse(condition, thenBody, elseBody):
            return [IR.Statement(.ifElse(condition: condition, then: block(thenBody), else: block(elseBody)), at: at)]
        case .returnValues(let values):
            let rewritten = values.enumerated().map { position, value in
                position < primalResults ? value : laneValue(value)
            }
            return [IR.Statement(.returnValues(rewritten), at: at)]
        default:
            return [statement]
        }
    }

    /// `target[base + lane] op= value` for every lane (`target[lane]` without a base).
    mutating func laneStore(_ target: String, base: IR.Expression?, op: IR.BinaryOp?,
                            _ value: IR.Expression) -> IR.Statement {
        let element = vec(value)
        let index = base.map(laneIndex) ?? lane
        return laneLoop([IR.Statement(.store(array: target, index: index, op: op, value: element))])
    }

    /// A scalar tangent expression at lane `lane`: tangents read at the lane, primal
    /// subexpressions named in front of the lanes loop.
    mutating func vec(_ expression: IR.Expression) -> IR.Expression {
        guard readsTangent(expression) else { return hoist(expression) }
        switch expression.kind {
        case .variable(let name):
            return .element(name, lane)
        case let .element(array, index):
            return .element(array, laneIndex(hoist(index * lanes)))
        case let .unary(op, operand):
            return IR.Expression(.unary(op, vec(operand)), expression.type)
        case let .binary(op, lhs, rhs):
            let left = vec(lhs)
            return IR.Expression(.binary(op, left, vec(rhs)), expression.type)
        case let .ternary(condition, thenValue, elseValue):
            // A test of a tangent (`dp == 0.0 ? 0.0 : …`, pow's exponent term) is one per lane.
            let test = readsTangent(condition) ? vec(condition) : hoist(condition)
            let left = vec(thenValue)
            return IR.Expression(.ternary(condition: test, then: left, else: vec(elseValue)), expression.type)
        default:
            preconditionFailure("vector forward mode: unexpected tangent expression")
        }
    }

    /// Names `expression` in front of the lanes loop unless it is cheap to repeat.
    /// A value already named for the same statement is reused (`i * lanes` once).
    mutating func hoist(_ expression: IR.Expression) -> IR.Expression {
        if expression.isAtomic { return expression }
        for statement in pending {
            if case let .declare(name, type, false, value, _) = statement.kind, value.isStructurallyEqual(to: expression) {
                return .variable(name, type)
            }
        }
        let name = names.numbered(Naming.temporary)
        pending.append(IR.Statement(.declare(name: name, type: expression.type, mutable: false, value: expression,
                                             annotated: false)))
        return .variable(name, expression.type)
    }

    /// An array tangent value with lanes: a copy, or a `repeating` initializer.
    mutating func arrayValue(_ value: IR.Expression) -> IR.Expression {
        switch value.kind {
        case .variable(let name):
            return .variable(name, .lanes)
        case let .repeating(element, count) where !readsTangent(element):
            return IR.Expression(.repeating(value: element, count: count * lanes), .lanes)
        case let .repeating(element, count):
            let name = names.numbered(Naming.temporary)
            let countName = hoist(count)
            let index = IR.Expression.variable(names.numbered("i"), .int)
            guard case .variable(let indexName) = index.kind else { preconditionFailure() }
            let body = nested { pass in [pass.laneStore(name, base: pass.hoist(index * pass.lanes), op: nil, element)] }
            pending.append(IR.Statement(.declare(name: name, type: .lanes, mutable: true,
                                                 value: zeros(count: countName * lanes), annotated: false)))
            pending.append(IR.Statement(.forLoop(IR.ForLoop(index: indexName, sequence: .range(lower: .int(0), upper: countName,
                                                                                                closed: false), body: body))))
            return .variable(name, .lanes)
        default:
            preconditionFailure("vector forward mode: unexpected array tangent")
        }
    }

    /// A tangent value with lanes, named unless it already is a lane array.
    mutating func laneValue(_ value: IR.Expression) -> IR.Expression {
        guard value.type == .double else { return arrayValue(value) }
        if case .variable(let name) = value.kind, tangents.contains(name) { return .variable(name, .lanes) }
        let name = names.numbered(Naming.temporary)
        pending.append(IR.Statement(.declare(name: name, type: .lanes, mutable: true, value: zeros(count: lanes),
                                             annotated: false)))
        if !value.isZero { pending.append(laneStore(name, base: nil, op: nil, value)) }
        return .variable(name, .lanes)
    }

    /// `let (a, da) = gJVP(args, dargs)` → `let (a, da) = gJVPLanes(args, dargs, lanes: lanes)`;
    /// nil for calls of anything but a JVP.
    mutating func destructure(targets: [String?], types resultTypes: [IRType], call: IR.Call,
                              at location: SourceLocation) -> IR.Statement? {
        guard let calleeTangents = registry.forwardTangents[call.function] else { return nil }
        let callee = registry.functions[call.function]!
        let twin = registry.lanes(of: call.function)
        let tangentCount = callee.parameters.filter { calleeTangents.names.contains($0.name) }.count
        let primalCount = call.arguments.count - tangentCount
        var arguments = Array(call.arguments.prefix(primalCount))
        for argument in call.arguments.dropFirst(primalCount) {
            arguments.append(IR.Argument(label: argument.label, value: laneValue(argument.value)))
        }
        arguments.append(IR.Argument(label: Self.lanesLabel, value: lanes))
        let types = resultTypes.enumerated().map { $0 < calleeTangents.primalResults ? $1 : .lanes }
        return IR.Statement(.destructure(names: targets, types: types, call: IR.Call(function: twin, arguments: arguments)),
                            at: location)
    }
}
