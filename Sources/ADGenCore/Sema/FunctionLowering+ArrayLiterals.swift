/// Array literals, lowered to an array of the literal's length and one store per
/// element, so every transform differentiates them as the stores they are:
///
///     let a = [1.0, x]   →  var a = [Double](repeating: 0, count: 2); a[0] = 1.0; a[1] = x
///     f([x, 2])          →  var literal = [Double](repeating: 0, count: 2); literal[0] = x
///                           literal[1] = 2; … f(literal) …
///
/// A literal elsewhere than a declaration is built just before its statement, so it
/// may not sit where Swift would evaluate it later or not at all (a `while`
/// condition, a branch of `? :`, the right side of `&&` and `||`).
extension FunctionLowering {
    mutating func arrayLiteralType(_ elements: [Syntax.Expression], at location: SourceLocation) -> NaturalType {
        guard !elements.isEmpty else {
            error("empty collection literal requires an explicit type; write 'var a: [Double] = []'", at: location)
            return .error
        }
        var type = naturalType(elements[0])
        for element in elements.dropFirst() {
            type = unify(type, naturalType(element), at: element.location, context: "elements of the array literal")
        }
        switch type {
        case .integerLiteral: return .integerLiteralArray
        case .known(.double): return .known(.doubleArray)
        case .known(.int): return .known(.intArray)
        case .error: return .error
        case .known(let element):
            error("unsupported in adgen: arrays of '\(element)'; adgen has [Double] and [Int]", at: location)
            return .error
        case .integerLiteralArray:
            error("unsupported in adgen: arrays of arrays; adgen has [Double] and [Int]", at: location)
            return .error
        }
    }

    /// `let a = [e0, e1]`: the declaration, its stores queued to follow it.
    mutating func lowerLiteralDeclaration(_ name: String, isVar: Bool, nameLocation: SourceLocation,
                                          declaredType: IRType?, elements: [Syntax.Expression],
                                          initializer: Syntax.Expression, at location: SourceLocation) -> IR.Statement? {
        guard let type = elements.isEmpty && declaredType?.isArray == true ? declaredType
                : literalType(initializer, expecting: declaredType) else { return nil }
        let values = elements.map { lower($0, as: type.element!) }
        if scopes.isDeclaredInInnermostScope(name) {
            error("invalid redeclaration of '\(name)'", at: nameLocation)
            return nil
        }
        let irName = scopes.declare(name, type: type, mutable: isVar, at: nameLocation)
        trailing += stores(into: irName, values)
        return IR.Statement(.declare(name: irName, type: type, mutable: true, value: emptyArray(type, count: values.count),
                                     annotated: false), at: location)
    }

    /// A literal used as a value: built into a fresh array before the statement.
    mutating func lowerArrayLiteral(_ elements: [Syntax.Expression], as type: IRType,
                                    at location: SourceLocation) -> IR.Expression {
        guard deferredEvaluation == 0 else {
            error("unsupported in adgen: an array literal in a 'while' condition or a branch of '? :', '&&' or '||'; declare it with 'let' before",
                  at: location)
            return IR.Expression(.double(0, spelling: "0.0"), type, at: location)
        }
        guard let element = type.element else { return IR.Expression(.double(0, spelling: "0.0"), type, at: location) }
        let values = elements.map { lower($0, as: element) }
        let name = scopes.declare(scopes.unreserved("literal"), type: type, mutable: true, at: location)
        prelude.append(IR.Statement(.declare(name: name, type: type, mutable: true, value: emptyArray(type, count: values.count),
                                             annotated: false), at: location))
        prelude += stores(into: name, values)
        return IR.Expression(.variable(name), type, at: location)
    }

    /// The literal's type in context, or nil after reporting a mismatch.
    mutating func literalType(_ literal: Syntax.Expression, expecting expected: IRType?) -> IRType? {
        guard let type = naturalType(literal).resolved(expecting: expected) else { return nil }
        if let expected, type != expected {
            error("cannot convert value of type '\(type)' to expected type '\(expected)'", at: literal.location)
            return nil
        }
        return type
    }

    func emptyArray(_ type: IRType, count: Int) -> IR.Expression {
        let zero = type == .doubleArray ? IR.Expression(.double(0, spelling: "0"), .double) : .int(0)
        return IR.Expression(.repeating(value: zero, count: .int(count)), type)
    }

    func stores(into array: String, _ values: [IR.Expression]) -> [IR.Statement] {
        values.enumerated().map { index, value in
            IR.Statement(.store(array: array, index: .int(index), op: nil, value: value), at: value.location)
        }
    }

    /// `a.append(e)` on a local `var` array; the reverse sweep shrinks it back.
    mutating func lowerAppend(_ array: Syntax.Expression, _ value: Syntax.Expression,
                              at location: SourceLocation) -> IR.Statement? {
        guard case .name(let name) = array.kind else {
            error("unsupported in adgen: 'append' to this expression; append to a named array", at: array.location)
            return nil
        }
        guard let info = resolveMutable(name, at: array.location) else { return nil }
        guard let element = info.type.element else {
            error("value of type '\(info.type)' has no member 'append'", at: array.location)
            return nil
        }
        let irValue = lowerExpression(value, expecting: element)
        return IR.Statement(.append(array: info.irName, value: irValue), at: location)
    }
}
