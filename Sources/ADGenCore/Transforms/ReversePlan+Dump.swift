/// `--dump-after plan`: the function reverse mode differentiates (after inlining and
/// the reordering for fusion), with a `// plan:` comment above every statement the
/// plan decides something for.
///
/// For example:
///
///     for i in 0..<n {
///         // plan: taped: 1 value(s) per iteration (8 bytes): s
///         // plan: tape the old value (Double, 8 bytes)
///         s = s * x[i]
///     }
extension ReversePlan {
    func dump(_ function: IR.Function, vjp: String, fused: Set<Int>, types: [String: IRType]) -> String {
        var annotated = function
        annotated.body = [IR.Statement(.comment("plan: reversed as \(vjp)"))]
            + annotate(function.body, fused: fused, types: types)
        return IRPrinter.print(annotated)
    }

    /// `body` with its notes; a fused loop's body is planned on its own when it is swept
    /// and is left bare.
    private func annotate(_ body: [IR.Statement], fused: Set<Int>, types: [String: IRType]) -> [IR.Statement] {
        var result: [IR.Statement] = []
        for statement in body {
            for note in notes(statement, fused: fused, types: types) {
                result.append(IR.Statement(.comment("plan: " + note)))
            }
            if fused.contains(statement.id) {
                result.append(statement)
                continue
            }
            result.append(statement.mappingBodies { annotate($0, fused: fused, types: types) })
        }
        return result
    }

    private func notes(_ statement: IR.Statement, fused: Set<Int>, types: [String: IRType]) -> [String] {
        if case .forLoop(let loop) = statement.kind {
            if fused.contains(statement.id) { return ["fused: each iteration reversed right after it runs (no tape)"] }
            if strategy(of: statement) == .recomputeFused {
                return ["recompute-fused: each iteration re-run and reversed at once (no tape)"]
            }
            let taped = tapedTargets(loop.body)
            let bytes = taped.reduce(0) { $0 + Self.bytes(of: types[$1]) }
            return ["taped: \(taped.count) value(s) per iteration (\(bytes) bytes)"
                    + (taped.isEmpty ? "" : ": " + taped.joined(separator: ", "))]
        }
        guard let target = statement.writtenVariable else { return [] }
        switch restore(of: statement) {
        case .none: return []
        case .undo: return ["undone in reverse (the inverse update), not taped"]
        case .recompute: return ["recomputed at the start of the reversed iteration (not taped)"]
        case .tape:
            let type = types[target]
            let what = type.map { $0.isArray ? "element of \($0)" : "\($0)" } ?? "value"
            return ["tape the old value (\(what), \(Self.bytes(of: type)) bytes)"]
        }
    }

    /// The targets of the writes of `body` (not of nested loops) that tape.
    private func tapedTargets(_ body: [IR.Statement]) -> [String] {
        var targets: [String] = []
        func visit(_ statements: [IR.Statement]) {
            for statement in statements {
                if restore(of: statement) == .tape, let target = statement.writtenVariable {
                    targets.append(target)
                }
                if case .forLoop = statement.kind { continue }
                statement.children.forEach(visit)
            }
        }
        visit(body)
        return targets
    }

    static func bytes(of type: IRType?) -> Int {
        switch type {
        case .bool?: return 1
        default: return 8
        }
    }
}
