/// Declarations without an initial value, `var t: Double` or `let t: Double`, assigned
/// later on every path (`if x > y { t = x } else { t = y }`), as C code is written.
///
/// Swift's definite-initialization rule is checked on the syntax, before early exits are
/// lowered: every read must follow an assignment on every path to it, and a `let` may be
/// assigned once (not again on a path, nor in a loop). A checked declaration then gets a
/// zero initial value and becomes a `var`, which changes nothing the program can observe,
/// so the later stages see an ordinary declaration.
struct DeferredInitialization {
    /// The state of the deferred declarations at a point: definitely and possibly assigned,
    /// or on no path at all (after a `return`, `break`, `continue` or `fallthrough`).
    struct Flow {
        var assigned: Set<Int> = []
        var possibly: Set<Int> = []
        var dead = false

        func merged(_ other: Flow) -> Flow {
            if dead { return other }
            if other.dead { return self }
            return Flow(assigned: assigned.intersection(other.assigned), possibly: possibly.union(other.possibly))
        }
    }

    struct Declaration {
        var name: String
        var isVar: Bool
        var loopDepth: Int
    }

    var diagnostics: DiagnosticEngine
    /// Innermost last: a name's binding, the index of a deferred declaration or nil.
    var scopes: [[String: Int?]] = [[:]]
    var declarations: [Declaration] = []
    var reported: Set<Int> = []
    var loopDepth = 0

    /// The function's body with every deferred declaration checked and initialized.
    static func lower(_ function: Syntax.Function, diagnostics: inout DiagnosticEngine) -> [Syntax.Statement] {
        guard containsDeferred(function.body) else { return function.body }
        var checker = DeferredInitialization(diagnostics: diagnostics)
        for parameter in function.parameters { checker.scopes[0][parameter.name] = .some(nil) }
        _ = checker.block(function.body, Flow())
        diagnostics = checker.diagnostics
        return initialized(function.body)
    }

    // MARK: - The check

    mutating func block(_ body: [Syntax.Statement], _ entry: Flow) -> Flow {
        scopes.append([:])
        defer { scopes.removeLast() }
        var flow = entry
        for statement in body { flow = self.statement(statement, flow) }
        return flow
    }

    mutating func statement(_ statement: Syntax.Statement, _ entry: Flow) -> Flow {
        var flow = entry
        switch statement.kind {
        case let .declaration(isVar, name, nameLocation, type, initializer):
            if let initializer {
                read(initializer, flow)
                scopes[scopes.count - 1][name] = .some(nil)
            } else if type == nil {
                diagnostics.error("type annotation missing in pattern", at: nameLocation)
                scopes[scopes.count - 1][name] = .some(nil)
            } else {
                declarations.append(Declaration(name: name, isVar: isVar, loopDepth: loopDepth))
                scopes[scopes.count - 1][name] = .some(declarations.count - 1)
            }
        case let .assignment(target, op, value):
            read(value, flow)
            if op == nil, case .name(let name) = target.kind, let index = deferred(name) {
                assign(index, flow, at: target.location)
                flow.assigned.insert(index)
                flow.possibly.insert(index)
            } else {
                read(target, flow)
            }
        case let .forIn(variable, _, sequence, body):
            for expression in sequence.expressions { read(expression, flow) }
            var names = [variable].compactMap { $0 }
            if case .enumerated(_, let element, _) = sequence { names.append(element) }
            flow = loop(body, binding: names, flow)
        case let .whileLoop(condition, body):
            read(condition, flow)
            flow = loop(body, binding: [], flow)
        case let .repeatWhile(body, condition):
            loopDepth += 1
            let end = block(body, flow)
            loopDepth -= 1
            if !end.dead { read(condition, end) }
            flow.possibly.formUnion(end.possibly)
        case let .ifElse(condition, thenBody, elseBody):
            read(condition, flow)
            flow = block(thenBody, flow).merged(block(elseBody ?? [], flow))
        case let .guardElse(condition, body):
            read(condition, flow)
            flow.possibly.formUnion(block(body, flow).possibly)
        case .labelled(_, let loop):
            flow = self.statement(loop, flow)
        case let .switchCases(subject, cases, defaultBody):
            read(subject, flow)
            var exit = Flow(dead: true)
            for switchCase in cases {
                for value in switchCase.values { read(value, flow) }
                exit = exit.merged(block(switchCase.body, flow))
            }
            flow = exit.merged(defaultBody.map { block($0, flow) } ?? flow)
        case .returnValue(let value):
            if let value { read(value, flow) }
            flow.dead = true
        case .breakLoop, .continueLoop, .fallthroughCase:
            flow.dead = true
        case .expression(let value):
            read(value, flow)
        case .invalid:
            break
        }
        return flow
    }

