/// Activity analysis: which variables carry derivatives.
///
/// A variable is *varied* when its value depends on an active input, and *useful*
/// when the result depends on it. Forward mode needs tangents for varied variables;
/// reverse mode needs adjoints for variables that are both. The analysis is
/// flow-insensitive (one answer per variable for the whole function) and iterates to
/// a fixed point, so loops need no special case.
public struct Activity {
    public private(set) var varied: Set<String>
    public private(set) var useful: Set<String>

    public func isActive(_ name: String) -> Bool { varied.contains(name) && useful.contains(name) }

    public init(_ function: IR.Function, types: [String: IRType]) {
        let assignments = Self.dataFlow(function.body)
        // Forward: from the active parameters.
        var varied = Set(function.wrt)
        var changed = true
        while changed {
            changed = false
            for (target, sources) in assignments where !varied.contains(target) && types[target]?.isDifferentiable == true {
                if !sources.isDisjoint(with: varied) {
                    varied.insert(target)
                    changed = true
                }
            }
        }
        // Backward: from the returned values.
        var useful: Set<String> = []
        IRWalk.forEachStatement(function.body) { statement in
            if case .returnValues(let values) = statement.kind {
                for value in values { useful.formUnion(value.reads) }
            }
        }
        changed = true
        while changed {
            changed = false
            for (target, sources) in assignments where useful.contains(target) {
                let new = sources.subtracting(useful)
                if !new.isEmpty {
                    useful.formUnion(new)
                    changed = true
                }
            }
        }
        self.varied = varied
        self.useful = useful
    }

    /// For every write `target = f(sources)`, the differentiable sources. Index
    /// expressions and conditions carry no derivative, so they are not sources.
    static func dataFlow(_ body: [IR.Statement]) -> [(String, Set<String>)] {
        var result: [(String, Set<String>)] = []
        IRWalk.forEachStatement(body) { statement in
            switch statement.kind {
            case .declare(let name, _, _, let value, _), .assign(let name, _, let value):
                result.append((name, differentiableReads(value).union(assignSelf(statement))))
            case let .store(array, _, _, value), let .append(array, value):
                result.append((array, differentiableReads(value)))
            case let .removeLast(array, into, _):
                if let into { result.append((into, [array])) }
            case let .destructure(names, _, call):
                let sources = call.arguments.reduce(into: Set<String>()) { $0.formUnion(differentiableReads($1.value)) }
                for name in names.compactMap({ $0 }) { result.append((name, sources)) }
            default:
                break
            }
        }
        return result
    }

    private static func assignSelf(_ statement: IR.Statement) -> Set<String> {
        if case .assign(let name, let op, _) = statement.kind, op != nil { return [name] }
        return []
    }

    /// Variables whose value (not just whose shape or truth) flows into `expression`.
    static func differentiableReads(_ expression: IR.Expression) -> Set<String> {
        var names: Set<String> = []
        var stack = [expression]
        while let expression = stack.popLast() {
            switch expression.kind {
            case .variable(let name): if expression.type.isDifferentiable { names.insert(name) }
            case .element(let array, _): if expression.type.isDifferentiable { names.insert(array) }
            case .unary(_, let operand): stack.append(operand)
            case let .binary(op, lhs, rhs): if !op.isComparison && !op.isLogical { stack += [lhs, rhs] }
            case let .ternary(_, thenValue, elseValue): stack += [thenValue, elseValue]
            case .builtin(let builtin, let arguments): if builtin != .floor && builtin != .ceil { stack += arguments }
            case .call(let call): stack += call.arguments.map(\.value)
            case .repeating(let value, _): stack.append(value)
            case .double, .int, .bool, .pi, .count, .intToDouble, .newTape: break
            }
        }
        return names
    }
}

extension IR.Function {
    /// The type of every parameter and local.
    var variableTypes: [String: IRType] {
        var types = Dictionary(parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        IRWalk.forEachStatement(body) { statement in
            switch statement.kind {
            case .declare(let name, let type, _, _, _): types[name] = type
            case .forLoop(let loop): if let index = loop.index { types[index] = .int }
            case let .destructure(names, resultTypes, _):
                for (name, type) in zip(names, resultTypes) { if let name { types[name] = type } }
            default: break
            }
        }
        return types
    }
}
