/// Loops with their exit flags, and the small pieces of syntax the rewrite builds.
extension EarlyExitLowering {
    mutating func loop(_ statement: Syntax.Statement, label: String?) -> Lowered {
        let location = statement.location
        frames.append(Frame(label: label))
        var inner = block(Self.body(of: statement)).statements
        let frame = frames.removeLast()
        if let skip = frame.skip {
            if readFlags.contains(skip) {
                inner.insert(Self.declare(skip, true, .boolean(false), at: location), at: 0)
            } else {
                inner = Self.removingAssignments(to: skip, inner)  // every skip moved into an `else`
            }
        }
        var before: [Syntax.Statement] = []
        if let returned = frame.returned {
            before.append(Self.declare(returned.flag, true, .boolean(false), at: location))
            before.append(declareResult(returned.value, at: location))
        }
        if let stop = frame.stop { before.append(Self.declare(stop, true, .boolean(false), at: location)) }
        let running = frame.stop.map { Self.not(Self.name($0, at: location)) }
        func whileCondition(_ condition: Syntax.Expression) -> Syntax.Expression {
            guard let running else { return condition }
            if case .boolean(true) = condition.kind { return running }  // `while true`: `while !stop`
            if case .boolean(false) = condition.kind { return condition }  // `repeat { … } while false`
            return Self.binary("&&", running, Self.parenthesized(condition))
        }
        let kind: Syntax.Statement.Kind
        switch statement.kind {
        case let .forIn(variable, variableLocation, sequence, _):
            if let running { inner = [Syntax.Statement(kind: .ifElse(condition: running, then: inner, else: nil), location: location)] }
            kind = .forIn(variable: variable, variableLocation: variableLocation, sequence: sequence, body: inner)
        case let .whileLoop(condition, _):
            kind = .whileLoop(condition: whileCondition(condition), body: inner)
        case let .repeatWhile(body, condition):
            checkRepeatCondition(condition, body)
            let again = fresh("again")
            before.append(Self.declare(again, true, .boolean(true), at: location))
            inner.append(Syntax.Statement(kind: .assignment(target: Self.name(again, at: condition.location), op: nil,
                                                            value: whileCondition(condition)), location: condition.location))
            kind = .whileLoop(condition: Self.name(again, at: location), body: inner)
        default:
            preconditionFailure("not a loop")
        }
        return Lowered(statements: before + [Syntax.Statement(kind: kind, location: location)], exits: frame.escapes)
    }

    static func body(of loop: Syntax.Statement) -> [Syntax.Statement] {
        switch loop.kind {
        case .forIn(_, _, _, let body), .whileLoop(_, let body), .repeatWhile(let body, _): return body
        default: return []
        }
    }

    /// Swift evaluates a `repeat` condition outside the body's scope; after the rewrite
    /// it is inside, where a name the body declares would shadow the one it means.
    mutating func checkRepeatCondition(_ condition: Syntax.Expression, _ body: [Syntax.Statement]) {
        var declared: [String: SourceLocation] = [:]
        for statement in body {
            if case let .declaration(_, name, location, _, _) = statement.kind { declared[name] = location }
        }
        let probe = Syntax.Function(name: "", location: condition.location, docComment: [], attribute: nil,
                                    parameters: [], result: nil, resultLocation: condition.location,
                                    body: [Syntax.Statement(kind: .expression(condition), location: condition.location)],
                                    closingBrace: condition.location)
        let read = IdentifierCollector.identifiers(in: probe)
        for (name, location) in declared.sorted(by: { $0.value < $1.value }) where read.contains(name) {
            errors.append(("unsupported in adgen: '\(name)' is declared in a 'repeat' body and named in its condition, where Swift does not see it; rename the one in the body",
                           location))
        }
    }

