/// The compiler pipeline, stage by stage:
///
///     SourceFile ──Parser──▶ Syntax.File ──Sema──▶ IR.Module ──Derivatives──▶ IR.Module
///                ──Cleanup + SwiftTranslator──▶ SwiftModel.File ──SwiftRenderer──▶ String
///
/// Another front end may hand in the `Syntax.File` (``Options/syntax``: C, through
/// libclang); `--emit c` ends in ``CTranslator`` and ``CRenderer`` instead (`Pipeline+C.swift`).
///
/// Everything here is pure and in memory: text in, text and diagnostics out.
public enum Pipeline {
    /// The functions adgen can emit for each DSL function (see the contract, section 5).
    /// `complexStep` adds `fComplexStep` (Docs/Checking.md); it is not a default mode, nor
    /// are `jacobian`, `hessian` and `hessianTrace` (the contract's further modes).
    public enum Mode: String, CaseIterable, Sendable {
        case primal, jvp, vjp, gradient, hvp, complexStep, jacobian, hessian, hessianTrace

        /// The modes of the contract, emitted by default: everything but `complexStep`.
        public static let standard: [Mode] = [.primal, .jvp, .vjp, .gradient, .hvp]
        /// The contract's further modes, emitted when asked for: whole Jacobians and Hessians.
        public static let further: [Mode] = [.jacobian, .hessian, .hessianTrace]

        /// The suffix of the generated function's name (contract, section 5): `f` →
        /// `fJVP`, ...; none for the primal.
        public var suffix: String {
            switch self {
            case .primal: return ""
            case .jvp: return "JVP"
            case .vjp: return "VJP"
            case .gradient: return "Gradient"
            case .hvp: return "HVP"
            case .complexStep: return "ComplexStep"
            case .jacobian: return "Jacobian"
            case .hessian: return "Hessian"
            case .hessianTrace: return "HessianTrace"
            }
        }
    }

    /// Stages whose output `--dump-after` can print.
    public enum Stage: String, CaseIterable, Sendable {
        case parse, sema, ir, plan, jvp, vjp, hvp
        /// The training loops of the declarations, as IR (the state copies left out).
        case train
    }

    public struct Options: Sendable {
        public var modes: Set<Mode>
        public var wrt: [Sema.WrtOverride]
        /// Wraps the output in `public enum <namespace>` when set.
        public var namespace: String?
        public var dumpAfter: Stage?
        /// Generated tapes report every push to `adgenTapeDidPush(bytes:)` (see
        /// ``RuntimeSupport/tape(statistics:)``).
        public var tapeStatistics = false
        /// Training declarations (contract, section 7): each applies to the input that
        /// defines its loss; a file-level setting, read from the first input's options.
        public var training: [TrainingDeclaration] = []
        /// The input already parsed by another front end (C, Docs/C.md); the parser is skipped.
        public var syntax: Syntax.File?
        /// The language of the output: Swift (section 5) or C (section 8); a file-level setting.
        public var emit: Language = .swift
        /// `--tape-budget`: reverse mode checkpoints its top-level loops that tape, holding
        /// at most this many bytes of snapshots per loop (Docs/ReverseMode.md); nil: no budget.
        public var tapeBudget: Int?
        /// `--tape-report`: the dump is the tape report of every reverse-mode function.
        public var tapeReport = false
        /// `--tape-sizes`: the report also evaluates each loop at these sizes.
        public var tapeSizes: TapeSizes?

        public init(modes: Set<Mode> = Set(Mode.standard), wrt: [Sema.WrtOverride] = [], namespace: String? = nil,
                    dumpAfter: Stage? = nil) {
            self.modes = modes
            self.wrt = wrt
            self.namespace = namespace
            self.dumpAfter = dumpAfter
        }
    }

    public struct Output: Sendable {
        /// The generated Swift file (C with `emit: .c`); nil when an error was reported.
        public var swift: String?
        public var diagnostics: [Diagnostic]
        /// The program after `options.dumpAfter`, when requested.
        public var dump: String?
        /// Problems with the training declarations, each to be shown at its origin.
        public var trainingIssues: [TrainingIssue] = []

        public var succeeded: Bool { swift != nil }
    }

    public static let version = "0.1.0"

    /// What `--emit` selects.
    public enum Language: String, CaseIterable, Sendable {
        case swift, c
    }

