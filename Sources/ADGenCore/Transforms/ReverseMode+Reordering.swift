/// Reordering top-level statements so that loop fusion applies more often.
///
/// Forward fusion (``ReverseMode/fusionSplit(_:)``) wants the function to end with a
/// group of accumulator loops followed by straight-line code. Statements that sit
/// between or after those loops but do not depend on them — the GMM prior, a
/// `logSumExp(alphas)` call — are moved in front of the group. Every IR statement is
/// pure, so any order that keeps each pair of dependent statements in place computes
/// the same values; the reordering checks exactly that for every pair it swaps.
extension ReverseMode {
    func reorderedForFusion(_ body: [IR.Statement]) -> [IR.Statement] {
        for start in body.indices {
            guard case .forLoop(let loop) = body[start].kind, fusableAccumulators(loop) != nil else { continue }
            let suffix = Array(body[start...])
            guard suffix.allSatisfy({ isGroupMember($0) }) else { continue }
            var loops: [Int] = []
            var movable: [Int] = []
            var tail: [Int] = []
            var groupWrites: Set<String> = []
            for (index, statement) in suffix.enumerated() {
                if case .forLoop = statement.kind {
                    loops.append(index)
                    groupWrites.formUnion(Self.writes([statement]))
                } else if !statement.allReads.isDisjoint(with: groupWrites) {
                    tail.append(index)
                    groupWrites.formUnion(Self.writes([statement]))
                } else {
                    movable.append(index)
                }
            }
            let order = movable + loops + tail
            if Self.isValidReordering(suffix, order: order) {
                return Array(body[..<start]) + order.map { suffix[$0] }
            }
        }
        return body
    }

    /// Statements that may take part: fusable loops and straight-line statements.
    func isGroupMember(_ statement: IR.Statement) -> Bool {
        switch statement.kind {
        case .forLoop(let loop): return fusableAccumulators(loop) != nil
        case .declare, .assign, .store, .returnValues, .comment: return true
        default: return false
        }
    }

    /// True when every pair of statements whose relative order `order` changes is
    /// independent: neither writes what the other reads or writes.
    static func isValidReordering(_ statements: [IR.Statement], order: [Int]) -> Bool {
        var position = [Int](repeating: 0, count: statements.count)
        for (newPosition, index) in order.enumerated() { position[index] = newPosition }
        let writes = statements.map { Self.writes([$0]) }
        let reads = statements.map(\.allReads)
        for a in statements.indices {
            for b in (a + 1)..<statements.count where position[a] > position[b] {
                if !writes[a].isDisjoint(with: reads[b].union(writes[b])) || !writes[b].isDisjoint(with: reads[a]) {
                    return false
                }
            }
        }
        return true
    }
}

extension IR.Statement {
    /// Every variable this statement (with its nested statements) reads.
    var allReads: Set<String> { IRWalk.reads(in: [self]) }
}
