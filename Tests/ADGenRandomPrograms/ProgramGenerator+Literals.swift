/// Array literals and `append` (Docs/LanguageReference.md, "Arrays"): `[Double]` and
/// `[Int]` literals as declaration values and call arguments (never inside a `while`
/// condition or a branch of `?:`, `&&`, `||`), and arrays grown by `append` to the
/// program's `count` entries before anything indexes them.
extension ProgramGenerator {
    static let tableNames = ["o", "ix"]

    /// `count` `Double` elements, small atoms or shallow expressions (so Swift type-checks
    /// the literal quickly), one of them sometimes an integer literal; and their bound.
    mutating func literalElements(_ count: Int, limit: Double = 1e3) -> ([Expr], Double) {
        var elements: [Expr] = []
        var bound = 0.0
        for _ in 0..<count {
            var element = random.chance(0.35) ? atom() : capped(double(1))
            if element.bound > limit { element = Bounded(expr: builtin("tanh", element.expr), bound: 1) }
            elements.append(element.expr)
            bound = max(bound, element.bound)
        }
        if count > 1 && random.chance(0.2) {  // `[2, x]` is a [Double]: the integer literal becomes 2.0
            elements[0] = .literal("2", .double)
            bound = max(bound, 2)
        }
        return (elements, bound)
    }

    /// `var q = [e0, e1, …]` with `count` entries, or `count - 1` and `q.append(e)`.
    mutating func literalDeclaration(_ name: String) -> [Stmt] {
        let short = random.chance(0.3)
        var (elements, bound) = literalElements(short ? count - 1 : count)
        let annotation: RandomProgram.ValueType? = random.chance(0.4) ? .doubleArray : nil
        var result: [Stmt] = [.declaration(mutable: true, name: name, annotation: annotation,
                                           .arrayLiteral(elements, .doubleArray))]
        if short {
            let last = capped(double(1))
            result.append(.append(name, last.expr))
            bound = max(bound, last.bound)
        }
        declare(GeneratorLocal(name: name, type: .doubleArray, writable: true, bound: bound, loopDepth: trips.count))
        return result
    }

    /// `let o = [2, 0, 1]`: a permutation of the indices, read by `index()` as `o[…]`.
    mutating func indexTable() -> [Stmt]? {
        guard let name = freshName(Self.tableNames) else { return nil }
        var table = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { table.swapAt(i, random.below(i + 1)) }
        declare(GeneratorLocal(name: name, type: .intArray, writable: false, bound: 0, loopDepth: trips.count))
        return [.declaration(mutable: false, name: name, annotation: random.chance(0.3) ? .intArray : nil,
                             .arrayLiteral(table.map(int), .intArray))]
    }

    /// `var e: [Double] = []` (or `var e = [v]`) and a `for` loop appending one entry per
    /// trip, so `e` has `count` entries after the loop; nothing reads `e` before that.
    mutating func growingArray() -> [Stmt] {
        guard let name = freshName(Self.arrayNames) else { return updateDouble() }
        let first = random.chance(0.5) ? capped(double(1)) : nil
        let low = first == nil ? 0 : 1
        let range = RandomProgram.LoopRange.halfOpen(int(low), countExpr())
        let variable = random.pick(Self.loopNames)
        var bound = first?.bound ?? 0
        // Declared now (so the body's reads of an outer `name` resolve as in Swift), hidden until grown.
        declare(GeneratorLocal(name: name, type: .doubleArray, writable: false, bound: 0, loopDepth: trips.count,
                               growing: true))
        trips.append(count - low)
        loopKinds.append(.growing)
        let body = block(3, prefix: { generator in
            generator.protect(name)
            generator.declare(GeneratorLocal(name: variable, type: .int, writable: false, bound: 0, low: low,
                                             high: generator.count - 1, loopDepth: generator.trips.count))
        }, last: { generator in
            let value = generator.capped(generator.double(2))
            bound = max(bound, value.bound)
            return [.append(name, value.expr)]
        })
        loopKinds.removeLast()
        trips.removeLast()
        update(name) { $0.growing = false; $0.writable = true; $0.bound = bound }
        let initial = Expr.arrayLiteral(first.map { [$0.expr] } ?? [], .doubleArray)
        let annotation: RandomProgram.ValueType? = first == nil || random.chance(0.3) ? .doubleArray : nil
        return [.declaration(mutable: true, name: name, annotation: annotation, initial),
                .forLoop(variable, range, body)]
    }
}
