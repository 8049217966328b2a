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
/// The helper itself is checked on its own by sema and is not emitted. Swift's
/// exclusivity rule holds: a variable passed as `inout` is passed once and read by no
/// other argument.
extension FunctionLowering {
    mutating func inlineHelperCall(_ callee: Sema.Signature, _ arguments: [Syntax.Argument],
                                   at location: SourceLocation) -> [IR.Statement] {
        let name = callee.syntax.name
        guard checkHelperArguments(callee, arguments, at: location) else { return [] }
        if inlining.contains(name) || name == function.name {
            error("unsupported in adgen: recursion through '\(name)'", at: location)
            return []
        }
        var bindings: [(parameter: IR.Parameter, variable: VariableInfo?, value: IR.Expression?)] = []
        for (argument, parameter) in zip(arguments, callee.parameters) {
            if callee.inoutParameters.contains(parameter.name) {
                guard case .name(let variable) = argument.value.kind,
                      let info = resolveMutable(variable, at: argument.value.location) else { return [] }
                guard info.type == parameter.type else {
                    error("cannot pass '\(variable)' of type '\(info.type)' as 'inout \(parameter.type)'", at: argument.value.location)
                    return []
                }
                bindings.append((parameter, info, nil))
            } else {
                let value = lowerExpression(argument.value, expecting: parameter.type, what: "argument '\(parameter.name)'")
                bindings.append((parameter, nil, value))
            }
        }
        guard checkExclusivity(bindings.map { ($0.variable?.irName, $0.value) }, arguments) else { return [] }
        return inlinedBody(callee, bindings, at: location)
    }

    /// The helper's statements, in a scope of their own.
    private mutating func inlinedBody(_ callee: Sema.Signature,
                                      _ bindings: [(parameter: IR.Parameter, variable: VariableInfo?, value: IR.Expression?)],
                                      at location: SourceLocation) -> [IR.Statement] {
        // The helper's own problems are reported where sema checks it; not again here.
        let diagnostics = sema.diagnostics
        let reserved = scopes.reserved
        inlining.append(callee.syntax.name)
        scopes.reserved.formUnion(IdentifierCollector.identifiers(in: callee.syntax))
        scopes.push()
        scopes.inlining += 1
        defer {
            scopes.inlining -= 1
            scopes.pop()
            scopes.reserved = reserved
            inlining.removeLast()
            sema.diagnostics = diagnostics
        }
        var statements: [IR.Statement] = []
        for binding in bindings {
            if let info = binding.variable {
                scopes.alias(binding.parameter.name, to: info)
            } else if let value = binding.value {
                let irName = scopes.declare(binding.parameter.name, type: binding.parameter.type, mutable: false, at: location)
                statements.append(IR.Statement(.declare(name: irName, type: binding.parameter.type, mutable: false,
                                                        value: value, annotated: false), at: location))
            }
        }
        var scratch = DiagnosticEngine()
        let body = EarlyExitLowering.lower(callee.syntax, diagnostics: &scratch)
        return statements + lowerBlock(body, newScope: false)
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
            if isInout, case .name = argument.value.kind {} else if isInout {
                error("unsupported in adgen: '&' of this expression; pass a variable", at: argument.value.location)
                return false
            }
        }
        return true
    }

    /// Swift's exclusivity rule: an `inout` variable is passed once and read by no other argument.
    private mutating func checkExclusivity(_ bindings: [(variable: String?, value: IR.Expression?)],
                                           _ arguments: [Syntax.Argument]) -> Bool {
        var seen: Set<String> = []
        for (binding, argument) in zip(bindings, arguments) {
            guard let variable = binding.variable else { continue }
            let readElsewhere = bindings.contains { $0.value?.reads.contains(variable) ?? false }
            if !seen.insert(variable).inserted || readElsewhere {
                error("overlapping accesses to '\(variable)'; copy it to a local variable first", at: argument.value.location)
                return false
            }
        }
        return true
    }
}
