import ADGenCore

extension FixtureProgram {
    /// The program for the `.adg` text `text` of `NAME.adg`: generated Swift (every
    /// standard mode, in namespace `Gen_NAME`), IR and directives; nil when adgen
    /// rejects the text. Problems: the rejection, malformed directives, functions
    /// without a `// check:` line.
    static func compile(name: String, text: String) -> (FixtureProgram?, [String]) {
        let fileName = name + ".adg"
        let source = SourceFile(path: fileName, text: text)
        var program = FixtureProgram(name: name, adgText: text, generatedSwift: "",
                                     module: IR.Module(functions: []), directives: [])
        var options = Pipeline.Options(modes: Set(Pipeline.Mode.standard), namespace: program.genNamespace)
        options.training = TrainingDeclaration.declarations(inHeaderOf: text)
        options.tapeBudget = Pipeline.tapeBudget(inHeaderOf: text)
        let output = Pipeline.compile(source, options: options)
        guard let swift = output.swift else {
            return (nil, ["\(fileName): adgen rejected the fixture:\n"
                          + output.diagnostics.map { $0.rendered(in: source) }.joined(separator: "\n")])
        }
        var diagnostics = DiagnosticEngine()
        let module = Sema.analyze(Parser.parse(source, diagnostics: &diagnostics), diagnostics: &diagnostics)
        let (directives, errors) = CheckDirective.scan(text)
        var problems = errors.map { "\(fileName):\($0.line): malformed check directive: \($0.error)" }
        program = FixtureProgram(name: name, adgText: text, generatedSwift: swift, module: module,
                                 directives: directives)
        for function in module.functions where !directives.contains(where: { $0.function == function.name }) {
            problems.append("\(fileName): function '\(function.name)' has no // check: line")
        }
        return (program, problems)
    }
}
