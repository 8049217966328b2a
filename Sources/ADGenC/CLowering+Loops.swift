import ADGenCore

extension CLowering {
    /// The parts of `for (init; condition; increment) body`; libclang leaves out empty ones,
    /// so they are told apart by where the header's semicolons are.
    struct ForParts {
        var initializer: Cursor?
        var condition: Cursor?
        var increment: Cursor?
        var body: Cursor
    }

    func forParts(_ cursor: Cursor) -> ForParts? {
        let children = cursor.children
        guard let body = children.last else { return nil }
        var depth = 0
        var semicolons: [Int] = []
        for token in cursor.tokens {
            switch token.spelling {
            case "(": depth += 1
            case ")": depth -= 1
            case ";" where depth == 1: semicolons.append(token.offset)
            default: break
            }
            if depth == 0, semicolons.count == 2 { break }
        }
        guard semicolons.count == 2 else { return nil }
        var parts = ForParts(body: body)
        for child in children.dropLast() {
            let start = child.extent.start
            if start < semicolons[0] { parts.initializer = child } else if start < semicolons[1] { parts.condition = child } else { parts.increment = child }
        }
        return parts
    }

    mutating func lowerFor(_ cursor: Cursor) -> [Syntax.Statement] {
        guard let parts = forParts(cursor) else {
            unsupported("a for loop whose header comes from a macro", at: cursor)
            return []
        }
        guard let test = parts.condition else {
            unsupported("a for loop without a condition", at: cursor)
            return []
        }
        if let counted = countedLoop(parts, test: test, at: cursor) { return [counted] }
        // The general form: `init; while c { body; increment }`, in a scope of its own.
        var body = loopBody(parts.body, continues: false)
        if let increment = parts.increment, let step = lowerAssignment(increment) { body.append(step) }
        var scope = parts.initializer.map { lowerStatement($0) } ?? []
        scope.append(statement(.whileLoop(condition: condition(test), body: body), at: cursor))
        guard parts.initializer?.kind == CursorKind.declStmt else { return scope }
        let yes = node(.boolean(true), at: cursor, [])
        return [statement(.ifElse(condition: yes, then: scope, else: nil), at: cursor)]
    }

    /// `for (int i = a; i < b; i++)` and its variants (`<=`, `>`, `>=`, `i += c`, `i--`)
    /// become `for i in a..<b` or a `stride`, when the body assigns neither `i` nor what `b` reads.
    mutating func countedLoop(_ parts: ForParts, test: Cursor, at cursor: Cursor) -> Syntax.Statement? {
        guard let initializer = parts.initializer, initializer.kind == CursorKind.declStmt,
              let variable = initializer.children.first, initializer.children.count == 1,
              variable.type.shape == .int, let start = variable.children.last(where: { $0.kind != CursorKind.typeRef }),
              let increment = parts.increment, let step = Self.step(increment, of: variable.spelling),
              test.kind == CursorKind.binaryOperator, let op = COperator.binary(test),
              CExpressionShape.stripped(test.children[0]).kind == CursorKind.declRefExpr,
              test.children[0].spelling == variable.spelling || CExpressionShape.variableName(test.children[0]) == variable.spelling
        else { return nil }
        let bound = test.children[1]
        let written = CWrites.names(in: parts.body)
        guard !written.contains(variable.spelling), Self.isStable(bound, written: written),
              step > 0 ? (op == "<" || op == "<=") : (op == ">" || op == ">=") else { return nil }
        let lower = value(start)
        let upper = value(bound)
        let sequence: Syntax.Sequence
        if step == 1 {
            sequence = .range(lower: lower, upper: upper, closed: op == "<=")
        } else {
            let magnitude = node(.integer(String(abs(step))), at: increment, [])
            let by = step > 0 ? magnitude : node(.unary(op: "-", operand: magnitude), at: increment, [magnitude])
            sequence = .stride(from: lower, bound: upper, by: by, through: op == "<=" || op == ">=")
        }
        return statement(.forIn(variable: variable.spelling, variableLocation: variable.location, sequence: sequence,
                                body: loopBody(parts.body, continues: true)), at: cursor)
    }

    /// The constant step of `i++`, `--i`, `i += 2`, `i -= 3`; nil for anything else.
    static func step(_ increment: Cursor, of name: String) -> Int? {
        guard CWrites.target(of: increment).flatMap(CExpressionShape.variableName) == name else { return nil }
        if increment.kind == CursorKind.unaryOperator { return COperator.unary(increment)?.op == "++" ? 1 : -1 }
        guard increment.kind == CursorKind.compoundAssignOperator, increment.children.count == 2,
              let op = COperator.binary(increment),
              case .integer(let amount)? = increment.children[1].constant, amount > 0 else { return nil }
        switch op {
        case "+=": return amount
        case "-=": return -amount
        default: return nil
        }
    }

    /// Whether a loop bound has the same value on every iteration: it reads only variables
    /// the body leaves alone, and no arrays or calls.
    static func isStable(_ bound: Cursor, written: Set<String>) -> Bool {
        var stack = [bound]
        while let node = stack.popLast() {
            if node.kind == CursorKind.callExpr || node.kind == CursorKind.arraySubscriptExpr { return false }
            if node.kind == CursorKind.declRefExpr, written.contains(node.spelling) { return false }
            stack += node.children
        }
        return true
    }
}