    /// Runs the whole pipeline on one source file.
    public static func compile(_ file: SourceFile, options: Options = Options()) -> Output {
        let combined = compile([file], options: options)
        return Output(swift: combined.swift, diagnostics: combined.diagnostics.first?.diagnostics ?? [],
                      dump: combined.dump, trainingIssues: combined.trainingIssues)
    }

    /// Several files compiled into one Swift file: one header, one import block, the
    /// support declarations once. A function defined in two inputs is an error.
    public struct CombinedOutput: Sendable {
        public var swift: String?
        /// Each input with the problems found in it, in input order.
        public var diagnostics: [(file: SourceFile, diagnostics: [Diagnostic])]
        public var dump: String?
        /// Problems with the training declarations, each to be shown at its origin.
        public var trainingIssues: [TrainingIssue] = []

        public var succeeded: Bool { swift != nil }
    }

    public static func compile(_ files: [SourceFile], options: Options = Options()) -> CombinedOutput {
        compile(files.map { (file: $0, options: options) })
    }

    /// Like ``compile(_:options:)-swift.type.method``, with options per input (`wrt`
    /// differs per file); the file-level settings — namespace, tape statistics — are
    /// the first input's.
    public static func compile(_ inputs: [(file: SourceFile, options: Options)]) -> CombinedOutput {
        let files = inputs.map(\.file)
        let options = inputs.first?.options ?? Options()
        if options.emit == .c { return compileC(inputs) }
        var swiftFunctions: [SwiftModel.Function] = []
        var swiftTypes: [SwiftModel.Struct] = []
        var training = TrainingRun(declarations: options.training)
        var imports = ["Foundation"]
        var usesTapes = false
        var usesRademacher = false
        var usesPolygamma = false
        var usesLanes = false
        var reports: [(file: SourceFile, diagnostics: [Diagnostic])] = []
        var dumps: [String] = []
        var definedIn: [String: String] = [:]
        for (file, fileOptions) in inputs {
            var diagnostics = DiagnosticEngine()
            var dump: String?
            let translated = translate(file, options: fileOptions, training: &training, diagnostics: &diagnostics,
                                       dump: &dump)
            if let translated {
                for (name, location) in translated.definitions {
                    if let other = definedIn[name] {
                        diagnostics.error("function '\(name)' is also defined in \(other); inputs written to one file share its names",
                                          at: location)
                    }
                    definedIn[name] = baseName(file.path)
                }
                swiftFunctions += translated.functions
                swiftTypes += translated.types
                usesTapes = usesTapes || translated.usesTapes
                usesRademacher = usesRademacher || translated.usesRademacher
                usesPolygamma = usesPolygamma || translated.usesPolygamma
                usesLanes = usesLanes || translated.usesLanes
                for module in translated.imports where !imports.contains(module) { imports.append(module) }
            }
            if let dump { dumps.append(dump) }
            reports.append((file, diagnostics.diagnostics))
        }
        let inputsFailed = reports.contains { $0.diagnostics.contains { $0.severity == .error } }
        let trainingIssues = training.finish(fileNames: files.map { baseName($0.path) }, inputsFailed: inputsFailed)
        let failed = inputsFailed || !trainingIssues.isEmpty
        let dump = dumps.isEmpty ? nil : dumps.joined(separator: "\n")
        guard !failed else {
            return CombinedOutput(swift: nil, diagnostics: reports, dump: dump, trainingIssues: trainingIssues)
        }
        let swiftFile = SwiftModel.File(
            headerComment: ["Generated by adgen \(version) from \(files.map { baseName($0.path) }.joined(separator: ", ")). Do not edit."],
            imports: imports,
            namespace: options.namespace,
            functions: swiftFunctions,
            support: [usesTapes ? RuntimeSupport.tape(statistics: options.tapeStatistics) : [],
                      usesLanes ? RuntimeSupport.lanes : [],
                      usesRademacher ? RuntimeSupport.rademacher : [],
                      usesPolygamma ? RuntimeSupport.polygamma : []].filter { !$0.isEmpty }.joined(separator: [""]).map { $0 },
            types: swiftTypes)
        return CombinedOutput(swift: SwiftRenderer.render(swiftFile), diagnostics: reports, dump: dump)
    }

