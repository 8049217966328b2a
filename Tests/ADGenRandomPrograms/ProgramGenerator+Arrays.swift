/// Local arrays, copies, in-place element updates, `Int` state, and calls of helpers.
extension ProgramGenerator {
    mutating func arrayDeclaration() -> [Stmt] {
        if random.chance(0.1), let table = indexTable() { return table }
        if random.chance(0.2) && trips.count < 3 && scopes.count < 5 && budget > 1 { return growingArray() }
        guard let name = freshName(Self.arrayNames) else { return arrayWrite() }
        let arrays = visible { $0.type == .doubleArray }
        var value: Expr
        var bound = 1.5
        if let call = arrayHelperCall(), random.chance(0.4) {
            (value, bound) = call
        } else if random.chance(0.25) {
            return literalDeclaration(name)
        } else if !arrays.isEmpty && random.chance(0.7) {
            let source = random.pick(arrays)  // var q = a: a copy
            markRead(source.name)
            (value, bound) = (.name(source.name, .doubleArray), source.bound)
        } else {
            let e = small(1)
            (value, bound) = (.repeating(e.expr, countExpr()), e.bound)
        }
        declare(GeneratorLocal(name: name, type: .doubleArray, writable: true, bound: bound, loopDepth: trips.count))
        return [.declaration(mutable: true, name: name, annotation: random.chance(0.15) ? .doubleArray : nil, value)]
    }

    mutating func arrayWrite() -> [Stmt] {
        let targets = visible { $0.type == .doubleArray && $0.writable }
        guard !targets.isEmpty else { return trips.isEmpty ? arrayDeclaration() : updateDouble() }
        let target = random.pick(targets)
        markRead(target.name)
        let times = repetitions(target)
        let position = index()
        let element = Expr.index(target.name, position, .double)
        switch random.below(6) {
        case 0:
            let e = capped(double(2))
            update(target.name) { $0.bound = max($0.bound, e.bound) }
            return [.assignment(.element(target.name, position), "=", e.expr)]
        case 1, 2:
            let e = small(2)
            update(target.name) { $0.bound += times * e.bound }
            return [.assignment(.element(target.name, position), random.pick(["+=", "-="]), e.expr)]
        case 3:  // q[i] += q[i] * tanh(e)
            let e = small(1)
            let growth = pow2(times)
            update(target.name) { $0.bound *= growth }
            return [.assignment(.element(target.name, position), "+=", binary("*", element, builtin("tanh", e.expr)))]
        case 4:
            let divisor = random.chance(0.5) ? element : small(1).expr
            return [.assignment(.element(target.name, position), random.pick(["/=", "*="]),
                                binary("+", lit(2.0), builtin("sin", divisor)))]
        default:
            // Read one element, write another from it, then update the first (issue 16, class 3).
            guard let name = freshName(Self.doubleNames) else { return updateDouble() }
            let other = index()
            let e = small(1)
            update(target.name) { $0.bound = $0.bound * (1 + e.bound) + times }
            declare(GeneratorLocal(name: name, type: .double, writable: false, bound: target.bound * e.bound,
                                   loopDepth: trips.count, read: true))
            return [.declaration(mutable: false, name: name, annotation: nil, binary("*", element, e.expr)),
                    .assignment(.element(target.name, other), "=", .name(name, .double)),
                    .assignment(.element(target.name, position), "+=", lit(1.0))]
        }
    }

    /// `var k = 0`, `var p = n - 1`, `k += 1`, `p -= 1`, `k = 0`: ranges stay supersets of
    /// the values and never go below 0.
    mutating func intStatement() -> [Stmt] {
        let writable = visible { $0.type == .int && $0.writable }
        if writable.isEmpty || random.chance(0.35) {
            guard let name = freshName(Self.intNames) else { return updateDouble() }
            let start = random.chance(0.5)
            let value = start ? int(0) : binary("-", countExpr(), int(1))
            let low = start ? 0 : count - 1
            declare(GeneratorLocal(name: name, type: .int, writable: true, bound: 0, low: low, high: low,
                                   loopDepth: trips.count, constantDepth: trips.count))
            return [.declaration(mutable: true, name: name, annotation: random.chance(0.2) ? .int : nil, value)]
        }
        let target = random.pick(writable)
        let times = Int(repetitions(target))
        let step = 1 + random.below(2)
        let depth = trips.count
        if exact(target) && target.low >= step && random.chance(0.5) {
            update(target.name) { $0.low -= step; $0.steppedAt(depth) }
            return [.assignment(.name(target.name), "-=", int(step))]
        }
        if random.chance(0.25) {
            let reset = exact(target)
            update(target.name) { $0.low = 0; if reset { $0.high = 0 }; $0.constantDepth = depth }
            return [.assignment(.name(target.name), "=", int(0))]
        }
        update(target.name) { $0.high += step * times; $0.steppedAt(depth) }
        return [.assignment(.name(target.name), "+=", int(step))]
    }

    /// A call of a scalar helper, its arguments kept in the helper's checked range.
    mutating func helperCall(_ depth: Int) -> Bounded? {
        let scalars = helpers.filter { $0.function.result == .double && $0.function.parameters[0].type == .double }
        guard !scalars.isEmpty else { return nil }
        let helper = random.pick(scalars)
        return Bounded(expr: .call(helper.function.name, arguments(of: helper.function, depth), .double),
                       bound: min(helper.bound, 1e3))
    }

    /// A call of a helper returning `[Double]`, and the bound of its entries.
    mutating func arrayHelperCall() -> (Expr, Double)? {
        let arrays = helpers.filter { $0.function.result == .doubleArray }
        guard !arrays.isEmpty, !visible({ $0.type == .doubleArray }).isEmpty else { return nil }
        let helper = random.pick(arrays)
        return (.call(helper.function.name, arguments(of: helper.function, 1), .doubleArray), min(helper.bound, 1e3))
    }

    mutating func arguments(of function: RandomProgram.Function, _ depth: Int) -> [RandomProgram.Argument] {
        function.parameters.map { parameter in
            let label = parameter.label == "_" ? nil : (parameter.label ?? parameter.name)
            if parameter.type == .doubleArray && random.chance(0.25) {  // h0([x, 0.5, t], …)
                return .init(label, .arrayLiteral(literalElements(count, limit: 1.5).0, .doubleArray))
            }
            if parameter.type == .doubleArray {
                let array = random.pick(visible { $0.type == .doubleArray && $0.bound <= 1.5 } .map(\.name)
                                        + visible { $0.type == .doubleArray }.prefix(1).map(\.name))
                markRead(array)
                return .init(label, .name(array, .doubleArray))
            }
            let value = double(depth)
            return .init(label, value.bound <= 1 ? value.expr : builtin("tanh", value.expr))
        }
    }
}
