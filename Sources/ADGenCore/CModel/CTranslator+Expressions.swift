extension CTranslator {
    /// C precedence, larger binds tighter (unary and postfix forms are 7 and up).
    static func precedence(_ op: IR.BinaryOp) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual: return 3
        case .less, .lessEqual, .greater, .greaterEqual: return 4
        case .add, .subtract, .wrappingAdd: return 5
        case .multiply, .divide, .remainder: return 6
        }
    }

    static func precedence(of expression: IR.Expression) -> Int {
        switch expression.kind {
        case .binary(let op, _, _): return precedence(op)
        case .ternary: return 0
        case .unary: return 7
        case .double(let value, _): return value < 0 ? 7 : 9
        case .int(let value, _): return value < 0 ? 7 : 9
        default: return 9
        }
    }

    /// An operand of an operator of precedence `level`, parenthesized when it binds looser.
    mutating func operand(_ expression: IR.Expression, _ level: Int, right: Bool = false) -> CModel.Expression {
        let inner = self.expression(expression)
        let own = Self.precedence(of: expression)
        // Comparisons and `&&` inside `||` get parentheses too: gcc's -Wparentheses asks for them.
        let clear = own > level || (own == level && !right && level >= 5)
        return clear ? inner : .parenthesized(inner)
    }

    mutating func expression(_ expression: IR.Expression) -> CModel.Expression {
        switch expression.kind {
        case let .double(value, spelling): return .literal(Self.doubleLiteral(value, spelling: spelling))
        case let .int(value, spelling):
            let text = spelling.replacingOccurrences(of: "_", with: "")
            return .literal(Int(text) == value ? text : String(value))
        case .bool(let value): return .literal(value ? "1" : "0")
        case .variable(let name): return .name(cName(name))
        case .pi: return .literal("3.141592653589793")
        case let .element(array, index): return .subscriptAccess(.name(cName(array)), self.expression(index))
        case .count(let array):
            guard let length = counts[array] else {
                problem("C output cannot know the length of '\(array)'; only the caller does")
                return .literal("0")
            }
            return length
        case let .unary(op, operand):
            return .prefix(op.rawValue, self.operand(operand, 8))
        case let .binary(op, lhs, rhs):
            let level = Self.precedence(op)
            let spelling = op == .wrappingAdd ? "+" : op.rawValue
            return .infix(operand(lhs, level), spelling, operand(rhs, level, right: true))
        case let .ternary(condition, then, otherwise):
            return .ternary(operand(condition, 1), operand(then, 1), operand(otherwise, 0))
        case let .builtin(builtin, arguments):
            return .call(builtinName(builtin, arguments: arguments), arguments.map { self.expression($0) })
        case .call(let call):
            if (functions[call.function]?.results.count ?? 1) > 1 { problem("C output: a call of '\(call.function)' inside an expression") }
            return .call(functionName(call.function), arguments(call))
        case .intToDouble(let value):
            return .cast("double", operand(value, 8))
        case .repeating, .newTape:
            problem("C output cannot place this array expression")
            return .literal("0")
        }
    }

    /// `abs`, `min`, `max` as Swift evaluates them; the rest under their `<math.h>` names.
    mutating func builtinName(_ builtin: Builtin, arguments: [IR.Expression]) -> String {
        let spelling = Self.spelling(of: builtin, onInts: arguments.first?.type == .int)
        if let helper = spelling.helper { support.insert(helper) }
        return spelling.name
    }

    /// The C function a builtin call becomes: a `<math.h>` function (`helper` nil) or a
    /// static helper the file carries. For example: `abs` on `Double` is `fabs`, on `Int`
    /// `adgen_abs_int`.
    static func spelling(of builtin: Builtin, onInts: Bool) -> (name: String, helper: CSupport?) {
        let helper: CSupport?
        switch builtin {
        case .abs: helper = onInts ? .absInt : nil
        case .min: helper = onInts ? .minInt : .min
        case .max: helper = onInts ? .maxInt : .max
        case .polygamma: helper = .polygamma
        default: helper = nil
        }
        if let helper { return (helper.rawValue, helper) }
        return (builtin == .abs ? "fabs" : builtin.rawValue, nil)
    }

    /// A C double literal with the value's digits: `2` → `2.0`, `1e-8` stays.
    static func doubleLiteral(_ value: Double, spelling: String) -> String {
        let text = spelling.replacingOccurrences(of: "_", with: "")
        guard Double(text) == value, text.allSatisfy({ $0.isNumber || ".eE+-".contains($0) }), !text.hasPrefix("-") else {
            return "\(value)"
        }
        return text.contains(where: { ".eE".contains($0) }) ? text : text + ".0"
    }
}
