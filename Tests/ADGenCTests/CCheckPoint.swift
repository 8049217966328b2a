import ADGenCore
import Foundation

/// One `// check: NAME(args)` line of a C fixture, with its arguments drawn: positional,
/// `rand` (a double in [-1, 1]), `rand(LO...HI)`, `rand(K)` / `rand(K, LO...HI)` (an array), an
/// integer (an `int`) or a decimal (a `double`).
struct CCheckPoint {
    enum Value {
        case double(Double)
        case int(Int)
        case array([Double])

        var isActive: Bool {
            if case .int = self { return false }
            return true
        }
    }

    var function: String
    var arguments: [Value]
    /// A direction for each active argument (same shape).
    var direction: [Value]

    static func points(in text: String, random: inout SplitMix) -> [CCheckPoint] {
        text.split(separator: "\n").compactMap { line -> CCheckPoint? in
            guard line.hasPrefix("// check: "), let open = line.firstIndex(of: "("), line.hasSuffix(")") else { return nil }
            let name = String(line[line.index(line.startIndex, offsetBy: 10)..<open])
            let inner = line[line.index(after: open)..<line.index(before: line.endIndex)]
            let arguments = splitArguments(String(inner)).map { value(of: $0, random: &random) }
            let direction = arguments.filter(\.isActive).map { argument -> Value in
                if case .array(let values) = argument { return .array(values.map { _ in random.next(in: -1...1) }) }
                return .double(random.next(in: -1...1))
            }
            return CCheckPoint(function: name, arguments: arguments, direction: direction)
        }
    }

    /// Splits at commas outside parentheses.
    static func splitArguments(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts.filter { !$0.isEmpty }
    }

    static func value(of text: String, random: inout SplitMix) -> Value {
        if let integer = Int(text) { return .int(integer) }
        if let real = Double(text) { return .double(real) }
        guard text.hasPrefix("rand") else { return .double(0) }
        var range = -1.0...1.0
        var count: Int?
        if text.hasPrefix("rand("), text.hasSuffix(")") {
            for part in text.dropFirst(5).dropLast().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if let k = Int(part) {
                    count = k
                } else {
                    let bounds = part.components(separatedBy: "...").compactMap(Double.init)
                    if bounds.count == 2 { range = bounds[0]...bounds[1] }
                }
            }
        }
        guard let count else { return .double(random.next(in: range)) }
        return .array((0..<count).map { _ in random.next(in: range) })
    }
}

/// A small seeded generator, so every run checks the same points.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Multiples of 2^-20, so every value prints exactly in C and Swift.
    mutating func next(in range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 44) / Double(1 << 20)
        return range.lowerBound + (range.upperBound - range.lowerBound) * unit
    }
}
