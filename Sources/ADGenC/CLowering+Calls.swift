import ADGenCore

extension CLowering {
    /// `<math.h>` functions and the builtin each one is: every builtin a program may call
    /// under its own name, but `fabs`, `fmin`, `fmax` for `abs`, `min`, `max`.
    static let mathFunctions: [String: String] = Dictionary(uniqueKeysWithValues: Builtin.allCases
        .filter { !$0.isInternal }
        .map { builtin in
            let renamed: [Builtin: String] = [.abs: "fabs", .min: "fmin", .max: "fmax"]
            return (renamed[builtin] ?? builtin.rawValue, builtin.rawValue)
        })

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
