/// The operator of a C operator node, read from its tokens (libclang's C API does not
/// name operators before LLVM 17). nil when the tokens do not show it, as inside a
/// function-like macro.
enum COperator {
    static let binaryOperators: Set<String> = [
        "+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "=", "+=", "-=", "*=", "/=", "%=",
        "&", "|", "^", "<<", ">>", "&=", "|=", "^=", "<<=", ">>=", ",",
    ]
    static let prefixOperators: Set<String> = ["-", "+", "!", "~", "*", "&", "++", "--", "sizeof"]

    static func binary(_ cursor: Cursor) -> String? {
        let children = cursor.children
        guard children.count == 2 else { return nil }
        let lhsEnd = children[0].extent.end
        let rhsStart = children[1].extent.start
        guard let token = cursor.tokens.first(where: { $0.offset >= lhsEnd }), token.offset < rhsStart,
              binaryOperators.contains(token.spelling) else { return nil }
        return token.spelling
    }

    /// The operator of a unary node and whether it is written before its operand.
    static func unary(_ cursor: Cursor) -> (op: String, prefix: Bool)? {
        let tokens = cursor.tokens
        guard let operand = cursor.children.first, let first = tokens.first, let last = tokens.last else { return nil }
        let extent = operand.extent
        if prefixOperators.contains(first.spelling), first.offset < extent.start { return (first.spelling, true) }
        if ["++", "--"].contains(last.spelling), last.offset >= extent.end { return (last.spelling, false) }
        return nil
    }
}

/// The variables a statement assigns (`=`, compound assignment, `++`, `--`).
enum CWrites {
    static func names(in cursor: Cursor) -> Set<String> {
        var result: Set<String> = []
        var stack = [cursor]
        while let node = stack.popLast() {
            if let target = target(of: node), let name = CExpressionShape.variableName(target) { result.insert(name) }
            stack += node.children
        }
        return result
    }

    /// The assigned operand of an assignment-like node.
    static func target(of node: Cursor) -> Cursor? {
        switch node.kind {
        case CursorKind.compoundAssignOperator:
            return node.children.first
        case CursorKind.binaryOperator:
            return COperator.binary(node) == "=" ? node.children.first : nil
        case CursorKind.unaryOperator:
            guard let op = COperator.unary(node)?.op, op == "++" || op == "--" else { return nil }
            return node.children.first
        default:
            return nil
        }
    }
}

/// Looking through parentheses and implicit conversions.
enum CExpressionShape {
    static func stripped(_ cursor: Cursor) -> Cursor {
        var node = cursor
        while node.kind == CursorKind.parenExpr || node.kind == CursorKind.unexposedExpr, let child = node.children.first,
              node.children.count == 1 {
            node = child
        }
        return node
    }

    /// The variable a (possibly subscripted) expression names: `x`, `a` of `a[i]`.
    static func variableName(_ cursor: Cursor) -> String? {
        let node = stripped(cursor)
        if node.kind == CursorKind.declRefExpr { return node.spelling }
        if node.kind == CursorKind.arraySubscriptExpr, let base = node.children.first { return variableName(base) }
        return nil
    }
}
