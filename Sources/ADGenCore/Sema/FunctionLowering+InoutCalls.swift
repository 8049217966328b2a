/// Calls of functions with `inout` parameters (`axpy(&y, 2, x)`), inlined where they
/// are called: the helper's body is lowered in a scope where each `inout` parameter
/// names the caller's variable and each other parameter is a `let` holding its
/// argument. The caller is then differentiated with the helper's code in place, so
/// an `inout` parameter is input and output at once, exactly.
///
///     func axpy(_ y: inout [Double], _ a: Double, _ x: [Double]) {
///         for i in y.indices { y[i] += a * x[i] }
///     }
///     axpy(&v, 2 * s, w)     →  let a = 2 * s
///                               let x = w
///                               for i in 0..<v.count { v[i] += a * x[i] }
///
/// A helper that also returns a value is called inside an expression: its body runs
/// in front of the statement (the `prelude`), its `return e` becomes the value of a
/// variable the expression reads,
///
///     let first = scaled(&v, a)  →  for i in 0..<v.count { v[i] *= a }
///                                   let scaledResult = v[0]
///                                   let first = scaledResult
///
/// so the statement must not read what it passes as `inout` (Swift would read it before
/// the call), and the call must be evaluated exactly once (not in a `while` condition,
/// the right of `&&`/`||` or a branch of `?:`).
///
/// An array element passed as `inout` (`twice(&a[i])`) is copied in and out, as Swift
/// does: `let elemIndex = i`, `var elem = a[elemIndex]`, the body, and after the
/// statement `a[elemIndex] = elem`.
///
/// The helper itself is checked on its own by sema and is not emitted. Swift's
/// exclusivity rule holds: a variable is passed as `inout` once. Other arguments may read
/// it: they are evaluated before the call begins its access (as their `let`s are bound
/// before the inlined body runs).
extension FunctionLowering {
    /// A helper called as a statement: its body, inlined.
    mutating func inlineHelperCall(_ callee: Sema.Signature, _ arguments: [Syntax.Argument],
                                   at location: SourceLocation) -> [IR.Statement] {
        inlinedCall(callee, arguments, at: location)?.statements ?? []
    }

    /// A helper that returns a value, called in an expression: its body goes to the
    /// prelude, and the result is a variable holding what it returned.
    mutating func inlineHelperValue(_ callee: Sema.Signature, _ arguments: [Syntax.Argument],
                                    at location: SourceLocation) -> IR.Expression {
        let name = callee.syntax.name
        let fallback = IR.Expression.placeholder(callee.result)
        guard deferredEvaluation == 0 else {
            error("unsupported in adgen: a call of '\(name)', which has 'inout' parameters, in a 'while' condition or a branch of '? :', '&&' or '||'; call it in a statement of its own before",
                  at: location)
            return fallback
        }
        let result = scopes.declare(scopes.unreserved(name + "Result"), type: callee.result, mutable: true, at: location)
        guard let call = inlinedCall(callee, arguments, at: location) else { return fallback }
        var normalizer = ReturnNormalization()
        let body = normalizer.normalize(call.statements)
        if normalizer.exceededBudget {
            error("unsupported in adgen: early returns in '\(name)' need too much code duplication; use 'if / else' and one 'return' per path",
                  at: location)
        }
        passedInout.merge(call.inoutVariables) { first, _ in first }
        if let local = Self.returnedLocal(body) {
            // `return norm` of the helper's own `norm`: the expression reads it directly.
            prelude += body.dropLast()
            return IR.Expression(.variable(local), callee.result, at: location)
        }
        prelude += Self.returning(body, into: result, type: callee.result, at: location)
        return IR.Expression(.variable(result), callee.result, at: location)
    }

    /// The variable a body's only `return` (its last statement) returns, when the body
    /// declares it at its top level: nothing after the inlined body can change it.
    static func returnedLocal(_ body: [IR.Statement]) -> String? {
        guard case .returnValues(let values)? = body.last?.kind, case .variable(let name) = values[0].kind,
              !body.dropLast().contains(where: ReturnNormalization.containsReturn) else { return nil }
        let declared = body.contains { statement in
            if case .declare(name, _, _, _, _) = statement.kind { return true }
            return false
        }
        return declared ? name : nil
    }

