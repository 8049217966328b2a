/// Lowers one function body from syntax to IR: resolves names through a
/// ``ScopeStack``, types every expression (``FunctionLowering+Expressions``) and
/// normalizes early returns (``ReturnNormalization``).
struct FunctionLowering {
    var sema: Sema
    let signature: Sema.Signature
    var scopes = ScopeStack()
    var loopDepth = 0
    /// Statements to run before (`prelude`) and after (`trailing`) the statement being
    /// lowered: array literals built into arrays (``FunctionLowering+ArrayLiterals``).
    var prelude: [IR.Statement] = []
    var trailing: [IR.Statement] = []
    /// Above 0 while lowering what Swift may evaluate later or not at all.
    var deferredEvaluation = 0
    /// The `inout` helpers being inlined, innermost last (``FunctionLowering+InoutCalls``),
    /// with their result types (nil for a helper that returns nothing).
    var inlining: [String] = []
    var inlinedResults: [IRType?] = []
    /// The variables the statement being lowered passes to a helper that returns a value:
    /// the helper runs before the statement, so the statement must not read them.
    var passedInout: [String: String] = [:]  // IR name → name in the source
    /// The calls this function makes, for sema's recursion and depth checks.
    var calls: [(callee: String, location: SourceLocation)] = []

    init(sema: Sema, signature: Sema.Signature) {
        self.sema = sema
        self.signature = signature
        scopes.reserved = IdentifierCollector.identifiers(in: signature.syntax)
        for parameter in signature.parameters {
            _ = scopes.declare(parameter.name, type: parameter.type, mutable: signature.inoutParameters.contains(parameter.name),
                               at: signature.syntax.location)
        }
        scopes.push()
    }

    var function: Syntax.Function { signature.syntax }

    mutating func error(_ message: String, at location: SourceLocation) {
        sema.diagnostics.error(message, at: location)
    }

    mutating func lowerBody() -> [IR.Statement] {
        let body = lowerBlock(function.body, newScope: false)
        let resultName = signature.result == .double ? "Double" : "[Double]"
        var normalizer = ReturnNormalization()
        let normalized = normalizer.normalize(body)
        for location in normalizer.unreachable {
            error("code after 'return' will never be executed", at: location)
        }
        if normalizer.exceededBudget {
            error("unsupported in adgen: early returns in '\(function.name)' need too much code duplication; use 'if / else' and one 'return' per path",
                  at: function.location)
        }
        if !signature.isHelper || signature.returnsValue, !ReturnNormalization.terminates(normalized), !sema.diagnostics.hasErrors || !body.isEmpty {
            error("missing return in function '\(function.name)' expected to return '\(resultName)'",
                  at: function.closingBrace)
        }
        return normalized
    }

    mutating func lowerBlock(_ statements: [Syntax.Statement], newScope: Bool = true) -> [IR.Statement] {
        if newScope { scopes.push() }
        let outer = (prelude, trailing, passedInout)
        (prelude, trailing, passedInout) = ([], [], [:])
        defer {
            if newScope { scopes.pop() }
            (prelude, trailing, passedInout) = outer
        }
        var lowered: [IR.Statement] = []
        for statement in statements {
            let irStatement = lowerStatement(statement)
            if let irStatement { checkInoutReads(irStatement, at: statement.location) }
            lowered += prelude
            if let irStatement { lowered.append(irStatement) }
            lowered += trailing
            (prelude, trailing, passedInout) = ([], [], [:])
        }
        return lowered
    }

