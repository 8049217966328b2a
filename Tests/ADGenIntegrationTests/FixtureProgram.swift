import ADGenCore

/// One fixture as the compiled program sees it: the generated namespace, the
/// reference struct, and the driver that calls both.
struct FixtureProgram {
    /// The file's base name without `.adg`, e.g. `array_copy`.
    let name: String
    let adgText: String
    /// Output of `Pipeline.compile` with namespace `genNamespace`.
    var generatedSwift: String
    let module: IR.Module
    let directives: [CheckDirective]

    var fileName: String { name + ".adg" }
    /// A valid Swift identifier made from the name.
    var identifier: String {
        var result = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if result.first?.isNumber ?? true { result = "_" + result }
        return result
    }
    var genNamespace: String { "Gen_" + identifier }
    var refType: String { "Ref_" + identifier }
    var genFileName: String { genNamespace + ".swift" }
    var refFileName: String { refType + ".swift" }
    var driverFileName: String { "Driver_" + identifier + ".swift" }
    var runFunctionName: String { "runFixture_" + identifier }

    /// Lines the reference file puts before the fixture's first line.
    static let referencePrefixLines = 2

    /// The `.adg` text as a struct: Swift accepts every valid `.adg` file as Swift, and
    /// methods of one struct call each other unqualified. `@differentiable` lines are
    /// commented out rather than removed, so reference line = fixture line + 2.
    var referenceSwift: String {
        var lines = ["import Foundation", "struct \(refType) {"]
        for line in adgText.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            lines.append(trimmed.hasPrefix("@differentiable") ? "// " + trimmed : String(line))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The modes whose function `fn` the generated file declares.
    func presentModes(of function: IR.Function) -> Set<Pipeline.Mode> {
        Set(Pipeline.Mode.standard.filter { generatedSwift.contains("func \(function.name)\($0.suffix)(") })
    }

    /// The modes the contract defines for `function` (gradient and HVP only for `Double`
    /// results; only the primal when no parameter is active).
    static func applicableModes(of function: IR.Function) -> Set<Pipeline.Mode> {
        if function.wrt.isEmpty { return [.primal] }
        return function.resultType == .double ? Set(Pipeline.Mode.standard) : [.primal, .jvp, .vjp]
    }
}

/// Writes a fixture's driver: one Swift function per `// check:` line, evaluating it at
/// `Harness.pointCount` seeded random points.
struct DriverGenerator {
    let program: FixtureProgram
    /// Problems with the fixture's directives (bad labels, types, unknown functions).
    private(set) var problems: [String] = []
    private var lines: [String] = []

    init(program: FixtureProgram) { self.program = program }

    /// The driver source, plus the number of checks it runs.
    static func generate(_ program: FixtureProgram) -> (source: String, checks: Int, problems: [String]) {
        var generator = DriverGenerator(program: program)
        let checks = generator.run()
        return (generator.lines.joined(separator: "\n") + "\n", checks, generator.problems)
    }

    private mutating func run() -> Int {
        emit("import Foundation")
        emit("")
        var checkFunctions: [String] = []
        for (index, directive) in program.directives.enumerated() {
            let functionName = "check_\(program.identifier)_\(index)"
            if checkFunction(functionName, directive: directive, index: index) {
                checkFunctions.append(functionName)
            }
        }
        emit("func \(program.runFunctionName)(_ h: Harness) {")
        for name in checkFunctions { emit("    \(name)(h)") }
        emit("}")
        return checkFunctions.count
    }

    private mutating func emit(_ line: String) { lines.append(line) }

    private mutating func problem(_ directive: CheckDirective, _ message: String) {
        problems.append("\(program.fileName):\(directive.line): \(message)")
    }

