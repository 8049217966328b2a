/// Loops over arrays, lowered to index loops:
///
///     for x in a { … }                →  for xIndex in 0..<a.count { let x = a[xIndex]; … }
///     for i in a.indices { … }        →  for i in 0..<a.count { … }
///     for (i, x) in a.enumerated() {…} →  for i in 0..<a.count { let x = a[i]; … }
///
/// Swift iterates over the array as it was when the loop started; the lowered loop
/// reads it as it is, so a body that changes the array whose elements it walks is
/// rejected (a loop over `a.indices` may store into `a`).
extension FunctionLowering {
    mutating func lowerArrayLoop(_ variable: String?, _ variableLocation: SourceLocation, _ sequence: Syntax.Sequence,
                                 _ body: [Syntax.Statement], at location: SourceLocation) -> IR.Statement?? {
        let array: Syntax.Expression
        var element: (name: String, location: SourceLocation)?
        switch sequence {
        case .elements(let walked):
            array = walked
            element = variable.map { ($0, variableLocation) }
        case .indices(let walked):
            array = walked
        case let .enumerated(walked, name, elementLocation):
            array = walked
            element = (name, elementLocation)
        case .range, .stride:
            return nil
        }
        guard let (name, arrayName, type) = walkedArray(array) else {
            _ = lowerLoopBody(index: nil, element: nil, body)
            return .some(nil)
        }
        guard let elementType = type.element else {
            error("'for … in' needs an array here; '\(name)' is '\(type)'", at: array.location)
            _ = lowerLoopBody(index: nil, element: nil, body)
            return .some(nil)
        }
        let count = IR.Expression(.count(array: arrayName), .int)
        let indexName: String?
        if case .elements = sequence { indexName = (variable ?? "element") + "Index" } else { indexName = variable }
        let (index, irBody) = lowerLoopBody(index: indexName.map { ($0, variableLocation) },
                                            element: element.map { ($0.name, elementType, $0.location, arrayName) }, body)
        // `a.indices` is fixed when the loop starts, and stores keep the count.
        if element != nil, IRWalk.mutations(in: irBody).contains(arrayName) {
            error("unsupported in adgen: changing '\(name)' inside a loop over its elements; loop over '\(name).indices' instead",
                              at: array.location)
            return .some(nil)
        }
        let loop = IR.ForLoop(index: index, sequence: .range(lower: .int(0), upper: count, closed: false), body: irBody)
        return .some(IR.Statement(.forLoop(loop), at: location))
    }

    /// The array a loop walks: its DSL name, IR name and type. A literal or a call is
    /// evaluated once, before the loop, into a fresh local (as Swift evaluates the sequence
    /// once); nil after reporting an unknown name.
    private mutating func walkedArray(_ array: Syntax.Expression) -> (String, String, IRType)? {
        if case .name(let name) = array.kind {
            guard let info = scopes.lookup(name) else {
                _ = lowerExpression(array, expecting: nil)  // reports the unknown name
                return nil
            }
            return (name, info.irName, info.type)
        }
        let value = lowerExpression(array, expecting: nil)
        if case .variable(let irName) = value.kind { return ("the sequence", irName, value.type) }
        let irName = scopes.declare(scopes.unreserved("sequence"), type: value.type, mutable: false, at: array.location)
        prelude.append(IR.Statement(.declare(name: irName, type: value.type, mutable: false, value: value, annotated: false),
                                    at: array.location))
        return ("the sequence", irName, value.type)
    }

    /// The loop body in its own scope, the index declared first, then `let x = a[i]`.
    private mutating func lowerLoopBody(index: (name: String, location: SourceLocation)?,
                                        element: (name: String, type: IRType, location: SourceLocation, array: String)?,
                                        _ body: [Syntax.Statement]) -> (index: String?, body: [IR.Statement]) {
        scopes.push()
        defer { scopes.pop() }
        let irIndex = index.map { scopes.declare($0.name, type: .int, mutable: false, at: $0.location) }
        var prologue: [IR.Statement] = []
        if let element, let irIndex {
            let name = scopes.declare(element.name, type: element.type, mutable: false, at: element.location)
            let value = IR.Expression(.element(array: element.array, index: .variable(irIndex, .int)), element.type)
            prologue.append(IR.Statement(.declare(name: name, type: element.type, mutable: false, value: value,
                                                  annotated: false), at: element.location))
        }
        loopDepth += 1
        let irBody = lowerBlock(body)
        loopDepth -= 1
        return (irIndex, prologue + irBody)
    }
}