    mutating func lowerStatement(_ statement: Syntax.Statement) -> IR.Statement? {
        let location = statement.location
        switch statement.kind {
        case .invalid, .breakLoop, .continueLoop, .repeatWhile, .guardElse, .labelled, .switchCases, .fallthroughCase:
            return nil  // all but the first were rewritten by EarlyExitLowering
        case let .declaration(isVar, name, nameLocation, type, initializer):
            return lowerDeclaration(isVar: isVar, name: name, nameLocation: nameLocation, type: type,
                                    initializer: initializer, at: location)
        case let .assignment(target, op, value):
            if case .name("_") = target.kind {
                _ = lowerExpression(value, expecting: nil)  // `_ = e`: the prelude runs e's effects
                return nil
            }
            if op == nil, case .name(let name) = target.kind, case .name(name) = value.kind {
                error("assigning a variable to itself", at: location)
                return nil
            }
            return lowerAssignment(target: target, op: op, value: value, at: location)
        case let .forIn(variable, variableLocation, sequence, body):
            if let loop = lowerArrayLoop(variable, variableLocation, sequence, body, at: location) { return loop }
            let irSequence = lowerSequence(sequence)
            scopes.push()
            let index = variable.map { scopes.declare($0, type: .int, mutable: false, at: variableLocation) }
            loopDepth += 1
            let irBody = lowerBlock(body)
            loopDepth -= 1
            scopes.pop()
            guard let irSequence else { return nil }
            return IR.Statement(.forLoop(IR.ForLoop(index: index, sequence: irSequence, body: irBody)), at: location)
        case let .whileLoop(condition, body):
            deferredEvaluation += 1
            let irCondition = lowerExpression(condition, expecting: .bool)
            deferredEvaluation -= 1
            loopDepth += 1
            let irBody = lowerBlock(body)
            loopDepth -= 1
            return IR.Statement(.whileLoop(condition: irCondition, body: irBody), at: location)
        case let .ifElse(condition, thenBody, elseBody):
            let irCondition = lowerExpression(condition, expecting: .bool)
            let irThen = lowerBlock(thenBody)
            let irElse = elseBody.map { lowerBlock($0) } ?? []
            return IR.Statement(.ifElse(condition: irCondition, then: irThen, else: irElse), at: location)
        case let .returnValue(value):
            // Inside an inlined helper, `return` is the helper's (``FunctionLowering+InoutCalls``).
            let own = signature.isHelper && !signature.returnsValue ? nil : signature.result
            let resultType = inlining.isEmpty ? own : inlinedResults.last!
            guard let resultType else {
                error("unexpected non-void return value in void function '\(inlining.last ?? function.name)'; its 'inout' parameters are its results",
                      at: location)
                return nil
            }
            guard let value else {
                error("non-void function should return a value", at: location)
                return nil
            }
            return IR.Statement(.returnValues([lowerExpression(value, expecting: resultType)]), at: location)
        case let .expression(expression):
            if case let .call(name, arguments) = expression.kind, let callee = signatures[name], callee.isHelper,
               !callee.returnsValue {
                prelude += inlineHelperCall(callee, arguments, at: expression.location)
                return nil
            }
            if case let .append(array, value) = expression.kind {
                return lowerAppend(array, value, at: location)
            }
            if case .call(let name, _) = expression.kind {
                error("result of call to '\(name)' is unused", at: expression.location)
            } else if case .invalid = expression.kind {
            } else {
                error("expression is unused; adgen statements are declarations, assignments, loops, 'if' and 'return'",
                      at: expression.location)
            }
            return nil
        }
    }

    mutating func lowerDeclaration(isVar: Bool, name: String, nameLocation: SourceLocation, type: Syntax.TypeName?,
                                   initializer: Syntax.Expression?, at location: SourceLocation) -> IR.Statement? {
        let declaredType = type.flatMap { sema.resolveType($0) }
        if type != nil, declaredType == nil { return nil }
        // DeferredInitialization gave every checked `var t: T` a value and reported the rest.
        guard let initializer else { return nil }
        if case .arrayLiteral(let elements) = initializer.kind {
            return lowerLiteralDeclaration(name, isVar: isVar, nameLocation: nameLocation, declaredType: declaredType,
                                           elements: elements, initializer: initializer, at: location)
        }
        let failed = declaredType == nil && naturalType(initializer) == .error
        let value = lowerExpression(initializer, expecting: declaredType)
        let valueType = declaredType ?? value.type
        if scopes.isDeclaredInInnermostScope(name) {
            error("invalid redeclaration of '\(name)'", at: nameLocation)
            return nil
        }
        let irName = scopes.declare(name, type: valueType, mutable: isVar, at: nameLocation)
        if failed { scopes.poison(name) }
        return IR.Statement(.declare(name: irName, type: valueType, mutable: isVar, value: value,
                                     annotated: declaredType != nil), at: location)
    }