    /// `body` (normalized: returns end its paths) with its returns made the value of
    /// `result`: `let result = e` for one final `return e`, else a `var` each path sets.
    static func returning(_ body: [IR.Statement], into result: String, type: IRType,
                          at location: SourceLocation) -> [IR.Statement] {
        if case .returnValues(let values)? = body.last?.kind, !body.dropLast().contains(where: ReturnNormalization.containsReturn) {
            let last = body[body.count - 1]
            return body.dropLast() + [IR.Statement(.declare(name: result, type: type, mutable: false, value: values[0],
                                                            annotated: false), at: last.location)]
        }
        func assigning(_ statements: [IR.Statement]) -> [IR.Statement] {
            statements.map { statement in
                if case .returnValues(let values) = statement.kind {
                    return IR.Statement(.assign(name: result, op: nil, value: values[0]), at: statement.location)
                }
                return statement.mappingBodies(assigning)
            }
        }
        let declaration = IR.Statement(.declare(name: result, type: type, mutable: true, value: .placeholder(type),
                                                annotated: type == .double), at: location)
        return [declaration] + assigning(body)
    }

    /// Reports a statement that reads a variable it also passes to a helper returning a
    /// value: the helper runs first here, but Swift reads the variable before the call.
    mutating func checkInoutReads(_ statement: IR.Statement, at location: SourceLocation) {
        guard !passedInout.isEmpty else { return }
        var reads: Set<String> = []
        for expression in statement.ownExpressions { reads.formUnion(expression.reads) }
        if case .store(let array, _, .some, _) = statement.kind { reads.insert(array) }
        if case .assign(let name, .some, _) = statement.kind { reads.insert(name) }
        for name in reads.intersection(passedInout.keys).sorted() {
            let shown = passedInout[name] ?? name
            error("unsupported in adgen: this statement reads '\(shown)' and passes it as 'inout' to a helper that returns a value; Swift reads it before the call, so read it in a statement of its own",
                  at: location)
        }
    }

    /// The helper's body inlined, and the caller's variables it takes as `inout`; nil
    /// after reporting a problem with the call.
    private mutating func inlinedCall(_ callee: Sema.Signature, _ arguments: [Syntax.Argument],
                                      at location: SourceLocation) -> (statements: [IR.Statement], inoutVariables: [String: String])? {
        let name = callee.syntax.name
        sema.inlinedHelpers.insert(name)
        guard checkHelperArguments(callee, arguments, at: location) else { return nil }
        if inlining.contains(name) || name == function.name {
            error("unsupported in adgen: recursion through '\(name)'", at: location)
            return nil
        }
        var bindings: [Binding] = []
        var inoutVariables: [String: String] = [:]
        for (argument, parameter) in zip(arguments, callee.parameters) {
            if callee.inoutParameters.contains(parameter.name),
               case let .subscriptAccess(base, index) = argument.value.kind, case .name(let variable) = base.kind {
                guard let info = resolveMutable(variable, at: base.location) else { return nil }
                guard info.type.element == parameter.type else {
                    error("cannot pass an element of '\(variable)' of type '\(info.type)' as 'inout \(parameter.type)'",
                          at: argument.value.location)
                    return nil
                }
                inoutVariables[info.irName] = variable
                let irIndex = lowerExpression(index, expecting: .int, what: "index")
                bindings.append(Binding(parameter: parameter, element: (info, irIndex)))
            } else if callee.inoutParameters.contains(parameter.name) {
                guard case .name(let variable) = argument.value.kind,
                      let info = resolveMutable(variable, at: argument.value.location) else { return nil }
                guard info.type == parameter.type else {
                    error("cannot pass '\(variable)' of type '\(info.type)' as 'inout \(parameter.type)'", at: argument.value.location)
                    return nil
                }
                inoutVariables[info.irName] = variable
                bindings.append(Binding(parameter: parameter, variable: info))
            } else {
                let value = lowerExpression(argument.value, expecting: parameter.type, what: "argument '\(parameter.name)'")
                bindings.append(Binding(parameter: parameter, value: value))
            }
        }
        let passed = bindings.map { ($0.variable ?? $0.element?.array).map { inoutVariables[$0.irName] ?? $0.irName } }
        guard checkExclusivity(passed, arguments) else { return nil }
        let (statements, writeBacks) = inlinedBody(callee, bindings, at: location)
        trailing = writeBacks + trailing
        return (statements, inoutVariables)
    }

    /// How a helper's parameter is bound: to the caller's variable (`inout`), to an
    /// element of the caller's array (`inout`, copied in and out), or to a value.
    struct Binding {
        var parameter: IR.Parameter
        var variable: VariableInfo?
        var value: IR.Expression?
        var element: (array: VariableInfo, index: IR.Expression)?
    }

