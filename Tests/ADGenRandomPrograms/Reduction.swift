/// One-step reductions of a program for delta debugging: drop a function or a
/// statement, replace a block statement by one of its blocks, drop an `else`, or
/// replace an expression by a subexpression of its type or by a literal. Every
/// candidate is normalized (so it stays warning-free) and smaller than the program.
public enum Reduction {
    /// The distinct candidates, smallest first.
    public static func candidates(_ program: RandomProgram) -> [RandomProgram] {
        var variants: [RandomProgram] = []
        for index in program.functions.indices where program.functions.count > 1 {
            var smaller = program
            smaller.functions.remove(at: index)
            variants.append(smaller)
        }
        for (index, function) in program.functions.enumerated() {
            for body in blockVariants(function.body) {
                var smaller = program
                smaller.functions[index].body = body
                variants.append(smaller)
            }
        }
        let size = program.size
        var seen: Set<String> = []
        var result: [(Int, RandomProgram)] = []
        for variant in variants {
            let normalized = Normalizer.normalize(variant)
            let text = normalized.render()
            guard normalized.size < size, seen.insert(text).inserted else { continue }
            result.append((normalized.size, normalized))
        }
        return result.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func blockVariants(_ block: [Stmt]) -> [[Stmt]] {
        var result: [[Stmt]] = []
        for index in block.indices {
            let before = Array(block[..<index]), after = Array(block[(index + 1)...])
            if case .returnValue = block[index], index == block.count - 1 {} else { result.append(before + after) }
            for replacement in statementVariants(block[index]) { result.append(before + replacement + after) }
        }
        return result
    }

    /// Each variant is the list of statements that replaces `statement`.
    static func statementVariants(_ statement: Stmt) -> [[Stmt]] {
        switch statement {
        case .declaration(let mutable, let name, let annotation, let value):
            return exprVariants(value).map { [.declaration(mutable: mutable, name: name, annotation: annotation, $0)] }
        case .assignment(let target, let op, let value):
            var result = exprVariants(value).map { [Stmt.assignment(target, op, $0)] }
            if op != "=" { result.append([.assignment(target, "=", value)]) }
            if case .element(let array, let index) = target {
                result += exprVariants(index).map { [.assignment(.element(array, $0), op, value)] }
            }
            return result
        case .returnValue(let value):
            return exprVariants(value).map { [.returnValue($0)] }
        case .append(let array, let value):
            return exprVariants(value).map { [.append(array, $0)] }
        case .forLoop(let variable, let range, let body):
            // A body holding `break` or `continue` cannot stand outside its loop.
            return (body.contains(where: \.jumps) ? [] : [body]) + blockVariants(body).map { [.forLoop(variable, range, $0)] }
        case .whileLoop(let condition, let body):
            return (body.contains(where: \.jumps) ? [] : [body]) + blockVariants(body).map { [.whileLoop(condition, $0)] }
        case .breakLoop, .continueLoop:
            return []
        case .ifElse(let condition, let then, let otherwise):
            var result: [[Stmt]] = [then]
            if let otherwise { result += [otherwise, [.ifElse(condition, then, nil)]] }
            result += blockVariants(then).map { [.ifElse(condition, $0, otherwise)] }
            if let otherwise { result += blockVariants(otherwise).map { [.ifElse(condition, then, $0)] } }
            result += exprVariants(condition).map { [.ifElse($0, then, otherwise)] }
            return result
        }
    }

    /// `e` with one node replaced by a same-typed child or a literal.
    static func exprVariants(_ expr: Expr) -> [Expr] {
        var result: [Expr] = expr.children.filter { $0.type == expr.type }
        if case .literal = expr {} else if let literal = literal(of: expr.type) { result.append(literal) }
        let children = expr.children
        for (index, child) in children.enumerated() {
            for variant in exprVariants(child) {
                var replaced = children
                replaced[index] = variant
                result.append(expr.replacingChildren(replaced))
            }
        }
        return result
    }

    static func literal(of type: RandomProgram.ValueType) -> Expr? {
        switch type {
        case .double: return .literal("0.5", .double)
        case .int: return .literal("0", .int)
        default: return nil
        }
    }
}

extension RandomProgram {
    /// Statements plus expression nodes: what the reducer makes smaller.
    public var size: Int { functions.reduce(0) { $0 + 1 + $1.body.reduce(0) { $0 + $1.size } } }
}

extension RandomProgram.Stmt {
    /// Whether a `break` or `continue` of the enclosing loop is in this statement.
    var jumps: Bool {
        switch self {
        case .breakLoop, .continueLoop: return true
        case let .ifElse(_, then, otherwise): return (then + (otherwise ?? [])).contains(where: \.jumps)
        default: return false
        }
    }

    var size: Int {
        switch self {
        case .breakLoop, .continueLoop: return 1
        case .declaration(_, _, _, let value), .returnValue(let value), .append(_, let value): return 1 + value.size
        case .assignment(let target, _, let value):
            if case .element(_, let index) = target { return 1 + value.size + index.size }
            return 1 + value.size
        case .forLoop(_, _, let body): return 2 + body.reduce(0) { $0 + $1.size }
        case .whileLoop(let condition, let body): return 1 + condition.size + body.reduce(0) { $0 + $1.size }
        case .ifElse(let condition, let then, let otherwise):
            return 1 + condition.size + (then + (otherwise ?? [])).reduce(0) { $0 + $1.size }
        }
    }
}
