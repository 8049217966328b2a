import Foundation

/// The builtin functions of the language, each with its derivative rule beside it.
///
/// A rule gives the partial derivatives ∂f/∂xᵢ as IR expressions of the arguments
/// `x` and the primal result `y`. Forward mode multiplies them by tangents and sums;
/// reverse mode multiplies them by the result's adjoint and accumulates. `nil` is a
/// zero partial. Adding a builtin is one case here and one line in ``rules``.
public enum Builtin: String, CaseIterable, Sendable {
    case sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh
    case exp, exp2, log, log2, log10, log1p, expm1, sqrt, cbrt, pow, hypot
    case abs, min, max, floor, ceil
    case erf, erfc, lgamma
    /// `polygamma(n, x)` = ψ⁽ⁿ⁾(x), an `Int` order `n` and a `Double` `x`: the derivatives
    /// of `lgamma` (ψ is digamma). Internal: programs cannot call it (``init(callee:)``);
    /// generated code calls a helper it carries (``swiftName``, `adgen_polygamma` in C).
    case polygamma

    /// The builtin a program calls by `name`; nil for other names and internal builtins.
    public init?(callee name: String) {
        guard let builtin = Builtin(rawValue: name), !builtin.isInternal else { return nil }
        self = builtin
    }

    /// Written only by adgen's own rules, never by a program.
    public var isInternal: Bool { self == .polygamma }

    /// The function generated Swift calls: Foundation's, or the helper the file carries.
    public var swiftName: String { self == .polygamma ? "adgenPolygamma" : rawValue }

    /// The ADGenRuntime function complex-step code calls: `cs` + the name with its first
    /// letter upper-cased (`log1p` → `csLog1p`, `polygamma` → `csPolygamma`).
    public var complexStepName: String { "cs" + rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public var arity: Int {
        switch self {
        case .atan2, .pow, .hypot, .min, .max, .polygamma: return 2
        default: return 1
        }
    }

    /// Costs about as much as arithmetic (a compare or a rounding): reverse mode
    /// recomputes these rather than storing them (Docs/ReverseMode.md).
    public var isCheap: Bool { [.abs, .min, .max, .floor, .ceil].contains(self) }

    /// `abs`, `min` and `max` are generic in Swift and also act on `Int`.
    public var acceptsInt: Bool { self == .abs || self == .min || self == .max }

    /// Rules are functions of the argument expressions `x` and the result `y`
    /// (both atomic: variables or literals, so repeating them costs nothing).
    public typealias Rule = @Sendable (_ x: [IR.Expression], _ y: IR.Expression) -> [IR.Expression?]

    public var partials: Rule { derivativeRules[self]! }

    /// The arguments whose partial is not finite on part of the builtin's domain, so that
    /// forward mode adds its term only where that argument's tangent is nonzero: `pow`'s
    /// exponent (`y · log(x)`, NaN for a negative base), so that `fJVP` of `pow(x, p)` with
    /// no tangent on `p` is finite for every `x`.
    public var partialsNeedingATangent: Set<Int> { self == .pow ? [1] : [] }
}

private let ln2 = lit(M_LN2)
private let ln10 = lit(M_LN10)
private let twoOverSqrtPi = lit(M_2_SQRTPI)

/// The derivative-rule table (see ``Builtin``): one line per builtin.
private let derivativeRules: [Builtin: Builtin.Rule] = [
        .sin: { x, _ in [cos(x[0])] },
        .cos: { x, _ in [-sin(x[0])] },
        .tan: { _, y in [lit(1) + y * y] },
        .asin: { x, _ in [lit(1) / sqrt(lit(1) - x[0] * x[0])] },
        .acos: { x, _ in [-(lit(1) / sqrt(lit(1) - x[0] * x[0]))] },
        .atan: { x, _ in [lit(1) / (lit(1) + x[0] * x[0])] },
        .atan2: { x, _ in  // atan2(y: x[0], x: x[1])
            let r2 = x[1] * x[1] + x[0] * x[0]
            return [x[1] / r2, -x[0] / r2]
        },
        .sinh: { x, _ in [cosh(x[0])] },
        .cosh: { x, _ in [sinh(x[0])] },
        .tanh: { _, y in [lit(1) - y * y] },
        .exp: { _, y in [y] },
        .exp2: { _, y in [y * ln2] },
        .log: { x, _ in [lit(1) / x[0]] },
        .log2: { x, _ in [lit(1) / (x[0] * ln2)] },
        .log10: { x, _ in [lit(1) / (x[0] * ln10)] },
        .log1p: { x, _ in [lit(1) / (lit(1) + x[0])] },
        .expm1: { _, y in [y + lit(1)] },
        .sqrt: { _, y in [lit(0.5) / y] },
        .cbrt: { _, y in [lit(1) / (lit(3) * y * y)] },
        // Like peers (JAX): ∂/∂x of x⁰ is 0 even at x = 0, and ∂/∂p of 0ᵖ is 0.
        .pow: { x, y in [powerRule(x[0], x[1]), .ternary(x[0] == lit(0), lit(0), y * log(x[0]))] },
        .hypot: { x, y in [x[0] / y, x[1] / y] },
        // Piecewise, as Swift evaluates them: abs(0) takes the + branch,
        // min(a, b) returns a when a <= b, max(a, b) returns b when b >= a.
        .abs: { x, _ in [.ternary(x[0] < lit(0), lit(-1), lit(1))] },
        .min: { x, _ in [.ternary(x[1] < x[0], lit(0), lit(1)), .ternary(x[1] < x[0], lit(1), lit(0))] },
        .max: { x, _ in [.ternary(x[1] >= x[0], lit(0), lit(1)), .ternary(x[1] >= x[0], lit(1), lit(0))] },
        .floor: { _, _ in [nil] },
        .ceil: { _, _ in [nil] },
        .erf: { x, _ in [twoOverSqrtPi * exp(-(x[0] * x[0]))] },
        .erfc: { x, _ in [-(twoOverSqrtPi * exp(-(x[0] * x[0])))] },
        .lgamma: { x, _ in [polygamma(.int(0), x[0])] },  // d/dx ln|Γ(x)| = ψ(x), also for x < 0
        .polygamma: { x, _ in [nil, polygamma(order(plusOne: x[0]), x[1])] },
]

/// `n + 1` for the order of ψ⁽ⁿ⁺¹⁾, folded when `n` is a literal (it always is in
/// the rules above, which start at `0`).
private func order(plusOne n: IR.Expression) -> IR.Expression {
    if case .int(let value, _) = n.kind { return .int(value + 1) }
    return IR.Expression.binary(.add, n, .int(1))
}

/// ∂xᵖ/∂x = p xᵖ⁻¹, and 0 for p = 0 (not 0 · x⁻¹, which is NaN at x = 0: the term
/// `c[k] * pow(x, Double(k))` of a polynomial); for a literal exponent without a `pow`
/// call where it is exact: x² → 2x, x¹ → 1 (`pow(x, 1)` is x and `pow(x, 2)` is x·x
/// correctly rounded).
private func powerRule(_ base: IR.Expression, _ exponent: IR.Expression) -> IR.Expression? {
    guard let p = exponent.literalValue else {
        return .ternary(exponent == lit(0), lit(0), exponent * pow(base, exponent - lit(1)))
    }
    switch p {
    case 0: return nil
    case 1: return lit(1)
    case 2: return lit(2) * base
    case 3: return lit(3) * (base * base)
    default: return lit(p) * pow(base, lit(p - 1))
    }
}
