/// Prints IR for `--dump-after`: Swift-like text with every declaration's type
/// written out and each function's active parameters in a header line.
public enum IRPrinter {
    public static func print(_ module: IR.Module) -> String {
        module.functions.map(print).joined(separator: "\n")
    }

    public static func print(_ function: IR.Function) -> String {
        var model = SwiftTranslator.translate(function)
        model.docComment = []
        model.body = annotate(model.body, function.body)
        return "// \(function.name) wrt: (\(function.wrt.joined(separator: ", ")))\n" + SwiftRenderer.render(model)
    }

    /// Adds every declaration's type, which the Swift output leaves to inference.
    static func annotate(_ model: [SwiftModel.Statement], _ ir: [IR.Statement]) -> [SwiftModel.Statement] {
        zip(model, ir).map { statement, source in
            switch (statement, source.kind) {
            case let (.declaration(mutable, pattern, _, value), .declare(_, type, _, _, _)):
                return .declaration(mutable: mutable, pattern: pattern, type: type.description, value: value)
            case let (.forIn(pattern, sequence, body), .forLoop(loop)):
                return .forIn(pattern: pattern, sequence: sequence, body: annotate(body, loop.body))
            case let (.whileLoop(condition, body), .whileLoop(_, irBody)):
                return .whileLoop(condition: condition, body: annotate(body, irBody))
            case let (.ifElse(condition, thenBody, elseBody), .ifElse(_, irThen, irElse)):
                return .ifElse(condition: condition, then: annotate(thenBody, irThen), else: annotate(elseBody, irElse))
            default:
                return statement
            }
        }
    }
}
