import ADGenCore

/// Writes the check function of one ``CheckGroup``: it draws the arguments from the
/// spec (sized parameters of defaults from the sizes the program is given) and hands
/// `CheckSession` a `CheckSubject` whose closures call the generated functions (and
/// the reference) with the active inputs taken from `a`.
struct CheckFunctionWriter {
    let unit: CheckUnit
    let group: CheckGroup
    /// The group's number in the program.
    let id: Int

    static func functionName(_ id: Int) -> String { "check_\(id)" }

    /// The spec the code is written from: for defaults, the first candidate, whose
    /// sized parameters are replaced by the sizes given at run time.
    var spec: PointSpec { group.candidates[0] }
    var function: IR.Function { unit.module.function(named: group.function)! }
    var active: [IR.Parameter] { function.activeParameters }
    var scalarResult: Bool { function.resultType == .double }

    func source() -> String {
        let modes = Set(unit.presentModes(of: function))
        let ns = unit.genNamespace
        let sizedNote = group.sized.isEmpty ? "" : " (sizes given at run time)"
        var lines = ["/// \(unit.fileName): \(spec)\(sizedNote)",
                     "func \(Self.functionName(id))(_ session: CheckSession) {",
                     "    session.check(id: \(id), key: \(CheckProgramWriter.stringLiteral("\(unit.fileName)#\(spec)"))) { rng in"]
        for (position, (argument, parameter)) in zip(spec.arguments, function.parameters).enumerated() {
            let value = group.sized.contains(position) ? sizedValue(position, parameter.type)
                : PointSpec.swiftValue(argument.value, type: parameter.type) ?? "fatalError()"
            lines.append("        let p\(position): \(parameter.type) = \(value)")
        }
        let description = function.parameters.enumerated().map { "\($1.name): \\(p\($0))" }.joined(separator: ", ")
        let inputs = function.parameters.enumerated().filter { function.wrt.contains($1.name) }
            .map { $1.type == .double ? "[p\($0)]" : "p\($0)" }
        lines += ["        return CheckSubject(",
                  "            inputs: [\(inputs.joined(separator: ", "))],",
                  "            inputNames: [\(active.map { "\"\($0.name)\"" }.joined(separator: ", "))],",
                  "            arguments: \"\(description)\","]
        var closures = ["primal: { a in \(wrap("\(ns).\(call(.primal, []))")) }",
                        "reference: { a in \(wrap("\(unit.refType)().\(call(.primal, []))")) }"]
        if modes.contains(.complexStep) {
            closures.append("complexStep: { a in \(wrap("\(ns).\(call(.complexStep, [], complex: true))")) }")
        }
        closures += derivedClosures(modes, ns)
        lines += closures.enumerated().map { "            " + $1 + ($0 == closures.count - 1 ? ")" : ",") }
        lines += ["    }", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// A sized parameter's value from `session.size(id, position)` (``DefaultPoints``).
    func sizedValue(_ position: Int, _ type: IRType) -> String {
        let size = "session.size(\(id), \(position))"
        switch type {
        case .doubleArray: return "rng.uniformVector(count: \(size), in: (\(DefaultPoints.low))...(\(DefaultPoints.high)))"
        case .intArray: return "Array(0..<\(size))"
        default: return size
        }
    }

    func derivedClosures(_ modes: Set<Pipeline.Mode>, _ ns: String) -> [String] {
        var closures: [String] = []
        let adjoints = "[" + active.map { scalarEntry("r.d\($0.name)", $0.type) }.joined(separator: ", ") + "]"
        if modes.contains(.jvp) {
            let extra = active.enumerated().map { ("d" + $1.name, element("d", $0, $1)) }
            closures.append("jvp: { a, d in let r = \(ns).\(call(.jvp, extra)); "
                            + "return (\(wrap("r.value")), \(wrap("r.tangent"))) }")
        }
        if modes.contains(.vjp) {
            let seed = scalarResult ? "s[0]" : "s"
            closures.append("vjp: { a, s in let r = \(ns).\(call(.vjp, [("seed", seed)])); "
                            + "return (\(wrap("r.value")), \(adjoints)) }")
        }
        guard scalarResult else { return closures + matrixClosures(modes, ns) }
        if modes.contains(.gradient) {
            closures.append("gradient: { a in let r = \(ns).\(call(.gradient, [])); return (r.value, \(adjoints)) }")
            let name = function.name + Pipeline.Mode.gradient.suffix + Pipeline.Mode.complexStep.suffix
            if unit.generatedSwift.contains("func \(name)(") {
                closures.append("gradientComplexStep: { a in let r = \(ns).\(call(name, [], complex: true)); "
                                + "return (r.value, \(adjoints)) }")
            }
        }
        if modes.contains(.hvp) {
            let extra = active.enumerated().map { ("v" + $1.name, element("v", $0, $1)) }
            let products = "[" + active.map { scalarEntry("r.hv\($0.name)", $0.type) }.joined(separator: ", ") + "]"
            closures.append("hvp: { a, v in let r = \(ns).\(call(.hvp, extra)); "
                            + "return (r.value, \(adjoints), \(products)) }")
        }
        return closures + matrixClosures(modes, ns)
    }

    /// `fJacobian`, `fHessian` and `fHessianTrace`, last in `CheckSubject`'s argument order.
    func matrixClosures(_ modes: Set<Pipeline.Mode>, _ ns: String) -> [String] {
        var closures: [String] = []
        if modes.contains(.jacobian) {
            closures.append("jacobian: { a in let r = \(ns).\(call(.jacobian, [])); return (\(wrap("r.value")), r.jacobian) }")
        }
        guard scalarResult else { return closures }
        if modes.contains(.hessian) {
            closures.append("hessian: { a in let r = \(ns).\(call(.hessian, [])); return (r.value, r.gradient, r.hessian) }")
        }
        if modes.contains(.hessianTrace) {
            let extra = [("probes", "probes"), ("seed", "seed")]
            closures.append("hessianTrace: { a, probes, seed in let r = \(ns).\(call(.hessianTrace, extra)); "
                            + "return (r.value, r.trace, r.standardError) }")
        }
        return closures
    }

    func call(_ mode: Pipeline.Mode, _ extra: [(String, String)], complex: Bool = false) -> String {
        call(function.name + mode.suffix, extra, complex: complex)
    }

    /// `name(label: argument, …)`: active parameters from `a`, the others from the drawn
    /// `p`s (converted to complex numbers in complex-step calls).
    func call(_ name: String, _ extra: [(String, String)], complex: Bool) -> String {
        let activeIndex = Dictionary(uniqueKeysWithValues: active.enumerated().map { ($1.name, $0) })
        var arguments: [String] = []
        for (position, parameter) in function.parameters.enumerated() {
            var value = "p\(position)"
            if let index = activeIndex[parameter.name] {
                value = element("a", index, parameter)
            } else if complex, parameter.type == .double {
                value = "Complex<Double>(\(value))"
            } else if complex, parameter.type == .doubleArray {
                value = "\(value).map { Complex<Double>($0) }"
            }
            arguments.append(parameter.label.map { "\($0): \(value)" } ?? value)
        }
        arguments += extra.map { "\($0): \($1)" }
        return "\(name)(\(arguments.joined(separator: ", ")))"
    }

    /// Entry `index` of inputs named `name`, as the parameter's type.
    func element(_ name: String, _ index: Int, _ parameter: IR.Parameter) -> String {
        parameter.type == .double ? "\(name)[\(index)][0]" : "\(name)[\(index)]"
    }

    func scalarEntry(_ expression: String, _ type: IRType) -> String {
        type == .double ? "[\(expression)]" : expression
    }

    func wrap(_ expression: String) -> String { scalarResult ? "[\(expression)]" : expression }
}
