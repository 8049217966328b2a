/// Which variables IR code reads and writes: the facts the cleanup and activity
/// passes are built on.
extension IR.Expression {
    /// The immediate subexpressions, in evaluation order.
    public var children: [IR.Expression] {
        switch kind {
        case .double, .int, .bool, .pi, .newTape, .variable, .count: return []
        case .element(_, let index): return [index]
        case .unary(_, let operand), .intToDouble(let operand): return [operand]
        case let .binary(_, lhs, rhs): return [lhs, rhs]
        case let .ternary(condition, thenValue, elseValue): return [condition, thenValue, elseValue]
        case .builtin(_, let arguments): return arguments
        case .call(let call): return call.arguments.map(\.value)
        case let .repeating(value, count): return [value, count]
        }
    }

    /// Calls `body` with this expression and every subexpression (iteratively: no
    /// recursion depth, whatever the nesting).
    public func forEachSubexpression(_ body: (IR.Expression) -> Void) {
        var stack = [self]
        while let expression = stack.popLast() {
            body(expression)
            stack += expression.children
        }
    }

    /// Whether this expression or a subexpression satisfies `predicate`.
    public func contains(where predicate: (IR.Expression) -> Bool) -> Bool {
        var stack = [self]
        while let expression = stack.popLast() {
            if predicate(expression) { return true }
            stack += expression.children
        }
        return false
    }

    /// Calls `body` with the name of every variable (or array) this expression reads.
    public func forEachRead(_ body: (String) -> Void) {
        forEachSubexpression { expression in
            switch expression.kind {
            case .variable(let name), .element(let name, _), .count(let name): body(name)
            default: break
            }
        }
    }

    public var reads: Set<String> {
        var names: Set<String> = []
        forEachRead { names.insert($0) }
        return names
    }
}

extension IR.Sequence {
    var expressions: [IR.Expression] {
        switch self {
        case let .range(lower, upper, _), let .reversedRange(lower, upper, _): return [lower, upper]
        case let .stride(from, bound, by, _): return [from, bound, by]
        }
    }
}

extension IR.Statement {
    /// The variable this statement writes, if any (arrays count as one variable).
    public var writtenVariable: String? {
        switch kind {
        case .declare(let name, _, _, _, _), .assign(let name, _, _): return name
        case .store(let array, _, _, _), .append(let array, _): return array
        case .removeLast(_, let into, _): return into
        default: return nil
        }
    }

    /// Expressions evaluated by this statement itself (not by nested statements).
    public var ownExpressions: [IR.Expression] {
        switch kind {
        case .declare(_, _, _, let value, _), .assign(_, _, let value), .append(_, let value): return [value]
        case let .store(_, index, _, value): return [index, value]
        case .forLoop(let loop): return loop.sequence.expressions
        case .whileLoop(let condition, _), .ifElse(let condition, _, _): return [condition]
        case .destructure(_, _, let call): return call.arguments.map(\.value)
        case .returnValues(let values): return values
        case .removeLast, .comment: return []
        case .checkpoint(let checkpoint): return checkpoint.ownExpressions
        }
    }

    /// The statement with each nested statement list (loop body, branches) replaced by
    /// `transform` of it; other statements are returned unchanged.
    public func mappingBodies(_ transform: ([IR.Statement]) throws -> [IR.Statement]) rethrows -> IR.Statement {
        var statement = self
        switch kind {
        case .forLoop(var loop):
            loop.body = try transform(loop.body)
            statement.kind = .forLoop(loop)
        case let .whileLoop(condition, body):
            statement.kind = .whileLoop(condition: condition, body: try transform(body))
        case let .ifElse(condition, thenBody, elseBody):
            statement.kind = .ifElse(condition: condition, then: try transform(thenBody), else: try transform(elseBody))
        case .checkpoint(let checkpoint):
            statement.kind = .checkpoint(try checkpoint.mappingBodies(transform))
        default:
            break
        }
        return statement
    }

    /// Nested statement lists (loop bodies, branches).
    public var children: [[IR.Statement]] {
        switch kind {
        case .forLoop(let loop): return [loop.body]
        case .whileLoop(_, let body): return [body]
        case let .ifElse(_, thenBody, elseBody): return [thenBody, elseBody]
        case .checkpoint(let checkpoint): return checkpoint.children
        default: return []
        }
    }
}

enum IRWalk {
    /// Visits every statement in `body`, depth first, in program order.
    static func forEachStatement(_ body: [IR.Statement], _ visit: (IR.Statement) -> Void) {
        for statement in body {
            visit(statement)
            for child in statement.children { forEachStatement(child, visit) }
        }
    }

    /// Every name declared in `body`, at any depth: `let`/`var`, loop indices, destructured names.
    static func declarations(in body: [IR.Statement]) -> Set<String> {
        var declared = Set<String>()
        forEachStatement(body) { statement in
            switch statement.kind {
            case .declare(let name, _, _, _, _): declared.insert(name)
            case .forLoop(let loop): if let index = loop.index { declared.insert(index) }
            case .destructure(let names, _, _): declared.formUnion(names.compactMap { $0 })
            default: break
            }
        }
        return declared
    }

    /// Whether any of `functions` calls `builtin` (generated files carry a helper for
    /// some builtins only when it is called).
    static func calls(_ builtin: Builtin, in functions: [IR.Function]) -> Bool {
        functions.contains { function in
            var found = false
            forEachStatement(function.body) { statement in
                found = found || statement.ownExpressions.contains { expression in
                    expression.contains { if case .builtin(builtin, _) = $0.kind { return true } else { return false } }
                }
            }
            return found
        }
    }

    /// Every variable read anywhere in `body`. A compound update `x += e` or
    /// `a[i] += e` does not count as a read of its own target.
    static func reads(in body: [IR.Statement]) -> Set<String> {
        var names: Set<String> = []
        forEachStatement(body) { statement in
            for expression in statement.ownExpressions { expression.forEachRead { names.insert($0) } }
            switch statement.kind {
            case .removeLast(let array, _, let index):
                names.insert(array)
                index?.forEachRead { names.insert($0) }
            default: break
            }
        }
        return names
    }

    /// For every name `names` gives of some statement of `body` (a statement and all it
    /// nests), the position of the last such statement. "Used after position p" is then
    /// `last[name] > p`: one pass, where a set per suffix would be quadratic in the block.
    static func lastPositions(in body: [IR.Statement], of names: ([IR.Statement]) -> Set<String>) -> [String: Int] {
        var last: [String: Int] = [:]
        for (position, statement) in body.enumerated() {
            for name in names([statement]) { last[name] = position }
        }
        return last
    }

    /// Every variable written anywhere in `body` after its declaration.
    /// Without `stores`, element stores do not count: lane storage takes them through
    /// its buffer, so a `let` can hold it.
    static func mutations(in body: [IR.Statement], stores: Bool = true) -> Set<String> {
        var names: Set<String> = []
        forEachStatement(body) { statement in
            switch statement.kind {
            case .assign(let name, _, _): names.insert(name)
            case .store(let array, _, _, _): if stores { names.insert(array) }
            case .append(let array, _): names.insert(array)
            case .removeLast(let array, let into, let index):
                names.insert(array)
                // With an index, the value popped is stored into an element of `into`.
                if let into, stores || index == nil { names.insert(into) }
            case .destructure(let targets, _, _): names.formUnion(targets.compactMap { $0 })
            case .checkpoint(let checkpoint): names.formUnion(checkpoint.writes)
            default: break
            }
        }
        return names
    }
}
