/// What the generator knows about the names in scope: types, magnitudes, `Int`
/// ranges, and the Swift rule that a block may not declare a name it has already
/// read from an enclosing block.
struct GeneratorLocal {
    var name: String
    var type: RandomProgram.ValueType
    /// Declared `var` and free for the generator to write (not a loop variable or the
    /// counter of the `while` loop being generated).
    var writable: Bool
    /// An upper bound on |value| (every entry, for arrays); a heuristic across loop trips.
    var bound: Double
    /// Exact range of an `Int` at this point, valid for direct indexing only when
    /// `loopDepth` equals the current loop depth (see `ProgramGenerator.indexUse`).
    var low = 0
    var high = 0
    /// Loops enclosing the declaration.
    var loopDepth: Int
    /// For `Int` locals whose value Swift may know at compile time (a straight-line
    /// constant such as `var k = 0; k += 1`): the loop depth where it became one, nil
    /// once a loop opened since has updated it. Swift warns about a branch on such a
    /// value ("will never be executed"), so conditions never test it.
    var constantDepth: Int? = nil
    /// For parameters with a fixed-sign check range: +1 or -1.
    var sign: Int? = nil
    var read = false
    /// An array being grown by `append` in the loop being generated: not visible yet.
    var growing = false
}

extension GeneratorLocal {
    /// Notes `+=`/`-=` by a constant at loop depth `depth`: inside a loop opened since the
    /// value became a constant, it makes the value loop-carried (unknown to Swift).
    mutating func steppedAt(_ depth: Int) {
        if let constant = constantDepth, depth > constant { constantDepth = nil }
    }
}

struct GeneratorScope {
    var locals: [String: GeneratorLocal] = [:]
    var order: [String] = []
    /// Names read here that resolve to an enclosing scope: this block may not declare them.
    var readFromOutside: Set<String> = []
}

extension ProgramGenerator {
    /// The innermost declaration of `name`, as (scope index, local).
    func lookup(_ name: String) -> (Int, GeneratorLocal)? {
        for index in scopes.indices.reversed() {
            if let local = scopes[index].locals[name] { return (index, local) }
        }
        return nil
    }

    /// Every visible local (innermost declaration of each name) satisfying `filter`.
    func visible(_ filter: (GeneratorLocal) -> Bool) -> [GeneratorLocal] {
        var seen: Set<String> = []
        var result: [GeneratorLocal] = []
        for scope in scopes.reversed() {
            for name in scope.order where !seen.contains(name) {
                seen.insert(name)
                if let local = scope.locals[name], !local.growing, filter(local) { result.append(local) }
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Marks a read of `name` (so the declaration counts as used and inner blocks do not redeclare it).
    mutating func markRead(_ name: String) {
        guard let (index, _) = lookup(name) else { return }
        scopes[index].locals[name]!.read = true
        for inner in (index + 1)..<scopes.count { scopes[inner].readFromOutside.insert(name) }
    }

    mutating func update(_ name: String, _ change: (inout GeneratorLocal) -> Void) {
        guard let (index, _) = lookup(name) else { return }
        change(&scopes[index].locals[name]!)
    }

    /// Whether the current block may declare `name`.
    func canDeclare(_ name: String) -> Bool {
        let scope = scopes[scopes.count - 1]
        return scope.locals[name] == nil && !scope.readFromOutside.contains(name) && !reservedNames.contains(name)
    }

    mutating func declare(_ local: GeneratorLocal) {
        scopes[scopes.count - 1].locals[local.name] = local
        scopes[scopes.count - 1].order.append(local.name)
    }

    /// A name from `pool` the current block may declare, nil when all are taken.
    mutating func freshName(_ pool: [String]) -> String? {
        let free = pool.filter(canDeclare)
        return free.isEmpty ? nil : free[random.below(free.count)]
    }
}
