import ADGenCheck
import ADGenCore
import Foundation
import XCTest

/// Compiles the generated code of every fixture, together with the fixture itself as a
/// reference and a driver built from the `// check:` lines, in ONE `swiftc` call; runs
/// the program once and checks its report:
///
/// - primal: generated `f` equals the fixture's own `f` bit for bit;
/// - fJVP: value bit for bit, tangent against 4th-order central differences;
/// - fVJP: dot-product test against fJVP, and against differences;
/// - fGradient: against fVJP(seed: 1) and differences;
/// - fHVP: gradient part against fGradient, Hv against differences of the gradient,
///   symmetry ⟨w, Hv⟩ = ⟨v, Hw⟩.
///
/// Checks run for every mode the generated file contains; a mode of `testedModes` that
/// is missing for some function fails the test. Tolerances are in `HarnessRuntime`.
final class CompiledFixturesTests: XCTestCase {
    /// The modes every function must have (gradient and HVP only for `Double` results).
    /// Add `.jvp, .vjp, .gradient, .hvp` once `Derivatives.generate` emits them.
    static let testedModes: Set<Pipeline.Mode> = Set(Pipeline.Mode.standard)

    /// Random points per `// check:` line.
    static let pointsPerCheck = 3
    static let compileTimeout = 240.0
    static let runTimeout = 60.0

    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    func testCompiledFixtures() throws {
        let (programs, loadProblems) = try Self.loadFixtures()
        if !loadProblems.isEmpty {
            XCTFail("fixture problems:\n" + loadProblems.joined(separator: "\n"))
        }
        try Self.check(programs, testedModes: Self.testedModes)
    }

    func testCheckDirectiveGrammar() throws {
        let directive = try CheckDirective.parse(
            " f(rand, x: rand(-3.5...-2.5), rand(4), w: rand(3, 0.5...1), n: 3, y: [1, -2.5e-3], z: true)", line: 7)
        XCTAssertEqual(directive.function, "f")
        XCTAssertEqual(directive.line, 7)
        XCTAssertEqual(directive.arguments, [
            .init(label: nil, value: .random(count: nil, low: "-1", high: "1")),
            .init(label: "x", value: .random(count: nil, low: "-3.5", high: "-2.5")),
            .init(label: nil, value: .random(count: 4, low: "-1", high: "1")),
            .init(label: "w", value: .random(count: 3, low: "0.5", high: "1")),
            .init(label: "n", value: .literal(.number("3"))),
            .init(label: "y", value: .literal(.array(["1", "-2.5e-3"]))),
            .init(label: "z", value: .literal(.bool(true))),
        ])
        XCTAssertEqual(try CheckDirective.parse(" g()", line: 1).arguments, [])
        XCTAssertEqual(try CheckDirective.parse(" g(rand(1...2))", line: 1).arguments,
                       [.init(label: nil, value: .random(count: nil, low: "1", high: "2"))])
        for bad in [" g(", " g(x: )", " g(rand(2.5))", " g(x: foo)", " g(1) extra", " (1)"] {
            XCTAssertThrowsError(try CheckDirective.parse(bad, line: 1), "accepted '\(bad)'")
        }
        let scanned = CheckDirective.scan("// check: a(1)\nfunc a(x: Double) -> Double { x }\n  // check: b(\n")
        XCTAssertEqual(scanned.directives.map(\.line), [1])
        XCTAssertEqual(scanned.errors.map(\.line), [3])
    }

    // MARK: - Steps

