/// Activity analysis: which variables carry derivatives.
///
/// A variable is *varied* when its value depends on an active input, and *useful*
/// when the result depends on it. Forward mode needs tangents for varied variables;
/// reverse mode needs adjoints for variables that are both. The analysis is
/// flow-insensitive (one answer per variable for the whole function): reachability in
/// the graph of writes, so loops need no special case.
public struct Activity {
    public private(set) var varied: Set<String>
    public private(set) var useful: Set<String>

    public func isActive(_ name: String) -> Bool { varied.contains(name) && useful.contains(name) }

    public init(_ function: IR.Function, types: [String: IRType]) {
        let assignments = Self.dataFlow(function.body)
        // Forward: from the active parameters, along source → target edges.
        var targets: [String: [String]] = [:]
        for (target, sources) in assignments where types[target]?.isDifferentiable == true {
            for source in sources { targets[source, default: []].append(target) }
        }
        self.varied = Self.reachable(from: function.wrt, along: targets)
        // Backward: from the returned values, along target → source edges.
        var returned: [String] = []
        IRWalk.forEachStatement(function.body) { statement in
            if case .returnValues(let values) = statement.kind {
                for value in values { returned += value.reads }
            }
        }
        var sources: [String: [String]] = [:]
        for (target, reads) in assignments { sources[target, default: []] += reads }
        self.useful = Self.reachable(from: returned, along: sources)
    }

    /// Every name reachable from `start` (included) along `edges`: one visit per edge, so
    /// the analysis is linear in the program (a round-robin fixed point over the writes
    /// takes one round per step of a dependency chain, quadratic in a long straight line).
    private static func reachable(from start: [String], along edges: [String: [String]]) -> Set<String> {
        var reached = Set(start)
        var work = Array(reached)
        while let name = work.popLast() {
            for next in edges[name] ?? [] where reached.insert(next).inserted { work.append(next) }
        }
        return reached
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
