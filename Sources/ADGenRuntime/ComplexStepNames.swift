/// The naming scheme of the complex-step functions that adgen emits.
///
/// Rule: a DSL builtin `name` becomes the free function `cs` + `name` with its first
/// letter upper-cased; operators that need one get a descriptive name with the same
/// prefix. Every function takes and returns `Complex<Double>` (binary ones accept
/// `some ComplexStepOperand` on each side, so `Double` and `Int` constants mix in).
///
/// | DSL | runtime | | DSL | runtime |
/// |---|---|---|---|---|
/// | `sin` | ``csSin(_:)`` | | `log` | ``csLog(_:)`` |
/// | `cos` | ``csCos(_:)`` | | `log2` | ``csLog2(_:)`` |
/// | `tan` | ``csTan(_:)`` | | `log10` | ``csLog10(_:)`` |
/// | `asin` | ``csAsin(_:)`` | | `log1p` | ``csLog1p(_:)`` |
/// | `acos` | ``csAcos(_:)`` | | `expm1` | ``csExpm1(_:)`` |
/// | `atan` | ``csAtan(_:)`` | | `sqrt` | ``csSqrt(_:)`` |
/// | `atan2` | ``csAtan2(_:_:)`` | | `cbrt` | ``csCbrt(_:)`` |
/// | `sinh` | ``csSinh(_:)`` | | `pow` | ``csPow(_:_:)`` |
/// | `cosh` | ``csCosh(_:)`` | | `hypot` | ``csHypot(_:_:)`` |
/// | `tanh` | ``csTanh(_:)`` | | `abs` | ``csAbs(_:)`` |
/// | `exp` | ``csExp(_:)`` | | `min` | ``csMin(_:_:)`` |
/// | `exp2` | ``csExp2(_:)`` | | `max` | ``csMax(_:_:)`` |
/// | `floor` | ``csFloor(_:)`` | | `ceil` | ``csCeil(_:)`` |
/// | `erf` | ``csErf(_:)`` | | `erfc` | ``csErfc(_:)`` |
/// | `lgamma` | ``csLgamma(_:)`` | | `polygamma` (internal) | ``csPolygamma(_:_:)`` |
/// | `<` | ``csLess(_:_:)`` | | `<=` | ``csLessOrEqual(_:_:)`` |
/// | `>` | ``csGreater(_:_:)`` | | `>=` | ``csGreaterOrEqual(_:_:)`` |
/// | `==` | ``csEqual(_:_:)`` | | `!=` | ``csNotEqual(_:_:)`` |
/// | `*` (exact real part) | ``csMultiply(_:_:)`` | | `/` (exact real part) | ``csDivide(_:_:)`` |
///
/// `+`, `-` and unary `-` are swift-numerics' own; `*` and `/` may be too (see
/// ``csDivide(_:_:)`` for the last-bit difference). A `Double` constant in arithmetic
/// is written `Complex<Double>(c)`, since `Complex` has no float-literal conformance.
public enum ComplexStepNames {
    /// Every builtin, in the order of ADGenCore's `Builtin.allCases` (a test compares
    /// them), with its runtime function name; `polygamma` is the internal one that
    /// derivative code of `lgamma` calls.
    public static let builtins: [(builtin: String, function: String)] = [
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh",
        "exp", "exp2", "log", "log2", "log10", "log1p", "expm1", "sqrt", "cbrt", "pow",
        "hypot", "abs", "min", "max", "floor", "ceil", "erf", "erfc", "lgamma", "polygamma",
    ].map { ($0, functionName(forBuiltin: $0)) }

    /// Every comparison operator with its runtime function name.
    public static let comparisons: [(operator: String, function: String)] = [
        ("<", "csLess"), ("<=", "csLessOrEqual"), (">", "csGreater"),
        (">=", "csGreaterOrEqual"), ("==", "csEqual"), ("!=", "csNotEqual"),
    ]

    /// The runtime function for a builtin: `cs` + the name with its first letter
    /// upper-cased. For example: `functionName(forBuiltin: "log1p")` is `"csLog1p"`.
    public static func functionName(forBuiltin builtin: String) -> String {
        "cs" + builtin.prefix(1).uppercased() + builtin.dropFirst()
    }
}
