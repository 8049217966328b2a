/// The pieces the Jacobian and Hessian drivers are built from: the layout of the active
/// entries (contract, section 5: a `Double` parameter is one entry, an array its count,
/// in parameter order) and one-line IR statement constructors, so a driver reads like
/// the loop it emits.
struct DriverBuilder {
    let function: IR.Function
    var names: NameAllocator
    /// The active parameters, in parameter order.
    let active: [IR.Parameter]

    /// Directions per vector-mode sweep: tangents hold `count * block` entries, so a block
    /// bounds memory while amortizing each primal operation over many directions.
    static let block = 64

    init(_ function: IR.Function) {
        self.function = function
        names = NameAllocator(reserving: Set(function.parameters.map(\.name)))
        active = function.activeParameters
    }

    mutating func fresh(_ name: String, _ type: IRType) -> IR.Expression { .variable(names.fresh(name), type) }

    /// The number of entries of an active parameter: 1, or the array's count.
    func entries(_ parameter: IR.Parameter) -> IR.Expression {
        parameter.type == .double ? .int(1) : IR.Expression(.count(array: parameter.name), .int)
    }

    /// The position of a parameter's first entry among the active entries.
    func offset(_ position: Int) -> IR.Expression {
        active.prefix(position).map(entries).reduce(nil) { sum, count in sum.map { add($0, count) } ?? count } ?? .int(0)
    }

    /// The number of active entries.
    var total: IR.Expression { offset(active.count) }

    /// The primal arguments `p1 … pn`, labelled as declared.
    var primalArguments: [IR.Argument] {
        function.parameters.map { IR.Argument(label: $0.label, value: .variable($0.name, $0.type)) }
    }

    // MARK: Expressions (Int arithmetic with the literal zeros folded)

    func add(_ lhs: IR.Expression, _ rhs: IR.Expression) -> IR.Expression {
        if case .int(0, _) = lhs.kind { return rhs }
        if case .int(0, _) = rhs.kind { return lhs }
        return .binary(.add, lhs, rhs)
    }

    func subtract(_ lhs: IR.Expression, _ rhs: IR.Expression) -> IR.Expression {
        if case .int(0, _) = rhs.kind { return lhs }
        return .binary(.subtract, lhs, rhs)
    }

    func multiply(_ lhs: IR.Expression, _ rhs: IR.Expression) -> IR.Expression {
        if case .int(1, _) = lhs.kind { return rhs }
        if case .int(1, _) = rhs.kind { return lhs }
        return .binary(.multiply, lhs, rhs)
    }

    func smaller(_ lhs: IR.Expression, _ rhs: IR.Expression) -> IR.Expression { .ternary(lhs < rhs, lhs, rhs) }

    func zeros(_ count: IR.Expression, _ type: IRType = .doubleArray) -> IR.Expression {
        IR.Expression(.repeating(value: .lit(0), count: count), type)
    }

    // MARK: Statements

    func declare(_ variable: IR.Expression, _ value: IR.Expression, mutable: Bool = false) -> IR.Statement {
        guard case .variable(let name) = variable.kind else { preconditionFailure() }
        return IR.Statement(.declare(name: name, type: variable.type, mutable: mutable, value: value,
                                     annotated: variable.type == .double))
    }

    func assign(_ variable: IR.Expression, _ value: IR.Expression, op: IR.BinaryOp? = nil) -> IR.Statement {
        guard case .variable(let name) = variable.kind else { preconditionFailure() }
        return IR.Statement(.assign(name: name, op: op, value: value))
    }

    func store(_ array: IR.Expression, _ index: IR.Expression, _ value: IR.Expression,
               op: IR.BinaryOp? = nil) -> IR.Statement {
        guard case .variable(let name) = array.kind else { preconditionFailure() }
        return IR.Statement(.store(array: name, index: index, op: op, value: value))
    }

    func loop(_ index: IR.Expression, from lower: IR.Expression = .int(0), to upper: IR.Expression,
              _ body: [IR.Statement]) -> IR.Statement {
        guard case .variable(let name) = index.kind else { preconditionFailure() }
        return IR.Statement(.forLoop(IR.ForLoop(index: name, sequence: .range(lower: lower, upper: upper, closed: false),
                                                body: body)))
    }

    func when(_ condition: IR.Expression, _ body: [IR.Statement]) -> IR.Statement {
        IR.Statement(.ifElse(condition: condition, then: body, else: []))
    }

    func destructure(_ targets: [IR.Expression?], _ types: [IRType], _ function: String,
                     _ arguments: [IR.Argument]) -> IR.Statement {
        let names = targets.map { target -> String? in
            guard let target, case .variable(let name) = target.kind else { return nil }
            return name
        }
        return IR.Statement(.destructure(names: names, types: types, call: IR.Call(function: function, arguments: arguments)))
    }

    func returning(_ values: [IR.Expression]) -> IR.Statement { IR.Statement(.returnValues(values)) }

    /// A function of the same parameters as the DSL function (plus `extra`).
    func function(_ name: String, doc: [String], extra: [IR.Parameter] = [], results: [IR.Result],
                  body: [IR.Statement]) -> IR.Function {
        IR.Function(name: name, docComment: doc, parameters: function.parameters + extra, results: results,
                    wrt: function.wrt, body: body, location: function.location)
    }
}
