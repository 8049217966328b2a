/// Small constructors for IR expressions, so derivative rules and transforms read
/// like the math they implement: `lit(1) / sqrt(lit(1) - x * x)`.
extension IR.Expression {
    public static func lit(_ value: Double) -> IR.Expression {
        IR.Expression(.double(value, spelling: Self.spell(value)), .double)
    }

    public static func int(_ value: Int) -> IR.Expression {
        IR.Expression(.int(value, spelling: String(value)), .int)
    }

    public static func variable(_ name: String, _ type: IRType) -> IR.Expression {
        IR.Expression(.variable(name), type)
    }

    public static func element(_ array: String, _ index: IR.Expression, _ type: IRType = .double) -> IR.Expression {
        IR.Expression(.element(array: array, index: index), type)
    }

    public static func call(_ builtin: Builtin, _ arguments: IR.Expression...) -> IR.Expression {
        IR.Expression(.builtin(builtin, arguments), .double)
    }

    /// The initial value of a variable declared before its first real assignment:
    /// zero, `false`, or an empty array.
    public static func placeholder(_ type: IRType) -> IR.Expression {
        switch type {
        case .double: return .lit(0)
        case .int: return .int(0)
        case .bool: return IR.Expression(.bool(false), .bool)
        case .tape: return IR.Expression(.newTape, type)
        default: return IR.Expression(.repeating(value: placeholder(type.element!), count: .int(0)), type)
        }
    }

    /// Swift spelling of a Double constant that always reads as a Double (`2.0`, not `2`).
    public static func spell(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return "\(value)"
    }

    public var literalValue: Double? {
        switch kind {
        case .double(let value, _): return value
        case .int(let value, _) where type == .double: return Double(value)
        default: return nil
        }
    }

    public var isZero: Bool { literalValue == 0 }
    public var isOne: Bool { literalValue == 1 }

    /// The name read when the expression is a lone variable.
    public var variableName: String? {
        if case .variable(let name) = kind { return name }
        return nil
    }

    /// Names and literals are cheap enough to repeat in generated code.
    public var isAtomic: Bool {
        switch kind {
        case .double, .int, .bool, .variable, .pi, .count, .newTape: return true
        case .element(_, let index): return index.isAtomic
        default: return false
        }
    }

    /// The same variable, or the same element with the same atomic index.
    public func isSameAtom(as other: IR.Expression) -> Bool {
        switch (kind, other.kind) {
        case let (.variable(a), .variable(b)): return a == b
        case let (.element(a, i), .element(b, j)): return a == b && i.isSameAtom(as: j)
        case let (.int(a, _), .int(b, _)): return a == b
        default: return false
        }
    }

    /// Structural equality of pure expressions (same tree, same names and literals).
    public func isStructurallyEqual(to other: IR.Expression) -> Bool {
        switch (kind, other.kind) {
        case let (.int(a, _), .int(b, _)): return a == b
        case let (.double(a, _), .double(b, _)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.variable(a), .variable(b)): return a == b
        case (.pi, .pi): return true
        case let (.count(a), .count(b)): return a == b
        case let (.element(a, i), .element(b, j)): return a == b && i.isStructurallyEqual(to: j)
        case let (.unary(o1, a), .unary(o2, b)): return o1 == o2 && a.isStructurallyEqual(to: b)
        case let (.binary(o1, a1, b1), .binary(o2, a2, b2)):
            return o1 == o2 && a1.isStructurallyEqual(to: a2) && b1.isStructurallyEqual(to: b2)
        case let (.intToDouble(a), .intToDouble(b)): return a.isStructurallyEqual(to: b)
        case let (.builtin(f, a), .builtin(g, b)):
            return f == g && a.count == b.count && zip(a, b).allSatisfy { $0.isStructurallyEqual(to: $1) }
        default: return false
        }
    }

    public static func binary(_ op: IR.BinaryOp, _ lhs: IR.Expression, _ rhs: IR.Expression) -> IR.Expression {
        let type: IRType = op.isComparison || op.isLogical ? .bool : lhs.type
        return IR.Expression(.binary(op, lhs, rhs), type)
    }

    /// `lhs + rhs`, folding zeros so derivative code carries no `+ 0.0`.
    public static func + (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression {
        if lhs.isZero, lhs.type == rhs.type { return rhs }
        if rhs.isZero { return lhs }
        return binary(.add, lhs, rhs)
    }

    public static func - (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression {
        if rhs.isZero { return lhs }
        if lhs.isZero, lhs.type == .double { return -rhs }
        return binary(.subtract, lhs, rhs)
    }

    /// `lhs * rhs`, folding ones and signs; zeros are folded by the caller, which knows
    /// whether a NaN or infinity must propagate.
    public static func * (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression {
        if lhs.isOne { return rhs }
        if rhs.isOne { return lhs }
        if lhs.literalValue == -1 { return -rhs }
        if rhs.literalValue == -1 { return -lhs }
        return binary(.multiply, lhs, rhs)
    }

    public static func / (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression {
        if rhs.isOne { return lhs }
        return binary(.divide, lhs, rhs)
    }

    public static prefix func - (operand: IR.Expression) -> IR.Expression {
        if case .unary(.negate, let inner) = operand.kind { return inner }
        // -((-a) / b) = a / b and -((-a) * b) = a * b exactly.
        if case let .binary(op, lhs, rhs) = operand.kind, op == .multiply || op == .divide,
           case .unary(.negate, let inner) = lhs.kind {
            return binary(op, inner, rhs)
        }
        if let value = operand.literalValue, case .double = operand.kind { return lit(-value) }
        return IR.Expression(.unary(.negate, operand), operand.type)
    }

    public static func < (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression { binary(.less, lhs, rhs) }
    public static func <= (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression { binary(.lessEqual, lhs, rhs) }
    public static func >= (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression { binary(.greaterEqual, lhs, rhs) }
    public static func == (lhs: IR.Expression, rhs: IR.Expression) -> IR.Expression { binary(.equal, lhs, rhs) }

    public static func ternary(_ condition: IR.Expression, _ then: IR.Expression, _ otherwise: IR.Expression) -> IR.Expression {
        IR.Expression(.ternary(condition: condition, then: then, else: otherwise), then.type)
    }
}

/// Free-function spellings used by the rule table.
func lit(_ value: Double) -> IR.Expression { .lit(value) }
func sin(_ x: IR.Expression) -> IR.Expression { .call(.sin, x) }
func cos(_ x: IR.Expression) -> IR.Expression { .call(.cos, x) }
func sinh(_ x: IR.Expression) -> IR.Expression { .call(.sinh, x) }
func cosh(_ x: IR.Expression) -> IR.Expression { .call(.cosh, x) }
func sqrt(_ x: IR.Expression) -> IR.Expression { .call(.sqrt, x) }
func log(_ x: IR.Expression) -> IR.Expression { .call(.log, x) }
func exp(_ x: IR.Expression) -> IR.Expression { .call(.exp, x) }
func polygamma(_ n: IR.Expression, _ x: IR.Expression) -> IR.Expression { .call(.polygamma, n, x) }
func pow(_ x: IR.Expression, _ y: IR.Expression) -> IR.Expression { .call(.pow, x, y) }