    mutating func lowerAssignment(target: Syntax.Expression, op: String?, value: Syntax.Expression,
                                  at location: SourceLocation) -> IR.Statement? {
        let irOp = op.flatMap { IR.BinaryOp(rawValue: $0) }
        switch target.kind {
        case .name(let name):
            guard let info = resolveMutable(name, at: target.location) else {
                _ = lowerExpression(value, expecting: nil)
                return nil
            }
            let irValue = lowerExpression(value, expecting: info.type)
            guard checkCompound(irOp, type: info.type, at: location) else { return nil }
            return IR.Statement(.assign(name: info.irName, op: irOp, value: irValue), at: location)
        case .subscriptAccess(let base, let index):
            guard case .name(let name) = base.kind else {
                error("unsupported in adgen: assignment to this subscript; write to a named array", at: target.location)
                return nil
            }
            guard let info = resolveMutable(name, at: base.location) else {
                _ = lowerExpression(value, expecting: nil)
                return nil
            }
            guard let element = info.type.element else {
                error("value of type '\(info.type)' has no subscripts", at: base.location)
                return nil
            }
            let irIndex = lowerExpression(index, expecting: .int)
            let irValue = lowerExpression(value, expecting: element)
            guard checkCompound(irOp, type: element, at: location) else { return nil }
            return IR.Statement(.store(array: info.irName, index: irIndex, op: irOp, value: irValue), at: location)
        case .invalid:
            return nil
        default:
            error("cannot assign to this expression; assign to a variable or an array element", at: target.location)
            return nil
        }
    }

    mutating func resolveMutable(_ name: String, at location: SourceLocation) -> VariableInfo? {
        guard let info = scopes.lookup(name) else {
            error("cannot find '\(name)' in scope", at: location)
            return nil
        }
        if info.poisoned { return nil }
        guard info.mutable else {
            let isParameter = signature.parameters.contains { $0.name == info.irName }
            let what = isParameter ? "'\(name)' is a parameter (copy it with 'var \(name)Copy = \(name)')" : "'\(name)' is a 'let' constant"
            error("cannot assign to value: \(what)", at: location)
            return nil
        }
        return info
    }

    mutating func checkCompound(_ op: IR.BinaryOp?, type: IRType, at location: SourceLocation) -> Bool {
        guard let op else { return true }
        if type == .double, op != .remainder { return true }
        if type == .int { return true }
        if op == .remainder {
            error("'%=' is unavailable for 'Double'; adgen has '%' on Int only", at: location)
        } else {
            error("binary operator '\(op.rawValue)=' cannot be applied to '\(type)'", at: location)
        }
        return false
    }

    mutating func lowerSequence(_ sequence: Syntax.Sequence) -> IR.Sequence? {
        switch sequence {
        case let .range(lower, upper, closed):
            return .range(lower: lowerExpression(lower, expecting: .int, what: "range bound"),
                          upper: lowerExpression(upper, expecting: .int, what: "range bound"), closed: closed)
        case let .stride(from, bound, by, through):
            return .stride(from: lowerExpression(from, expecting: .int, what: "stride bound"),
                           bound: lowerExpression(bound, expecting: .int, what: "stride bound"),
                           by: lowerExpression(by, expecting: .int, what: "stride step"), through: through)
        case .elements, .indices, .enumerated:
            preconditionFailure("array loops are lowered by lowerArrayLoop")
        }
    }
}

/// Every identifier written in a function, so generated names can avoid them.
enum IdentifierCollector {
    static func identifiers(in function: Syntax.Function) -> Set<String> {
        var names = Set(function.parameters.map(\.name))
        var statements = function.body
        while let statement = statements.popLast() {
            switch statement.kind {
            case let .declaration(_, name, _, _, _): names.insert(name)
            case let .forIn(variable, _, sequence, _):
                if let variable { names.insert(variable) }
                if case let .enumerated(_, element, _) = sequence { names.insert(element) }
            default: break
            }
            for expression in statement.ownExpressions { names.formUnion(expression.names.map(\.name)) }
            statements += statement.bodies.joined()
        }
        return names
    }
}
