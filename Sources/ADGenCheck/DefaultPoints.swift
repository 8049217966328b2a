import ADGenCore

/// The points `adgen check` uses for a function without `// check:` lines or `--point`.
///
/// `Double` parameters are `rand(0.2...0.8)` (inside the domains of `log`, `sqrt`, `asin`
/// and `acos`); `[Double]` parameters get `length` such values; `Int` parameters are
/// `size`; `[Int]` parameters are `[0, 1, …, length − 1]`; `Bool` parameters are `false`.
/// Sizes are tried in order — `(size, length)` = (3, 3), (3, 9), (2, 4), (4, 16), so
/// vectors of `n` and `n × n` matrices both fit — moving on when the program traps
/// (say, an index out of range) or no draw gives a finite value.
public enum DefaultPoints {
    public static let low = "0.2"
    public static let high = "0.8"
    public static let sizes: [(size: Int, length: Int)] = [(3, 3), (3, 9), (2, 4), (4, 16)]

    /// The candidate specs, most likely first, without duplicates.
    public static func candidates(for function: IR.Function) -> [PointSpec] {
        var specs: [PointSpec] = []
        for (size, length) in sizes {
            let spec = PointSpec(line: 0, function: function.name, arguments: function.parameters.map {
                PointSpec.Argument(label: $0.label, value: value(for: $0.type, size: size, length: length))
            })
            if !specs.contains(spec) { specs.append(spec) }
        }
        return specs
    }

    static func value(for type: IRType, size: Int, length: Int) -> PointSpec.Value {
        switch type {
        case .double: return .random(count: nil, low: low, high: high)
        case .doubleArray: return .random(count: length, low: low, high: high)
        case .int: return .literal(.number(String(size)))
        case .intArray: return .literal(.array((0..<length).map(String.init)))
        case .bool, .boolArray, .tape: return .literal(.bool(false))
        }
    }
}
