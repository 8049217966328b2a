/// Gives every declaration of a function its own name before differentiation.
///
/// The primal IR allows one name in sibling scopes (`var sumQ` in two loops, `let t`
/// in both branches of an `if` and again after it), as Swift does. The derivative
/// transforms hoist declarations out of loops and branches and declare adjoints at the
/// top of the reverse sweep, so they need one name per variable: here the first
/// declaration keeps its DSL name and each later one becomes `name_2`, `name_3`, ...
/// (the suffix policy sema uses for shadowing). Loop indices keep their names: every
/// sweep's loop declares its own.
///
/// For example: `for i in 0..<n { var s = 0.0 … }; for j in 0..<m { var s = 1.0 … }`
/// becomes `… { var s = 0.0 … }; … { var s_2 = 1.0 … }`.
enum UniqueNames {
    static func run(_ function: IR.Function) -> IR.Function {
        var pass = Pass(taken: Naming.names(in: function))
        for parameter in function.parameters { pass.declared.insert(parameter.name) }
        var function = function
        function.body = pass.block(function.body, renames: [:])
        return function
    }

    private struct Pass {
        /// Every name in the function, and every name this pass made: fresh names avoid them.
        var taken: Set<String>
        /// Names declared so far (in any scope).
        var declared: Set<String> = []

        /// A name for a declaration of `name`: itself the first time, else a fresh one.
        mutating func declare(_ name: String, _ renames: inout [String: String]) -> String {
            guard declared.contains(name) else {
                declared.insert(name)
                renames[name] = nil
                return name
            }
            var suffix = 2
            while taken.contains("\(name)_\(suffix)") { suffix += 1 }
            let fresh = "\(name)_\(suffix)"
            taken.insert(fresh)
            declared.insert(fresh)
            renames[name] = fresh
            return fresh
        }

        /// A block: a declaration renames the rest of its block (and what it encloses).
        mutating func block(_ body: [IR.Statement], renames outer: [String: String]) -> [IR.Statement] {
            var renames = outer
            return body.map { statement(Renaming.renameReads(of: $0, renames), &renames) }
        }

        /// `statement` with its reads renamed already; renames its declarations and bodies.
        mutating func statement(_ statement: IR.Statement, _ renames: inout [String: String]) -> IR.Statement {
            var statement = statement
            switch statement.kind {
            case let .declare(name, type, mutable, value, annotated):
                statement.kind = .declare(name: declare(name, &renames), type: type, mutable: mutable, value: value,
                                          annotated: annotated)
            case .destructure(let targets, let types, let call):
                let renamed = targets.map { $0.map { declare($0, &renames) } }
                statement.kind = .destructure(names: renamed, types: types, call: call)
            case .forLoop(var loop):
                // The index stays: each sweep's loop declares its own, so sibling loops
                // may share it. A renaming from outside stops at it.
                var inner = renames
                if let index = loop.index { inner[index] = nil }
                loop.body = block(loop.body, renames: inner)
                statement.kind = .forLoop(loop)
            case let .whileLoop(condition, body):
                statement.kind = .whileLoop(condition: condition, body: block(body, renames: renames))
            case let .ifElse(condition, thenBody, elseBody):
                statement.kind = .ifElse(condition: condition, then: block(thenBody, renames: renames),
                                         else: block(elseBody, renames: renames))
            default:
                break
            }
            return statement
        }
    }
}
