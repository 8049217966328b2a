import ADGenCheck
import ADGenCore
import ADGenDriver
import ADGenCheckSupport
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile every mode of .adg functions and check their derivatives numerically.",
        discussion: """
            Generates all modes and the complex-step variants, compiles them with swiftc -O
            against ADGenRuntime, and evaluates every function at random points. Each mode
            is compared with complex step, fourth-order finite differences and dot-product
            identities; the worst relative errors are reported per function and mode.
            Exit status 1 when any check fails (see Docs/Checking.md).

            Points: a function's --point specs, else its // check: lines in the file, else
            Double parameters in [0.2, 0.8], with array lengths and Int values tried in turn
            (all 3; one array of 9; ...) until one runs without a trap and gives finite values.

            Examples:
              adgen check model.adg
              adgen check model.adg --function loss --points 10 --format json
              adgen check model.adg --point 'loss(w: rand(4), x: rand(4, -1...1), n: 4)'
              adgen check model.adg --param n=5 --param x=rand(1...2)
              adgen check model.adg --train loss --weights w --optimizer adam --validation val --param steps=20

            Training declarations (--train, or the file's `// adgen: --train …` lines) with a
            validation function get LOptHypergradient checked: every method against central
            differences of the whole training run (10 steps, learning rate 0.01, the optimizer's
            defaults; --param steps=N, --param learningRate=x, ...) and against .unrolled.
            """)

    @Argument(help: "The .adg files to check.")
    var inputs: [String]

    @Option(name: .customLong("function"), help: "Check only this function (repeatable).")
    var functions: [String] = []

    @Option(help: "Random points per spec.")
    var points: Int = 3

    @Option(help: "Seed of the random points.")
    var seed: UInt64 = 1

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(name: .customLong("point"), parsing: .singleValue,
            help: ArgumentHelp("Where to evaluate a function, in // check: syntax; replaces its // check: lines. Repeatable.",
                               valueName: "f(x: rand(0.5...2), n: 4)"))
    var pointSpecs: [String] = []

    @Option(name: .customLong("param"), parsing: .singleValue,
            help: ArgumentHelp("One parameter's value in every spec. Repeatable.", valueName: "[function.]name=value"))
    var parameters: [String] = []

    @Option(parsing: .singleValue,
            help: ArgumentHelp("Active parameters, overriding @differentiable(wrt:). Repeatable.",
                               valueName: "[function:]param,..."))
    var wrt: [String] = []

    @OptionGroup(title: "Training (the hypergradient is checked when --validation is given)")
    var training: TrainingOptions

    @Option(help: "Seconds the check program may go without finishing a point before it is stopped.")
    var timeout: Double = 60

    @Option(name: .customLong("fd-tolerance"), help: "Tolerance against finite differences.")
    var finiteDifferenceTolerance: Double = CheckTolerances.standard.finiteDifference

    @Option(name: .customLong("cs-tolerance"), help: "Tolerance against complex step.")
    var complexStepTolerance: Double = CheckTolerances.standard.complexStep

    @Option(name: .customLong("dot-tolerance"), help: "Tolerance of the dot-product tests.")
    var dotProductTolerance: Double = CheckTolerances.standard.dotProduct

    func validate() throws {
        guard format == "text" || format == "json" else {
            throw ValidationError("--format must be text or json, found '\(format)'.")
        }
        guard points > 0 else { throw ValidationError("--points must be at least 1.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
    }

    func run() throws {
        let progress = CheckProgressPrinter()
        do {
            let plan = try makePlan()
            let options = CheckRunOptions(
                points: points, seed: seed,
                tolerances: CheckTolerances(finiteDifference: finiteDifferenceTolerance,
                                            complexStep: complexStepTolerance, dotProduct: dotProductTolerance),
                timeout: timeout)
            progress.note("checking \(plan.items.filter { $0.candidate == 0 }.count) spec(s) of "
                          + "\(plan.units.reduce(0) { $0 + Set($1.groups.map(\.function)).count }) function(s), "
                          + "\(points) point(s) each")
            let outcome = try CheckRunner(options: options).run(plan, progress: progress.report)
            progress.finish()
            let report = CheckReport(outcome)
            print(format == "json" ? report.json() : report.text(), terminator: "")
            if !report.passed { throw ExitCode(1) }
        } catch let error as CheckInputError {
            progress.finish()
            Self.printError(error.description)
            throw ExitCode(1)
        } catch let error as CheckCompileError {
            progress.finish()
            Self.printError(error.description)
            throw ExitCode(1)
        } catch let error as SwiftToolchainError {
            progress.finish()
            Self.printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    func makePlan() throws -> CheckPlan {
        var specs: [PointSpec] = []
        for text in pointSpecs {
            do {
                specs.append(try PointSpec.parse(text, line: 0))
            } catch let error as PointSpec.ParseError {
                throw CheckInputError("--point '\(text)': error: \(error)")
            }
        }
        let request = CheckRequest(functions: functions, points: specs,
                                   parameters: try parameters.map(ParameterValue.parse),
                                   wrt: try Generate.parseWrt(wrt), training: try training.declarations())
        var files: [(path: String, text: String)] = []
        var unreadable: [String] = []
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input) else {
                unreadable.append("error: cannot read '\(input)'")
                continue
            }
            files.append((input, String(decoding: data, as: UTF8.self)))
        }
        if !unreadable.isEmpty { throw CheckInputError(messages: unreadable) }
        return try CheckPlan.load(files, request: request)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
