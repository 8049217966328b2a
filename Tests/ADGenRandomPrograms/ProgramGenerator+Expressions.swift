import ADGenCheckSupport

typealias Expr = RandomProgram.Expr

/// A generated `Double` expression with an upper bound on its magnitude.
struct Bounded {
    var expr: Expr
    var bound: Double
}

extension SplitMix64 {
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

func lit(_ value: Double) -> Expr { .literal(String(value), .double) }
func int(_ value: Int) -> Expr { .literal(String(value), .int) }
func binary(_ op: String, _ lhs: Expr, _ rhs: Expr) -> Expr { .binary(op, lhs, rhs, lhs.type) }
func builtin(_ name: String, _ arguments: Expr...) -> Expr {
    .call(name, arguments.map { .init(nil, $0) }, arguments.first?.type ?? .double)
}

extension ProgramGenerator {
    static let literals: [Double] = [0.5, 0.25, 1.5, 2.0, 0.75, 0.1, 3.0, 1.25]

    /// A `Double` expression of at most `depth` levels.
    mutating func double(_ depth: Int) -> Bounded {
        if depth <= 0 || random.chance(0.25) { return atom() }
        switch random.below(11) {
        case 0, 1:
            let a = double(depth - 1), b = double(depth - 1)
            let op = random.pick(["+", "-"])
            return capped(Bounded(expr: binary(op, a.expr, b.expr), bound: a.bound + b.bound))
        case 2, 3:
            let a = double(depth - 1), b = double(depth - 1)
            return capped(Bounded(expr: binary("*", a.expr, b.expr), bound: a.bound * b.bound))
        case 4:
            let a = double(depth - 1), b = small(depth - 1)
            return Bounded(expr: binary("/", a.expr, binary("+", lit(2.0), builtin("sin", b.expr))), bound: a.bound)
        case 5, 6: return builtinCall(depth - 1)
        case 7: return piecewise(depth - 1)
        case 8:
            guard let condition = condition(1) else { return atom() }
            let a = double(depth - 1), b = double(depth - 1)
            return Bounded(expr: .ternary(condition, a.expr, b.expr), bound: max(a.bound, b.bound))
        case 9:
            if let call = helperCall(depth - 1) { return call }
            return atom()
        default:
            let a = double(depth - 1)
            return Bounded(expr: .unary("-", a.expr), bound: a.bound)
        }
    }

    /// An expression with magnitude at most about 3: an atom of that size, or a squashed one.
    mutating func small(_ depth: Int) -> Bounded {
        let value = double(depth)
        if value.bound <= 3 { return value }
        return Bounded(expr: builtin(random.pick(["tanh", "atan"]), value.expr), bound: 1.6)
    }

    /// Wraps values that might grow past 1e3 in `tanh`.
    mutating func capped(_ value: Bounded) -> Bounded {
        value.bound <= 1e3 ? value : Bounded(expr: builtin("tanh", value.expr), bound: 1)
    }

    mutating func atom() -> Bounded {
        let doubles = visible { $0.type == .double }
        let arrays = visible { $0.type == .doubleArray }
        var choice = random.below(6)
        if doubles.isEmpty && (1...3).contains(choice) { choice = 0 }
        if arrays.isEmpty && choice == 4 { choice = 0 }
        switch choice {
        case 0:
            let value = random.pick(Self.literals)
            return Bounded(expr: lit(value), bound: value)
        case 1, 2, 3:
            let local = random.pick(doubles)
            markRead(local.name)
            return Bounded(expr: .name(local.name, .double), bound: local.bound)
        case 4:
            let array = random.pick(arrays)
            markRead(array.name)
            return Bounded(expr: .index(array.name, index(), .double), bound: array.bound)
        case 5:
            if let (value, magnitude) = nonNegativeInt() {
                return Bounded(expr: binary("*", lit(0.25), .toDouble(value)), bound: 0.25 * Double(magnitude))
            }
            return Bounded(expr: lit(0.5), bound: 0.5)
        default:
            if !doubles.isEmpty {
                let local = random.pick(doubles)
                markRead(local.name)
                return Bounded(expr: .name(local.name, .double), bound: local.bound)
            }
            return Bounded(expr: lit(1.5), bound: 1.5)
        }
    }
}