    /// `var result = 0.0` (or an empty array) for a `return` inside a loop.
    func declareResult(_ name: String, at location: SourceLocation) -> Syntax.Statement {
        let type = resultType ?? Syntax.TypeName(name: "Double", isArray: false, location: location)
        let zero = Syntax.Expression(kind: .integer("0"), location: location)
        let value = type.isArray
            ? Syntax.Expression(kind: .arrayRepeating(element: Syntax.TypeName(name: type.name, isArray: false, location: location),
                                                      value: zero, count: zero), location: location, height: 2)
            : zero
        return Syntax.Statement(kind: .declaration(isVar: true, name: name, nameLocation: location, type: type,
                                                   initializer: value), location: location)
    }

    /// `if returned { return result }` after a loop that may have returned.
    func returnIfReturned(_ flag: String, at location: SourceLocation) -> Syntax.Statement {
        let value = Syntax.Statement(kind: .returnValue(Self.name(results[flag]!, at: location)), location: location)
        return Syntax.Statement(kind: .ifElse(condition: Self.name(flag, at: location), then: [value], else: nil),
                                location: location)
    }

    /// `if !a && !b { tail }`: the rest of an iteration after a statement that may exit.
    mutating func guarded(_ tail: [Syntax.Statement], unless flags: Set<String>, at location: SourceLocation) -> Syntax.Statement {
        readFlags.formUnion(flags)
        let tests = flags.sorted().map { Self.not(Self.name($0, at: location)) }
        let condition = tests.dropFirst().reduce(tests[0]) { Self.binary("&&", $0, $1) }
        return Syntax.Statement(kind: .ifElse(condition: condition, then: tail, else: nil), location: location)
    }

    static func removingAssignments(to flag: String, _ body: [Syntax.Statement]) -> [Syntax.Statement] {
        body.compactMap { statement in
            var statement = statement
            switch statement.kind {
            case .assignment(let target, nil, _):
                if case .name(flag) = target.kind { return nil }
            case let .ifElse(condition, thenBody, elseBody):
                statement.kind = .ifElse(condition: condition, then: removingAssignments(to: flag, thenBody),
                                         else: elseBody.map { removingAssignments(to: flag, $0) })
            case let .forIn(variable, variableLocation, sequence, body):
                statement.kind = .forIn(variable: variable, variableLocation: variableLocation, sequence: sequence,
                                        body: removingAssignments(to: flag, body))
            case let .whileLoop(condition, body):
                statement.kind = .whileLoop(condition: condition, body: removingAssignments(to: flag, body))
            default:
                break
            }
            return statement
        }
    }

    // MARK: Syntax pieces

    func set(_ flag: String, at location: SourceLocation) -> Syntax.Statement {
        Syntax.Statement(kind: .assignment(target: Self.name(flag, at: location), op: nil,
                                           value: Syntax.Expression(kind: .boolean(true), location: location)),
                         location: location)
    }

    static func declare(_ name: String, _ isVar: Bool, _ value: Syntax.Expression.Kind,
                        at location: SourceLocation) -> Syntax.Statement {
        Syntax.Statement(kind: .declaration(isVar: isVar, name: name, nameLocation: location, type: nil,
                                            initializer: Syntax.Expression(kind: value, location: location)),
                         location: location)
    }

    static func name(_ name: String, at location: SourceLocation) -> Syntax.Expression {
        Syntax.Expression(kind: .name(name), location: location)
    }

    static func not(_ operand: Syntax.Expression) -> Syntax.Expression {
        Syntax.Expression(kind: .unary(op: "!", operand: operand), location: operand.location, height: operand.height + 1)
    }

    static func parenthesized(_ inner: Syntax.Expression) -> Syntax.Expression {
        if case .name = inner.kind { return inner }
        return Syntax.Expression(kind: .parenthesized(inner), location: inner.location, height: inner.height + 1)
    }

    static func binary(_ op: String, _ lhs: Syntax.Expression, _ rhs: Syntax.Expression) -> Syntax.Expression {
        Syntax.Expression(kind: .binary(op: op, lhs: lhs, rhs: rhs), location: lhs.location,
                          height: max(lhs.height, rhs.height) + 1)
    }
}
