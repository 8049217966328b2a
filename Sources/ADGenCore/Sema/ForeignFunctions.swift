/// Functions of Foundation and `<math.h>` that are not adgen builtins, with what to write
/// instead: a program translated from C or C++ reaches for them first (`fabs`, `fmax`,
/// `fma`), and "cannot find function" would read like a typo.
enum ForeignFunctions {
    static let hints: [String: String] = [
        "fabs": "use 'abs'",
        "fmax": "use 'max'",
        "fmin": "use 'min'",
        "fma": "write 'a * b + c'",
        "powf": "use 'pow' on Double",
        "sqrtf": "use 'sqrt' on Double",
        "asinh": "write 'log(x + sqrt(x * x + 1))'",
        "acosh": "write 'log(x + sqrt(x * x - 1))'",
        "atanh": "write '0.5 * log((1 + x) / (1 - x))'",
        "tgamma": "write 'exp(lgamma(x))' for x > 0",
        "exp10": "write 'pow(10, x)'",
        "trunc": "use 'floor' or 'ceil' (each has derivative zero)",
        "round": "use 'floor' or 'ceil' (each has derivative zero)",
        "rint": "use 'floor' or 'ceil' (each has derivative zero)",
        "nearbyint": "use 'floor' or 'ceil' (each has derivative zero)",
        "fmod": "adgen has no remainder of Doubles ('%' is for Int)",
        "remainder": "adgen has no remainder of Doubles ('%' is for Int)",
        "copysign": "write 'y < 0 ? -abs(x) : abs(x)'",
        "square": "write 'x * x'",
    ]

    /// Constants of `<math.h>` with their Swift spelling.
    static let constants: [String: String] = ["M_PI": "Double.pi"]
}