    /// A loop body, which may run no time: what it assigns counts only as possible.
    mutating func loop(_ body: [Syntax.Statement], binding names: [String], _ entry: Flow) -> Flow {
        scopes.append(Dictionary(names.map { ($0, Int?.none) }, uniquingKeysWith: { first, _ in first }))
        loopDepth += 1
        let end = block(body, entry)
        loopDepth -= 1
        scopes.removeLast()
        var flow = entry
        flow.possibly.formUnion(end.possibly)
        return flow
    }

    mutating func assign(_ index: Int, _ flow: Flow, at location: SourceLocation) {
        let declaration = declarations[index]
        guard !declaration.isVar, !flow.dead else { return }
        if flow.possibly.contains(index) || loopDepth > declaration.loopDepth {
            diagnostics.error("immutable value '\(declaration.name)' may only be initialized once", at: location)
        }
    }

    /// Reports a read of a deferred declaration that is not assigned on every path here.
    mutating func read(_ expression: Syntax.Expression, _ flow: Flow) {
        guard !flow.dead else { return }
        for (name, location) in expression.names {
            if let index = deferred(name), !flow.assigned.contains(index), reported.insert(index).inserted {
                let kind = declarations[index].isVar ? "variable" : "constant"
                diagnostics.error("\(kind) '\(name)' used before being initialized", at: location)
            }
        }
    }

    /// The deferred declaration `name` is bound to, if the innermost binding is one.
    func deferred(_ name: String) -> Int? {
        for scope in scopes.reversed() {
            if let binding = scope[name] { return binding }
        }
        return nil
    }

    // MARK: - The rewrite

    static func containsDeferred(_ body: [Syntax.Statement]) -> Bool {
        body.contains { statement in
            if case .declaration(_, _, _, _, nil) = statement.kind { return true }
            return statement.bodies.contains(where: containsDeferred)
        }
    }

    /// `body` with `var t: T` and `let t: T` written `var t: T = <zero>`.
    static func initialized(_ body: [Syntax.Statement]) -> [Syntax.Statement] {
        body.map { statement in
            guard case let .declaration(_, name, nameLocation, type?, nil) = statement.kind else {
                return statement.mappingBodies(initialized)
            }
            var statement = statement
            statement.kind = .declaration(isVar: true, name: name, nameLocation: nameLocation, type: type,
                                          initializer: zero(of: type, at: nameLocation))
            return statement
        }
    }

    /// `0.0`, `0`, `false`, or an empty array of the type.
    static func zero(of type: Syntax.TypeName, at location: SourceLocation) -> Syntax.Expression {
        let literal: Syntax.Expression.Kind
        switch type.name {
        case "Int": literal = .integer("0")
        case "Bool": literal = .boolean(false)
        default: literal = .float("0.0")
        }
        let value = Syntax.Expression(kind: literal, location: location, height: 1)
        guard type.isArray else { return value }
        let element = Syntax.TypeName(name: type.name, isArray: false, at: location)
        let count = Syntax.Expression(kind: .integer("0"), location: location, height: 1)
        return Syntax.Expression(kind: .arrayRepeating(element: element, value: value, count: count), location: location, height: 2)
    }
}
