import ADGenCore

/// The points `adgen check` uses for a function without `// check:` lines or `--point`.
///
/// `Double` parameters are `rand(0.2...0.8)` (inside the domains of `log`, `sqrt`, `asin`
/// and `acos`). The sizes of the others are chosen at run time: `[Double]` parameters
/// are arrays of such values, `[Int]` parameters `[0, 1, …, length − 1]`, `Int`
/// parameters a size. The program is compiled once and the size candidates of
/// ``sizeCandidates(for:fixed:)`` are tried in order, moving on when the program traps
/// (an index out of range, say) or no draw gives a finite value; so vectors, `n × n`
/// matrices and matrices whose shape comes from other arrays all find a fit.
public enum DefaultPoints {
    public static let low = "0.2"
    public static let high = "0.8"

    /// Whether the parameter's value is a size chosen at run time.
    static func isSized(_ type: IRType) -> Bool {
        type == .int || type == .doubleArray || type == .intArray
    }

    /// Per candidate, one number per parameter (length of an array, value of an `Int`;
    /// 0 for the others), most likely first, without duplicates:
    ///
    /// 1. `Int`s 3, arrays 3;
    /// 2. one array of 9, the others 3 (each array in turn), then the arrays whose names
    ///    start with an upper-case letter (`W`, `A`) of 9, then each pair of arrays of 9;
    /// 3. all arrays 9; `Int`s 2 with arrays 4; `Int`s 4 with arrays 16;
    /// 4. all arrays 9 but one of 81 (each in turn); `Int`s 1, then 0, with arrays 3.
    ///
    /// Parameters in `fixed` (given by `--param`) keep their value.
    public static func sizeCandidates(for function: IR.Function, fixed: Set<Int> = []) -> [[Int]] {
        let parameters = function.parameters
        let arrays = parameters.indices.filter { !fixed.contains($0) && parameters[$0].type.isArray }
        let ints = Set(parameters.indices.filter { !fixed.contains($0) && parameters[$0].type == .int })
        func make(_ int: Int, _ base: Int, long: Set<Int> = [], _ longLength: Int = 9) -> [Int] {
            parameters.indices.map { ints.contains($0) ? int : arrays.contains($0) ? (long.contains($0) ? longLength : base) : 0 }
        }
        var candidates = [make(3, 3)]
        candidates += arrays.map { make(3, 3, long: [$0]) }
        let upper = arrays.filter { parameters[$0].name.first?.isUppercase ?? false }
        if !upper.isEmpty { candidates.append(make(3, 3, long: Set(upper))) }
        if arrays.count <= 6 {
            for (i, a) in arrays.enumerated() {
                for b in arrays[(i + 1)...] { candidates.append(make(3, 3, long: [a, b])) }
            }
        }
        candidates += [make(3, 9), make(2, 4), make(4, 16)]
        candidates += arrays.map { make(3, 9, long: [$0], 81) }
        candidates += [make(1, 3), make(0, 3)]
        var unique: [[Int]] = []
        for candidate in candidates where !unique.contains(candidate) { unique.append(candidate) }
        return unique
    }

    /// The default spec with the given sizes, as a spec (to show which point was used).
    public static func spec(for function: IR.Function, sizes: [Int]) -> PointSpec {
        PointSpec(line: 0, function: function.name, arguments: function.parameters.enumerated().map {
            PointSpec.Argument(label: $1.label, value: value(for: $1.type, size: sizes[$0]))
        })
    }

    static func value(for type: IRType, size: Int) -> PointSpec.Value {
        switch type {
        case .double, .complex: return .random(count: nil, low: low, high: high)
        case .doubleArray, .lanes, .complexArray: return .random(count: size, low: low, high: high)
        case .int: return .literal(.number(String(size)))
        case .intArray: return .literal(.array((0..<size).map(String.init)))
        case .bool, .boolArray, .tape: return .literal(.bool(false))
        }
    }
}
