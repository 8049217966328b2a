/// Rewrites early exits into structured code before the body is lowered to IR, so
/// every later stage (and the reverse sweep, which replays branches and trip counts)
/// sees only loops, `if`s and returns at the end of a path:
///
///     for i in 0..<n {                    var stop = false
///         if x[i] < 0 { break }           for i in 0..<n {
///         s += x[i]                           if !stop {
///     }                                           if x[i] < 0 { stop = true } else { s += x[i] }
///                                             }
///                                         }
///
/// - `break L` sets the stop flag of `L` and of every loop inside it; a stopped `for`
///   runs its remaining iterations without doing anything, a `while` ends.
/// - `continue L` sets the skip flag of `L` (declared at the top of each iteration)
///   and stops the loops inside it.
/// - `return e` inside loops stores `e` in `result`, sets `returned` and stops every
///   loop; after the outermost one, `if returned { return result }`.
/// - `repeat { body } while c` is `var again = true; while again { body; again = c }`.
/// - `guard c else { body }` is `if !(c) { body }`.
///
/// Code after a statement that may exit runs under `if !flag { … }`, or in the other
/// branch of an `if` whose one branch always exits.
struct EarlyExitLowering {
    struct Frame {
        var label: String?
        /// Declared before the loop; set to leave it.
        var stop: String?
        /// Declared at the top of every iteration; set to skip the rest of it.
        var skip: String?
        /// Flags of the enclosing loop (or `returned`) that a jump inside this loop sets.
        var escapes: Set<String> = []
        /// On the outermost loop: the flag and value of a `return` inside it.
        var returned: (flag: String, value: String)?
        /// A `switch` (``EarlyExitLowering+Switch``): `break` leaves it, `continue` does not stop at it.
        var isSwitch = false
    }

    /// A lowered statement list: the flags of the innermost loop it may set (at the top
    /// level, `returned`), and whether it always jumps.
    struct Lowered {
        var statements: [Syntax.Statement]
        var exits: Set<String> = []
        var always = false
        /// For an `if`: its lowered branches, so the code after it can move into one.
        var branches: (then: Branch, else: Branch?)?
    }

    /// What ``Lowered`` says of one branch of an `if`.
    struct Branch {
        var exits: Set<String>
        var always: Bool

        init(_ lowered: Lowered) {
            exits = lowered.exits
            always = lowered.always
        }
    }

    var errors: [(message: String, location: SourceLocation)] = []
    var used: Set<String>
    var frames: [Frame] = []
    let resultType: Syntax.TypeName?
    /// `returned` flag → `result` variable, for the `if returned { return result }` after a loop.
    var results: [String: String] = [:]
    /// Flags some guard reads; a skip flag nobody reads is dropped.
    var readFlags: Set<String> = []

    /// The body of `function` without `break`, `continue`, returns inside loops,
    /// `repeat` or `guard`.
    static func lower(_ function: Syntax.Function, diagnostics: inout DiagnosticEngine) -> [Syntax.Statement] {
        var lowering = EarlyExitLowering(used: IdentifierCollector.identifiers(in: function), resultType: function.result)
        var source = function.body
        let isHelper = function.result == nil && function.parameters.contains(where: \.isInout)
        if isHelper, Self.containsReturn(source) {
            // A bare `return` in an `inout` helper leaves its body: a `break` out of a
            // `switch` that runs the body once.
            let label = lowering.fresh("body")
            let wrapped = Syntax.Statement(kind: .switchCases(subject: Self.name(label, at: function.location), cases: [],
                                                              default: Self.breaking(label, source)),
                                           location: function.location)
            source = [Syntax.Statement(kind: .labelled(label: label, loop: wrapped), location: function.location)]
        }
        guard Self.needsLowering(source) else { return source }
        let body = lowering.block(source).statements
        for error in lowering.errors { diagnostics.error(error.message, at: error.location) }
        if depth(body) > maxDepth {
            diagnostics.error("unsupported in adgen: too many possible exits in one block of '\(function.name)' (the code after each runs one 'if' deeper, past \(maxDepth) levels); combine their conditions",
                              at: function.location)
        }
        return body
    }

    /// Nesting the rewrite may reach; every later stage recurses over blocks.
    static let maxDepth = 64

    static func depth(_ body: [Syntax.Statement]) -> Int {
        body.map { statement in
            switch statement.kind {
            case .forIn(_, _, _, let inner), .whileLoop(_, let inner): return 1 + depth(inner)
            case let .ifElse(_, thenBody, elseBody): return 1 + max(depth(thenBody), depth(elseBody ?? []))
            default: return 0
            }
        }.max() ?? 0
    }

    init(used: Set<String>, resultType: Syntax.TypeName?) {
        self.used = used
        self.resultType = resultType
    }

