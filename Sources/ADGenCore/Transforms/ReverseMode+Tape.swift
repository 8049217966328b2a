extension ReverseMode {
    /// `array[index] = tape.removeLast()`.
    mutating func restoreElement(_ array: String, index: IR.Expression, type: IRType) -> [IR.Statement] {
        tapes.insert(type)
        return [IR.Statement(.removeLast(array: Naming.tape(type), into: array, index: index))]
    }

    /// `tape.append(value)`; a whole array is pushed as its elements, then its count.
    mutating func push(_ value: IR.Expression) -> [IR.Statement] {
        guard let element = value.type.element, case .variable(let array) = value.kind else {
            tapes.insert(value.type)
            return [IR.Statement(.append(array: Naming.tape(value.type), value: value))]
        }
        tapes.insert(element)
        tapes.insert(.int)
        let index = names.numbered("k")
        let count = IR.Expression(.count(array: array), .int)
        return [IR.Statement(.forLoop(IR.ForLoop(
                    index: index, sequence: .range(lower: .int(0), upper: count, closed: false),
                    body: [IR.Statement(.append(array: Naming.tape(element), value: .element(array, .variable(index, .int), element)))]))),
                IR.Statement(.append(array: Naming.tape(.int), value: count))]
    }

    mutating func pop(into name: String, type: IRType) -> [IR.Statement] {
        guard let element = type.element else {
            tapes.insert(type)
            return [IR.Statement(.removeLast(array: Naming.tape(type), into: name, index: nil))]
        }
        tapes.insert(element)
        tapes.insert(.int)
        let count = names.numbered("count")
        let index = names.numbered("k")
        let countValue = IR.Expression.variable(count, .int)
        return [
            IR.Statement(.declare(name: count, type: .int, mutable: true, value: .int(0), annotated: false)),
            IR.Statement(.removeLast(array: Naming.tape(.int), into: count, index: nil)),
            IR.Statement(.ifElse(
                condition: .binary(.notEqual, IR.Expression(.count(array: name), .int), countValue),
                then: [IR.Statement(.assign(name: name, op: nil,
                                            value: IR.Expression(.repeating(value: IR.Expression.placeholder(element), count: countValue), type)))],
                else: [])),
            IR.Statement(.forLoop(IR.ForLoop(
                index: index, sequence: .reversedRange(lower: .int(0), upper: countValue, closed: false),
                body: [IR.Statement(.removeLast(array: Naming.tape(element), into: name, index: .variable(index, .int)))]))),
        ]
    }
}
