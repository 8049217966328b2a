/// `Int` expressions: values known to be non-negative, and indices known to be in
/// range (every array of a program has `count` entries).
extension ProgramGenerator {
    /// Whether `local`'s recorded range holds at this point: it is not written in the
    /// loops generated since its declaration (loop variables, counters of the `while`
    /// being generated), or no loop has opened since.
    func exact(_ local: GeneratorLocal) -> Bool {
        !local.writable || local.loopDepth == trips.count
    }

    /// A way to say the arrays' count: `n`, `a.count`, or the literal.
    mutating func countExpr() -> Expr {
        var options: [Expr] = [int(count)]
        for local in visible({ $0.type == .int && $0.name == "n" }) { options.append(.name(local.name, .int)) }
        for local in visible({ $0.type == .doubleArray }) { options.append(.count(local.name)) }
        let choice = random.pick(options)
        for name in choice.names { markRead(name) }
        return choice
    }

    /// An `Int` expression ≥ 0 and an upper bound on it. `unknown`: of values Swift cannot
    /// know at compile time only (for conditions; see `GeneratorLocal.constantDepth`).
    mutating func nonNegativeInt(unknown: Bool = false) -> (Expr, Int)? {
        let ints = visible { $0.type == .int && $0.low >= 0 && !(unknown && $0.constantDepth != nil) }
        guard !ints.isEmpty else { return nil }
        let local = random.pick(ints)
        markRead(local.name)
        let name = Expr.name(local.name, .int)
        if random.chance(0.25) { return (binary("+", name, int(1)), local.high + 1) }
        if random.chance(0.15) { return (binary("*", name, int(2)), 2 * local.high) }
        return (name, local.high)
    }

    /// An `Int` expression in 0..<count.
    mutating func index() -> Expr {
        let inRange = visible { $0.type == .int && exact($0) && $0.low >= 0 && $0.high < count }
        var choice = random.below(7)
        if inRange.isEmpty && (1...4).contains(choice) { choice = 6 }
        switch choice {
        case 0: return int(random.below(count))
        case 1, 2:
            let local = random.pick(inRange)
            markRead(local.name)
            return .name(local.name, .int)
        case 3:
            let local = random.pick(inRange)
            markRead(local.name)
            return binary("-", binary("-", countExpr(), int(1)), .name(local.name, .int))
        case 4:
            let local = random.pick(inRange)
            markRead(local.name)
            return .call("min", [.init(nil, binary("+", .name(local.name, .int), int(1))),
                                 .init(nil, binary("-", countExpr(), int(1)))], .int)
        case 5:
            let tables = visible { $0.type == .intArray }
            guard !tables.isEmpty else { return int(random.below(count)) }
            let table = random.pick(tables)
            markRead(table.name)
            return .index(table.name, index(), .int)
        default:
            guard let (value, _) = nonNegativeInt() else { return int(random.below(count)) }
            // One Int operation per index at most: Swift type-checks `(k + 1 + 1) % n` inside
            // Double arithmetic for seconds.
            let shifted = random.chance(0.5) || value.children.count > 0 ? value : binary("+", value, int(1 + random.below(3)))
            return binary("%", shifted, countExpr())
        }
    }
}
