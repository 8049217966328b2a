import ArgumentParser
import ADGenC
import ADGenCore
import ADGenRuntime
import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift (or C) primals and derivatives from .adg or C files.",
        discussion: """
            With -o, all inputs go into one Swift file; with --output-dir, each input
            NAME.adg becomes DIR/NAME.swift. Nothing is written when any input has an
            error: diagnostics go to standard error and the exit status is 1.

            Examples:
              adgen generate model.adg -o Model.swift
              adgen generate a.adg b.adg --output-dir Generated
              adgen generate model.adg --wrt loss:w,b -o Model.swift
              adgen generate model.adg --dump-after ir
              adgen generate model.adg --train loss --weights w --optimizer adam -o T.swift
              adgen generate kernel.c -o Kernel.swift
              adgen generate kernel.c --emit c -o kernel_ad.c
            """)

    @Argument(help: "The .adg files (or .c files, read through libclang: Docs/C.md) to compile.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Write all generated code to this Swift file.")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Write NAME.swift for each input NAME.adg into this directory.")
    var outputDirectory: String?

    @Option(parsing: .singleValue,
            help: ArgumentHelp("Active parameters, overriding @differentiable(wrt:). Repeatable.",
                               discussion: "'f:a,b' sets function f's; 'a,b' sets every function that has such parameters.",
                               valueName: "[function:]param,..."))
    var wrt: [String] = []

    @Option(help: ArgumentHelp("Which functions to emit (comma-separated); complexStep, jacobian, hessian and hessianTrace are not defaults.",
                               valueName: Pipeline.Mode.allCases.map(\.rawValue).joined(separator: ",")))
    var modes: String = Pipeline.Mode.standard.map(\.rawValue).joined(separator: ",")

    @Option(help: "Wrap the generated functions in 'public enum NAME' as static functions.")
    var namespace: String?

    @Flag(name: .customLong("tape-statistics"),
          help: "Make reverse-mode tapes call adgenTapeDidPush(bytes:), which the including module defines.")
    var tapeStatistics = false

    @Option(name: .customLong("tape-budget"),
            help: ArgumentHelp("Checkpoint reverse-mode loops so that their snapshots take at most this many bytes (Docs/ReverseMode.md).",
                               valueName: "bytes, e.g. 64MB"))
    var tapeBudget: String?

    @Flag(name: .customLong("tape-report"),
          help: "Print, per reverse-mode function and loop, what is taped per iteration and the strategy chosen.")
    var tapeReport = false

    @Option(name: .customLong("tape-sizes"),
            help: ArgumentHelp("With --tape-report: evaluate each loop's peak bytes and recomputation at these sizes.",
                               valueName: "name=N,array.count=N"))
    var tapeSizes: String?

    @OptionGroup var training: TrainingOptions

    @Option(help: "Read modes, wrt, namespace and training from this JSON file (adgen-config.json); flags given here win.")
    var config: String?

    @Option(name: .customLong("config-scope"),
            help: ArgumentHelp("Another .adg file of the same target (repeatable; the build plugin passes them).",
                               discussion: "The --config file's 'wrt' may name functions defined there, and 'namespace' is refused when the target has several .adg files.",
                               valueName: "file.adg"))
    var configScope: [String] = []

    @Option(help: ArgumentHelp("The language of the output (C: Docs/C.md).",
                               valueName: Pipeline.Language.allCases.map(\.rawValue).joined(separator: "|")))
    var emit: String = Pipeline.Language.swift.rawValue

    @Option(name: .customLong("dump-after"),
            help: ArgumentHelp("Print the program after a stage to standard output.",
                               valueName: Pipeline.Stage.allCases.map(\.rawValue).joined(separator: "|")))
    var dumpAfter: String?

    func validate() throws {
        if output != nil, outputDirectory != nil {
            throw ValidationError("Give either -o/--output or --output-dir, not both.")
        }
        if output == nil, outputDirectory == nil, dumpAfter == nil, !tapeReport {
            throw ValidationError("Missing output: give -o FILE or --output-dir DIR (or --dump-after STAGE).")
        }
        if tapeReport, dumpAfter != nil {
            throw ValidationError("Give either --tape-report or --dump-after, not both: both print to standard output.")
        }
        if let dumpAfter, Pipeline.Stage(rawValue: dumpAfter) == nil {
            throw ValidationError("Unknown stage '\(dumpAfter)'; stages: \(Pipeline.Stage.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        _ = try parsedModes()
        _ = try parsedWrt()
        if Pipeline.Language(rawValue: emit) == nil {
            throw ValidationError("Unknown --emit '\(emit)'; languages: \(Pipeline.Language.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let tapeSizes {
            guard tapeReport else { throw ValidationError("--tape-sizes needs --tape-report.") }
            guard TapeSizes.parse(tapeSizes) != nil else {
                throw ValidationError("--tape-sizes expects name=N pairs separated by commas, such as steps=100000,y.count=100; found '\(tapeSizes)'.")
            }
        }
        if let tapeBudget {
            guard ByteSize.parse(tapeBudget) != nil else {
                throw ValidationError("--tape-budget expects a size in bytes, \(ByteSize.example); found '\(tapeBudget)'.")
            }
            if emit == Pipeline.Language.c.rawValue {
                throw ValidationError("--tape-budget is not supported with --emit c: checkpointed loops need the Swift runtime.")
            }
        }
        if let namespace, !Self.isIdentifier(namespace) {
            throw ValidationError("--namespace must be a Swift identifier, found '\(namespace)'.")
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            && text.unicodeScalars.allSatisfy(\.isASCII)
    }

    func parsedModes() throws -> Set<Pipeline.Mode> {
        var result: Set<Pipeline.Mode> = []
        for name in modes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let mode = Pipeline.Mode(rawValue: name) else {
                throw ValidationError("Unknown mode '\(name)'; modes: \(Pipeline.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            result.insert(mode)
        }
        if result.isEmpty { throw ValidationError("--modes needs at least one mode.") }
        return result
    }

    func parsedWrt() throws -> [Sema.WrtOverride] { try Self.parseWrt(wrt) }

    /// `[function:]param,...` values of `--wrt` (also used by `adgen check`).
    static func parseWrt(_ wrt: [String]) throws -> [Sema.WrtOverride] {
        try wrt.map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let function = parts.count == 2 ? parts[0] : nil
            let names = (parts.count == 2 ? parts[1] : parts[0]).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy(Self.isIdentifier), function.map(Self.isIdentifier) ?? true else {
                throw ValidationError("--wrt expects '[function:]param,...', found '\(spec)'.")
            }
            return Sema.WrtOverride(function: function, parameters: names)
        }
    }

    /// Whether --modes was given (it has a default, so the config may set modes otherwise).
    var modesGiven: Bool { CommandLine.arguments.contains { $0 == "--modes" || $0.hasPrefix("--modes=") } }

    func run() throws {
        var options = Pipeline.Options(modes: try parsedModes(), wrt: try parsedWrt(), namespace: namespace,
                                       dumpAfter: dumpAfter.flatMap(Pipeline.Stage.init(rawValue:)))
        options.tapeStatistics = tapeStatistics
        options.tapeBudget = tapeBudget.flatMap(ByteSize.parse)
        options.tapeReport = tapeReport
        options.tapeSizes = tapeSizes.flatMap(TapeSizes.parse).map {
            TapeSizes(values: $0, checkpointPlan: LoopCheckpoints.plan)
        }
        options.training = try commandLineTraining()
        options.emit = Pipeline.Language(rawValue: emit) ?? .swift
        // The config's `wrt` entries, applied per file to the functions each file defines.
        var configWrt: Config?
        if let config {
            do {
                let settings = try Config.load(config)
                if !modesGiven, let modes = settings.modes { options.modes = modes }
                if settings.tapeStatistics { options.tapeStatistics = true }
                if options.tapeBudget == nil, let budget = settings.tapeBudget {
                    guard options.emit == .swift else {
                        throw settings.invalid("'tapeBudget' is not supported with --emit c: checkpointed loops need the Swift runtime",
                                               at: "tapeBudget")
                    }
                    options.tapeBudget = budget
                }
                if training.train == nil {
                    options.training = Self.trainingForInputs(settings.training, inputs: inputs, scope: configScope)
                }
                if wrt.isEmpty, !settings.wrt.isEmpty { configWrt = settings }
                if namespace == nil, settings.namespace != nil {
                    try settings.checkNamespace(fileCount: inputs.count + configScope.count)
                    options.namespace = settings.namespace
                }
                try configWrt?.checkWrt(against: Self.signatures(in: inputs + configScope))
            } catch let error as Config.Invalid {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
        var sources: [(file: SourceFile, options: Pipeline.Options)] = []
        var failed = false
        for input in inputs {
            guard let bytes = FileManager.default.contents(atPath: input) else {
                FileHandle.standardError.write(Data("error: cannot read '\(input)'\n".utf8))
                failed = true
                continue
            }
            var fileOptions = options
            if let configWrt { fileOptions.wrt = configWrt.wrt(forFileDefining: Self.signatures(in: [input])) }
            let file = SourceFile(path: input, bytes: [UInt8](bytes))
            if CFrontEnd.isC(input) {
                guard let syntax = Self.readC(file) else {
                    failed = true
                    continue
                }
                fileOptions.syntax = syntax
            }
            sources.append((file, fileOptions))
        }
        if output == nil {
            for issue in Self.assignTraining(&sources) {
                FileHandle.standardError.write(Data((issue.rendered + "\n").utf8))
                failed = true
            }
        }
        // With -o, all inputs become one file; otherwise one file per input.
        let groups = output != nil ? [sources] : sources.map { [$0] }
        var results: [(input: String, swift: String)] = []
        for group in groups where !group.isEmpty {
            let result = Pipeline.compile(group)
            for (file, diagnostics) in result.diagnostics {
                for diagnostic in diagnostics {
                    FileHandle.standardError.write(Data((diagnostic.rendered(in: file) + "\n").utf8))
                }
            }
            for issue in result.trainingIssues {
                FileHandle.standardError.write(Data((issue.rendered + "\n").utf8))
            }
            if let dump = result.dump { print(dump, terminator: dump.hasSuffix("\n") ? "" : "\n") }
            if let swift = result.swift { results.append((group[0].file.path, swift)) } else { failed = true }
        }
        if failed { throw ExitCode(1) }
        do {
            if let output {
                try OutputWriter.write(results.first?.swift ?? "", to: output)
            } else if let outputDirectory {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
                for (input, swift) in results {
                    let stem = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                    let suffix = options.emit == .c ? "_ad.c" : ".swift"
                    try OutputWriter.write(swift, to: URL(fileURLWithPath: outputDirectory).appendingPathComponent(stem + suffix).path)
                }
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// A C input through the C front end; its diagnostics go to standard error.
    static func readC(_ file: SourceFile) -> Syntax.File? {
        guard CFrontEnd.isAvailable else {
            FileHandle.standardError.write(Data("error: \(CFrontEnd.missingLibClangMessage)\n".utf8))
            return nil
        }
        var diagnostics = DiagnosticEngine()
        let syntax = CFrontEnd.parse(file, diagnostics: &diagnostics)
        for diagnostic in diagnostics.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.rendered(in: file) + "\n").utf8))
        }
        return syntax
    }

    /// The parameters of each function the files declare (unreadable or broken files add none).
    static func signatures(in paths: [String]) -> [String: [Syntax.Parameter]] {
        var signatures: [String: [Syntax.Parameter]] = [:]
        for path in paths {
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            var ignored = DiagnosticEngine()
            for function in Parser.parse(SourceFile(path: path, bytes: [UInt8](bytes)), diagnostics: &ignored).functions {
                signatures[function.name] = function.parameters
            }
        }
        return signatures
    }
}