    static func needsLowering(_ body: [Syntax.Statement]) -> Bool {
        body.contains { statement in
            switch statement.kind {
            case .breakLoop, .continueLoop, .repeatWhile, .guardElse, .labelled, .switchCases, .fallthroughCase: return true
            case .forIn(_, _, _, let body), .whileLoop(_, let body): return needsLowering(body) || containsReturn(body)
            case let .ifElse(_, thenBody, elseBody): return needsLowering(thenBody + (elseBody ?? []))
            default: return false
            }
        }
    }

    /// `body` with each bare `return` replaced by `break label` (loops included).
    static func breaking(_ label: String, _ body: [Syntax.Statement]) -> [Syntax.Statement] {
        body.map { statement in
            guard case .returnValue(nil) = statement.kind else { return statement.mappingBodies { breaking(label, $0) } }
            var statement = statement
            statement.kind = .breakLoop(label: label)
            return statement
        }
    }

    static func containsReturn(_ body: [Syntax.Statement]) -> Bool {
        body.contains { statement in
            if case .returnValue = statement.kind { return true }
            return statement.bodies.contains(where: containsReturn)
        }
    }

    // MARK: Statement lists

    mutating func block(_ body: [Syntax.Statement]) -> Lowered {
        var result = Lowered(statements: [])
        for (position, statement) in body.enumerated() {
            let lowered = self.statement(statement)
            let rest = Array(body[(position + 1)...])
            // At the top level a loop's `returned` is consumed right after it, below.
            if !frames.isEmpty { result.exits.formUnion(lowered.exits) }
            if lowered.always {
                if let next = rest.first {
                    errors.append(("code after '\(Self.jumpName(statement))' will never be executed", next.location))
                }
                result.statements += lowered.statements
                result.always = true
                return result
            }
            guard !lowered.exits.isEmpty else {
                result.statements += lowered.statements
                continue
            }
            if frames.isEmpty {
                // A loop that may have returned, at the top level: return what it stored.
                result.statements += lowered.statements + lowered.exits.sorted().map { returnIfReturned($0, at: statement.location) }
                continue
            }
            guard !rest.isEmpty else {
                result.statements += lowered.statements
                return result
            }
            let tail = block(rest)
            result.exits.formUnion(tail.exits)
            result.always = tail.always
            result.statements += merged(lowered, tail.statements)
                ?? lowered.statements + [guarded(tail.statements, unless: lowered.exits, at: rest[0].location)]
            return result
        }
        return result
    }

    /// `if c { …jump } ; rest` as `if c { …jump } else { rest }` (or the mirror image).
    func merged(_ lowered: Lowered, _ tail: [Syntax.Statement]) -> [Syntax.Statement]? {
        guard let branches = lowered.branches, lowered.statements.count == 1,
              case let .ifElse(condition, thenBody, elseBody) = lowered.statements[0].kind else { return nil }
        let location = lowered.statements[0].location
        if branches.then.always, branches.else?.exits.isEmpty ?? true {
            return [Syntax.Statement(kind: .ifElse(condition: condition, then: thenBody, else: (elseBody ?? []) + tail),
                                     location: location)]
        }
        if let elseBranch = branches.else, elseBranch.always, branches.then.exits.isEmpty {
            return [Syntax.Statement(kind: .ifElse(condition: condition, then: thenBody + tail, else: elseBody),
                                     location: location)]
        }
        return nil
    }

    static func jumpName(_ statement: Syntax.Statement) -> String {
        switch statement.kind {
        case .breakLoop: return "break"
        case .continueLoop: return "continue"
        case .returnValue: return "return"
        default: return "this statement"
        }
    }

    // MARK: Statements

    mutating func statement(_ statement: Syntax.Statement) -> Lowered {
        let location = statement.location
        switch statement.kind {
        case .breakLoop(let label):
            return jump(breaking: true, label: label, at: location)
        case .continueLoop(let label):
            return jump(breaking: false, label: label, at: location)
        case .returnValue(let value):
            guard frames.contains(where: { !$0.isSwitch }), let value else { return Lowered(statements: [statement]) }
            return returnInLoop(value, at: location)
        case let .ifElse(condition, thenBody, elseBody):
            let thenBranch = block(thenBody)
            let elseBranch = elseBody.map { block($0) }
            let kind = Syntax.Statement.Kind.ifElse(condition: condition, then: thenBranch.statements,
                                                    else: elseBranch?.statements)
            return Lowered(statements: [Syntax.Statement(kind: kind, location: location)],
                           exits: thenBranch.exits.union(elseBranch?.exits ?? []),
                           always: thenBranch.always && elseBranch?.always == true,
                           branches: (Branch(thenBranch), elseBranch.map(Branch.init)))
        case let .guardElse(condition, body):
            if !Self.leavesScope(body) {
                errors.append(("'guard' body must not fall through, consider using a 'return', 'break' or 'continue' to exit the scope",
                               location))
            }
            let negated = Self.not(Self.parenthesized(condition))
            return self.statement(Syntax.Statement(kind: .ifElse(condition: negated, then: body, else: nil), location: location))
        case .labelled(let label, let loop):
            if frames.contains(where: { $0.label == label }) {
                errors.append(("label '\(label)' cannot be reused on an inner statement", location))
            }
            switch loop.kind {
            case .forIn, .whileLoop, .repeatWhile: return self.loop(loop, label: label)
            case let .switchCases(subject, cases, defaultBody):
                return switchStatement(subject, cases, defaultBody, label: label, at: loop.location)
            default: return self.statement(loop)  // a loop that failed to parse
            }
        case .forIn, .whileLoop, .repeatWhile:
            return loop(statement, label: nil)
        case let .switchCases(subject, cases, defaultBody):
            return switchStatement(subject, cases, defaultBody, label: nil, at: location)
        case .fallthroughCase:
            errors.append(("unsupported in adgen: 'fallthrough' other than as the last statement of a 'case' before another", location))
            return Lowered(statements: [])
        default:
            return Lowered(statements: [statement])
        }
    }