    /// The helper's statements, in a scope of their own.
    /// The helper's statements, and the stores that copy `inout` elements back.
    private mutating func inlinedBody(_ callee: Sema.Signature, _ bindings: [Binding],
                                      at location: SourceLocation) -> ([IR.Statement], [IR.Statement]) {
        // The helper's own problems are reported where sema checks it; not again here.
        let diagnostics = sema.diagnostics
        let reserved = scopes.reserved
        inlining.append(callee.syntax.name)
        inlinedResults.append(callee.returnsValue ? callee.result : nil)
        scopes.reserved.formUnion(IdentifierCollector.identifiers(in: callee.syntax))
        scopes.push()
        scopes.inlining += 1
        defer {
            scopes.inlining -= 1
            scopes.pop()
            scopes.reserved = reserved
            inlinedResults.removeLast()
            inlining.removeLast()
            sema.diagnostics = diagnostics
        }
        var statements: [IR.Statement] = []
        var writeBacks: [IR.Statement] = []
        for binding in bindings {
            if let info = binding.variable {
                scopes.alias(binding.parameter.name, to: info)
            } else if let (array, index) = binding.element {
                let type = binding.parameter.type
                let indexName = scopes.declare(binding.parameter.name + "Index", type: .int, mutable: false, at: location)
                let name = scopes.declare(binding.parameter.name, type: type, mutable: true, at: location)
                let element = IR.Expression(.element(array: array.irName, index: .variable(indexName, .int)), type)
                statements.append(IR.Statement(.declare(name: indexName, type: .int, mutable: false, value: index, annotated: false),
                                               at: location))
                statements.append(IR.Statement(.declare(name: name, type: type, mutable: true, value: element, annotated: false),
                                               at: location))
                writeBacks.append(IR.Statement(.store(array: array.irName, index: .variable(indexName, .int), op: nil,
                                                      value: .variable(name, type)), at: location))
            } else if let value = binding.value {
                let irName = scopes.declare(binding.parameter.name, type: binding.parameter.type, mutable: false, at: location)
                statements.append(IR.Statement(.declare(name: irName, type: binding.parameter.type, mutable: false,
                                                        value: value, annotated: false), at: location))
            }
        }
        var scratch = DiagnosticEngine()
        let body = EarlyExitLowering.lower(callee.syntax, diagnostics: &scratch)
        return (statements + lowerBlock(body, newScope: false), writeBacks)
    }

    /// Arity, labels, and `&` exactly on the `inout` parameters.
    private mutating func checkHelperArguments(_ callee: Sema.Signature, _ arguments: [Syntax.Argument],
                                               at location: SourceLocation) -> Bool {
        let name = callee.syntax.name
        guard arguments.count == callee.parameters.count else {
            error("'\(name)' takes \(callee.parameters.count) argument\(callee.parameters.count == 1 ? "" : "s"), found \(arguments.count)",
                  at: location)
            return false
        }
        for (argument, parameter) in zip(arguments, callee.parameters) {
            if argument.label != parameter.label {
                let expected = parameter.label.map { "'\($0):'" } ?? "no label"
                let found = argument.label.map { "'\($0):'" } ?? "no label"
                error("argument label mismatch in call to '\(name)': expected \(expected), found \(found)", at: argument.location)
                return false
            }
            let isInout = callee.inoutParameters.contains(parameter.name)
            if isInout, !argument.isInout {
                error("passing an argument to 'inout' parameter '\(parameter.name)' requires an explicit '&'", at: argument.value.location)
                return false
            }
            if !isInout, argument.isInout {
                error("'&' used with parameter '\(parameter.name)', which is not 'inout'", at: argument.location)
                return false
            }
            if isInout, case .name = argument.value.kind {} else if isInout, case .subscriptAccess(let base, _) = argument.value.kind,
                                                                     case .name = base.kind {} else if isInout {
                error("unsupported in adgen: '&' of this expression; pass a variable", at: argument.value.location)
                return false
            }
        }
        return true
    }

    /// Swift's exclusivity rule: a variable (or array) is passed as `inout` once.
    private mutating func checkExclusivity(_ passed: [String?], _ arguments: [Syntax.Argument]) -> Bool {
        var seen: Set<String> = []
        for (variable, argument) in zip(passed, arguments) {
            guard let variable else { continue }
            if !seen.insert(variable).inserted {
                error("overlapping accesses to '\(variable)'; copy it to a local variable first", at: argument.value.location)
                return false
            }
        }
        return true
    }
}
