/// Prints a ``SwiftModel/File`` as Swift source text: four-space indentation, one
/// statement per line. The only place in adgen where Swift text is assembled.
public struct SwiftRenderer {
    private var lines: [String] = []
    private var indent = 0

    public static func render(_ file: SwiftModel.File) -> String {
        var renderer = SwiftRenderer()
        renderer.file(file)
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    public static func render(_ function: SwiftModel.Function) -> String {
        var renderer = SwiftRenderer()
        renderer.function(function, isStatic: false)
        return renderer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func emit(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: "    ", count: indent) + text)
    }

    private mutating func file(_ file: SwiftModel.File) {
        for line in file.headerComment { emit("// " + line) }
        if !file.headerComment.isEmpty { emit("") }
        for module in file.imports { emit("import \(module)") }
        if !file.support.isEmpty {
            emit("")
            for line in file.support { emit(line) }
        }
        if let namespace = file.namespace {
            emit("")
            emit("public enum \(namespace) {")
            indent += 1
        }
        for type in file.types {
            emit("")
            structure(type)
        }
        for function in file.functions {
            emit("")
            self.function(function, isStatic: file.namespace != nil)
        }
        if file.namespace != nil {
            indent -= 1
            emit("}")
        }
    }

    private mutating func function(_ function: SwiftModel.Function, isStatic: Bool) {
        docComment(function.docComment)
        for attribute in function.attributes { emit(attribute) }
        let modifiers = [function.access, isStatic ? "static" : nil].compactMap { $0 }.map { $0 + " " }.joined()
        let result = function.returnType == "Void" ? "" : " -> \(function.returnType)"
        emit("\(modifiers)func \(function.name)(\(Self.render(function.parameters)))\(result) {")
        block(function.body)
        emit("}")
    }

    private mutating func docComment(_ lines: [String]) {
        for line in lines { emit(line.isEmpty ? "///" : "/// " + line) }
    }

    static func render(_ parameters: [SwiftModel.Parameter]) -> String {
        parameters.map { parameter -> String in
            let label = parameter.label ?? "_"
            let head = label == parameter.name ? label : "\(label) \(parameter.name)"
            let type = (parameter.isInout ? "inout " : "") + parameter.type
            return "\(head): \(type)" + (parameter.defaultValue.map { " = " + render($0) } ?? "")
        }.joined(separator: ", ")
    }

    private mutating func structure(_ type: SwiftModel.Struct) {
        docComment(type.docComment)
        let conformances = type.conformances.isEmpty ? "" : ": " + type.conformances.joined(separator: ", ")
        emit("\(type.access.map { $0 + " " } ?? "")struct \(type.name)\(conformances) {")
        indent += 1
        for property in type.properties {
            docComment(property.docComment)
            emit("\(property.isConstant ? "let" : "var") \(property.name): \(property.type)")
        }
        for initializer in type.initializers {
            emit("")
            docComment(initializer.docComment)
            emit("init(\(Self.render(initializer.parameters))) {")
            block(initializer.body)
            emit("}")
        }
        for method in type.methods {
            emit("")
            function(method, isStatic: false)
        }
        indent -= 1
        emit("}")
    }

    private mutating func block(_ statements: [SwiftModel.Statement]) {
        indent += 1
        for statement in statements { self.statement(statement) }
        indent -= 1
    }

    private mutating func statement(_ statement: SwiftModel.Statement) {
        switch statement {
        case let .declaration(mutable, pattern, type, value):
            let annotation = type.map { ": \($0)" } ?? ""
            emit("\(mutable ? "var" : "let") \(pattern)\(annotation) = \(Self.render(value))")
        case let .assignment(target, op, value):
            emit("\(Self.render(target)) \(op) \(Self.render(value))")
        case let .forIn(pattern, sequence, body):
            emit("for \(pattern) in \(Self.render(sequence)) {")
            block(body)
            emit("}")
        case let .whileLoop(condition, body):
            emit("while \(Self.render(condition)) {")
            block(body)
            emit("}")
        case let .ifElse(condition, thenBody, elseBody):
            emit("if \(Self.render(condition)) {")
            elseChain(thenBody, elseBody)
        case let .doCatch(body, handler):
            emit("do {")
            block(body)
            emit("} catch {")
            block(handler)
            emit("}")
        case let .switchOver(subject, cases):
            emit("switch \(Self.render(subject)) {")
            for item in cases {
                emit("case \(item.pattern):")
                block(item.body)
            }
            emit("}")
        case .returnStatement(let value):
            emit("return \(Self.render(value))")
        case .expression(let value):
            emit(Self.render(value))
        case .comment(let text):
            emit("// " + text)
        case .blankLine:
            emit("")
        }
    }

    /// Renders `then` and an else part, folding `else { if ... }` into `else if`.
    private mutating func elseChain(_ thenBody: [SwiftModel.Statement], _ elseBody: [SwiftModel.Statement]) {
        block(thenBody)
        guard !elseBody.isEmpty else {
            emit("}")
            return
        }
        if elseBody.count == 1, case let .ifElse(condition, nestedThen, nestedElse) = elseBody[0] {
            emit("} else if \(Self.render(condition)) {")
            elseChain(nestedThen, nestedElse)
            return
        }
        emit("} else {")
        block(elseBody)
        emit("}")
    }

    public static func render(_ expression: SwiftModel.Expression) -> String {
        switch expression {
        case .raw(let text): return text
        case let .member(base, name): return "\(render(base)).\(name)"
        case let .subscriptAccess(base, index): return "\(render(base))[\(render(index))]"
        case let .call(callee, arguments): return "\(render(callee))(\(renderArguments(arguments)))"
        case let .prefix(op, operand): return op + render(operand)
        case let .infix(lhs, op, rhs): return "\(render(lhs)) \(op) \(render(rhs))"
        case let .ternary(condition, thenValue, elseValue):
            return "\(render(condition)) ? \(render(thenValue)) : \(render(elseValue))"
        case .parenthesized(let inner): return "(\(render(inner)))"
        case .tuple(let elements): return "(\(renderArguments(elements)))"
        case let .range(lower, op, upper): return render(lower) + op + render(upper)
        }
    }

    static func renderArguments(_ arguments: [(label: String?, value: SwiftModel.Expression)]) -> String {
        arguments.map { ($0.label.map { "\($0): " } ?? "") + render($0.value) }.joined(separator: ", ")
    }
}