    /// Every `Fixtures/*.adg`: generated Swift (all modes requested), IR, directives.
    static func loadFixtures() throws -> (programs: [FixtureProgram], problems: [String]) {
        // The corpus, then the reduced programs of past bugs (Fixtures/regressions/).
        let regressions = fixturesDirectory.appendingPathComponent("regressions")
        let urls = try [fixturesDirectory, regressions].flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "adg" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        var programs: [FixtureProgram] = []
        var problems: [String] = []
        if urls.isEmpty { problems.append("no fixtures in \(fixturesDirectory.path)") }
        for url in urls {
            let name = url.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: url, encoding: .utf8)
            let (program, programProblems) = FixtureProgram.compile(name: name, text: text)
            problems += programProblems
            if let program { programs.append(program) }
        }
        return (programs, problems)
    }

    /// Builds, compiles, runs and evaluates the program for `programs`, failing the test
    /// for every failure and problem of the evaluation.
    static func check(_ programs: [FixtureProgram], testedModes: Set<Pipeline.Mode>,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let evaluation = try evaluate(programs, testedModes: testedModes)
        if !evaluation.summary.isEmpty { print(evaluation.summary) }
        for failure in evaluation.failures { XCTFail(failure, file: file, line: line) }
        reportProblems(evaluation.problems, file: file, line: line)
    }

    /// Builds, compiles and runs the program for `programs` and reads its report; keeps
    /// the program's folder when anything failed and `keepOnFailure` is set.
    static func evaluate(_ programs: [FixtureProgram], testedModes: Set<Pipeline.Mode>,
                         keepOnFailure: Bool = true) throws -> HarnessEvaluation {
        let started = Date()
        var evaluation = HarnessEvaluation()
        var problems: [String] = []
        func fail(_ message: String) { evaluation.failures.append(message) }

        // Modes: checks run for what is present; what testedModes requires must be there.
        var modesRun: Set<Pipeline.Mode> = []
        var included: [FixtureProgram] = []
        for program in programs {
            var primalMissing = false
            for function in program.module.functions {
                let present = program.presentModes(of: function)
                let applicable = FixtureProgram.applicableModes(of: function)
                modesRun.formUnion(present.intersection(applicable))
                let missing = testedModes.intersection(applicable).subtracting(present)
                if !missing.isEmpty {
                    problems.append("\(program.fileName): '\(function.name)': the generated file lacks "
                                    + missing.map { "\(function.name)\($0.suffix)" }.sorted().joined(separator: ", "))
                }
                if !present.contains(.primal) { primalMissing = true }
            }
            if !primalMissing { included.append(program) }
        }
        var drivers: [String: (source: String, checks: Int)] = [:]
        for program in included {
            let driver = DriverGenerator.generate(program)
            problems += driver.problems
            drivers[program.name] = (driver.source, driver.checks)
        }

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("adgen-compiled-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var keep = ProcessInfo.processInfo.environment["ADGEN_KEEP_HARNESS"] != nil
        defer {
            if keep {
                print("compiled-fixture program kept in \(directory.path)")
            } else {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        guard let swiftc = Toolchain.swiftc() else {
            fail("swiftc not found (SWIFT_EXEC, /opt/swift/usr/bin/swiftc, PATH)")
            return evaluation
        }

        // One swiftc call. When it fails, the failure is reported, and the fixtures whose
        // files have errors are left out of a second call so the others still get checked.
        let executable = "fixture-checks"
        var compileSeconds = 0.0
        while true {
            let files = try writeProgram(included, drivers: drivers, in: directory)
            let compile = try Toolchain.run(
                swiftc, ["-Onone", "-warnings-as-errors", "-continue-building-after-errors", "-module-name", "FixtureChecks", "-o", executable]
                    + Toolchain.parallelJobs + Toolchain.runtimeFlags + files,
                in: directory, timeout: compileTimeout, label: "swiftc")
            compileSeconds += compile.seconds
            if compile.status == 0 && !compile.timedOut { break }
            keep = keepOnFailure
            let output = compile.stdout + compile.stderr
            let (errors, broken, byProgram) = compilerErrorsByFixture(output, programs: included)
            evaluation.compileErrors.merge(byProgram) { $0 + $1 }
            fail("swiftc failed (\(compile.timedOut ? "timed out" : "status \(compile.status)"), "
                 + "\(String(format: "%.1f", compile.seconds)) s) in \(directory.path)\n" + errors
                 + "\n--- full compiler output ---\n" + output.split(separator: "\n").prefix(400).joined(separator: "\n"))
            let remaining = included.filter { !broken.contains($0.name) }
            if compile.timedOut || broken.isEmpty || remaining.isEmpty || remaining.count == included.count {
                evaluation.problems = problems
                evaluation.notCompiled = included.map(\.name)
                return evaluation
            }
            problems.append("not run (their code does not compile): "
                            + broken.sorted().map { $0 + ".adg" }.joined(separator: ", "))
            included = remaining
        }
        let expectedPoints = included.reduce(0) { $0 + drivers[$1.name]!.checks } * pointsPerCheck

        // One run. After a crash or a time-out, once more for the fixtures after the one that stopped.
        var output = DriverOutput("")
        var runSeconds = 0.0
        var remaining = included.map(\.name)
        var stoppedEarly = false
        while !remaining.isEmpty {
            let run = try Toolchain.run(directory.appendingPathComponent(executable).path, remaining, in: directory,
                                        timeout: runTimeout, label: "run-\(included.count - remaining.count)")
            runSeconds += run.seconds
            let partial = DriverOutput(run.stdout)
            output.append(partial)
            if partial.summary != nil && run.status == 0 && !run.timedOut { break }
            stoppedEarly = true
            keep = keepOnFailure
            let state = run.timedOut ? "timed out after \(runTimeout) s"
                : run.crashed ? "crashed (signal \(run.status))" : "exited with status \(run.status)"
            let last = partial.starts.last
            let stderr = run.stderr.components(separatedBy: "\nRegisters:").first ?? run.stderr
            fail("the fixture program \(state) in check "
                 + (last.map { "\($0[0]).adg:\($0[2]) \($0[1]) point \($0[3])" } ?? "(none started)")
                 + " (program in \(directory.path)); stderr:\n" + stderr.split(separator: "\n").prefix(30).joined(separator: "\n"))
            let stopped = last?[0] ?? remaining[0]
            evaluation.crashes[stopped] = state + ": " + stderr.split(separator: "\n").prefix(6).joined(separator: "\n")
            remaining = Array(remaining.drop { $0 != stopped }.dropFirst())
        }
        if !output.malformed.isEmpty {
            problems.append("unreadable program output:\n" + output.malformed.prefix(20).joined(separator: "\n"))
        }
        if !stoppedEarly && output.starts.count != expectedPoints {
            problems.append("expected \(expectedPoints) check points, the program ran \(output.starts.count)")
        }
        if !stoppedEarly, let summary = output.summary, summary.results != output.results.count {
            problems.append("the program reported \(summary.results) results, \(output.results.count) were read")
        }

        // Report: the worst error per mode and metric always; every failure when there are any.
        let modeList = { (modes: Set<Pipeline.Mode>) in
            Pipeline.Mode.standard.filter { modes.contains($0) }.map(\.rawValue).joined(separator: ", ")
        }
        var summary = ["compiled fixtures: \(included.count) fixtures, \(expectedPoints / pointsPerCheck) checks x "
                       + "\(pointsPerCheck) points, \(output.results.count) results, "
                       + "\(output.results.filter { !$0.passed }.count) failed; modes run: \(modeList(modesRun)); "
                       + "required (testedModes): \(modeList(testedModes))",
                       "time: swiftc \(String(format: "%.1f", compileSeconds)) s, run \(String(format: "%.2f", runSeconds)) s, "
                       + "total \(String(format: "%.1f", Date().timeIntervalSince(started))) s",
                       "worst error per mode/metric over all fixtures (tolerance; where):"]
        for entry in output.worstByMetric {
            let name = "\(entry.mode) \(entry.metric)".padding(toLength: 32, withPad: " ", startingAt: 0)
            summary.append("  \(name) \(format(entry.worst.value).padding(toLength: 10, withPad: " ", startingAt: 0)) "
                           + "(tol \(format(entry.worst.tolerance)); \(entry.count) results; worst at \(entry.worst.location))")
        }
        evaluation.summary = summary.joined(separator: "\n")
        evaluation.results = output.results

        let failures = output.failureReport
        if !failures.isEmpty {
            keep = keepOnFailure
            fail("\(failures.count) failing check(s) (program in \(directory.path)):\n" + failures.joined(separator: "\n"))
        }
        if !problems.isEmpty { keep = keepOnFailure }
        evaluation.problems = problems
        return evaluation
    }

    /// Writes Harness.swift, main.swift and per fixture Gen_*.swift, Ref_*.swift and
    /// Driver_*.swift; returns the file names for swiftc.
    static func writeProgram(_ programs: [FixtureProgram], drivers: [String: (source: String, checks: Int)],
                             in directory: URL) throws -> [String] {
        var files: [String] = []
        func write(_ name: String, _ text: String) throws {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(name)
        }
        var main = ["import Foundation", "",
                    "let harness = Harness(pointCount: \(pointsPerCheck))",
                    "/// Fixtures to run (all when no arguments are given).",
                    "let selected = Set(CommandLine.arguments.dropFirst())"]
        try write(HarnessRuntime.fileName, HarnessRuntime.source)
        for program in programs {
            try write(program.genFileName, program.generatedSwift)
            try write(program.refFileName, program.referenceSwift)
            try write(program.driverFileName, drivers[program.name]!.source)
            main.append("if selected.isEmpty || selected.contains(\"\(program.name)\") { \(program.runFunctionName)(harness) }")
        }
        main.append("harness.finish()")
        try write("main.swift", main.joined(separator: "\n") + "\n")
        return files
    }

    static func reportProblems(_ problems: [String], file: StaticString, line: UInt) {
        if !problems.isEmpty {
            XCTFail(problems.joined(separator: "\n"), file: file, line: line)
        }
    }

    /// The compiler's error lines, each named by fixture and role (reference lines mapped
    /// back to the `.adg` line), and the names of the fixtures with errors.
    static func compilerErrorsByFixture(_ output: String, programs: [FixtureProgram])
        -> (String, Set<String>, [String: [String]]) {
        var roles: [String: (program: FixtureProgram, role: String)] = [:]
        for program in programs {
            roles[program.genFileName] = (program, "generated code")
            roles[program.refFileName] = (program, "reference")
            roles[program.driverFileName] = (program, "driver")
        }
        var lines: [String] = []
        var broken: Set<String> = []
        var byProgram: [String: [String]] = [:]
        for rawLine in output.split(separator: "\n") where rawLine.contains(": error: ") {
            let line = String(rawLine)
            let location = line.prefix { $0 != " " }.split(separator: ":")
            guard location.count >= 3, let path = location.first else {
                lines.append("  " + line)
                continue
            }
            let fileName = String(path.split(separator: "/").last ?? path)
            let message = line.components(separatedBy: ": error: ").dropFirst().joined(separator: ": error: ")
            guard let (program, role) = roles[fileName] else {
                lines.append("  \(fileName):\(location[1]): \(message)")
                continue
            }
            broken.insert(program.name)
            var position = "\(fileName):\(location[1])"
            if role == "reference", let number = Int(location[1]) {
                position += " = \(program.fileName):\(number - FixtureProgram.referencePrefixLines)"
            }
            lines.append("  \(program.fileName) [\(role)] \(position): \(message)")
            byProgram[program.name, default: []].append("[\(role)] \(message)")
        }
        let text = lines.isEmpty ? "(no error lines found)" : "errors by fixture:\n" + lines.joined(separator: "\n")
        return (text, broken, byProgram)
    }
}
