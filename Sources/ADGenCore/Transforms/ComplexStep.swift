/// Chooses the functions that get a complex-step variant (``Pipeline/Mode/complexStep``);
/// ``ComplexStepRetyping`` makes each, and the Swift translator prints it.
///
/// A complex-step variant evaluates a function in complex arithmetic, so that
/// `Im f(x + i·h·v) / h` is its derivative along `v` to rounding error (Docs/Checking.md).
/// Every primal `f` gets `fComplexStep`. Every gradient `fGradient` the other modes emit
/// gets `fGradientComplexStep` too, whose complex step is the Hessian-vector product;
/// the reverse-mode functions it calls get variants as well (named by the same rule,
/// `fileprivate` like the functions they vary).
public enum ComplexStep {
    /// The module complex-step code imports (it re-exports swift-numerics' `Complex`).
    public static let runtimeModule = "ADGenRuntime"

    /// The complex-step variant of every function of `functions` (see ``functions(primals:derived:)``).
    public static func variants(of functions: [IR.Function]) -> [IR.Function] {
        functions.map(ComplexStepRetyping.variant)
    }

    /// The functions to vary, in order: primals, then the derived functions the
    /// gradients reach through calls, in emission order.
    public static func functions(primals: [IR.Function], derived: [IR.Function]) -> [IR.Function] {
        let gradientNames = Set(primals.map { Naming.gradient($0.name) })
        let byName = Dictionary(derived.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var reached: Set<String> = []
        var pending = derived.filter { gradientNames.contains($0.name) }.map(\.name)
        while let name = pending.popLast() {
            guard reached.insert(name).inserted, let function = byName[name] else { continue }
            pending += callees(of: function).filter { byName[$0] != nil }
        }
        return primals + derived.filter { reached.contains($0.name) }
    }

    /// The names of the functions `function` calls, in expressions or destructuring.
    static func callees(of function: IR.Function) -> [String] {
        var names: [String] = []
        IRWalk.forEachStatement(function.body) { statement in
            if case .destructure(_, _, let call) = statement.kind { names.append(call.function) }
            for expression in statement.ownExpressions {
                expression.forEachCall { names.append($0) }
            }
        }
        return names
    }
}

extension IR.Expression {
    /// Calls `body` with the callee of every function call in this expression.
    func forEachCall(_ body: (String) -> Void) {
        forEachSubexpression { if case .call(let call) = $0.kind { body(call.function) } }
    }
}