    /// Emits the check function; false (with a problem recorded) when the directive does not fit.
    private mutating func checkFunction(_ name: String, directive: CheckDirective, index: Int) -> Bool {
        guard let function = program.module.function(named: directive.function) else {
            problem(directive, "check names unknown function '\(directive.function)'")
            return false
        }
        let parameters = function.parameters
        guard directive.arguments.count == parameters.count else {
            problem(directive, "check passes \(directive.arguments.count) arguments, '\(function.name)' takes \(parameters.count)")
            return false
        }
        var declarations: [String] = []
        for (position, (argument, parameter)) in zip(directive.arguments, parameters).enumerated() {
            guard argument.label == parameter.label else {
                problem(directive, "argument \(position + 1) is labelled '\(argument.label ?? "_")', the parameter's label is '\(parameter.label ?? "_")'")
                return false
            }
            guard let value = valueExpression(argument.value, type: parameter.type) else {
                problem(directive, "argument \(position + 1) (\(parameter.name): \(parameter.type)) cannot be \(argument.value)")
                return false
            }
            declarations.append("let p\(position): \(parameter.type) = \(value)")
        }

        let present = program.presentModes(of: function)
        let active = function.activeParameters
        let scalarResult = function.resultType == .double
        let ns = program.genNamespace
        let description = parameters.enumerated().map { "\($1.name): \\(p\($0))" }.joined(separator: ", ")
        let x0 = parameters.enumerated().filter { function.wrt.contains($1.name) }
            .map { $1.type == .double ? "[p\($0)]" : "p\($0)" }.joined(separator: ", ")

        emit("/// \(program.fileName):\(directive.line) \(function.name)")
        emit("func \(name)(_ h: Harness) {")
        emit("    for point in 0..<h.pointCount {")
        emit("        var rng = SplitMix64(seed: \(Self.seed(program.name, index)) ^ (UInt64(point) &* 0xD1B5_4A32_D192_ED03))")
        for declaration in declarations { emit("        " + declaration) }
        emit("        let context = CheckContext(fixture: \"\(program.name)\", function: \"\(function.name)\", "
             + "line: \(directive.line), point: point, arguments: \"\(description)\")")
        emit("        h.run(context, x0: [\(x0)], scalarResult: \(scalarResult), rng: &rng,")
        let primalCall = call(function, mode: .primal, extra: [])
        emit("              primal: { a in \(wrap("\(ns).\(primalCall)", scalarResult)) },")
        emit("              reference: { a in \(wrap("\(program.refType)().\(primalCall)", scalarResult)) },")

        let derivatives = !active.isEmpty
        if derivatives && present.contains(.jvp) {
            let extra = active.enumerated().map { ("d" + $1.name, element("d", $0, $1)) }
            emit("              jvp: { a, d in")
            emit("                  let r = \(ns).\(call(function, mode: .jvp, extra: extra))")
            emit("                  return (\(wrap("r.value", scalarResult)), \(wrap("r.tangent", scalarResult)))")
            emit("              },")
        } else {
            emit("              jvp: nil,")
        }
        let adjoints = "[" + active.map { wrap("r.d\($0.name)", $0.type == .double) }.joined(separator: ", ") + "]"
        if derivatives && present.contains(.vjp) {
            emit("              vjp: { a, s in")
            emit("                  let r = \(ns).\(call(function, mode: .vjp, extra: [("seed", scalarResult ? "s[0]" : "s")]))")
            emit("                  return (\(wrap("r.value", scalarResult)), \(adjoints))")
            emit("              },")
        } else {
            emit("              vjp: nil,")
        }
        if derivatives && scalarResult && present.contains(.gradient) {
            emit("              gradient: { a in")
            emit("                  let r = \(ns).\(call(function, mode: .gradient, extra: []))")
            emit("                  return (r.value, \(adjoints))")
            emit("              },")
        } else {
            emit("              gradient: nil,")
        }
        if derivatives && scalarResult && present.contains(.hvp) {
            let extra = active.enumerated().map { ("v" + $1.name, element("v", $0, $1)) }
            let products = "[" + active.map { wrap("r.hv\($0.name)", $0.type == .double) }.joined(separator: ", ") + "]"
            emit("              hvp: { a, v in")
            emit("                  let r = \(ns).\(call(function, mode: .hvp, extra: extra))")
            emit("                  return (r.value, \(adjoints), \(products))")
            emit("              })")
        } else {
            emit("              hvp: nil)")
        }
        emit("    }")
        emit("}")
        emit("")
        return true
    }

    /// `f(label: arg, ...)` with active parameters read from the closure's `a`.
    private func call(_ function: IR.Function, mode: Pipeline.Mode, extra: [(String, String)]) -> String {
        let activeIndex = Dictionary(uniqueKeysWithValues: function.activeParameters.enumerated().map { ($1.name, $0) })
        var arguments: [String] = []
        for (position, parameter) in function.parameters.enumerated() {
            let value = activeIndex[parameter.name].map { element("a", $0, parameter) } ?? "p\(position)"
            arguments.append(parameter.label.map { "\($0): \(value)" } ?? value)
        }
        arguments += extra.map { "\($0): \($1)" }
        return "\(function.name)\(mode.suffix)(\(arguments.joined(separator: ", ")))"
    }

    /// Entry `index` of an `Inputs` value named `name`, as the parameter's type.
    private func element(_ name: String, _ index: Int, _ parameter: IR.Parameter) -> String {
        parameter.type == .double ? "\(name)[\(index)][0]" : "\(name)[\(index)]"
    }

    private func wrap(_ expression: String, _ scalar: Bool) -> String {
        scalar ? "[\(expression)]" : expression
    }

    /// The Swift expression for a directive value of the given parameter type.
    private func valueExpression(_ value: CheckDirective.Value, type: IRType) -> String? {
        switch (value, type) {
        case (.random(nil, let low, let high), .double):
            return "rng.uniform(\(low), \(high))"
        case (.random(let count?, let low, let high), .doubleArray):
            return "rng.array(\(count), \(low), \(high))"
        case (.literal(.number(let text)), .double):
            return text
        case (.literal(.number(let text)), .int) where Int(text) != nil:
            return text
        case (.literal(.array(let elements)), .doubleArray):
            return CheckDirective.Literal.array(elements).spelling
        case (.literal(.array(let elements)), .intArray) where elements.allSatisfy({ Int($0) != nil }):
            return CheckDirective.Literal.array(elements).spelling
        case (.literal(.bool(let flag)), .bool):
            return flag ? "true" : "false"
        default:
            return nil
        }
    }

    /// A stable seed per fixture and check (FNV-1a of "name#index"), independent of
    /// the other fixtures, as a hex literal.
    static func seed(_ fixture: String, _ index: Int) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(fixture)#\(index)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return "0x" + String(hash, radix: 16)
    }
}
