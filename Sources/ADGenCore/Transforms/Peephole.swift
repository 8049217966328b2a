/// Local rewrites of generated code into what an expert would write, on each block:
///
/// - `dx = 0.0` then `dx += e` becomes `dx = e` (and `dx -= e` becomes `dx = -e`);
/// - `let t = x … x = t` with no write of `x` between drops the assignment;
/// - `let t = x` where `x` is not written in the rest of the block is removed and `t`
///   read as `x` (copy propagation; names are unique in derived functions).
///
/// Each rewrite computes the same values with the same floating-point operations
/// (`0.0 + e` is `e`, but for the sign of a zero adjoint), so derivatives keep
/// their bits. Runs on derived functions only; the primal stays as the user wrote it.
///
/// For example: `let t2 = ds; ds = 0.0; ds += t2; da += t2 * s` becomes `da += ds * s`.
enum Peephole {
    static func run(_ function: IR.Function) -> IR.Function {
        var function = function
        // A second pass sees what the first one exposed (`let t = x; x = t` after a merge).
        function.body = block(block(function.body))
        return function
    }

    static func block(_ body: [IR.Statement]) -> [IR.Statement] {
        let nested = body.map { $0.mappingBodies(block) }
        return propagatingCopies(droppingRestores(mergingResets(nested)))
    }

    /// `x = 0.0; x += e` → `x = e`, for a scalar `x` that `e` does not read.
    static func mergingResets(_ body: [IR.Statement]) -> [IR.Statement] {
        var result: [IR.Statement] = []
        for statement in body {
            if case let .assign(name, op?, value) = statement.kind, op == .add || op == .subtract,
               !value.reads.contains(name), let last = result.last,
               case let .assign(previous, nil, zero) = last.kind, previous == name, zero.isZero, zero.type == .double {
                result[result.count - 1] = IR.Statement(.assign(name: name, op: nil, value: op == .add ? value : -value),
                                                        at: last.location)
                continue
            }
            result.append(statement)
        }
        return result
    }

    /// `let t = x … x = t` → `let t = x …` when nothing between writes `x`.
    static func droppingRestores(_ body: [IR.Statement]) -> [IR.Statement] {
        var copyOf: [String: String] = [:]
        var result: [IR.Statement] = []
        for statement in body {
            if case let .assign(name, nil, value) = statement.kind, case .variable(let source) = value.kind,
               copyOf[source] == name {
                continue
            }
            for written in IRWalk.mutations(in: [statement]) {
                copyOf = copyOf.filter { $0.key != written && $0.value != written }
            }
            if case let .declare(name, .double, false, value, _) = statement.kind, case .variable(let source) = value.kind {
                copyOf[name] = source
            }
            result.append(statement)
        }
        return result
    }

    /// `let t = x` with `x` unchanged in the rest of the block: `t` is read as `x`.
    static func propagatingCopies(_ body: [IR.Statement]) -> [IR.Statement] {
        var result = body
        var position = 0
        while position < result.count {
            if case let .declare(name, .double, false, value, _) = result[position].kind,
               case .variable(let source) = value.kind, value.type == .double {
                let rest = Array(result[(position + 1)...])
                if !IRWalk.mutations(in: rest).contains(source), !declares(rest, source) {
                    result = Array(result[..<position]) + Renaming.rename(rest, [name: source])
                    continue
                }
            }
            position += 1
        }
        return result
    }

    /// Whether `body` declares `name` anywhere (a loop-local redeclaration would capture
    /// the propagated name).
    static func declares(_ body: [IR.Statement], _ name: String) -> Bool {
        var found = false
        IRWalk.forEachStatement(body) { statement in
            if statement.declaredName == name { found = true }
            if case .forLoop(let loop) = statement.kind, loop.index == name { found = true }
            if case .destructure(let names, _, _) = statement.kind, names.contains(name) { found = true }
        }
        return found
    }
}
