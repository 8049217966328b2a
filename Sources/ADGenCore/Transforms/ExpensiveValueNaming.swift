/// Store-versus-recompute, before reverse mode: gives each call of an expensive
/// builtin (everything but `abs`, `min`, `max`, `floor`, `ceil`) a name of its own,
/// `let t = sqrt(x)`, so the reverse sweep reads the stored result instead of
/// recomputing it. Arithmetic stays inline and is recomputed: an add or multiply
/// costs less than a tape push and pop, a square root or exponential more.
/// Builtins never trap, so naming one outside a branch of `? :` changes no result.
enum ExpensiveValueNaming {
    static func run(_ function: IR.Function) -> IR.Function {
        var pass = Hoisting(names: NameAllocator(reserving: Naming.names(in: function))) { expression in
            if case .builtin(let builtin, _) = expression.kind { return !builtin.isCheap }
            return false
        }
        var function = function
        function.body = pass.block(function.body)
        return function
    }
}
