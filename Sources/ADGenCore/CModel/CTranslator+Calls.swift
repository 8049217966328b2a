extension CTranslator {
    /// `let (v, d1, d2) = g(args)`: `double d1 = 0.0; double v = g(args, &d1, target2);` where an
    /// array result goes straight into the array it is accumulated into: the loops after
    /// the call (`for k in 0..<dx.count { dx[k] += d2[k] }`, then consumed) or the caller's
    /// array when it is returned. Two results accumulated into one array both add into it.
    mutating func destructure(names: [String?], types: [IRType], call: IR.Call, following: ArraySlice<IR.Statement>)
        -> (code: [CModel.Statement], consumed: Int) {
        var code: [CModel.Statement] = []
        var arguments = self.arguments(call)
        // The accumulation loops right after the call, one per result or one for several.
        let results = Set(names.compactMap { $0 })
        var accumulation: [String: String] = [:]
        var consumed = 0
        for statement in following {
            guard let found = Self.accumulations(in: statement),
                  found.keys.allSatisfy({ results.contains($0) && accumulation[$0] == nil }) else { break }
            accumulation.merge(found) { a, _ in a }
            consumed += 1
        }
        for (name, type) in zip(names.dropFirst(), types.dropFirst()) {
            if type.isArray {
                if let name, let alias = aliases[name] {
                    arguments.append(.name(alias))
                } else if let name, let target = accumulation[name] {
                    arguments.append(.name(cName(target)))
                } else {
                    problem("C output cannot size the array result '\(name ?? "_")' of '\(call.function)'")
                }
                continue
            }
            let local = name.map { cName($0) } ?? freshName("unused")
            code.append(.declaration(type: Self.elementType(type), name: local, value: .literal("0.0")))
            arguments.append(.prefix("&", .name(local)))
        }
        let invocation = CModel.Expression.call(functionName(call.function), arguments)
        if let first = names.first.flatMap({ $0 }) {
            code.append(.declaration(type: Self.elementType(types[0]), name: cName(first), value: invocation))
        } else {
            code.append(.expression(invocation))
        }
        return (code, consumed)
    }

    /// A call's arguments, each array followed by its length when ``arrayLengths`` asks for it.
    mutating func arguments(_ call: IR.Call) -> [CModel.Expression] {
        var result: [CModel.Expression] = []
        for argument in call.arguments {
            result.append(expression(argument.value))
            guard arrayLengths, argument.value.type.isArray else { continue }
            result.append(expression(IR.Expression(.count(array: Self.arrayName(argument.value)), .int)))
        }
        return result
    }

    static func arrayName(_ expression: IR.Expression) -> String {
        if case .variable(let name) = expression.kind { return name }
        return ""
    }

    /// `for k in 0..<n { a[k] += b[k]; c[k] += d[k] }`: source → target, or nil for any other statement.
    static func accumulations(in statement: IR.Statement) -> [String: String]? {
        guard case .forLoop(let loop) = statement.kind, let index = loop.index,
              case .range(let lower, _, false) = loop.sequence, case .int(0, _) = lower.kind else { return nil }
        var result: [String: String] = [:]
        for inner in loop.body {
            guard case let .store(target, position, .add?, value) = inner.kind, case .variable(index) = position.kind,
                  case let .element(source, at) = value.kind, case .variable(index) = at.kind else { return nil }
            result[source] = target
        }
        return result.isEmpty ? nil : result
    }
}
