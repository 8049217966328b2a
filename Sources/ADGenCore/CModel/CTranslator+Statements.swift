extension CTranslator {
    mutating func block(_ body: [IR.Statement]) -> [CModel.Statement] {
        var result: [CModel.Statement] = []
        var index = 0
        while index < body.count {
            let statement = body[index]
            if case let .destructure(names, types, call) = statement.kind {
                let (code, consumed) = destructure(names: names, types: types, call: call, following: body[(index + 1)...])
                result += code
                index += 1 + consumed
                continue
            }
            result += self.statement(statement)
            index += 1
        }
        return result
    }

    mutating func statement(_ statement: IR.Statement) -> [CModel.Statement] {
        switch statement.kind {
        case let .declare(name, type, _, value, _):
            return declare(name, type: type, value: value)
        case let .assign(name, op, value):
            if variableTypes[name]?.isArray == true {
                // Restoring a taped array resizes it first when its length changed; a C array's never does.
                if case .repeating = value.kind, counts[name] != nil { return [.comment("\(cName(name)) keeps its length in C")] }
                problem("C output cannot assign whole arrays")
                return []
            }
            return [.assignment(target: .name(cName(name)), op: (op?.rawValue ?? "") + "=", value: expression(value))]
        case let .store(array, index, op, value):
            return [.assignment(target: .subscriptAccess(.name(cName(array)), expression(index)),
                                op: (op?.rawValue ?? "") + "=", value: expression(value))]
        case let .append(array, value):
            support.insert(.tape)
            return [.expression(.call("adgen_tape_push", [.prefix("&", .name(cName(array))), expression(value)]))]
        case let .removeLast(array, into, index):
            support.insert(.tape)
            var popped = CModel.Expression.call("adgen_tape_pop", [.prefix("&", .name(cName(array)))])
            if tapes.first(where: { $0.name == array })?.element != .double { popped = .cast("int", popped) }
            guard let into else { return [.expression(.cast("void", popped))] }
            let target: CModel.Expression = index.map { .subscriptAccess(.name(cName(into)), expression($0)) } ?? .name(cName(into))
            return [.assignment(target: target, op: "=", value: popped)]
        case .forLoop(let loop):
            return forLoop(loop)
        case let .whileLoop(condition, body):
            return [.whileLoop(condition: expression(condition), body: block(body))]
        case let .ifElse(condition, then, otherwise):
            return [.ifElse(condition: expression(condition), then: block(then), else: block(otherwise))]
        case .destructure(let names, let types, let call):
            return destructure(names: names, types: types, call: call, following: []).code
        case .returnValues(let values):
            return returnValues(values)
        case .checkpoint:
            preconditionFailure("a tape budget is rejected with --emit c before reverse mode runs")
        case .comment(let text):
            return [.comment(text)]
        }
    }

    mutating func declare(_ name: String, type: IRType, value: IR.Expression) -> [CModel.Statement] {
        if aliases[name] != nil { return [] }
        switch (type, value.kind) {
        case (.tape(let element), _):
            support.insert(.tape)
            tapes.append((cName(name), element))
            return [.declaration(type: "adgen_tape", name: cName(name), value: nil),
                    .expression(.call("adgen_tape_init", [.prefix("&", .name(cName(name)))]))]
        case (_, .repeating(let initial, let count)) where type.isArray:
            let length = expression(count)
            counts[name] = length
            let fill: CSupport = type == .doubleArray ? .fill : .fillInt
            support.insert(fill)
            return [.arrayDeclaration(type: Self.elementType(type), name: cName(name), count: length),
                    .expression(.call(fill.rawValue, [.name(cName(name)), length, expression(initial)]))]
        case (.doubleArray, .variable(let source)):
            guard let length = counts[source] else {
                problem("C output cannot copy '\(source)', whose length only the caller knows")
                return []
            }
            counts[name] = length
            support.insert(.copy)
            return [.arrayDeclaration(type: "double", name: cName(name), count: length),
                    .expression(.call(CSupport.copy.rawValue, [.name(cName(name)), .name(cName(source)), length]))]
        case _ where type.isArray:
            problem("C output cannot declare this array")
            return []
        default:
            return [.declaration(type: Self.elementType(type), name: cName(name), value: expression(value))]
        }
    }

    /// A loop whose bounds read what its body changes gets them evaluated once first, as
    /// Swift evaluates a range once: `{ int bound1 = n; for (...; i < bound1; ...) }`.
    mutating func forLoop(_ loop: IR.ForLoop) -> [CModel.Statement] {
        let changed = IRWalk.mutations(in: loop.body)
        var loop = loop
        var bounds: [CModel.Statement] = []
        func stable(_ bound: IR.Expression) -> IR.Expression {
            guard !bound.reads.isDisjoint(with: changed) else { return bound }
            let name = freshName("bound")
            bounds.append(.declaration(type: "int", name: name, value: expression(bound)))
            return IR.Expression(.variable(name), .int)
        }
        switch loop.sequence {
        case let .range(lower, upper, closed): loop.sequence = .range(lower: lower, upper: stable(upper), closed: closed)
        case let .reversedRange(lower, upper, closed):
            loop.sequence = .reversedRange(lower: stable(lower), upper: upper, closed: closed)
        case let .stride(from, bound, by, through):
            loop.sequence = .stride(from: from, bound: stable(bound), by: stable(by), through: through)
        }
        let translated = countedLoop(loop)
        return bounds.isEmpty ? translated : [.block(bounds + translated)]
    }

    mutating func countedLoop(_ loop: IR.ForLoop) -> [CModel.Statement] {
        let index = loop.index.map { cName($0) } ?? freshName("k_")
        let body = block(loop.body)
        let i = CModel.Expression.name(index)
        switch loop.sequence {
        case let .range(lower, upper, closed):
            let condition = CModel.Expression.infix(i, closed ? "<=" : "<", operand(upper, 4))
            return [.forLoop(index: index, start: expression(lower), condition: condition, step: .literal("1"), body: body)]
        case let .reversedRange(lower, upper, closed):
            let start = closed ? expression(upper) : .infix(operand(upper, 5), "-", .literal("1"))
            let condition = CModel.Expression.infix(i, ">=", operand(lower, 4))
            return [.forLoop(index: index, start: start, condition: condition, step: .literal("-1"), body: body)]
        case let .stride(from, bound, by, through):
            let step = expression(by)
            let limit = operand(bound, 4)
            let upward = CModel.Expression.infix(i, through ? "<=" : "<", limit)
            let downward = CModel.Expression.infix(i, through ? ">=" : ">", limit)
            let condition: CModel.Expression
            switch Self.sign(of: by) {
            case .some(1): condition = upward
            case .some(-1): condition = downward
            default: condition = .ternary(.parenthesized(.infix(step, ">", .literal("0"))), upward, downward)
            }
            return [.forLoop(index: index, start: expression(from), condition: condition, step: step, body: body)]
        }
    }

    /// The sign of a literal step (`2`, `-1`), nil when it is not a literal.
    static func sign(of step: IR.Expression) -> Int? {
        switch step.kind {
        case .int(let value, _): return value > 0 ? 1 : -1
        case .unary(.negate, let inner):
            if case .int = inner.kind, let inner = sign(of: inner) { return -inner }
            return nil
        default: return nil
        }
    }

    /// `*dy += e` for each further result, then the tapes freed, then `return value`.
    mutating func returnValues(_ values: [IR.Expression]) -> [CModel.Statement] {
        var result: [CModel.Statement] = []
        for (value, output) in zip(values.dropFirst(), outputs) where !output.type.isArray {
            result.append(.assignment(target: .prefix("*", .name(output.name)), op: output.stores ? "=" : "+=",
                                      value: expression(value)))
        }
        result += tapes.map { .expression(.call("adgen_tape_free", [.prefix("&", .name($0.name))])) }
        let value = values.first.map { expression($0) } ?? .literal("0.0")
        return result + [.returnStatement(value)]
    }
}
