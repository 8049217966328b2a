/// Makes a program warning-free as Swift after generation or reduction: `var`s never
/// written become `let`, loop variables never read become `_`, and declarations
/// never read are removed with every write to them, until nothing changes.
public enum Normalizer {
    public static func normalize(_ program: RandomProgram) -> RandomProgram {
        var result = program
        for index in result.functions.indices {
            var body = result.functions[index].body
            for _ in 0..<50 {
                var usage = Walker()
                usage.walk(body)
                var rewriter = Walker(usage: usage)
                let next = rewriter.rewrite(body)
                if next == body { break }
                body = next
            }
            result.functions[index].body = body
        }
        return result
    }

    /// Resolves names to declarations (numbered in walk order) the way Swift scopes them.
    struct Walker {
        var scopes: [[String: Int]] = [[:]]
        var next = 0
        var reads: [Int: Int] = [:]
        var writes: [Int: Int] = [:]
        /// Set for the rewriting walk: the counts of the analysing walk.
        var usage: (reads: [Int: Int], writes: [Int: Int])?

        init() {}
        init(usage: Walker) { self.usage = (usage.reads, usage.writes) }

        func resolve(_ name: String) -> Int? {
            for scope in scopes.reversed() { if let id = scope[name] { return id } }
            return nil
        }

        mutating func declare(_ name: String) -> Int {
            next += 1
            scopes[scopes.count - 1][name] = next
            return next
        }

        mutating func read(_ expr: Expr) {
            for name in expr.names { if let id = resolve(name) { reads[id, default: 0] += 1 } }
        }

        mutating func read(_ range: RandomProgram.LoopRange) {
            switch range {
            case .halfOpen(let a, let b), .closed(let a, let b): read(a); read(b)
            case .strideTo(let a, let b, let c), .strideThrough(let a, let b, let c): read(a); read(b); read(c)
            }
        }

        func unread(_ id: Int?) -> Bool {
            guard let id, let usage else { return false }
            return (usage.reads[id] ?? 0) == 0
        }

        mutating func walk(_ statements: [Stmt]) { _ = rewrite(statements) }

        /// The statements rewritten with `usage` (unchanged when it is nil), counting uses.
        mutating func rewrite(_ statements: [Stmt]) -> [Stmt] {
            var result: [Stmt] = []
            for statement in statements {
                switch statement {
                case .declaration(let mutable, let name, let annotation, let value):
                    read(value)
                    let id = declare(name)
                    if unread(id) { continue }
                    let written = usage.map { ($0.writes[id] ?? 0) > 0 } ?? mutable
                    result.append(.declaration(mutable: mutable && written, name: name, annotation: annotation, value))
                case .assignment(let target, _, let value):
                    let id = resolve(target.name)
                    if unread(id) { continue }
                    read(value)
                    if case .element(_, let index) = target { read(index) }
                    if let id { writes[id, default: 0] += 1 }
                    result.append(statement)
                case .forLoop(let variable, let range, let body):
                    read(range)
                    scopes.append([:])
                    let id = variable.map { declare($0) }
                    let newBody = rewrite(body)
                    scopes.removeLast()
                    result.append(.forLoop(unread(id) ? nil : variable, range, newBody))
                case .whileLoop(let condition, let body):
                    read(condition)
                    result.append(.whileLoop(condition, scoped(body)))
                case .ifElse(let condition, let then, let otherwise):
                    read(condition)
                    let newThen = scoped(then)
                    result.append(.ifElse(condition, newThen, otherwise.map { scoped($0) }))
                case .returnValue(let value):
                    read(value)
                    result.append(statement)
                case .append(let array, let value):
                    let id = resolve(array)
                    if unread(id) { continue }
                    read(value)
                    if let id { writes[id, default: 0] += 1 }
                    result.append(statement)
                case .breakLoop, .continueLoop:
                    result.append(statement)
                }
            }
            return result
        }

        mutating func scoped(_ body: [Stmt]) -> [Stmt] {
            scopes.append([:])
            defer { scopes.removeLast() }
            return rewrite(body)
        }
    }
}
