import ADGenCore

extension CLowering {
    /// `double s = e;`, `int i;`, `double a[n];`, `double a[3] = {1, 2, 3};`.
    mutating func lowerDeclaration(_ cursor: Cursor) -> [Syntax.Statement] {
        guard cursor.kind == CursorKind.varDecl else {
            unsupported(cursor.kind == CursorKind.structDecl ? "structs" : "this declaration", at: cursor)
            return []
        }
        let type = cursor.type
        let operands = cursor.children.filter { $0.kind != CursorKind.typeRef }
        switch type.shape {
        case .double, .int:
            let typeName = Syntax.TypeName(name: type.shape == .double ? "Double" : "Int", isArray: false, at: cursor.location)
            let initial = operands.last.map { value($0) } ?? node(.integer("0"), at: cursor, [])
            return [statement(.declaration(isVar: !type.isConst, name: cursor.spelling, nameLocation: cursor.location,
                                           type: typeName, initializer: initial), at: cursor)]
        case .doubleArray where !type.isPointer, .intArray where !type.isPointer:
            return lowerArrayDeclaration(cursor, operands: operands)
        default:
            unsupported("local variables of type '\(type.spelling)'; locals are double, int, or arrays of them (no pointers)",
                        at: cursor)
            return []
        }
    }

    mutating func lowerArrayDeclaration(_ cursor: Cursor, operands: [Cursor]) -> [Syntax.Statement] {
        let type = cursor.type
        let isDouble = type.shape == .doubleArray
        let elements = operands.last { $0.kind == CursorKind.initListExpr }?.children ?? []
        let count: Syntax.Expression
        if type.arraySize >= 0 {
            count = node(.integer(String(type.arraySize)), at: cursor, [])
        } else if let size = operands.first, size.kind != CursorKind.initListExpr {
            count = value(size)
        } else {
            count = node(.integer(String(elements.count)), at: cursor, [])
        }
        let element = Syntax.TypeName(name: isDouble ? "Double" : "Int", isArray: false, at: cursor.location)
        let zero = node(isDouble ? .float("0.0") : .integer("0"), at: cursor, [])
        let repeating = node(.arrayRepeating(element: element, value: zero, count: count), at: cursor, [zero, count])
        var result = [statement(.declaration(isVar: true, name: cursor.spelling, nameLocation: cursor.location, type: nil,
                                             initializer: repeating), at: cursor)]
        for (offset, initial) in elements.enumerated() {
            let array = node(.name(cursor.spelling), at: initial, [])
            let index = node(.integer(String(offset)), at: initial, [])
            let target = node(.subscriptAccess(base: array, index: index), at: initial, [array, index])
            result.append(statement(.assignment(target: target, op: nil, value: value(initial)), at: initial))
        }
        return result
    }
}