    /// One file through every stage up to the Swift model (nil when it has errors).
    static func translate(_ file: SourceFile, options: Options, training: inout TrainingRun,
                          diagnostics: inout DiagnosticEngine, dump: inout String?)
        -> (functions: [SwiftModel.Function], types: [SwiftModel.Struct], imports: [String], usesTapes: Bool,
            usesRademacher: Bool, usesPolygamma: Bool, usesLanes: Bool, definitions: [(String, SourceLocation)])? {
        guard let module = analyze(file, options: options, diagnostics: &diagnostics, dump: &dump) else { return nil }
        let primal = IR.Module(functions: module.functions.map(Cleanup.run))
        if options.dumpAfter == .ir { dump = IRPrinter.print(primal) }
        let plans = training.plans(for: primal, fileName: baseName(file.path))
        if options.dumpAfter == .train { dump = IRPrinter.print(IR.Module(functions: plans.map(TrainingLoop.function))) }
        let derived = Derivatives.generate(for: primal, modes: options.modes, dumpAfter: options.dumpAfter, dump: &dump,
                                           gradients: Training.gradientRequests(plans), tapeBudget: options.tapeBudget,
                                           tapeReport: options.tapeReport, tapeSizes: options.tapeSizes)
        let functions = (options.modes.contains(.primal) ? primal.functions : []).map(Cleanup.run)
            + derived.map { Cleanup.run(Peephole.run($0)) }
        if !verify(functions, diagnostics: &diagnostics) { return nil }
        let usesTapes = functions.contains { function in
            var found = false
            IRWalk.forEachStatement(function.body) { if case .append = $0.kind { found = true } }
            return found
        }
        let usesRademacher = functions.contains { $0.name.hasSuffix(Naming.hessianTrace("")) }
        var swiftFunctions = functions.map(SwiftTranslator.translate).map(HessianTraceDriver.swiftSignature)
        var imports: [String] = []
        if options.modes.contains(.complexStep) {
            let variants = ComplexStep.functions(primals: primal.functions.map(Cleanup.run),
                                                 derived: derived.map(Cleanup.run))
            if !verify(variants, diagnostics: &diagnostics) { return nil }
            swiftFunctions += ComplexStep.variants(of: variants).map(SwiftTranslator.translate)
            imports.append(ComplexStep.runtimeModule)
        }
        let trained = Training.generate(plans)
        swiftFunctions += trained.functions
        let checkpoints = functions.contains { function in
            var found = false
            IRWalk.forEachStatement(function.body) { if case .checkpoint = $0.kind { found = true } }
            return found
        }
        if Training.needsRuntime(plans) || checkpoints, !imports.contains(ComplexStep.runtimeModule) {
            imports.append(ComplexStep.runtimeModule)
        }
        let definitions = module.functions.map { ($0.name, $0.location) } + plans.map { ($0.functionName, $0.loss.location) }
        let usesPolygamma = IRWalk.calls(.polygamma, in: functions)
        let usesLanes = functions.contains { $0.variableTypes.values.contains(.lanes) }
        return (swiftFunctions, trained.types, imports, usesTapes, usesRademacher, usesPolygamma, usesLanes, definitions)
    }

    /// Parsing (unless another front end did) and sema: the typed module, nil on errors.
    static func analyze(_ file: SourceFile, options: Options, diagnostics: inout DiagnosticEngine,
                        dump: inout String?) -> IR.Module? {
        if let location = invalidUTF8Location(file.bytes) {
            diagnostics.error("file is not valid UTF-8", at: location)
            return nil
        }
        let syntax = options.syntax ?? Parser.parse(file, diagnostics: &diagnostics)
        if options.dumpAfter == .parse { dump = SyntaxPrinter.print(syntax) }
        let module = Sema.analyze(syntax, wrt: options.wrt, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return nil }
        if options.dumpAfter == .sema { dump = IRPrinter.print(module) }
        return module
    }

    /// Runs ``IRVerifier`` on every function about to be emitted; a problem is a bug in
    /// adgen, reported as an error at the DSL function so that nothing is written.
    static func verify(_ functions: [IR.Function], diagnostics: inout DiagnosticEngine) -> Bool {
        var valid = true
        for function in functions {
            for problem in IRVerifier.problems(in: function) {
                diagnostics.error("internal error: adgen generated invalid code (\(problem)); please report this program",
                                  at: function.location)
                valid = false
            }
        }
        return valid
    }

    /// The file name of a path: `Fixtures/a.adg` → `a.adg`.
    public static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The position of the first byte that is not part of valid UTF-8, if any.
    static func invalidUTF8Location(_ bytes: [UInt8]) -> SourceLocation? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(line: line, column: index - lineStart + 1, offset: index)
            }
            if length > 1 {
                guard index + length <= bytes.count,
                      bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil else {
                    return SourceLocation(line: line, column: index - lineStart + 1, offset: index)
                }
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return nil
    }
}
