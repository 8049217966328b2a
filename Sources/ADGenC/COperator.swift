import Foundation
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
        let text = between(cursor.unit.bytes, children[0].extent.end, children[1].extent.start)
        return text.flatMap { binaryOperators.contains($0) ? $0 : nil }
    }

    /// The operator of a unary node and whether it is written before its operand.
    static func unary(_ cursor: Cursor) -> (op: String, prefix: Bool)? {
        guard let operand = cursor.children.first else { return nil }
        let outer = cursor.extent
        let inner = operand.extent
        let bytes = cursor.unit.bytes
        if let text = between(bytes, outer.start, inner.start), prefixOperators.contains(text) { return (text, true) }
        if let text = between(bytes, inner.end, outer.end), text == "++" || text == "--" { return (text, false) }
        return nil
    }

    /// The source text from `start` to `end`, without surrounding white space; nil when
    /// the range is empty or reversed, as where a macro's expansion hides the operator.
    static func between(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String? {
        guard start < end, end <= bytes.count else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
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
