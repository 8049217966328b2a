/// Prints a ``CModel/File``: four-space indentation, one statement per line, braces always.
public enum CRenderer {
    public static func render(_ file: CModel.File) -> String {
        var lines = file.headerComment.map { "// " + $0 }
        lines += file.includes.map { "#include <\($0)>" }
        lines.append("")
        if !file.support.isEmpty { lines += file.support + [""] }
        lines += file.functions.map { signature($0) + ";" }
        for function in file.functions {
            lines.append("")
            lines += function.docComment.map { "// " + $0 }
            lines.append(signature(function) + " {")
            lines += function.body.flatMap { render($0, indent: 1) }
            lines.append("}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signature(_ function: CModel.Function) -> String {
        let parameters = function.parameters.map { parameter in
            parameter.type.hasSuffix("*") ? parameter.type + parameter.name : parameter.type + " " + parameter.name
        }
        return (function.isStatic ? "static " : "") + function.returnType + " " + function.name
            + "(" + (parameters.isEmpty ? "void" : parameters.joined(separator: ", ")) + ")"
    }

    static func render(_ statement: CModel.Statement, indent: Int) -> [String] {
        let pad = String(repeating: "    ", count: indent)
        func body(_ statements: [CModel.Statement]) -> [String] { statements.flatMap { render($0, indent: indent + 1) } }
        switch statement {
        case let .declaration(type, name, value):
            return [pad + type + " " + name + (value.map { " = " + render($0) } ?? "") + ";"]
        case let .arrayDeclaration(type, name, count):
            return [pad + type + " " + name + "[" + render(count) + "];"]
        case let .assignment(target, op, value):
            return [pad + render(target) + " " + op + " " + render(value) + ";"]
        case .expression(let expression):
            return [pad + render(expression) + ";"]
        case let .forLoop(index, start, condition, step, statements):
            let increment: String
            switch step {
            case .literal("1"): increment = index + "++"
            case .literal("-1"): increment = index + "--"
            default: increment = index + " += " + render(step)
            }
            return [pad + "for (int \(index) = \(render(start)); \(render(condition)); \(increment)) {"] + body(statements) + [pad + "}"]
        case let .whileLoop(condition, statements):
            return [pad + "while (" + render(condition) + ") {"] + body(statements) + [pad + "}"]
        case let .ifElse(condition, then, otherwise):
            var lines = [pad + "if (" + render(condition) + ") {"] + body(then)
            if otherwise.count == 1, case .ifElse = otherwise[0] {
                var nested = render(otherwise[0], indent: indent)
                nested[0] = pad + "} else " + nested[0].dropFirst(pad.count)
                return lines + nested
            }
            if !otherwise.isEmpty { lines += [pad + "} else {"] + body(otherwise) }
            return lines + [pad + "}"]
        case .returnStatement(let value):
            return [pad + "return " + render(value) + ";"]
        case .block(let statements):
            return [pad + "{"] + body(statements) + [pad + "}"]
        case .comment(let text):
            return [pad + "// " + text]
        }
    }

    public static func render(_ expression: CModel.Expression) -> String {
        switch expression {
        case .literal(let text), .name(let text): return text
        case let .call(name, arguments): return name + "(" + arguments.map(render).joined(separator: ", ") + ")"
        case let .prefix(op, operand): return op + render(operand)
        case let .infix(lhs, op, rhs): return render(lhs) + " " + op + " " + render(rhs)
        case let .ternary(condition, then, otherwise): return render(condition) + " ? " + render(then) + " : " + render(otherwise)
        case let .subscriptAccess(base, index): return render(base) + "[" + render(index) + "]"
        case .parenthesized(let inner): return "(" + render(inner) + ")"
        case let .cast(type, value): return "(" + type + ")" + render(value)
        }
    }
}
