/// Inlines calls of small leaf functions made inside loops, before reverse mode.
///
/// A call `let t = g(a, b)` of a DSL function `g` that calls nothing and has at most
/// ``maxStatements`` statements becomes `g`'s body, its parameters bound to the
/// arguments (`let v_g = a`: arrays are shared, not copied, because parameters are
/// immutable) and its locals renamed `name_g`. Its returns, which sema placed at the
/// ends of paths, assign the result. A parameter whose argument is a variable is
/// replaced by that variable. The reverse sweep then handles the callee's
/// statements with the caller's tape and loop fusion instead of calling `gVJP`, which
/// would recompute `g` and allocate its own tape and result arrays on every call.
/// Calls outside loops run once and are left alone.
/// Values are unchanged: the same operations run in the same order.
struct Inlining {
    static let maxStatements = 40

    let functions: [String: IR.Function]
    var names: NameAllocator

    static func run(_ function: IR.Function, functions: [String: IR.Function]) -> IR.Function {
        var pass = Inlining(functions: functions, names: NameAllocator(reserving: Naming.names(in: function)),
                            variableTypes: function.variableTypes)
        var function = function
        function.body = pass.block(function.body)
        return function
    }

    /// Whether `function` is a leaf small enough to inline.
    static func isInlinable(_ function: IR.Function) -> Bool {
        var count = 0
        var calls = false
        IRWalk.forEachStatement(function.body) { statement in
            count += 1
            switch statement.kind {
            case .destructure, .append, .removeLast: calls = true
            default: break
            }
            for expression in statement.ownExpressions where ReverseMode.containsCall(expression) { calls = true }
        }
        return !calls && count <= maxStatements
    }

    /// Loops around the statements being visited.
    var loopDepth = 0

    func inlinable(_ value: IR.Expression) -> (IR.Call, IR.Function)? {
        guard loopDepth > 0, case .call(let call) = value.kind, let callee = functions[call.function],
              Self.isInlinable(callee) else { return nil }
        return (call, callee)
    }

    mutating func block(_ body: [IR.Statement]) -> [IR.Statement] {
        var result: [IR.Statement] = []
        for statement in body {
            switch statement.kind {
            case let .declare(name, type, mutable, value, annotated):
                if let (call, callee) = inlinable(value) {
                    result += inline(call, callee, into: name, type: type, declare: (mutable, annotated))
                    continue
                }
            case let .assign(name, nil, value):
                if let (call, callee) = inlinable(value) {
                    result += inline(call, callee, into: name, type: types(of: name), declare: nil)
                    continue
                }
            case .forLoop, .whileLoop:
                loopDepth += 1
                result.append(statement.mappingBodies { block($0) })
                loopDepth -= 1
                continue
            default:
                break
            }
            result.append(statement.mappingBodies { block($0) })
        }
        return result
    }

    let variableTypes: [String: IRType]
    func types(of name: String) -> IRType { variableTypes[name] ?? .double }

    /// The callee's body, renamed, with its returns assigning `target`.
    mutating func inline(_ call: IR.Call, _ callee: IR.Function, into target: String, type: IRType,
                         declare: (mutable: Bool, annotated: Bool)?) -> [IR.Statement] {
        // A parameter whose argument is a variable becomes that variable: the callee
        // cannot change its parameters, nor the inlined body the caller's variables.
        var renaming: [String: String] = [:]
        for (parameter, argument) in zip(callee.parameters, call.arguments) {
            if case .variable(let name) = argument.value.kind { renaming[parameter.name] = name }
        }
        for name in Naming.names(in: callee).sorted() where renaming[name] == nil {
            renaming[name] = names.fresh(name + "_" + callee.name)
        }
        var statements: [IR.Statement] = []
        for (parameter, argument) in zip(callee.parameters, call.arguments) {
            if case .variable = argument.value.kind { continue }
            statements.append(IR.Statement(.declare(name: renaming[parameter.name]!, type: parameter.type, mutable: false,
                                                     value: argument.value, annotated: false)))
        }
        var body = Renaming.rename(callee.body, renaming)
        // A single trailing `return e` becomes the declaration itself.
        if let declare, case .returnValues(let values)? = body.last?.kind, !ReturnNormalization.containsNestedReturn(body) {
            body.removeLast()
            return statements + body + [IR.Statement(.declare(name: target, type: type, mutable: declare.mutable,
                                                             value: values[0], annotated: declare.annotated))]
        }
        if let declare {
            statements.append(IR.Statement(.declare(name: target, type: type, mutable: true,
                                                    value: IR.Expression.placeholder(type), annotated: declare.annotated)))
        }
        return statements + Self.returnsAssigning(target, body)
    }

    static func returnsAssigning(_ target: String, _ body: [IR.Statement]) -> [IR.Statement] {
        body.map { statement in
            guard case .returnValues(let values) = statement.kind else {
                return statement.mappingBodies { returnsAssigning(target, $0) }
            }
            return IR.Statement(.assign(name: target, op: nil, value: values[0]), at: statement.location)
        }
    }
}

extension ReturnNormalization {
    /// Whether a return appears anywhere but as the last top-level statement.
    static func containsNestedReturn(_ body: [IR.Statement]) -> Bool {
        body.dropLast().contains(where: containsReturn) || (body.last.map { statement in
            if case .ifElse = statement.kind { return containsReturn(statement) }
            return false
        } ?? false)
    }
}
