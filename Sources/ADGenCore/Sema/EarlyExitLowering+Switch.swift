/// `switch` over a value, rewritten into an `if` chain:
///
///     switch k {                      if k == 0 {
///     case 0: a()                         a()
///     case 1, 2: b()                  } else if k == 1 || k == 2 {
///     default: c()                        b()
///     }                               } else {
///                                         c()
///                                     }
///
/// A subject other than a name is evaluated once, into a `let`. A trailing `break`
/// ends its case anyway and is dropped; one deeper inside sets the switch's stop
/// flag, like a loop's. A case ending in `fallthrough` runs the next case's body too.
extension EarlyExitLowering {
    mutating func switchStatement(_ subject: Syntax.Expression, _ cases: [Syntax.SwitchCase],
                                  _ defaultBody: [Syntax.Statement]?, label: String?,
                                  at location: SourceLocation) -> Lowered {
        guard let defaultBody else {
            errors.append(("switch must be exhaustive; add a 'default' clause", location))
            return Lowered(statements: [])
        }
        var before: [Syntax.Statement] = []
        var tested = subject
        if cases.isEmpty {
            // Only a default: nothing to test (an `inout` helper's body, see `lower`).
        } else if case .name = subject.kind {} else {
            let name = fresh("subject")
            before.append(Syntax.Statement(kind: .declaration(isVar: false, name: name, nameLocation: subject.location,
                                                              type: nil, initializer: subject), location: subject.location))
            tested = Self.name(name, at: subject.location)
        }
        frames.append(Frame(label: label, isSwitch: true))
        let bodies = fallenThrough(cases.map(\.body) + [defaultBody], at: location).map { block(Self.droppingTrailingBreak($0)) }
        let frame = frames.removeLast()
        var chain = bodies.last!.statements
        for (switchCase, body) in zip(cases, bodies).reversed() {
            let tests = switchCase.values.map { Self.binary("==", tested, Self.parenthesized($0)) }
            let condition = tests.dropFirst().reduce(tests[0]) { Self.binary("||", $0, $1) }
            chain = [Syntax.Statement(kind: .ifElse(condition: condition, then: body.statements, else: chain),
                                      location: switchCase.location)]
        }
        if let stop = frame.stop { before.append(Self.declare(stop, true, .boolean(false), at: location)) }
        if let returned = frame.returned {
            before.append(Self.declare(returned.flag, true, .boolean(false), at: location))
            before.append(declareResult(returned.value, at: location))
        }
        return Lowered(statements: before + chain, exits: frame.escapes)
    }

    /// Case bodies with every trailing `fallthrough` replaced by the next body.
    mutating func fallenThrough(_ bodies: [[Syntax.Statement]], at location: SourceLocation) -> [[Syntax.Statement]] {
        var result = bodies
        if let last = result.last?.last, case .fallthroughCase = last.kind {
            errors.append(("'fallthrough' without a following 'case' or 'default' block", last.location))
            result[result.count - 1].removeLast()
        }
        for index in stride(from: result.count - 2, through: 0, by: -1) {
            if let last = result[index].last, case .fallthroughCase = last.kind {
                result[index] = result[index].dropLast() + result[index + 1]
            }
        }
        return result
    }

    static func droppingTrailingBreak(_ body: [Syntax.Statement]) -> [Syntax.Statement] {
        guard let last = body.last, case .breakLoop(nil) = last.kind else { return body }
        return Array(body.dropLast())
    }
}
