/// The Swift of complex-typed IR (``IRType/complex``, the complex-step variants that
/// ``ComplexStepRetyping`` makes): what swift-numerics' operators cannot say is a call of
/// an ADGenRuntime function, so that each real part is the `Double` code's value bit for bit.
extension SwiftTranslator {
    static let complexDouble = SwiftModel.Expression.raw(IRType.complex.description)

    /// The runtime functions for comparisons of complex values (on their real parts).
    static let complexComparisons: [IR.BinaryOp: String] = [
        .less: "csLess", .lessEqual: "csLessOrEqual", .greater: "csGreater",
        .greaterEqual: "csGreaterOrEqual", .equal: "csEqual", .notEqual: "csNotEqual",
    ]

    /// A complex constant `Complex<Double>(2.5)`, a conversion `Complex<Double>(n)`, a
    /// builtin `csSin(x)` or a quotient `csDivide(a, b)`; nil for what prints as in real code.
    static func complexSpelling(_ expression: IR.Expression) -> SwiftModel.Expression? {
        switch expression.kind {
        case .double, .int, .pi:
            var real = expression
            real.type = .double
            return .call(complexDouble, [(label: nil, value: self.expression(real))])
        case .intToDouble(let value):
            return .call(complexDouble, [(label: nil, value: self.expression(value))])
        case let .builtin(builtin, arguments) where arguments.contains(where: { $0.type == .complex }):
            return .call(.raw(builtin.complexStepName), arguments.map { (label: nil, value: self.expression($0)) })
        case let .binary(.divide, lhs, rhs):
            return .call(.raw("csDivide"), [(label: nil, value: self.expression(lhs)), (label: nil, value: self.expression(rhs))])
        default:
            return nil
        }
    }

    /// `csLess(a, b)` for `a < b` on complex values; nil for other operations.
    static func complexComparison(_ op: IR.BinaryOp, _ lhs: IR.Expression, _ rhs: IR.Expression) -> SwiftModel.Expression? {
        guard lhs.type == .complex || rhs.type == .complex, let function = complexComparisons[op] else { return nil }
        return .call(.raw(function), [(label: nil, value: expression(lhs)), (label: nil, value: expression(rhs))])
    }

    /// Whether `expression` prints as a call, so needs no parentheses as an operand.
    static func rendersAsCall(_ expression: IR.Expression) -> Bool {
        guard case let .binary(op, lhs, rhs) = expression.kind, lhs.type == .complex || rhs.type == .complex else {
            return false
        }
        return op == .divide || complexComparisons[op] != nil
    }
}
