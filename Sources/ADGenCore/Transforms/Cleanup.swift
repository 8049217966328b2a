/// The last IR pass before emission: removes code whose results are never read,
/// turns never-mutated `var`s into `let`s and drops unused loop indices, so the
/// emitted Swift is warning-free. Every IR operation is free of side effects
/// (user functions are pure), so removing a dead write cannot change a result.
public enum Cleanup {
    public static func run(_ function: IR.Function) -> IR.Function {
        var function = function
        var body = function.body
        // Pruning can make a condition constant (the later writes of its variable were
        // dead), and folding can leave dead code: twice each.
        for _ in 0..<2 {
            body = ConstantConditions.run(body)
            while true {
                let reads = IRWalk.reads(in: body)
                let (pruned, changed) = prune(body, reads: reads)
                body = pruned
                if !changed { break }
            }
        }
        let mutated = IRWalk.mutations(in: body)
        let reassigned = IRWalk.mutations(in: body, stores: false)
        let reads = IRWalk.reads(in: body)
        function.body = finalize(body, mutated: mutated, reassigned: reassigned, reads: reads)
        return function
    }

    static func prune(_ body: [IR.Statement], reads: Set<String>) -> ([IR.Statement], Bool) {
        var changed = false
        var result: [IR.Statement] = []
        var deadInScope: Set<String> = []
        let lastRead = IRWalk.lastPositions(in: body, of: IRWalk.reads(in:))
        for (position, statement) in body.enumerated() {
            var statement = statement
            if let target = statement.writtenVariable, deadInScope.contains(target) {
                changed = true
                continue
            }
            if !deadInScope.isEmpty { statement = removingWrites(to: deadInScope, in: statement) }
            switch statement.kind {
            case .declare(let name, _, _, _, _):
                // A declaration is visible only in the rest of its block; when nothing
                // there reads it, it goes with every write to it.
                if !reads.contains(name) || (lastRead[name] ?? -1) <= position {
                    changed = true
                    deadInScope.insert(name)
                    continue
                }
            case .assign(let name, let op, let value):
                if !reads.contains(name) { changed = true; continue }
                // `x = x` (a tangent `dx = dx + 0` after simplification) does nothing.
                if op == nil, case .variable(name) = value.kind { changed = true; continue }
            case .store(let array, _, _, _), .append(let array, _):
                if !reads.contains(array) { changed = true; continue }
            case .removeLast(let array, let into, _):
                if !reads.contains(array) { changed = true; continue }
                if let into, !reads.contains(into) {
                    statement.kind = .removeLast(array: array, into: nil, index: nil)
                    changed = true
                }
            case .destructure(let names, let types, let call):
                let kept = names.map { name in name.flatMap { reads.contains($0) ? $0 : nil } }
                if kept.allSatisfy({ $0 == nil }) { changed = true; continue }
                if kept != names {
                    statement.kind = .destructure(names: kept, types: types, call: call)
                    changed = true
                }
            case .forLoop(var loop):
                let (inner, innerChanged) = prune(loop.body, reads: reads)
                changed = changed || innerChanged
                if inner.isEmpty { changed = true; continue }
                loop.body = inner
                statement.kind = .forLoop(loop)
            case let .whileLoop(condition, body):
                let (inner, innerChanged) = prune(body, reads: reads)
                changed = changed || innerChanged
                statement.kind = .whileLoop(condition: condition, body: inner)
            case let .ifElse(condition, thenBody, elseBody):
                let (newThen, thenChanged) = prune(thenBody, reads: reads)
                let (newElse, elseChanged) = prune(elseBody, reads: reads)
                changed = changed || thenChanged || elseChanged
                if newThen.isEmpty, newElse.isEmpty { changed = true; continue }
                if newThen.isEmpty {
                    statement.kind = .ifElse(condition: IR.Expression(.unary(.not, condition), .bool), then: newElse, else: [])
                } else {
                    statement.kind = .ifElse(condition: condition, then: newThen, else: newElse)
                }
            case .checkpoint(let checkpoint):
                var innerChanged = false
                statement.kind = .checkpoint(checkpoint.mappingBodies { body in
                    let (inner, changed) = prune(body, reads: reads)
                    innerChanged = innerChanged || changed
                    return inner
                })
                changed = changed || innerChanged
            case .returnValues, .comment:
                break
            }
            result.append(statement)
        }
        return (result, changed)
    }

    /// `statement` without writes to `names` (declarations whose scope ended up unread).
    /// A nested redeclaration of a name starts a new variable, which stays.
    static func removingWrites(to names: Set<String>, in statement: IR.Statement) -> IR.Statement {
        func block(_ body: [IR.Statement]) -> [IR.Statement] {
            var live = names
            var result: [IR.Statement] = []
            for statement in body {
                if case .declare(let name, _, _, _, _) = statement.kind { live.remove(name) }
                else if let target = statement.writtenVariable, live.contains(target) { continue }
                result.append(live.isEmpty ? statement : removingWrites(to: live, in: statement))
            }
            return result
        }
        return statement.mappingBodies(block)
    }

    static func finalize(_ body: [IR.Statement], mutated: Set<String>, reassigned: Set<String>,
                         reads: Set<String>) -> [IR.Statement] {
        body.map { statement in
            var statement = statement
            switch statement.kind {
            case let .declare(name, type, mutable, value, annotated)
                where mutable && (!mutated.contains(name) || type.isTape || (type == .lanes && !reassigned.contains(name))):
                // Tapes are reference types: pushing and popping does not reassign them.
                // Lane storage stores through its buffer: only a reassignment or an
                // append (which may move the buffer) needs a `var`.
                statement.kind = .declare(name: name, type: type, mutable: false, value: value, annotated: annotated)
            case .forLoop(var loop):
                if let index = loop.index, !IRWalk.reads(in: loop.body).contains(index) { loop.index = nil }
                statement.kind = .forLoop(loop)
            default:
                break
            }
            return statement.mappingBodies { finalize($0, mutated: mutated, reassigned: reassigned, reads: reads) }
        }
    }
}
