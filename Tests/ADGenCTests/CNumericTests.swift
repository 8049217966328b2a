import ADGenC
import ADGenCore
import ADGenDriver
import Foundation
import XCTest

/// The generated C of every C fixture, compiled once with `cc -std=c99 -Wall -Wextra -Werror`,
/// checked against finite differences and the dot-product test (``CHarness``); and the
/// primal values of the generated C and the generated Swift, bit for bit.
final class CNumericTests: XCTestCase {
    struct Fixture {
        var name: String
        var file: SourceFile
        var syntax: Syntax.File
        var points: [CCheckPoint]
    }

    static func fixtures(_ urls: [URL], seed: UInt64 = 20_261_202) throws -> [Fixture] {
        var random = SplitMix(state: seed)
        return try urls.map { url in
            let name = url.deletingPathExtension().lastPathComponent
            let file = SourceFile(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
            var diagnostics = DiagnosticEngine()
            let syntax = try XCTUnwrap(CFrontEnd.parse(file, diagnostics: &diagnostics), "\(name).c: \(diagnostics.diagnostics)")
            let points = CCheckPoint.points(in: String(decoding: file.bytes, as: UTF8.self), random: &random)
            return Fixture(name: name, file: file, syntax: syntax, points: points)
        }
    }

    static let compiler = "/usr/bin/cc"

    func testGeneratedCAgreesWithFiniteDifferencesAndWithSwift() throws {
        try CTestSupport.requireLibClang()
        let fixtures = try Self.fixtures(try CTestSupport.fixtureURLs())
        XCTAssertGreaterThanOrEqual(fixtures.flatMap(\.points).count, 10)
        try Self.verify(fixtures)
    }

    /// Compiles the generated C of `fixtures` once, runs ``CHarness`` on their points and
    /// compares the primal values with the generated Swift's.
    static func verify(_ fixtures: [Fixture]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.compiler) else { throw XCTSkip("no C compiler at \(Self.compiler)") }
        let points = fixtures.flatMap(\.points)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-c-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var sources: [String] = []
        for fixture in fixtures {
            let c = try XCTUnwrap(compile([fixture], emit: .c), fixture.name)
            let path = directory.appendingPathComponent("\(fixture.name)_ad.c").path
            try c.write(toFile: path, atomically: true, encoding: .utf8)
            sources.append(path)
        }
        let harness = directory.appendingPathComponent("harness.c").path
        try CHarness.program(points).write(toFile: harness, atomically: true, encoding: .utf8)
        let program = directory.appendingPathComponent("harness").path
        let build = try CTestSupport.run(Self.compiler, ["-std=c99", "-Wall", "-Wextra", "-Werror", "-o", program, harness]
                                         + sources + ["-lm"])
        XCTAssertEqual(build.status, 0, build.error)
        guard build.status == 0 else { return }
        let run = try CTestSupport.run(program, [])
        let failures = run.output.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        XCTAssertEqual(failures, [], run.output)
        XCTAssertTrue(run.output.contains("DONE 0"), run.output + run.error)
        let cPrimals = run.output.split(separator: "\n").filter { $0.hasPrefix("PRIMAL") }
        XCTAssertEqual(cPrimals.count, points.count)
        let swiftPrimals = try swiftPrimals(fixtures)
        XCTAssertEqual(cPrimals.map(String.init), swiftPrimals, "C and Swift primal values differ")
    }

    static func compile(_ fixtures: [Fixture], emit: Pipeline.Language) -> String? {
        let inputs = fixtures.map { fixture -> (file: SourceFile, options: Pipeline.Options) in
            var options = Pipeline.Options()
            options.syntax = fixture.syntax
            options.emit = emit
            return (fixture.file, options)
        }
        return Pipeline.compile(inputs).swift
    }

    /// The primal of every point, run from the generated Swift (`-warnings-as-errors`).
    static func swiftPrimals(_ fixtures: [Fixture]) throws -> [String] {
        let generated = try XCTUnwrap(compile(fixtures, emit: .swift))
        var main = ["import Foundation", "func bits(_ name: String, _ value: Double) {",
                    "    let hex = String(value.bitPattern, radix: 16)",
                    "    print(\"PRIMAL \\(name) \\(String(repeating: \"0\", count: 16 - hex.count) + hex)\")", "}"]
        var index = 0
        for fixture in fixtures {
            for point in fixture.points {
                let parameters = fixture.syntax.functions.first { $0.name == point.function }?.parameters.map(\.name) ?? []
                let arguments = zip(parameters, point.arguments).map { name, value -> String in
                    switch value {
                    case .double(let x): return "\(name): \(x) as Double"
                    case .int(let k): return "\(name): \(k)"
                    case .array(let xs): return "\(name): [\(xs.map { "\($0)" }.joined(separator: ", "))] as [Double]"
                    }
                }
                main.append("bits(\"\(point.function)#\(index)\", \(point.function)(\(arguments.joined(separator: ", "))))")
                index += 1
            }
        }
        let toolchain = try SwiftToolchain()
        let sources = [SwiftSourceFile(name: "Generated.swift", text: generated),
                       SwiftSourceFile(name: "main.swift", text: main.joined(separator: "\n") + "\n")]
        switch try toolchain.compile(sources, flags: ["-warnings-as-errors"]) {
        case .failure(let failure):
            XCTFail("the generated Swift does not compile: \(failure)")
            return []
        case .success(let executable):
            let output = try toolchain.run(executable)
            return output.standardOutput.split(separator: "\n").filter { $0.hasPrefix("PRIMAL") }.map(String.init)
        }
    }
}

/// `.adg` input with `--emit c`: every fixture whose functions return `Double` gives C that
/// compiles warning-free (one `cc` run); the others are rejected for their array results.
/// Fixtures with a `--tape-budget` header are left out: C output takes no budget.
final class AdgToCTests: XCTestCase {
    func testAdgFixturesEmitWarningFreeC() throws {
        guard FileManager.default.isExecutableFile(atPath: CNumericTests.compiler) else { throw XCTSkip("no C compiler") }
        let fixtures = try FileManager.default.contentsOfDirectory(at: CTestSupport.repositoryRoot.appendingPathComponent("Fixtures"),
                                                                  includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "adg" }.sorted { $0.path < $1.path }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-adg-c-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var sources: [String] = []
        for url in fixtures {
            let bytes = [UInt8](try Data(contentsOf: url))
            // C output takes no tape budget (adgen rejects the pair); those fixtures are Swift only.
            guard Pipeline.tapeBudget(inHeaderOf: String(decoding: bytes, as: UTF8.self)) == nil else { continue }
            var options = Pipeline.Options()
            options.emit = .c
            let output = Pipeline.compile(SourceFile(path: url.lastPathComponent, bytes: bytes), options: options)
            guard let c = output.swift else {
                XCTAssertTrue(output.diagnostics.allSatisfy { $0.message.contains("--emit c needs functions returning double") },
                              "\(url.lastPathComponent): \(output.diagnostics.map(\.message))")
                continue
            }
            let path = directory.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".c").path
            try c.write(toFile: path, atomically: true, encoding: .utf8)
            sources.append(path)
        }
        XCTAssertGreaterThanOrEqual(sources.count, 15)
        let build = try CTestSupport.run(CNumericTests.compiler, ["-std=c99", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"] + sources)
        XCTAssertEqual(build.status, 0, build.error)
    }
}
