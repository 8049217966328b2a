extension PointSpec.Value: CustomStringConvertible {
    /// The value in directive syntax: `3`, `rand(0.2...0.8)`, `rand(4, -1...1)`.
    public var description: String {
        switch self {
        case .literal(let literal): return literal.spelling
        case let .random(nil, low, high): return "rand(\(low)...\(high))"
        case let .random(count?, low, high): return "rand(\(count), \(low)...\(high))"
        }
    }
}

extension PointSpec: CustomStringConvertible {
    /// The spec in directive syntax: `f(x: rand(0.2...0.8), n: 3)`.
    public var description: String {
        let arguments = self.arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.description }
        return "\(function)(\(arguments.joined(separator: ", ")))"
    }
}
