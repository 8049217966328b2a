/// Folds branches whose condition is a constant: `let c = 0.75; if c > 1.0 { … }`.
///
/// Inlining a helper that branches on a parameter, at a call with a literal argument,
/// produces such code; Swift proves the condition constant and warns "will never be
/// executed", which `-warnings-as-errors` turns into a failed build. The taken branch
/// replaces the `if` (its declarations renamed where they would clash with the
/// block's names), and a constant ternary becomes its taken operand.
enum ConstantConditions {
    static func run(_ body: [IR.Statement]) -> [IR.Statement] {
        block(body, constants: [:])
    }

    private static func block(_ body: [IR.Statement], constants outer: [String: IR.Expression]) -> [IR.Statement] {
        var constants = outer
        var result: [IR.Statement] = []
        // Names a branch's declarations must avoid once they move into this block.
        let blockNames = Set(body.compactMap(\.declaredName)).union(IRWalk.reads(in: body))
        for statement in body {
            var statement = statement
            statement.kind = foldingTernaries(statement, constants).kind
            // A loop runs its body again: what it changes is not constant inside it.
            let mutated = IRWalk.mutations(in: [statement])
            if statement.isLoop { forget(mutated, in: &constants) }
            // What the statement's own bodies see (a copy only where there are bodies: copying
            // for every statement would be quadratic in a long block).
            let inner = statement.children.isEmpty ? [:] : constants
            forget(mutated, in: &constants)
            switch statement.kind {
            case let .declare(name, _, _, value, _) where value.isLiteral:
                constants[name] = value
            case let .assign(name, nil, value) where value.isLiteral:
                constants[name] = value
            case let .declare(name, _, _, _, _):
                constants[name] = nil
            case let .ifElse(condition, thenBody, elseBody):
                if let taken = evaluate(condition, inner) {
                    result += renamedApart(block(taken ? thenBody : elseBody, constants: inner), from: blockNames)
                    continue
                }
            default:
                break
            }
            result.append(statement.mappingBodies { block($0, constants: inner) })
        }
        return result
    }

    /// A branch about to be moved into its enclosing block, its declarations renamed
    /// where they would clash with a name of that block (`v` → `v_2`).
    private static func renamedApart(_ branch: [IR.Statement], from blockNames: Set<String>) -> [IR.Statement] {
        let declared = branch.compactMap(\.declaredName)
        var taken = blockNames.union(IRWalk.reads(in: branch)).union(declared)
        var renames: [String: String] = [:]
        for name in declared where blockNames.contains(name) {
            var suffix = 2
            while taken.contains("\(name)_\(suffix)") { suffix += 1 }
            renames[name] = "\(name)_\(suffix)"
            taken.insert("\(name)_\(suffix)")
        }
        return renames.isEmpty ? branch : Renaming.rename(branch, renames)
    }

    private static func forget(_ names: Set<String>, in constants: inout [String: IR.Expression]) {
        for name in names { constants[name] = nil }
    }

    /// The statement's own expressions with constant ternaries folded.
    private static func foldingTernaries(_ statement: IR.Statement, _ constants: [String: IR.Expression]) -> IR.Statement {
        guard !constants.isEmpty else { return statement }
        return statement.mappingOwnExpressions { expression in
            expression.rewritten { node in
                guard case let .ternary(condition, thenValue, elseValue) = node.kind,
                      let taken = evaluate(condition, constants) else { return nil }
                return taken ? thenValue : elseValue
            }
        }
    }

    /// The value of a condition built from literals and constants, if it is one.
    static func evaluate(_ condition: IR.Expression, _ constants: [String: IR.Expression]) -> Bool? {
        switch condition.kind {
        case .bool(let value): return value
        case .unary(.not, let operand): return evaluate(operand, constants).map { !$0 }
        case let .binary(op, lhs, rhs) where op.isLogical:
            guard let left = evaluate(lhs, constants), let right = evaluate(rhs, constants) else { return nil }
            return op == .and ? left && right : left || right
        case let .binary(op, lhs, rhs) where op.isComparison:
            guard let left = number(lhs, constants), let right = number(rhs, constants) else { return nil }
            switch op {
            case .equal: return left == right
            case .notEqual: return left != right
            case .less: return left < right
            case .lessEqual: return left <= right
            case .greater: return left > right
            default: return left >= right
            }
        case .variable(let name):
            guard case .bool(let value)? = constants[name]?.kind else { return nil }
            return value
        default:
            return nil
        }
    }

    private static func number(_ expression: IR.Expression, _ constants: [String: IR.Expression]) -> Double? {
        switch expression.kind {
        case .double(let value, _): return value
        case .int(let value, _): return Double(value)
        case .unary(.negate, let operand): return number(operand, constants).map { -$0 }
        case .variable(let name): return constants[name].flatMap { number($0, [:]) }
        case let .binary(op, lhs, rhs) where expression.type == .int:
            // Small Int arithmetic, as Swift's constant folding sees it (`k % 2 == 0`).
            guard let left = number(lhs, constants), let right = number(rhs, constants),
                  abs(left) < 1e9, abs(right) < 1e9 else { return nil }
            switch op {
            case .add: return left + right
            case .subtract: return left - right
            case .multiply: return left * right
            case .remainder where right != 0: return Double(Int(left) % Int(right))
            default: return nil
            }
        default: return nil
        }
    }
}

extension IR.Statement {
    var isLoop: Bool {
        switch kind {
        case .forLoop, .whileLoop: return true
        default: return false
        }
    }
}

extension IR.Expression {
    /// A numeric or Boolean literal.
    var isLiteral: Bool {
        switch kind {
        case .double, .int, .bool: return true
        case .unary(.negate, let operand): return operand.isLiteral
        default: return false
        }
    }
}
