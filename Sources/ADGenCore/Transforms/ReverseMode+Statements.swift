extension ReverseMode {
    /// Forward and reverse code of a statement list; the reverse code is in reverse order.
    mutating func sweep(_ body: [IR.Statement]) -> (forward: [IR.Statement], reverse: [IR.Statement]) {
        var forward: [IR.Statement] = []
        // Each statement's reverse code, in statement order; the sweep runs them last first
        // (prepending each would copy the reverse sweep once per statement).
        var reversed: [[IR.Statement]] = []
        for (position, statement) in body.enumerated() {
            // Inside a fused body, a last loop that only accumulates into the enclosing
            // loop's accumulators is fused as well.
            if position == body.count - 1, blockDepth == 0, let outer = fusedAccumulators,
               case .forLoop(let loop) = statement.kind, let inner = fusableAccumulators(loop), inner.isSubset(of: outer),
               pendingBeforeFusion(Array(body[..<position])).isDisjoint(with: Self.writes([statement])) {
                forward.append(fusedLoop(loop, accumulators: inner))
                continue
            }
            let (f, r) = self.statement(statement)
            forward += f
            reversed.append(r)
        }
        return (forward, Array(reversed.reversed().joined()))
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
        // Recomputed at the start of the reversed iteration: local in both sweeps. Its
        // adjoint still restarts at zero every iteration.
        if untaped.contains(name) {
            return (IR.Statement(.declare(name: name, type: type, mutable: mutable, value: value, annotated: annotated)), true)
        }
        if !hoistedNames.contains(name) {
            hoistedNames.insert(name)
            hoisted.append((name, type))
        }
        // In a fused body every iteration redeclares it too: its adjoint must restart at zero.
        return (IR.Statement(.assign(name: name, op: nil, value: value)), loopDepth > 0 || fusedAccumulators != nil)
    }

    mutating func statement(_ statement: IR.Statement) -> ([IR.Statement], [IR.Statement]) {
        switch statement.kind {
        case let .declare(name, type, mutable, value, annotated):
            let tape = plan.restore(of: statement) == .tape && !untaped.contains(name)
            let (primal, overwrites) = declaration(name, type, mutable: mutable, value, annotated: annotated)
            return assignment(name, type: type, value: value, primal: primal, overwrites: overwrites,
                              tape: tape && overwrites)
        case let .assign(name, op, value):
            let restore = plan.restore(of: statement)
            let tape = restore == .tape
            let type = types[name]!
            let primal = IR.Statement(statement.kind)
            switch op {
            case nil:
                return assignment(name, type: type, value: value, primal: primal, overwrites: true, tape: tape)
            case .add?, .subtract?:
                if isActive(name), value.reads.contains(name) {
                    // `s += s * a` reads its own target: differentiated as `s = s + s * a`,
                    // whose reverse copies the seed before the target's adjoint changes.
                    let full = IR.Expression.binary(op!, .variable(name, type), value)
                    return assignment(name, type: type, value: full, primal: primal, overwrites: true, tape: tape)
                }
                // Integer updates are exactly invertible: undo them instead of taping.
                if restore == .undo {
                    let undo = IR.Statement(.assign(name: name, op: op == .add ? .subtract : .add, value: value))
                    return (skippedUpdates.contains(name) ? [] : [primal], [undo])
                }
                var reverse = tape ? pop(into: name, type: type) : []
                if let adjoint = adjoints[name] {
                    let seed = IR.Expression.variable(adjoint, type)
                    reverse += backpropagate(value, seed: op == .add ? seed : -seed)
                }
                if skippedUpdates.contains(name) { return ([], reverse) }
                return ((tape ? push(.variable(name, type)) : []) + [primal], reverse)
            default:
                // x *= v and x /= v as x = x * v: the adjoint needs the old x.
                let full = IR.Expression.binary(op!, .variable(name, type), value)
                return assignment(name, type: type, value: full, primal: primal, overwrites: true, tape: tape)
            }
        case let .store(array, index, op, value):
            let tape = plan.restore(of: statement) == .tape
            return store(array, index: index, op: op, value: value, primal: IR.Statement(statement.kind), tape: tape)
        case .forLoop(let loop):
            if let checkpointed = checkpointedLoop(statement) { return checkpointed }
            return reported(statement, forLoop(loop, strategy: plan.strategy(of: statement)))
        case let .whileLoop(condition, body):
            if let checkpointed = checkpointedLoop(statement) { return checkpointed }
            return reported(statement, whileLoop(condition, body))
        case let .ifElse(condition, thenBody, elseBody):
            return ifElse(condition, thenBody, elseBody)
        case .returnValues(let values):
            let value = values[0]
            let (primal, _) = declaration(valueName, value.type, mutable: false, value, annotated: false)
            return ([primal], backpropagate(value, seed: .variable(seedName, value.type)))
        case .comment:
            return ([statement], [])
        case let .append(array, value):
            return append(array, value, primal: IR.Statement(statement.kind))
        case .removeLast, .destructure, .checkpoint:
            preconditionFailure("reverse mode of generated code is not supported")
        }
    }

    /// `name = value` (a declaration when `overwrites` is false at the top level).
    mutating func assignment(_ name: String, type: IRType, value: IR.Expression, primal: IR.Statement,
                             overwrites: Bool, tape: Bool) -> ([IR.Statement], [IR.Statement]) {
        let forward = (tape ? push(.variable(name, type)) : []) + [primal]
        var reverse = tape ? pop(into: name, type: type) : []
        guard let adjoint = adjoints[name] else { return (forward, reverse) }
        let adjointValue = IR.Expression.variable(adjoint, type)
        if case .call(let call) = value.kind {
            // The pullback is read before the adjoint is cleared, then added: `h = f(h)`
            // passes the old h's adjoint on through its own argument.
            let (callCode, accumulation) = backpropagateCall(call, seed: adjointValue, resultType: type)
            reverse += callCode
            if overwrites { reverse += clearAdjoint(of: name, adjoint, type: type) }
            reverse += accumulation
        } else if Self.usesTargetAsResult(name, value) {
            // y = sqrt(x): the rule reads y, which holds the result until it is popped.
            guard case let .builtin(builtin, arguments) = value.kind else { preconditionFailure() }
            var code: [IR.Statement] = []
            let operands = arguments.map { named($0, into: &code) }
            let partials = builtin.partials(operands, .variable(name, type))
            for (argument, partial) in zip(arguments, partials) {
                guard let partial, isActive(argument) else { continue }
                accumulate(argument, adjointValue * partial, into: &code)
            }
            if overwrites { code += resetAdjoint(adjoint, type: type) }
            return (forward, code + reverse)
        } else if type.isArray || !value.reads.contains(name) {
            // The adjoint is read before it is cleared; no copy needed.
            reverse += backpropagate(value, seed: adjointValue)
            if overwrites { reverse += clearAdjoint(of: name, adjoint, type: type) }
        } else {
            let seed = names.numbered(Naming.temporary)
            reverse.append(IR.Statement(.declare(name: seed, type: type, mutable: false, value: adjointValue, annotated: false)))
            reverse += resetAdjoint(adjoint, type: type)
            reverse += backpropagate(value, seed: .variable(seed, type))
        }
        return (forward, reverse)
    }

    /// Whether the reverse of `name = value` reads the result from `name` itself:
    /// a builtin whose rule reads its result, on operands other than `name`.
    static func usesTargetAsResult(_ name: String, _ value: IR.Expression) -> Bool {
        guard case .builtin(let builtin, _) = value.kind, ForwardMode.ruleReadsResult(builtin) else { return false }
        return !value.reads.contains(name)
    }

    /// The adjoint of `name` cleared after an overwrite is reversed: zeroed in place, or
    /// for an array the function appends to, re-sized to the restored array (which may
    /// be longer or shorter than the one assigned).
    mutating func clearAdjoint(of name: String, _ adjoint: String, type: IRType) -> [IR.Statement] {
        guard appended.contains(name) else { return resetAdjoint(adjoint, type: type) }
        return [IR.Statement(.assign(name: adjoint, op: nil, value: zero(like: name, type: type)))]
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
                        primal: IR.Statement, tape: Bool) -> ([IR.Statement], [IR.Statement]) {
        let element = types[array]!.element!
        let skipped = skippedUpdates.contains(array) && (op == .add || op == .subtract)
        let forward = skipped ? [] : (tape ? push(.element(array, index, element)) : []) + [primal]
        var reverse = tape ? restoreElement(array, index: index, type: element) : []
        guard let adjoint = adjoints[array] else { return (forward, reverse) }
        let adjointElement = IR.Expression.element(adjoint, index, element)
        switch op {
        case .add?, .subtract?:
            var seed = adjointElement
            if IndexAliasing.mayRead(value, elementOf: array, at: index) {
                // `q[i] += q[j] * a`: j may be i, so the seed is read before any adjoint changes.
                let name = names.numbered(Naming.temporary)
                reverse.append(IR.Statement(.declare(name: name, type: .double, mutable: false, value: seed,
                                                     annotated: false)))
                seed = .variable(name, .double)
            }
            reverse += backpropagate(value, seed: op == .add ? seed : -seed)
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

    /// `a.append(v)`: the reverse pulls the last adjoint element back to `v`, then
    /// removes the last element of the adjoint and of `a`, so the code reversed
    /// after it sees `a` as long as it was.
    mutating func append(_ array: String, _ value: IR.Expression, primal: IR.Statement) -> ([IR.Statement], [IR.Statement]) {
        var reverse: [IR.Statement] = []
        if let adjoint = adjoints[array] {
            let element = types[array]!.element!
            let last = IR.Expression(.count(array: adjoint), .int) - .int(1)
            let seed = names.numbered(Naming.temporary)
            reverse.append(IR.Statement(.declare(name: seed, type: element, mutable: false,
                                                 value: .element(adjoint, last, element), annotated: false)))
            reverse.append(IR.Statement(.removeLast(array: adjoint, into: nil)))
            reverse.append(IR.Statement(.removeLast(array: array, into: nil)))
            reverse += backpropagate(value, seed: .variable(seed, element))
        } else {
            reverse.append(IR.Statement(.removeLast(array: array, into: nil)))
        }
        return ([primal], reverse)
    }
}
