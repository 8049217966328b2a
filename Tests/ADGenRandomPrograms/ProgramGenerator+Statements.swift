typealias Stmt = RandomProgram.Stmt

/// Statements: declarations that reuse a small pool of names (so sibling and nested
/// scopes redeclare them), updates that read their own target, and blocks.
extension ProgramGenerator {
    static let doubleNames = ["t", "u", "v", "w"]
    static let varNames = ["s", "g", "z"]
    static let arrayNames = ["q", "y", "e"]
    static let intNames = ["k", "p", "m", "it"]
    static let loopNames = ["i", "j", "l"]

    /// One statement (sometimes a few that belong together), using up budget.
    mutating func statement() -> [Stmt] {
        budget -= 1
        let nested = trips.count < 3 && scopes.count < 5 && budget > 1
        switch random.below(nested ? 16 : 10) {
        case 0, 1: return letDouble()
        case 2: return varDouble()
        case 3, 4: return updateDouble()
        case 5: return arrayDeclaration()
        case 6, 7: return arrayWrite()
        case 8: return intStatement()
        case 9: return trips.isEmpty && scopes.count == 1 && !inHelper && !returnsArray ? earlyReturn() : updateDouble()
        case 10, 11: return forLoop()
        case 12: return whileLoop()
        case 13: return flagAndIf()
        case 14 where ![nil, .growing].contains(loopKinds.last) && random.chance(0.5): return loopExit()
        default: return ifElse()
        }
    }

    /// `if e > c { break }` (or `continue` in a `for`): an early exit the reverse sweep
    /// must replay. It only skips work, so every bound still holds.
    mutating func loopExit() -> [Stmt] {
        // A variable, never a literal: Swift warns about a branch a constant condition rules out.
        let doubles = visible { $0.type == .double }
        guard !doubles.isEmpty else { return updateDouble() }
        let tested = random.pick(doubles).name
        markRead(tested)
        let condition = Expr.binary(random.pick([">", "<"]), .name(tested, .double), lit(random.pick([0.25, -0.25, 0.5])), .bool)
        let jump: Stmt = loopKinds.last == .forLoop && random.chance(0.5) ? .continueLoop : .breakLoop
        return [.ifElse(condition, [jump], nil)]
    }

    /// Statements of a new block, plus updates that read the locals nobody read.
    /// `last` adds statements after the random ones, in the block's scope.
    mutating func block(_ limit: Int, prefix: (inout Self) -> Void = { _ in }, suffix: [Stmt] = [],
                        last: (inout Self) -> [Stmt] = { _ in [] }) -> [Stmt] {
        scopes.append(GeneratorScope())
        prefix(&self)
        var body: [Stmt] = []
        for _ in 0..<(1 + random.below(limit)) where budget > 0 { body += statement() }
        body += last(&self)
        if body.isEmpty { body += updateDouble() }
        body += consumeUnread() + suffix
        scopes.removeLast()
        return body
    }

    /// `acc += t` for each local of the innermost scope that was never read. In loops
    /// opened since `acc`'s declaration a large `t` is added as `tanh(t)`: `t` may be
    /// computed from `acc` (`let v = acc`, `acc * acc * acc`), and added back on every
    /// trip it would compound past what finite differences resolve, or to infinity.
    mutating func consumeUnread() -> [Stmt] {
        let scope = scopes[scopes.count - 1]
        let times = lookup("acc").map { repetitions($0.1) } ?? 1
        var result: [Stmt] = []
        for name in scope.order where name != "acc" {
            guard var local = scope.locals[name], !local.read else { continue }
            let value: Expr
            switch local.type {
            case .double where times > 1 && local.bound * times > 4:
                value = builtin("tanh", .name(name, .double))
                local.bound = 1
            case .double: value = .name(name, .double)
            case .int: value = .toDouble(.name(name, .int))
            case .doubleArray: value = .index(name, int(0), .double)
            default: continue
            }
            markRead(name)
            markRead("acc")
            result.append(.assignment(.name("acc"), "+=", value))
            update("acc") { $0.bound += local.type == .int ? Double(local.high) : local.bound }
        }
        return result
    }

    mutating func letDouble() -> [Stmt] {
        guard let name = freshName(Self.doubleNames) else { return updateDouble() }
        let value = capped(double(3))
        declare(GeneratorLocal(name: name, type: .double, writable: false, bound: value.bound, loopDepth: trips.count))
        return [.declaration(mutable: false, name: name, annotation: random.chance(0.2) ? .double : nil, value.expr)]
    }

    mutating func varDouble() -> [Stmt] {
        guard let name = freshName(Self.varNames) else { return updateDouble() }
        let value = capped(double(2))
        declare(GeneratorLocal(name: name, type: .double, writable: true, bound: value.bound, loopDepth: trips.count))
        return [.declaration(mutable: true, name: name, annotation: nil, value.expr)]
    }

    /// The product of the trip counts of the loops opened since `local` was declared.
    func repetitions(_ local: GeneratorLocal) -> Double {
        trips.dropFirst(local.loopDepth).reduce(1.0) { $0 * Double($1) }
    }

    mutating func updateDouble() -> [Stmt] {
        let targets = visible { $0.type == .double && $0.writable }
        guard !targets.isEmpty else { return letDouble() }
        let target = random.pick(targets)
        let name = Expr.name(target.name, .double)
        let times = repetitions(target)
        var (op, value, bound) = ("+=", lit(0.5), target.bound)
        switch random.below(8) {
        case 0:
            let e = capped(double(3))
            let itself = e.expr == name
            (op, value, bound) = (itself ? "+=" : "=", e.expr, itself ? 2 * target.bound : max(target.bound, e.bound))
        case 1, 2:
            let e = small(2)
            (op, value, bound) = (random.pick(["+=", "-="]), e.expr, target.bound + times * e.bound)
        case 3:
            let e = small(1)  // s += s * tanh(e): reads its own target
            (op, value, bound) = ("+=", binary("*", name, builtin("tanh", e.expr)), target.bound * pow2(times))
        case 4:
            let e = small(1)
            (op, value, bound) = ("*=", binary("+", lit(1.0), binary("*", lit(0.5), builtin("tanh", e.expr))),
                                  target.bound * pow(1.5, times))
        case 5:
            let divisor = random.chance(0.5) ? name : small(1).expr  // s /= (2.0 + sin(s))
            (op, value, bound) = ("/=", binary("+", lit(2.0), builtin("sin", divisor)), target.bound)
        case 6 where target.bound <= 2 && times == 1:
            let e = small(0)  // s *= s + b
            (op, value, bound) = ("*=", binary("+", name, e.expr), target.bound * (target.bound + e.bound))
        default:
            let e = small(2)
            (op, value, bound) = ("=", binary("+", binary("*", lit(0.5), name), e.expr), max(target.bound, 2 * e.bound))
        }
        if bound > 1e4 {
            let e = small(1)
            (op, value, bound) = ("=", binary("+", builtin("tanh", name), e.expr), 1 + e.bound)
        }
        if value.names.contains(target.name) || op != "=" { markRead(target.name) }
        update(target.name) { $0.bound = max($0.bound, bound) }
        return [.assignment(.name(target.name), op, value)]
    }

    func pow2(_ times: Double) -> Double { pow(2.0, times) }
    func pow(_ base: Double, _ times: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(min(times, 60)) { result *= base }
        return result
    }
}
