import ADGenCore

/// Writes the check function of a ``CheckGroup/Origin/training`` group: it draws the loss's
/// arguments from the loss's spec and the validation function's own from its spec, and
/// hands `CheckSession.checkHypergradient` a `HypergradientCheckSubject` whose closures
/// call the generated `LOpt` then `V` (the oracle) and `LOptHypergradient`.
///
/// Training runs ``steps`` steps with the optimizer's defaults and a learning rate of
/// ``learningRate``; `--param steps=N` and `--param learningRate=x` (or any hyperparameter
/// label) change them.
struct HypergradientCheckWriter {
    let unit: CheckUnit
    let group: CheckGroup
    let id: Int

    static let steps = 10
    static let learningRate = "0.01"

    var plan: TrainingPlan { unit.trainingPlans[group.function]! }

    func source() -> String {
        let ns = unit.genNamespace
        let loss = group.candidates[0]
        let validation = unit.validationSpecs[group.function]!
        var lines = ["/// \(unit.fileName): \(group.function) at \(loss) and \(validation)",
                     "func \(CheckFunctionWriter.functionName(id))(_ session: CheckSession) {",
                     "    session.checkHypergradient(id: \(id), key: \(CheckProgramWriter.stringLiteral("\(unit.fileName)#\(group.function)#\(loss)"))) { rng in"]
        lines += draws(plan.loss, loss, prefix: "p")
        lines += draws(plan.validation!, validation, prefix: "q", skipping: Set(plan.loss.parameters.map(\.name)))
        let hypers = plan.optimizer.hyperparameters
        let values = hypers.map { value(of: $0.label) ?? ($0.label == "learningRate" ? Self.learningRate : $0.defaultValue!.spelling) }
        lines += ["        let steps = \(value(of: "steps") ?? String(Self.steps))",
                  "        let h: [Double] = [\(values.joined(separator: ", "))]"]
        let hyperArguments = hypers.enumerated().map { "\($1.label): h[\($0)]" }.joined(separator: ", ")
        let train = "\(ns).\(plan.functionName)(\(arguments(weights: "w")), steps: steps, \(hyperArguments.replacingOccurrences(of: "h[", with: "g[")))"
        let validationCall = "\(ns).\(plan.validation!.name)(\(validationArguments(weights: "trained")))"
        let hypergradient = "\(ns).\(plan.hypergradientName)(\(arguments(weights: weightsDraw) + otherArguments), steps: steps, \(hyperArguments), method: method)"
        let adjoints = hypers.map { "r.d\($0.label)" }.joined(separator: ", ")
        let exact = plan.isExact ? ", .reversible" : ""
        lines += [
            "        return HypergradientCheckSubject(",
            "            weights: \(weightsDraw), hyperparameters: h, hyperparameterNames: [\(hypers.map { "\"\($0.label)\"" }.joined(separator: ", "))],",
            "            methods: [.unrolled, .checkpointed(snapshots: 3)\(exact), .implicit(iterations: 100, tolerance: 1e-10)],",
            "            arguments: \"steps: \\(steps), \(hypers.map(\.label).joined(separator: ", ")): \\(h)\",",
            "            validation: { w, g in let trained = \(train).\(plan.weights.name); return \(validationCall) },",
            "            hypergradient: { method in let r = \(hypergradient); return (r.value, r.dw, [\(adjoints)], r.report) })",
            "    }", "}", "",
        ]
        return lines.joined(separator: "\n")
    }

    /// The loss's draw of the weights.
    var weightsDraw: String {
        "p\(plan.loss.parameters.firstIndex { $0.name == plan.weights.name }!)"
    }

    /// `let p0: [Double] = …` for each parameter of `function` (but those in `skipping`).
    func draws(_ function: IR.Function, _ spec: PointSpec, prefix: String, skipping: Set<String> = []) -> [String] {
        zip(spec.arguments, function.parameters).enumerated().compactMap { position, pair in
            let (argument, parameter) = pair
            guard !skipping.contains(parameter.name) else { return nil }
            let value = PointSpec.swiftValue(argument.value, type: parameter.type) ?? "fatalError()"
            return "        let \(prefix)\(position): \(parameter.type) = \(value)"
        }
    }

    /// `L`'s arguments but `step`, the weights given.
    func arguments(weights: String) -> String {
        plan.loss.parameters.enumerated().compactMap { position, parameter in
            guard parameter.name != plan.stepParameter?.name else { return nil }
            let value = parameter.name == plan.weights.name ? weights : "p\(position)"
            return parameter.label.map { "\($0): \(value)" } ?? value
        }.joined(separator: ", ")
    }

    /// `, q1: q3, …`: `V`'s own arguments.
    var otherArguments: String {
        plan.validation!.parameters.enumerated().compactMap { position, parameter in
            guard !plan.loss.parameters.contains(where: { $0.name == parameter.name }) else { return nil }
            return ", " + (parameter.label.map { "\($0): q\(position)" } ?? "q\(position)")
        }.joined()
    }

    /// `V`'s arguments: the weights given, shared parameters from the loss's draws.
    func validationArguments(weights: String) -> String {
        plan.validation!.parameters.enumerated().map { position, parameter in
            let value: String
            if parameter.name == plan.weights.name {
                value = weights
            } else if let shared = plan.loss.parameters.firstIndex(where: { $0.name == parameter.name }) {
                value = "p\(shared)"
            } else {
                value = "q\(position)"
            }
            return parameter.label.map { "\($0): \(value)" } ?? value
        }.joined(separator: ", ")
    }

    /// A `--param name=number` for the hypergradient (or any function).
    func value(of name: String) -> String? {
        for parameter in unit.parameters where parameter.name == name && (parameter.function == nil || parameter.function == group.function) {
            if case .literal(.number(let text)) = parameter.value { return text }
        }
        return nil
    }
}
