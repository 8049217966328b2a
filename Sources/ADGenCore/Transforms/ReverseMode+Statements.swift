extension ReverseMode {
    /// Forward and reverse code of a statement list; the reverse code is in reverse order.
    mutating func sweep(_ body: [IR.Statement]) -> (forward: [IR.Statement], reverse: [IR.Statement]) {
        var forward: [IR.Statement] = []
        var reverse: [IR.Statement] = []
        for statement in body {
            let (f, r) = self.statement(statement)
            forward += f
            reverse = r + reverse
        }
        return (forward, reverse)
    }

    /// Runs `body` one block deeper (inside a loop when `loop`), for hoisting and taping.
    mutating func nested<T>(loop: Bool, _ body: (inout ReverseMode) -> T) -> T {
        blockDepth += 1
        if loop { loopDepth += 1 }
        defer {
            blockDepth -= 1
            if loop { loopDepth -= 1 }
        }
        return body(&self)
    }

    /// A declaration: kept in place at the top level, else hoisted and turned into an
    /// assignment. Inside a loop it overwrites the previous iteration's value.
    mutating func declaration(_ name: String, _ type: IRType, mutable: Bool, _ value: IR.Expression,
                              annotated: Bool) -> (statement: IR.Statement, overwrites: Bool) {
        if blockDepth == 0 {
            return (IR.Statement(.declare(name: name, type: type, mutable: mutable, value: value, annotated: annotated)), false)
        }
        if !hoistedNames.contains(name) {
            hoistedNames.insert(name)
            hoisted.append((name, type))
        }
        return (IR.Statement(.assign(name: name, op: nil, value: value)), loopDepth > 0)
    }

    mutating func statement(_ statement: IR.Statement) -> ([IR.Statement], [IR.Statement]) {
        switch statement.kind {
        case let .declare(name, type, mutable, value, annotated):
            let (primal, overwrites) = declaration(name, type, mutable: mutable, value, annotated: annotated)
            return assignment(name, type: type, value: value, primal: primal, overwrites: overwrites)
        case let .assign(name, op, value):
            let type = types[name]!
            let primal = IR.Statement(statement.kind)
            switch op {
            case nil:
                return assignment(name, type: type, value: value, primal: primal, overwrites: true)
            case .add?, .subtract?:
                var reverse = restore(name, type: type)
                if let adjoint = adjoints[name] {
                    let seed = IR.Expression.variable(adjoint, type)
                    reverse += backpropagate(value, seed: op == .add ? seed : -seed)
                }
                return (save(name, type: type) + [primal], reverse)
            default:
                // x *= v and x /= v as x = x * v: the adjoint needs the old x.
                let full = IR.Expression.binary(op!, .variable(name, type), value)
                return assignment(name, type: type, value: full, primal: primal, overwrites: true)
            }
        case let .store(array, index, op, value):
            return store(array, index: index, op: op, value: value, primal: IR.Statement(statement.kind))
        case .forLoop(let loop):
            return forLoop(loop)
        case let .whileLoop(condition, body):
            return whileLoop(condition, body)
        case let .ifElse(condition, thenBody, elseBody):
            return ifElse(condition, thenBody, elseBody)
        case .returnValues(let values):
            let value = values[0]
            let (primal, _) = declaration(valueName, value.type, mutable: false, value, annotated: false)
            return ([primal], backpropagate(value, seed: .variable(seedName, value.type)))
        case .comment:
            return ([statement], [])
        case .append, .removeLast, .destructure:
            preconditionFailure("reverse mode of generated code is not supported")
        }
    }

    /// `name = value` (a declaration when `overwrites` is false at the top level).
    mutating func assignment(_ name: String, type: IRType, value: IR.Expression, primal: IR.Statement,
                             overwrites: Bool) -> ([IR.Statement], [IR.Statement]) {
        let forward = (overwrites ? save(name, type: type) : []) + [primal]
        var reverse = overwrites ? restore(name, type: type) : []
        guard let adjoint = adjoints[name] else { return (forward, reverse) }
        let adjointValue = IR.Expression.variable(adjoint, type)
        if case .call(let call) = value.kind {
            reverse += backpropagateCall(call, seed: adjointValue, resultType: type)
            reverse += resetAdjoint(adjoint, type: type)
        } else if type.isArray || !value.reads.contains(name) {
            // The adjoint is read before it is cleared; no copy needed.
            reverse += backpropagate(value, seed: adjointValue)
            if overwrites || blockDepth > 0 { reverse += resetAdjoint(adjoint, type: type) }
        } else {
            let seed = names.numbered(Naming.temporary)
            reverse.append(IR.Statement(.declare(name: seed, type: type, mutable: false, value: adjointValue, annotated: false)))
            reverse += resetAdjoint(adjoint, type: type)
            reverse += backpropagate(value, seed: .variable(seed, type))
        }
        return (forward, reverse)
    }

    /// `dx = 0`, or every element of an adjoint array set to zero (no allocation).
    mutating func resetAdjoint(_ adjoint: String, type: IRType) -> [IR.Statement] {
        guard type.isArray else { return [IR.Statement(.assign(name: adjoint, op: nil, value: .lit(0)))] }
        let index = names.numbered("k")
        return [IR.Statement(.forLoop(IR.ForLoop(
            index: index,
            sequence: .range(lower: .int(0), upper: IR.Expression(.count(array: adjoint), .int), closed: false),
            body: [IR.Statement(.store(array: adjoint, index: .variable(index, .int), op: nil, value: .lit(0)))])))]
    }

    mutating func store(_ array: String, index: IR.Expression, op: IR.BinaryOp?, value: IR.Expression,
                        primal: IR.Statement) -> ([IR.Statement], [IR.Statement]) {
        let element = types[array]!.element!
        let forward = saveElement(array, index: index, type: element) + [primal]
        var reverse = restoreElement(array, index: index, type: element)
        guard let adjoint = adjoints[array] else { return (forward, reverse) }
        let adjointElement = IR.Expression.element(adjoint, index, element)
        switch op {
        case .add?, .subtract?:
            reverse += backpropagate(value, seed: op == .add ? adjointElement : -adjointElement)
        case nil:
            let seed = names.numbered(Naming.temporary)
            reverse.append(IR.Statement(.declare(name: seed, type: .double, mutable: false, value: adjointElement,
                                                 annotated: false)))
            reverse.append(IR.Statement(.store(array: adjoint, index: index, op: nil, value: .lit(0))))
            reverse += backpropagate(value, seed: .variable(seed, .double))
        default:
            let old = IR.Expression.element(array, index, element)
            let seed = names.numbered(Naming.temporary)
            reverse.append(IR.Statement(.declare(name: seed, type: .double, mutable: false, value: adjointElement,
                                                 annotated: false)))
            reverse.append(IR.Statement(.store(array: adjoint, index: index, op: nil, value: .lit(0))))
            reverse += backpropagate(.binary(op!, old, value), seed: .variable(seed, .double))
        }
        return (forward, reverse)
    }
}
