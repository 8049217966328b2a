/// Checks the scoping rules Swift will enforce on an IR function, before it is emitted:
/// every name read or written is declared in an enclosing scope before the use, no
/// block declares a name twice, and only `var`s are assigned.
///
/// Derived functions are built by moving, hoisting and adding declarations; a slip in
/// one of those transforms would otherwise surface as Swift that does not compile in
/// the user's build. The pipeline runs the verifier on every function it emits and
/// reports a failure as an internal error, so nothing broken is ever written.
///
/// For example: a reverse sweep that reads `dsumQ` outside the loop declaring it gives
/// `"fVJP: 'dsumQ' is used outside the scope that declares it"`.
public enum IRVerifier {
    public static func problems(in function: IR.Function) -> [String] {
        var pass = Pass(function: function.name)
        pass.scopes = [Dictionary(function.parameters.map { ($0.name, false) }, uniquingKeysWith: { a, _ in a })]
        pass.push()
        pass.block(function.body)
        return pass.problems
    }

    private struct Pass {
        let function: String
        /// Innermost last: name → whether it is mutable.
        var scopes: [[String: Bool]] = []
        var problems: [String] = []
        /// Locals with lane storage: a store goes through the buffer, so a `let` takes it
        /// (a lane parameter does not: storing would write the caller's value).
        var laneLocals: Set<String> = []

        mutating func push() { scopes.append([:]) }
        mutating func pop() { scopes.removeLast() }

        func lookup(_ name: String) -> Bool? {
            for scope in scopes.reversed() { if let mutable = scope[name] { return mutable } }
            return nil
        }

        mutating func report(_ message: String) {
            if problems.count < 20 { problems.append("\(function): \(message)") }
        }

        mutating func declare(_ name: String, mutable: Bool) {
            if scopes[scopes.count - 1][name] != nil { report("'\(name)' is declared twice in one block") }
            scopes[scopes.count - 1][name] = mutable
        }

        mutating func read(_ expression: IR.Expression) {
            expression.forEachRead { name in
                if lookup(name) == nil { report("'\(name)' is used outside the scope that declares it") }
            }
        }

        mutating func write(_ name: String, reference: Bool = false) {
            guard let mutable = lookup(name) else {
                report("'\(name)' is assigned outside the scope that declares it")
                return
            }
            if !mutable, !reference { report("'\(name)' is a constant but is assigned") }
        }

        mutating func block(_ body: [IR.Statement]) {
            for statement in body { self.statement(statement) }
        }

        mutating func nested(_ body: [IR.Statement], index: String? = nil) {
            push()
            if let index { declare(index, mutable: false) }
            block(body)
            pop()
        }

        mutating func statement(_ statement: IR.Statement) {
            statement.ownExpressions.forEach { read($0) }
            switch statement.kind {
            case let .declare(name, type, mutable, _, _):
                declare(name, mutable: mutable || type.isTape)
                if type == .lanes { laneLocals.insert(name) }
            case .assign(let name, _, _):
                write(name)
            case .store(let name, _, _, _):
                write(name, reference: laneLocals.contains(name))
            case .append(let array, _):
                write(array, reference: true)
            case let .removeLast(array, into, index):
                if let index { read(index) }
                write(array, reference: true)
                if let into { write(into, reference: index != nil && laneLocals.contains(into)) }
            case .forLoop(let loop):
                nested(loop.body, index: loop.index)
            case .whileLoop(_, let body):
                nested(body)
            case let .ifElse(_, thenBody, elseBody):
                nested(thenBody)
                nested(elseBody)
            case .destructure(let names, _, _):
                for name in names.compactMap({ $0 }) { declare(name, mutable: false) }
            case .checkpoint(let checkpoint):
                for name in checkpoint.writes { write(name) }
                if case .reverse(let steps) = checkpoint.part {
                    nested(steps.advance, index: steps.index)
                    nested(steps.reverse, index: steps.index)
                }
            case .returnValues, .comment:
                break
            }
        }
    }
}
