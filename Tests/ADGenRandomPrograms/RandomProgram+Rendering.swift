/// Printing the model as `.adg` text: one statement per line, four-space indents, a
/// `// check:` line and a doc comment above each function.
extension RandomProgram {
    public func render(header: String? = nil) -> String {
        var lines: [String] = []
        if let header { lines.append("// " + header) }
        for function in functions {
            lines.append("")
            lines += function.rendered
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RandomProgram.Function {
    var checkLine: String {
        let arguments = parameters.map { parameter in
            parameter.label == "_" ? parameter.check : "\(parameter.label ?? parameter.name): \(parameter.check)"
        }
        return "// check: \(name)(\(arguments.joined(separator: ", ")))"
    }

    var rendered: [String] {
        var lines = [checkLine, "/// A generated function."]
        if let wrt {
            lines.append("@differentiable(reverse, wrt: \(wrt.count == 1 ? wrt[0] : "(" + wrt.joined(separator: ", ") + ")"))")
        }
        let parameterList = parameters.map { parameter in
            let prefix = parameter.label.map { $0 + " " } ?? ""
            return "\(prefix)\(parameter.name): \(parameter.type.rawValue)"
        }
        lines.append("func \(name)(\(parameterList.joined(separator: ", "))) -> \(result.rawValue) {")
        for statement in body { statement.render(into: &lines, indent: "    ") }
        lines.append("}")
        return lines
    }
}

extension RandomProgram.Stmt {
    func render(into lines: inout [String], indent: String) {
        let inner = indent + "    "
        switch self {
        case .declaration(let mutable, let name, let annotation, let value):
            let type = annotation.map { ": " + $0.rawValue } ?? ""
            lines.append("\(indent)\(mutable ? "var" : "let") \(name)\(type) = \(value.rendered)")
        case .assignment(let target, let op, let value):
            lines.append("\(indent)\(target.rendered) \(op) \(value.rendered)")
        case .forLoop(let variable, let range, let body):
            lines.append("\(indent)for \(variable ?? "_") in \(range.rendered) {")
            for statement in body { statement.render(into: &lines, indent: inner) }
            lines.append(indent + "}")
        case .whileLoop(let condition, let body):
            lines.append("\(indent)while \(condition.rendered) {")
            for statement in body { statement.render(into: &lines, indent: inner) }
            lines.append(indent + "}")
        case .ifElse(let condition, let then, let otherwise):
            lines.append("\(indent)if \(condition.rendered) {")
            for statement in then { statement.render(into: &lines, indent: inner) }
            if let otherwise {
                lines.append(indent + "} else {")
                for statement in otherwise { statement.render(into: &lines, indent: inner) }
            }
            lines.append(indent + "}")
        case .returnValue(let value):
            lines.append("\(indent)return \(value.rendered)")
        case .append(let array, let value):
            lines.append("\(indent)\(array).append(\(value.rendered))")
        case .breakLoop:
            lines.append(indent + "break")
        case .continueLoop:
            lines.append(indent + "continue")
        }
    }
}

extension RandomProgram.Target {
    var rendered: String {
        switch self {
        case .name(let name): return name
        case .element(let array, let index): return "\(array)[\(index.rendered)]"
        }
    }
}

extension RandomProgram.LoopRange {
    var rendered: String {
        switch self {
        case .halfOpen(let low, let high): return "\(low.operand)..<\(high.operand)"
        case .closed(let low, let high): return "\(low.operand)...\(high.operand)"
        case .strideTo(let from, let to, let by):
            return "stride(from: \(from.rendered), to: \(to.rendered), by: \(by.rendered))"
        case .strideThrough(let from, let through, let by):
            return "stride(from: \(from.rendered), through: \(through.rendered), by: \(by.rendered))"
        }
    }
}

extension RandomProgram.Expr {
    var rendered: String {
        switch self {
        case .literal(let text, _), .name(let text, _): return text
        case .unary(let op, let operand): return op + operand.operand
        case .binary(let op, let lhs, let rhs, _): return "\(lhs.operand) \(op) \(rhs.operand)"
        case .call(let name, let arguments, _):
            let list = arguments.map { ($0.label.map { $0 + ": " } ?? "") + $0.value.rendered }
            return "\(name)(\(list.joined(separator: ", ")))"
        case .index(let array, let index, _): return "\(array)[\(index.rendered)]"
        case .count(let array): return "\(array).count"
        case .ternary(let condition, let value, let other):
            return "\(condition.operand) ? \(value.operand) : \(other.operand)"
        case .toDouble(let operand): return "Double(\(operand.rendered))"
        case .repeating(let value, let count): return "[Double](repeating: \(value.rendered), count: \(count.rendered))"
        case .arrayLiteral(let elements, _): return "[" + elements.map(\.rendered).joined(separator: ", ") + "]"
        }
    }

    /// The text as an operand of an operator: parenthesized unless it is atomic.
    var operand: String {
        switch self {
        case .binary, .ternary, .unary: return "(\(rendered))"
        case .literal(let text, _) where text.hasPrefix("-"): return "(\(text))"
        default: return rendered
        }
    }
}
