/// Whether two index expressions can denote the same element, for the few shapes that
/// are easy to decide: `v + c`, `v - c`, `v` and literals.
///
/// For example: `i - 1` and `i` never alias; `i` and `j` may.
enum IndexAliasing {
    /// An index as `variable + offset` (`variable` nil for a literal).
    private static func affine(_ index: IR.Expression) -> (variable: String?, offset: Int)? {
        switch index.kind {
        case .int(let value, _): return (nil, value)
        case .variable(let name): return (name, 0)
        case let .binary(op, lhs, rhs) where op == .add || op == .subtract:
            guard case .int(let value, _) = rhs.kind, let base = affine(lhs) else { return nil }
            return (base.variable, op == .add ? base.offset + value : base.offset - value)
        default: return nil
        }
    }

    static func provablyDistinct(_ a: IR.Expression, _ b: IR.Expression) -> Bool {
        guard let x = affine(a), let y = affine(b) else { return false }
        return x.variable == y.variable && x.offset != y.offset
    }

    /// Whether `expression` reads an element of `array` that may be `array[index]`, or
    /// the whole array.
    static func mayRead(_ expression: IR.Expression, elementOf array: String, at index: IR.Expression) -> Bool {
        expression.contains { subexpression in
            switch subexpression.kind {
            case .variable(let name), .count(let name): return name == array
            case let .element(name, other): return name == array && !provablyDistinct(index, other)
            default: return false
            }
        }
    }
}
