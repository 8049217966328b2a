/// Prints a syntax tree for `--dump-after parse`: one node per line, indented,
/// each with its source position.
public enum SyntaxPrinter {
    public static func print(_ file: Syntax.File) -> String {
        var lines: [String] = []
        for function in file.functions {
            let wrt = function.attribute.map { " @differentiable(wrt: \($0.wrt?.map(\.name).joined(separator: ", ") ?? "all"))" } ?? ""
            let parameters = function.parameters.map { "\($0.label ?? "_") \($0.name): \($0.type.spelling)" }
            lines.append("func \(function.name)(\(parameters.joined(separator: ", "))) -> \(function.result?.spelling ?? "?")\(wrt) @\(function.location)")
            statements(function.body, indent: 1, into: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func statements(_ body: [Syntax.Statement], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        for statement in body {
            let at = " @\(statement.location)"
            switch statement.kind {
            case let .declaration(isVar, name, _, type, initializer):
                lines.append(pad + "\(isVar ? "var" : "let") \(name)\(type.map { ": \($0.spelling)" } ?? "") = \(initializer.map(expression) ?? "?")" + at)
            case let .assignment(target, op, value):
                lines.append(pad + "assign \(expression(target)) \(op ?? "")= \(expression(value))" + at)
            case let .forIn(variable, _, sequence, body):
                let range: String
                switch sequence {
                case let .range(lower, upper, closed): range = "\(expression(lower))\(closed ? "..." : "..<")\(expression(upper))"
                case let .stride(from, bound, by, through):
                    range = "stride(from: \(expression(from)), \(through ? "through" : "to"): \(expression(bound)), by: \(expression(by)))"
                case .elements(let array): range = expression(array)
                case .indices(let array): range = "\(expression(array)).indices"
                case let .enumerated(array, _, _): range = "\(expression(array)).enumerated()"
                }
                var pattern = variable ?? "_"
                if case let .enumerated(_, element, _) = sequence { pattern = "(\(pattern), \(element))" }
                lines.append(pad + "for \(pattern) in \(range)" + at)
                statements(body, indent: indent + 1, into: &lines)
            case let .whileLoop(condition, body):
                lines.append(pad + "while \(expression(condition))" + at)
                statements(body, indent: indent + 1, into: &lines)
            case let .ifElse(condition, thenBody, elseBody):
                lines.append(pad + "if \(expression(condition))" + at)
                statements(thenBody, indent: indent + 1, into: &lines)
                if let elseBody {
                    lines.append(pad + "else")
                    statements(elseBody, indent: indent + 1, into: &lines)
                }
            case .returnValue(let value):
                lines.append(pad + "return \(value.map(expression) ?? "")" + at)
            case .expression(let value):
                lines.append(pad + "expression \(expression(value))" + at)
            case .breakLoop(let label):
                lines.append(pad + "break\(label.map { " " + $0 } ?? "")" + at)
            case .continueLoop(let label):
                lines.append(pad + "continue\(label.map { " " + $0 } ?? "")" + at)
            case let .repeatWhile(body, condition):
                lines.append(pad + "repeat while \(expression(condition))" + at)
                statements(body, indent: indent + 1, into: &lines)
            case let .guardElse(condition, body):
                lines.append(pad + "guard \(expression(condition)) else" + at)
                statements(body, indent: indent + 1, into: &lines)
            case let .switchCases(subject, cases, defaultBody):
                lines.append(pad + "switch \(expression(subject))" + at)
                for switchCase in cases {
                    lines.append(pad + "case \(switchCase.values.map(expression).joined(separator: ", ")) @\(switchCase.location)")
                    statements(switchCase.body, indent: indent + 1, into: &lines)
                }
                if let defaultBody {
                    lines.append(pad + "default")
                    statements(defaultBody, indent: indent + 1, into: &lines)
                }
            case .fallthroughCase:
                lines.append(pad + "fallthrough" + at)
            case let .labelled(label, loop):
                lines.append(pad + "\(label):" + at)
                statements([loop], indent: indent, into: &lines)
            case .invalid:
                lines.append(pad + "<invalid>" + at)
            }
        }
    }

    /// Fully parenthesized, so the tree shape is visible.
    static func expression(_ expression: Syntax.Expression) -> String {
        switch expression.kind {
        case .integer(let text), .float(let text): return text
        case .boolean(let value): return String(value)
        case .name(let name): return name
        case let .member(base, name): return "\(self.expression(base)).\(name)"
        case let .subscriptAccess(base, index): return "\(self.expression(base))[\(self.expression(index))]"
        case let .call(name, arguments):
            return "\(name)(" + arguments.map { ($0.label.map { "\($0): " } ?? "") + self.expression($0.value) }
                .joined(separator: ", ") + ")"
        case let .arrayRepeating(element, value, count):
            return "[\(element.name)](repeating: \(self.expression(value)), count: \(self.expression(count)))"
        case let .append(array, value): return "\(self.expression(array)).append(\(self.expression(value)))"
        case .arrayLiteral(let elements): return "[" + elements.map { self.expression($0) }.joined(separator: ", ") + "]"
        case let .unary(op, operand): return "(\(op)\(self.expression(operand)))"
        case let .binary(op, lhs, rhs): return "(\(self.expression(lhs)) \(op) \(self.expression(rhs)))"
        case let .ternary(condition, thenValue, elseValue):
            return "(\(self.expression(condition)) ? \(self.expression(thenValue)) : \(self.expression(elseValue)))"
        case .parenthesized(let inner): return self.expression(inner)
        case .invalid: return "<invalid>"
        }
    }
}
