/// Rewrites early returns into structured form so every function body ends in
/// returns: `if c { return a }; rest` becomes `if c { return a } else { rest }`.
///
/// The rewrite moves statements, never changes them, so the primal performs the same
/// operations in the same order. Transforms can then rely on returns appearing
/// only at the end of a path.
struct ReturnNormalization {
    /// Statements that follow a `return` on every path (Swift warns about them).
    var unreachable: [SourceLocation] = []
    /// Copying the code after an early return into every path that falls through can
    /// grow exponentially (a run of `if`s that each return on some paths only); past
    /// this many copied statements the rewrite stops and `exceededBudget` is set.
    static let budget = 10_000
    private(set) var copied = 0
    private(set) var exceededBudget = false

    /// Normalizes `statements`, appending `rest` to every path that falls through.
    mutating func normalize(_ statements: [IR.Statement], rest: [IR.Statement] = []) -> [IR.Statement] {
        for (position, statement) in statements.enumerated() {
            let next = position + 1 < statements.count ? statements[position + 1] : nil
            switch statement.kind {
            case .returnValues:
                if let next { reportUnreachable(next.location) }
                return Array(statements[...position])
            case let .ifElse(condition, thenBody, elseBody) where Self.containsReturn(statement):
                if Self.terminates(statement), let next {
                    reportUnreachable(next.location)
                }
                let tail = Array(statements[(position + 1)...]) + rest
                let rewritten = IR.Statement(.ifElse(condition: condition, then: normalize(thenBody, rest: tail),
                                                     else: normalize(elseBody, rest: tail)), at: statement.location)
                return Array(statements[..<position]) + [rewritten]
            default:
                continue
            }
        }
        // `rest` continues this path and may itself hold early returns.
        guard !rest.isEmpty else { return statements }
        copied += rest.count
        if copied > Self.budget {
            exceededBudget = true
            return statements + rest
        }
        return statements + normalize(rest)
    }

    /// The same code can be reached through several paths; report it once.
    mutating func reportUnreachable(_ location: SourceLocation) {
        if !unreachable.contains(location) { unreachable.append(location) }
    }

    static func containsReturn(_ statement: IR.Statement) -> Bool {
        switch statement.kind {
        case .returnValues: return true
        case let .ifElse(_, thenBody, elseBody): return (thenBody + elseBody).contains(where: containsReturn)
        default: return false
        }
    }

    /// True when every path through `statements` ends in a return.
    static func terminates(_ statements: [IR.Statement]) -> Bool {
        guard let last = statements.last else { return false }
        return terminates(last)
    }

    static func terminates(_ statement: IR.Statement) -> Bool {
        switch statement.kind {
        case .returnValues: return true
        case let .ifElse(_, thenBody, elseBody): return terminates(thenBody) && terminates(elseBody)
        default: return false
        }
    }
}
