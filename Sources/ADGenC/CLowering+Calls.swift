import ADGenCore

extension CLowering {
    /// `<math.h>` functions and the builtin each one is (contract, section 4).
    static let mathFunctions: [String: String] = [
        "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos", "atan": "atan", "atan2": "atan2",
        "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "exp": "exp", "exp2": "exp2", "log": "log", "log2": "log2",
        "log10": "log10", "log1p": "log1p", "expm1": "expm1", "sqrt": "sqrt", "cbrt": "cbrt", "pow": "pow",
        "hypot": "hypot", "fabs": "abs", "fmin": "min", "fmax": "max", "floor": "floor", "ceil": "ceil",
    ]

    /// A call of a function of the file (arguments labelled with its parameter names) or of `<math.h>`.
    mutating func call(_ cursor: Cursor) -> Syntax.Expression {
        let name = cursor.spelling
        let arguments = Array(cursor.children.dropFirst())
        if signatures[name] == nil, Self.mathFunctions[name] == nil {
            if Self.mathFunctions[String(name.dropLast())] != nil, name.hasSuffix("f") || name.hasSuffix("l") {
                return invalid("'\(name)'; use the double version '\(name.dropLast())'", at: cursor)
            }
            return invalid("calling '\(name)'; calls are of functions defined in this file or of <math.h>'s \(Self.mathFunctions.keys.sorted().joined(separator: ", "))",
                           at: cursor)
        }
        let values = arguments.map { value($0) }
        if let parameterNames = signatures[name] {
            guard parameterNames.count == values.count else {
                return invalid("calling '\(name)' with \(values.count) arguments", at: cursor)
            }
            let labelled = zip(parameterNames, values).map { Syntax.Argument(label: $0.0, value: $0.1) }
            return node(.call(name: name, arguments: labelled), at: cursor, values)
        }
        let builtin = Self.mathFunctions[name] ?? name
        return node(.call(name: builtin, arguments: values.map { Syntax.Argument(label: nil, value: $0) }), at: cursor, values)
    }
}
