import ADGenCore

extension CheckUnit {
    /// Compiles `text` with every mode and complex step, and plans its checks: for each
    /// function (of `request.functions`, or all), its `--point` specs, else its
    /// `// check:` lines, else the ``DefaultPoints``; `--param` values applied to each.
    ///
    /// Functions `request` names that the file does not define are ignored here
    /// (``CheckPlan/load(_:request:)`` reports those no file defines).
    ///
    /// - Throws: ``CheckInputError`` with adgen's diagnostics or the specs' problems.
    public static func load(path: String, text: String, name: String, request: CheckRequest) throws -> CheckUnit {
        let source = SourceFile(path: path, text: text)
        var options = Pipeline.Options(modes: Set(Pipeline.Mode.allCases), wrt: request.wrt, namespace: "Gen_" + name)
        options.tapeBudget = Pipeline.tapeBudget(inHeaderOf: text)
        let declared = request.training + TrainingDeclaration.declarations(inHeaderOf: text)
        options.training = declared.filter { declaration in
            text.contains("func \(declaration.loss)(")
        }
        let output = Pipeline.compile(source, options: options)
        if !output.trainingIssues.isEmpty {
            throw CheckInputError(messages: output.trainingIssues.map(\.rendered))
        }
        guard let swift = output.swift else {
            throw CheckInputError(messages: output.diagnostics.map { $0.rendered(in: source) })
        }
        var diagnostics = DiagnosticEngine()
        let module = Sema.analyze(Parser.parse(source, diagnostics: &diagnostics), wrt: request.wrt,
                                  diagnostics: &diagnostics)
        var problems: [String] = []
        let (directives, errors) = PointSpec.scan(text)
        problems += errors.map { "\(path):\($0.line): error: malformed // check: line: \($0.error)" }
        var groups: [CheckGroup] = []
        let trainingOnly = !request.functions.isEmpty && request.functions.allSatisfy { name in
            module.function(named: name) == nil
        }
        for function in module.functions where !trainingOnly && (request.functions.isEmpty || request.functions.contains(function.name)) {
            let options = request.points.filter { $0.function == function.name }
            let lines = directives.filter { $0.function == function.name }
            var functionGroups: [CheckGroup]
            if !options.isEmpty {
                functionGroups = options.map { CheckGroup(function: function.name, origin: .option, candidates: [$0]) }
            } else if !lines.isEmpty {
                functionGroups = lines.map {
                    CheckGroup(function: function.name, origin: .directive(line: $0.line), candidates: [$0])
                }
            } else {
                functionGroups = [defaultGroup(for: function, parameters: request.parameters)]
            }
            for index in functionGroups.indices where functionGroups[index].origin != .defaults {
                functionGroups[index].candidates = functionGroups[index].candidates.map {
                    $0.applying(request.parameters, to: function)
                }
            }
            for index in functionGroups.indices {
                for spec in functionGroups[index].candidates {
                    if let problem = spec.problem(for: function) {
                        let place = spec.line > 0 ? "\(path):\(spec.line)" : "--point '\(spec)'"
                        problems.append("\(place): error: \(problem)")
                    }
                }
            }
            groups += functionGroups
        }
        for directive in directives where module.function(named: directive.function) == nil {
            if text.contains("func \(directive.function)(") {
                problems.append("\(path):\(directive.line): error: // check: names '\(directive.function)', a helper with 'inout' parameters: adgen inlines it where it is called and generates no derivatives of it to check; check a function that calls it")
            } else {
                problems.append("\(path):\(directive.line): error: // check: names unknown function '\(directive.function)'")
            }
        }
        if !problems.isEmpty { throw CheckInputError(messages: problems) }
        var unit = CheckUnit(path: path, name: name, text: text, generatedSwift: swift, module: module, groups: groups)
        unit.parameters = request.parameters
        unit.addTrainingChecks(options.training, directives: directives, request: request)
        return unit
    }

    /// A ``CheckGroup/Origin/training`` group per declaration with a validation function:
    /// the loss's first `// check:` line (or `--point`, or its defaults) and the validation
    /// function's give the arguments.
    mutating func addTrainingChecks(_ declarations: [TrainingDeclaration], directives: [PointSpec], request: CheckRequest) {
        for declaration in declarations where declaration.validation != nil {
            guard let plan = TrainingValidation.plan(declaration, in: module, fileName: fileName).plan,
                  let validation = plan.validation,
                  request.functions.isEmpty || request.functions.contains(plan.hypergradientName) else { continue }
            func spec(_ function: IR.Function) -> PointSpec {
                request.points.first { $0.function == function.name } ?? directives.first { $0.function == function.name }
                    ?? Self.defaultGroup(for: function, parameters: request.parameters).candidates[0]
            }
            trainingPlans[plan.hypergradientName] = plan
            validationSpecs[plan.hypergradientName] = spec(validation)
            groups.append(CheckGroup(function: plan.hypergradientName, origin: .training, candidates: [spec(plan.loss)]))
        }
    }

    /// The defaults, with `--param` values fixed and everything else sized at run time.
    static func defaultGroup(for function: IR.Function, parameters: [ParameterValue]) -> CheckGroup {
        let fixed = Set(function.parameters.indices.filter { index in
            parameters.contains { ($0.function == nil || $0.function == function.name) && $0.name == function.parameters[index].name }
        })
        let sizes = DefaultPoints.sizeCandidates(for: function, fixed: fixed)
        let specs = sizes.map { DefaultPoints.spec(for: function, sizes: $0).applying(parameters, to: function) }
        let sized = Set(function.parameters.indices.filter { !fixed.contains($0) && DefaultPoints.isSized(function.parameters[$0].type) })
        return CheckGroup(function: function.name, origin: .defaults, candidates: specs, sizes: sizes, sized: sized)
    }
}