    /// Whether every path through `body` ends in `return`, `break` or `continue`.
    static func leavesScope(_ body: [Syntax.Statement]) -> Bool {
        guard let last = body.last else { return false }
        switch last.kind {
        case .returnValue, .breakLoop, .continueLoop: return true
        case let .ifElse(_, thenBody, elseBody): return leavesScope(thenBody) && leavesScope(elseBody ?? [])
        default: return false
        }
    }

    // MARK: Jumps

    mutating func jump(breaking: Bool, label: String?, at location: SourceLocation) -> Lowered {
        let keyword = breaking ? "break" : "continue"
        guard !frames.isEmpty else {
            errors.append(("'\(keyword)' is only allowed inside a loop\(breaking ? " or 'switch'" : "")", location))
            return Lowered(statements: [])
        }
        var target = frames.count - 1
        if !breaking, label == nil {
            guard let loop = frames.lastIndex(where: { !$0.isSwitch }) else {
                errors.append(("'continue' is only allowed inside a loop", location))
                return Lowered(statements: [])
            }
            target = loop
        }
        if let label {
            guard let found = frames.lastIndex(where: { $0.label == label }) else {
                errors.append(("use of unresolved label '\(label)'", location))
                return Lowered(statements: [])
            }
            if !breaking, frames[found].isSwitch {
                errors.append(("'continue' cannot name the 'switch' '\(label)'; name a loop", location))
                return Lowered(statements: [])
            }
            target = found
        }
        var statements: [Syntax.Statement] = []
        let first = breaking ? target : target + 1
        if !breaking { statements.append(set(skipFlag(target), at: location)) }
        for index in first..<frames.count {
            statements.append(set(stopFlag(index), at: location))
        }
        noteEscapes(from: target + 1, skipOf: breaking ? nil : target)
        let exit = frames.count - 1 == target && !breaking ? frames[target].skip! : frames[frames.count - 1].stop!
        return Lowered(statements: statements, exits: [exit], always: true)
    }

    /// `result = value; returned = true` and every loop stopped.
    mutating func returnInLoop(_ value: Syntax.Expression, at location: SourceLocation) -> Lowered {
        let flags = returnFlags()
        var statements = [
            Syntax.Statement(kind: .assignment(target: Self.name(flags.value, at: location), op: nil, value: value),
                             location: location),
            set(flags.flag, at: location),
        ]
        for index in frames.indices {
            statements.append(set(stopFlag(index), at: location))
        }
        frames[0].escapes.insert(flags.flag)
        noteEscapes(from: 1, skipOf: nil)
        return Lowered(statements: statements, exits: [frames[frames.count - 1].stop!], always: true)
    }

    /// Records, on every loop from `start` in, the flag of its enclosing loop that the
    /// jump sets: the enclosing loop's stop flag, or on loop `start` the skip flag of
    /// the `continue`'s target `skipOf`.
    mutating func noteEscapes(from start: Int, skipOf target: Int?) {
        guard start < frames.count else { return }
        for index in start..<frames.count {
            let flag = index == start && target != nil ? frames[target!].skip! : frames[index - 1].stop!
            frames[index].escapes.insert(flag)
        }
    }

    mutating func stopFlag(_ index: Int) -> String {
        if let flag = frames[index].stop { return flag }
        let flag = fresh("stop")
        frames[index].stop = flag
        return flag
    }

    mutating func skipFlag(_ index: Int) -> String {
        if let flag = frames[index].skip { return flag }
        let flag = fresh("skip")
        frames[index].skip = flag
        return flag
    }

    mutating func returnFlags() -> (flag: String, value: String) {
        if let flags = frames[0].returned { return flags }
        let flags = (fresh("returned"), fresh("result"))
        frames[0].returned = flags
        results[flags.0] = flags.1
        return flags
    }

    mutating func fresh(_ base: String) -> String {
        var name = base
        var number = 2
        while used.contains(name) {
            name = base + String(number)
            number += 1
        }
        used.insert(name)
        return name
    }
}
