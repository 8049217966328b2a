import Foundation
import XCTest
@testable import ADGenCore

/// Runs the built `adgen` executable (the products directory holds it next to the test bundle).
final class CLITests: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `adgen` of this build: next to the test bundle, else in the usual scratch paths.
    static let executable: URL? = {
        // The test bundle sits in the products directory (on Linux the bundle URL may be
        // that directory itself).
        let bundle = Bundle(for: CLITests.self).bundleURL
        var candidates: [URL] = [bundle.deletingLastPathComponent(), bundle]
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates += [".build-tests/debug", ".build/debug"].map { TestSupport.repositoryRoot.appendingPathComponent($0) }
        return candidates.map { $0.appendingPathComponent("adgen") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private var directory: URL!

    override func setUpWithError() throws {
        guard Self.executable != nil else {
            throw XCTSkip("adgen executable not found next to the test bundle; build it with `swift build --build-tests`")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs adgen in the temporary directory.
    @discardableResult
    private func adgen(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Output goes to files beside (not in) the working directory: no pipe can fill up.
        let outURL = directory.appendingPathExtension("stdout"), errURL = directory.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    private func write(_ text: String, to name: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func files(in name: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(name).path).sorted()
    }

    private let good = """
        /// Squares and scales.
        func f(x: Double, k: Double) -> Double {
            return k * x * x
        }

        """

    private let bad = """
        func f(x: Double) -> Double {
            let y = { x in x * x }
            return y + z
        }

        """

    private func expectedSwift(_ text: String, path: String, options: Pipeline.Options = Pipeline.Options()) -> String? {
        Pipeline.compile(SourceFile(path: path, text: text), options: options).swift
    }

    // MARK: Help and version

    func testTheExecutableIsThisBuildsProduct() throws {
        // The executable must come from the same products directory as this test binary.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        XCTAssertEqual(Self.executable?.resolvingSymlinksInPath().deletingLastPathComponent().path, products.path)
    }

    func testVersion() throws {
        let result = try adgen(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, Pipeline.version + "\n")
    }

    func testRootHelp() throws {
        let result = try adgen(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("USAGE: adgen <subcommand>"), result.stdout)
        XCTAssertTrue(result.stdout.contains("generate"), result.stdout)
        XCTAssertTrue(result.stdout.contains("--version"), result.stdout)
    }

    func testGenerateHelp() throws {
        for arguments in [["generate", "--help"], ["help", "generate"]] {
            let result = try adgen(arguments)
            XCTAssertEqual(result.status, 0)
            // With many options ArgumentParser shortens the usage line to `[<options>] <inputs> ...`.
            XCTAssertTrue(result.stdout.contains("USAGE: adgen generate [<options>] <inputs> ..."), result.stdout)
            for option in ["--output <output>", "--output-dir <output-dir>", "--wrt", "--modes", "--namespace", "--dump-after",
                           "--train <loss>", "--weights <param>", "--optimizer <sgd|momentum", "--validation <function>"] {
                XCTAssertTrue(result.stdout.contains(option), "\(option) missing from\n\(result.stdout)")
            }
        }
    }

    // MARK: Generating

    func testGoodInputWritesTheFile() throws {
        try write(good, to: "model.adg")
        let result = try adgen(["generate", "model.adg", "-o", "Model.swift"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(read("Model.swift"), expectedSwift(good, path: "model.adg"))
        XCTAssertEqual(try files(), ["Model.swift", "model.adg"])
        // The generated file has every function of the contract.
        let swift = read("Model.swift") ?? ""
        for name in ["func f(", "func fJVP(", "func fVJP(", "func fGradient(", "func fHVP("] {
            XCTAssertTrue(swift.contains(name), "\(name) missing")
        }
    }

    private let taping = """
        /// A recurrence whose reverse reads every overwritten value.
        func g(x: Double, n: Int) -> Double {
            var y = x
            for _ in 0..<n {
                y = sin(y) * x
            }
            return y
        }

        """

    func testTapeBudgetCheckpointsTheLoopAndTheReportSaysSo() throws {
        try write(taping, to: "model.adg")
        let budgeted = try adgen(["generate", "model.adg", "--tape-budget", "4 KB", "-o", "Model.swift"])
        XCTAssertEqual(budgeted.status, 0, budgeted.stderr)
        var options = Pipeline.Options()
        options.tapeBudget = 4096
        XCTAssertEqual(read("Model.swift"), expectedSwift(taping, path: "model.adg", options: options))
        XCTAssertTrue(read("Model.swift")?.contains("LoopCheckpoints(steps: n, snapshotBytes: 8 * 1, tapeBudget: 4096)") ?? false)
        let report = try adgen(["generate", "model.adg", "--tape-report"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("for _ in 0..<n (line 4): n iterations, 16 bytes taped per iteration"), report.stdout)
        XCTAssertTrue(report.stdout.contains("taped: the tape grows with the trip count"), report.stdout)
        let sized = try adgen(["generate", "model.adg", "--tape-report", "--tape-sizes", "n=1000"])
        XCTAssertTrue(sized.stdout.contains("at n = 1000: 16000 bytes (15.6 KB) taped"), sized.stdout)
        // 512 frames: Revolve on 511 slots re-runs 2·1000 − C(513, 1) steps, 999 of them the primal sweep.
        let budgetedReport = try adgen(["generate", "model.adg", "--tape-report", "--tape-budget", "4KB", "--tape-sizes", "n=1000"])
        XCTAssertTrue(budgetedReport.stdout.contains("at n = 1000: at most 512 snapshots of 8 bytes, 4096 bytes (4.0 KB), "
                                                     + "plus one step's tape of 16 bytes; 488 steps recomputed (0.49·T)"),
                      budgetedReport.stdout)
        // Sizes far past any run: answered at once, without evaluating the schedule or overflowing.
        let huge = try adgen(["generate", "model.adg", "--tape-report", "--tape-budget", "16", "--tape-sizes", "n=9223372036854775807"])
        XCTAssertEqual(huge.status, 0, huge.stderr)
        XCTAssertTrue(huge.stdout.contains("the schedule of more than 2^22 steps is not evaluated"), huge.stdout)
        XCTAssertTrue(huge.stdout.contains("more than Int.max bytes taped"), huge.stdout)
        let unsized = try adgen(["generate", "model.adg", "--tape-report", "--tape-sizes", "m=3"])
        XCTAssertTrue(unsized.stdout.contains("sizes: give n=… to --tape-sizes"), unsized.stdout)
        for (arguments, message) in [
            (["--tape-budget", "lots"], "--tape-budget expects a size in bytes, such as 65536, 64KB or 64MB; found 'lots'."),
            (["--tape-budget", "0"], "--tape-budget expects a size in bytes"),
            (["--tape-budget", "1KB", "--emit", "c"], "--tape-budget is not supported with --emit c"),
            (["--tape-report", "--dump-after", "ir"], "Give either --tape-report or --dump-after, not both"),
            (["--tape-sizes", "n=3"], "--tape-sizes needs --tape-report."),
            (["--tape-report", "--tape-sizes", "n=3,n"], "--tape-sizes expects name=N pairs separated by commas"),
        ] {
            let result = try adgen(["generate", "model.adg", "-o", "Other.swift"] + arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments) accepted")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertNil(read("Other.swift"))
        }
    }

    func testInputInAnotherDirectory() throws {
        try write(good, to: "src/model.adg")
        let result = try adgen(["generate", "src/model.adg", "--output", "out.swift"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(read("out.swift"), expectedSwift(good, path: "src/model.adg"))
        XCTAssertEqual(read("out.swift")?.components(separatedBy: "\n").first,
                       "// Generated by adgen \(Pipeline.version) from model.adg. Do not edit.")
    }

    func testBadInputWritesNothing() throws {
        try write(bad, to: "bad.adg")
        let result = try adgen(["generate", "bad.adg", "-o", "Bad.swift"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            bad.adg:2:13: error: unsupported in adgen: closures
                let y = { x in x * x }
                        ^
            bad.adg:3:16: error: cannot find 'z' in scope
                return y + z
                           ^

            """)
        // No output and no temporary file left behind.
        XCTAssertEqual(try files(), ["bad.adg"])
    }

    func testBadInputLeavesAnExistingOutputAlone() throws {
        try write(bad, to: "bad.adg")
        try write("previous\n", to: "Bad.swift")
        XCTAssertEqual(try adgen(["generate", "bad.adg", "-o", "Bad.swift"]).status, 1)
        XCTAssertEqual(read("Bad.swift"), "previous\n")
        XCTAssertEqual(try files(), ["Bad.swift", "bad.adg"])
    }

    func testOneBadInputAmongSeveralWritesNothing() throws {
        try write(good, to: "a.adg")
        try write(bad, to: "b.adg")
        let result = try adgen(["generate", "a.adg", "b.adg", "--output-dir", "Generated"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("b.adg:2:13: error: unsupported in adgen: closures\n"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Generated/a.swift").path))
    }

    func testMissingInput() throws {
        let result = try adgen(["generate", "missing.adg", "-o", "Out.swift"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: cannot read 'missing.adg'\n")
        XCTAssertEqual(try files(), [])
    }

    func testOutputDirectory() throws {
        let other = "func g(y: Double) -> Double {\n    return sin(y)\n}\n"
        try write(good, to: "a.adg")
        try write(other, to: "sub/b.adg")
        let result = try adgen(["generate", "a.adg", "sub/b.adg", "--output-dir", "Generated/Deep"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try files(in: "Generated/Deep"), ["a.swift", "b.swift"])
        XCTAssertEqual(read("Generated/Deep/a.swift"), expectedSwift(good, path: "a.adg"))
        XCTAssertEqual(read("Generated/Deep/b.swift"), expectedSwift(other, path: "sub/b.adg"))
    }

    func testSeveralInputsIntoOneFile() throws {
        let other = "func g(y: Double) -> Double {\n    return sin(y)\n}\n"
        try write(good, to: "a.adg")
        try write(other, to: "b.adg")
        XCTAssertEqual(try adgen(["generate", "a.adg", "b.adg", "-o", "All.swift"]).status, 0)
        let swift = read("All.swift") ?? ""
        XCTAssertTrue(swift.contains("func fGradient("))
        XCTAssertTrue(swift.contains("func gGradient("))
    }

    func testModesAndWrtAndNamespace() throws {
        try write(good, to: "model.adg")
        XCTAssertEqual(try adgen(["generate", "model.adg", "--modes", "primal,gradient", "--wrt", "f:x",
                                  "--namespace", "Model", "-o", "M.swift"]).status, 0)
        let options = Pipeline.Options(modes: [.primal, .gradient], wrt: [Sema.WrtOverride(function: "f", parameters: ["x"])],
                                       namespace: "Model")
        XCTAssertEqual(read("M.swift"), expectedSwift(good, path: "model.adg", options: options))
        let swift = read("M.swift") ?? ""
        XCTAssertTrue(swift.contains("public enum Model {"), swift)
        XCTAssertFalse(swift.contains("fJVP"), swift)
        XCTAssertTrue(swift.contains("fGradient(x: Double, k: Double) -> (value: Double, dx: Double)"), swift)
    }

    func testWrtNamingAMissingFunctionIsAnError() throws {
        try write(good, to: "model.adg")
        let result = try adgen(["generate", "model.adg", "--wrt", "g:x", "-o", "M.swift"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("model.adg:1:1: error: --wrt names function 'g', which this file does not define\n"),
                      result.stderr)
        XCTAssertEqual(try files(), ["model.adg"])
    }

    // MARK: --dump-after

    func testDumpAfterStages() throws {
        try write(good, to: "model.adg")
        for stage in [Pipeline.Stage.parse, .sema, .ir] {
            let result = try adgen(["generate", "model.adg", "--dump-after", stage.rawValue])
            XCTAssertEqual(result.status, 0, result.stderr)
            let dump = Pipeline.compile(SourceFile(path: "model.adg", text: good), options: Pipeline.Options(dumpAfter: stage)).dump
            XCTAssertEqual(result.stdout, dump.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }, stage.rawValue)
            // Without -o nothing is written.
            XCTAssertEqual(try files(), ["model.adg"])
        }
        XCTAssertEqual(try adgen(["generate", "model.adg", "--dump-after", "parse"]).stdout, """
            func f(x x: Double, k k: Double) -> Double @2:6
              return ((k * x) * x) @3:5

            """)
        let sema = try adgen(["generate", "model.adg", "--dump-after", "sema"]).stdout
        XCTAssertTrue(sema.hasPrefix("// f wrt: (x, k)\nfunc f(x: Double, k: Double) -> Double {\n"), sema)
    }

    func testDumpAfterParseOfABadFileStillPrintsTheTree() throws {
        try write(bad, to: "bad.adg")
        let result = try adgen(["generate", "bad.adg", "--dump-after", "parse"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("let y = <invalid>"), result.stdout)
        XCTAssertTrue(result.stderr.contains("error: unsupported in adgen: closures"), result.stderr)
    }

    // MARK: Bad command lines

    private func assertRejected(_ arguments: [String], mentioning message: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try adgen(arguments)
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(message), "expected '\(message)' in:\n\(result.stderr)", file: file, line: line)
        XCTAssertEqual(try files().filter { $0.hasSuffix(".swift") || $0.hasSuffix(".tmp") }, [], file: file, line: line)
    }

    func testBadModesAreRejected() throws {
        try write(good, to: "model.adg")
        try assertRejected(["generate", "model.adg", "--modes", "primal,bogus", "-o", "M.swift"], mentioning: "Unknown mode 'bogus'")
        try assertRejected(["generate", "model.adg", "--modes", ",", "-o", "M.swift"], mentioning: "--modes needs at least one mode")
    }

    func testBadWrtIsRejected() throws {
        try write(good, to: "model.adg")
        for spec in ["f:", ":x", "f:1x", "x y", "1f:x", "f:x-y"] {
            try assertRejected(["generate", "model.adg", "--wrt", spec, "-o", "M.swift"],
                               mentioning: "--wrt expects '[function:]param,...', found '\(spec)'")
        }
    }

    func testBadStageNamespaceAndOutputsAreRejected() throws {
        try write(good, to: "model.adg")
        try assertRejected(["generate", "model.adg", "--dump-after", "codegen"], mentioning: "Unknown stage 'codegen'")
        try assertRejected(["generate", "model.adg", "--namespace", "my-model", "-o", "M.swift"],
                           mentioning: "--namespace must be a Swift identifier, found 'my-model'")
        try assertRejected(["generate", "model.adg"], mentioning: "Missing output")
        try assertRejected(["generate", "model.adg", "-o", "M.swift", "--output-dir", "D"],
                           mentioning: "Give either -o/--output or --output-dir, not both.")
        try assertRejected(["generate"], mentioning: "Missing expected argument '<inputs> ...'")
        try assertRejected(["frobnicate"], mentioning: "Unexpected argument 'frobnicate'")
    }
}
