/// Loops with locally constant trip counts, conditionals, and early returns.
extension ProgramGenerator {
    mutating func forLoop() -> [Stmt] {
        let name = random.chance(0.1) ? nil : random.pick(Self.loopNames)
        let c = countExpr()
        var range: RandomProgram.LoopRange
        var (low, high, tripCount) = (0, count - 1, count)
        switch random.below(6) {
        case 0: range = .halfOpen(int(0), c)
        case 1:
            range = .halfOpen(int(1), c)
            (low, tripCount) = (1, count - 1)
        case 2:
            range = .closed(int(0), binary("-", c, int(2)))
            (high, tripCount) = (count - 2, count - 1)
        case 3:
            range = .strideTo(int(0), c, int(2))
            (high, tripCount) = ((count - 1) / 2 * 2, (count + 1) / 2)
        case 4: range = .strideThrough(binary("-", c, int(1)), int(0), int(-1))
        default:
            range = .closed(int(1), int(2))
            (low, high, tripCount) = (1, 2, 2)
        }
        trips.append(tripCount)
        loopKinds.append(.forLoop)
        defer { loopKinds.removeLast() }
        let body = block(4) { generator in
            if let name {
                generator.declare(GeneratorLocal(name: name, type: .int, writable: false, bound: 0, low: low, high: high,
                                                 loopDepth: generator.trips.count))
            }
        }
        trips.removeLast()
        return [.forLoop(name, range, body)]
    }

    /// A counter loop (`while it < 3 && …`) or a halving loop (`while h > 0.1`), whose
    /// condition also tests an always-true `Double` condition.
    mutating func whileLoop() -> [Stmt] {
        if random.chance(0.3) && canDeclare("h") {
            return halvingLoop()
        }
        guard let counter = freshName(Self.intNames) else { return forLoop() }
        let tripCount = 2 + random.below(2)
        var condition: Expr = .binary("<", .name(counter, .int), int(tripCount), .bool)
        let before: [Stmt] = [.declaration(mutable: true, name: counter, annotation: nil, int(0))]
        declare(GeneratorLocal(name: counter, type: .int, writable: false, bound: 0, low: 0, high: tripCount - 1,
                               loopDepth: trips.count))
        markRead(counter)
        let doubles = visible { $0.type == .double && $0.writable }
        if let value = doubles.first, random.chance(0.6) {
            markRead(value.name)
            let guardValue = Expr.binary("<", builtin("abs", .name(value.name, .double)), lit(1e9), .bool)
            condition = .binary("&&", condition, guardValue, .bool)
        }
        trips.append(tripCount)
        loopKinds.append(.whileLoop)
        let body = block(4, prefix: { $0.protect(counter) }, suffix: [.assignment(.name(counter), "+=", int(1))])
        loopKinds.removeLast()
        trips.removeLast()
        update(counter) { $0.writable = true; $0.low = 0; $0.high = tripCount }
        var result = before + [.whileLoop(condition, body)]
        if random.chance(0.4) {  // a counter reset after its loop (issue 16, class 4)
            let depth = trips.count
            update(counter) { $0.high = 0; $0.constantDepth = depth }
            result.append(.assignment(.name(counter), "=", int(0)))
        }
        return result
    }

    /// Keeps the new block from declaring `name` (the loop's own update must reach the outer one).
    mutating func protect(_ name: String) {
        scopes[scopes.count - 1].readFromOutside.insert(name)
    }

    mutating func halvingLoop() -> [Stmt] {
        declare(GeneratorLocal(name: "h", type: .double, writable: false, bound: 1, loopDepth: trips.count))
        markRead("h")
        trips.append(4)
        loopKinds.append(.whileLoop)
        let body = block(3, prefix: { $0.protect("h") }, suffix: [.assignment(.name("h"), "*=", lit(0.5))])
        loopKinds.removeLast()
        trips.removeLast()
        update("h") { $0.writable = true }
        return [.declaration(mutable: true, name: "h", annotation: nil, lit(1.0)),
                .whileLoop(.binary(">", .name("h", .double), lit(0.1), .bool), body)]
    }

    mutating func ifElse() -> [Stmt] {
        guard let condition = condition(1) else { return updateDouble() }
        let then = block(3)
        var otherwise: [Stmt]? = nil
        if random.chance(0.65) {
            otherwise = random.chance(0.25) && budget > 1 ? ifElse() : block(3)
        }
        return [.ifElse(condition, then, otherwise)]
    }

    /// `let ok = cond` then `if ok { … }`.
    mutating func flagAndIf() -> [Stmt] {
        guard let condition = condition(1), let name = freshName(["ok", "flag"]) else { return ifElse() }
        declare(GeneratorLocal(name: name, type: .bool, writable: false, bound: 0, loopDepth: trips.count))
        markRead(name)
        let flag = Expr.name(name, .bool)
        return [.declaration(mutable: false, name: name, annotation: random.chance(0.5) ? .bool : nil, condition),
                .ifElse(random.chance(0.3) ? .unary("!", flag) : flag, block(3), random.chance(0.5) ? block(2) : nil)]
    }

    /// `if x > 0 { return … }` at the top of a function body.
    mutating func earlyReturn() -> [Stmt] {
        let signed = visible { $0.sign != nil }
        guard !signed.isEmpty else { return updateDouble() }
        let parameter = random.pick(signed)
        markRead(parameter.name)
        let value = capped(double(2))
        markRead("acc")
        let condition = Expr.binary(random.pick([">", "<"]), .name(parameter.name, .double), lit(0.0), .bool)
        return [.ifElse(condition, [.returnValue(binary("+", .name("acc", .double), value.expr))], nil)]
    }
}
