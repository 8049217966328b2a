import ADGenCore

extension CLowering {
    static let maxDepth = 48

    /// The statements of a compound statement, or of a single statement used as a body.
    mutating func lowerBlock(_ cursor: Cursor) -> [Syntax.Statement] {
        guard cursor.kind == CursorKind.compoundStmt else { return lowerStatement(cursor) }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            error("statements are nested too deeply (more than \(Self.maxDepth) levels)", at: cursor)
            return []
        }
        return cursor.children.flatMap { lowerStatement($0) }
    }

    mutating func statement(_ kind: Syntax.Statement.Kind, at cursor: Cursor) -> Syntax.Statement {
        Syntax.Statement(kind, at: cursor.location)
    }

    mutating func lowerStatement(_ cursor: Cursor) -> [Syntax.Statement] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 2 * Self.maxDepth else {
            if depth == 2 * Self.maxDepth + 1 { error("statements are nested too deeply (more than \(Self.maxDepth) levels)", at: cursor) }
            return []
        }
        let children = cursor.children
        switch cursor.kind {
        case CursorKind.compoundStmt:
            // A nested block is a scope of its own: `if true { }`, which sema folds away.
            let body = lowerBlock(cursor)
            let yes = node(.boolean(true), at: cursor, [])
            return [statement(.ifElse(condition: yes, then: body, else: nil), at: cursor)]
        case CursorKind.declStmt:
            return children.flatMap { lowerDeclaration($0) }
        case CursorKind.returnStmt:
            return [statement(.returnValue(children.first.map { value($0) }), at: cursor)]
        case CursorKind.ifStmt where children.count >= 2:
            let test = condition(children[0])
            let otherwise = children.count > 2 ? lowerBlock(children[2]) : nil
            return [statement(.ifElse(condition: test, then: lowerBlock(children[1]), else: otherwise), at: cursor)]
        case CursorKind.whileStmt where children.count == 2:
            return [statement(.whileLoop(condition: condition(children[0]), body: loopBody(children[1], continues: true)), at: cursor)]
        case CursorKind.doStmt where children.count == 2:
            return [statement(.repeatWhile(body: loopBody(children[0], continues: true), condition: condition(children[1])), at: cursor)]
        case CursorKind.forStmt:
            return lowerFor(cursor)
        case CursorKind.nullStmt:
            return []
        case CursorKind.breakStmt:
            return [statement(.breakLoop(label: nil), at: cursor)]
        case CursorKind.continueStmt:
            guard loops.last != false else {
                unsupported("'continue' in a for loop adgen runs as a while loop (it would skip the increment); "
                            + "use a counted loop `for (int i = a; i < b; i++)`", at: cursor)
                return []
            }
            return [statement(.continueLoop(label: nil), at: cursor)]
        case CursorKind.gotoStmt, CursorKind.labelStmt: unsupported("'goto' and labels", at: cursor)
        case CursorKind.switchStmt, CursorKind.caseStmt, CursorKind.defaultStmt: unsupported("'switch'", at: cursor)
        case CursorKind.cStyleCastExpr where cursor.type.shape == .void:
            return []  // `(void)n;`, the idiom that marks a parameter unused
        default:
            if let assignment = lowerAssignment(cursor) { return [assignment] }
        }
        return []
    }

    /// A loop's body; `continues` tells whether `continue` in it means the same in the
    /// lowered loop (not in a general `for`, whose increment ends the lowered body).
    mutating func loopBody(_ cursor: Cursor, continues: Bool) -> [Syntax.Statement] {
        loops.append(continues)
        defer { loops.removeLast() }
        return lowerBlock(cursor)
    }

    /// Expression statements: `x = e`, `a[i] += e`, `i++`. Anything else is an error (nil).
    mutating func lowerAssignment(_ cursor: Cursor) -> Syntax.Statement? {
        let children = cursor.children
        switch cursor.kind {
        case CursorKind.binaryOperator where COperator.binary(cursor) == "=":
            guard let target = assignable(children[0]) else { return nil }
            return statement(.assignment(target: target, op: nil, value: value(children[1])), at: cursor)
        case CursorKind.compoundAssignOperator:
            guard let op = COperator.binary(cursor), ["+=", "-=", "*=", "/=", "%="].contains(op) else {
                unsupported("this compound assignment", at: cursor)
                return nil
            }
            guard let target = assignable(children[0]) else { return nil }
            return statement(.assignment(target: target, op: String(op.dropLast()), value: value(children[1])), at: cursor)
        case CursorKind.unaryOperator:
            guard let (op, _) = COperator.unary(cursor), op == "++" || op == "--", let operand = children.first else { break }
            guard let target = assignable(operand) else { return nil }
            let one = node(.integer("1"), at: cursor, [])
            return statement(.assignment(target: target, op: op == "++" ? "+" : "-", value: one), at: cursor)
        case CursorKind.callExpr:
            unsupported("a call whose result is unused (functions adgen reads have no side effects)", at: cursor)
            return nil
        default:
            break
        }
        unsupported("this statement", at: cursor)
        return nil
    }

    /// A variable or an element of a local array; parameter arrays are read-only.
    mutating func assignable(_ cursor: Cursor) -> Syntax.Expression? {
        let node = CExpressionShape.stripped(cursor)
        if let name = CExpressionShape.variableName(node), parameters[name]?.isArray == true {
            unsupported("writing into the parameter array '\(name)' (a function's only output is its double result); copy it into a local array first",
                        at: cursor)
            return nil
        }
        guard node.kind == CursorKind.declRefExpr || node.kind == CursorKind.arraySubscriptExpr else {
            unsupported("assigning to this expression", at: cursor)
            return nil
        }
        return value(node)
    }
}
