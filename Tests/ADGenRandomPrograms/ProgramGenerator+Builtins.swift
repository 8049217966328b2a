/// Builtin calls kept inside their domains, and piecewise functions kept away from
/// their kinks: every argument that could leave the smooth region is first squashed
/// into a known interval (`tanh` ∈ (−1, 1), `sin` ∈ [−1, 1], `e·e` ≥ 0).
extension ProgramGenerator {
    static let builtinNames = ["sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
                               "exp", "exp2", "log", "log2", "log10", "log1p", "expm1", "sqrt", "cbrt", "pow",
                               "hypot"]

    mutating func builtinCall(_ depth: Int) -> Bounded {
        let name = random.pick(Self.builtinNames)
        let a = small(depth)
        let squashed = builtin("tanh", a.expr)
        let positive = binary("+", lit(1.0), binary("*", a.expr, a.expr))  // ≥ 1, ≤ 10
        switch name {
        case "sin", "cos": return Bounded(expr: builtin(name, a.expr), bound: 1)
        case "tanh", "atan": return Bounded(expr: builtin(name, a.expr), bound: 1.6)
        case "tan": return Bounded(expr: builtin(name, binary("*", lit(0.75), squashed)), bound: 1)
        case "asin", "acos": return Bounded(expr: builtin(name, binary("*", lit(0.75), squashed)), bound: 2.5)
        case "sinh", "cosh", "exp", "exp2", "expm1":
            return Bounded(expr: builtin(name, a.expr), bound: 25)
        case "log", "log2", "log10", "sqrt":
            let argument = random.chance(0.5) ? positive : binary("+", lit(1.5), squashed)
            return Bounded(expr: builtin(name, argument), bound: 4)
        case "log1p": return Bounded(expr: builtin(name, binary("*", lit(0.5), squashed)), bound: 1)
        case "cbrt":
            let shift = random.chance(0.5) ? 1.5 : -1.5
            return Bounded(expr: builtin(name, binary("+", lit(shift), squashed)), bound: 1.4)
        case "pow":
            let base = binary("+", lit(1.5), squashed)
            let exponent = random.chance(0.4) ? lit(2.0) : small(depth).expr
            return Bounded(expr: builtin(name, base, exponent), bound: 200)
        case "atan2":
            let b = small(depth)
            return Bounded(expr: builtin(name, a.expr, binary("+", lit(2.0), builtin("tanh", b.expr))), bound: 1.6)
        default:  // hypot
            let b = small(depth)
            return Bounded(expr: builtin(name, a.expr, binary("+", lit(0.5), binary("*", b.expr, b.expr))),
                           bound: a.bound + 10)
        }
    }

    /// `abs`, `min`, `max`, `floor`, `ceil` on arguments that stay on one piece.
    mutating func piecewise(_ depth: Int) -> Bounded {
        let a = small(depth)
        let shift = random.chance(0.5) ? 2.0 : -2.0
        let shifted = binary("+", lit(shift), builtin("tanh", a.expr))  // sign of `shift`, |.| ≥ 1
        switch random.below(5) {
        case 0: return Bounded(expr: builtin("abs", shifted), bound: 3)
        case 1, 2:
            let b = small(depth)
            let name = random.chance(0.5) ? "min" : "max"
            // The two arguments differ by at least 1: one of them is always taken.
            let other = binary("+", lit(shift * 2), builtin("tanh", b.expr))
            let arguments = random.chance(0.5) ? (builtin("tanh", a.expr), other) : (other, builtin("tanh", a.expr))
            return Bounded(expr: builtin(name, arguments.0, arguments.1), bound: 5)
        default:
            // floor/ceil of a value that stays strictly inside (k, k + 1).
            let inside = binary("+", lit(shift + 0.5), binary("*", lit(0.25), builtin("tanh", a.expr)))
            return Bounded(expr: builtin(random.chance(0.5) ? "floor" : "ceil", inside), bound: 3)
        }
    }

    /// A `Bool` whose value is the same at every sampled point and nearby: on `Int`
    /// state, on the sign of a fixed-sign parameter, or on a squashed value with margin.
    mutating func condition(_ depth: Int) -> Expr? {
        switch random.below(depth > 0 ? 5 : 4) {
        case 0, 1:
            guard let (value, magnitude) = nonNegativeInt(unknown: true) else { return nil }
            if random.chance(0.4) {
                return .binary("==", binary("%", value, int(2)), int(random.below(2)), .bool)
            }
            let op = random.pick(["<", ">", "<=", ">=", "!="])
            return .binary(op, value, int(random.below(max(magnitude, 1) + 1)), .bool)
        case 2:
            let signed = visible { $0.sign != nil }
            guard !signed.isEmpty else { return nil }
            let parameter = random.pick(signed)
            markRead(parameter.name)
            let positive = parameter.sign! > 0
            let threshold = lit(random.pick([0.0, positive ? 0.25 : -0.25]))
            return .binary(random.pick([">", "<"]), .name(parameter.name, .double), threshold, .bool)
        case 3:
            let value = small(1)
            let squashed = builtin(random.pick(["tanh", "sin", "cos"]), value.expr)
            return .binary(random.pick(["<", ">"]), squashed, lit(random.pick([1.5, -1.5])), .bool)
        default:
            guard let lhs = condition(depth - 1), let rhs = condition(depth - 1) else { return nil }
            if random.chance(0.2) { return .unary("!", lhs) }
            return .binary(random.pick(["&&", "||"]), lhs, rhs, .bool)
        }
    }
}
