import ADGenCheck
import ADGenCore
import ADGenDriver
import ADGenRuntime
import ADGenCheckSupport
import Foundation
import XCTest

/// Every fixture, with its `// check:` lines, and the deliberately broken mutants of
/// ``Mutation/all``, checked by `adgen check`'s machinery in one program: one swiftc
/// call for the whole test class.
final class FixtureCheckTests: XCTestCase {
    struct Run {
        var report: CheckReport
        /// Unit names of the mutants, by mutation label.
        var mutantUnits: [String: String]
        var seconds: Double
    }

    nonisolated(unsafe) static var shared: Result<Run, Error>?
    /// Compile errors of fixtures left out of the run (reported by ``testEveryFixtureCompiles``).
    nonisolated(unsafe) static var compileProblems: [String] = []

    /// The measured bound of the issue: every derivative agrees with complex step to this.
    static let complexStepBound = 1e-12

    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func run() throws -> Run {
        if let shared { return try shared.get() }
        let result = Result { try makeRun() }
        shared = result
        return try result.get()
    }

    static func makeRun() throws -> Run {
        let started = Date()
        let urls = try FileManager.default.contentsOfDirectory(at: fixturesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "adg" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var units: [CheckUnit] = []
        var texts: [String: String] = [:]
        for url in urls {
            let stem = url.deletingPathExtension().lastPathComponent
            let text = try String(contentsOf: url, encoding: .utf8)
            texts[stem] = text
            units.append(try CheckUnit.load(path: "Fixtures/\(url.lastPathComponent)", text: text, name: "f_" + stem,
                                            request: CheckRequest()))
        }
        var mutantUnits: [String: String] = [:]
        for (index, mutation) in Mutation.all.enumerated() {
            let text = try XCTUnwrap(texts[mutation.fixture], "no fixture \(mutation.fixture)")
            var unit = try CheckUnit.load(path: "mutant\(index)/\(mutation.fixture).adg", text: text,
                                          name: "m\(index)_\(mutation.fixture)",
                                          request: CheckRequest(functions: [mutation.function]))
            unit.generatedSwift = try XCTUnwrap(mutation.apply(to: unit.generatedSwift),
                                                "mutation '\(mutation.label)' found nothing to edit in \(mutation.generated)")
            units.append(unit)
            mutantUnits[mutation.label] = unit.path
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-check-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let runner = CheckRunner(options: CheckRunOptions(points: 3, seed: 1, optimization: "-Onone", timeout: 300),
                                 runtime: try RuntimeLibrary.locate(),
                                 toolchain: SwiftToolchain(swiftc: try XCTUnwrap(SwiftcLocator.locate()),
                                                           cacheDirectory: cache))
        // When some fixture's generated code does not compile, that is reported (once) and
        // the others are still checked.
        var outcome: CheckOutcome
        while true {
            do {
                outcome = try runner.run(CheckPlan(units: units))
                break
            } catch let error as CheckCompileError where !error.brokenUnits.isEmpty && error.brokenUnits.count < units.count {
                Self.compileProblems.append(error.description)
                units.removeAll { error.brokenUnits.contains($0.path) }
            }
        }
        let run = Run(report: CheckReport(outcome), mutantUnits: mutantUnits, seconds: Date().timeIntervalSince(started))
        print(String(format: "fixture checks: %d files (%d mutants), swiftc %.1f s, %d program run(s) %.1f s, total %.1f s",
                     units.count, Mutation.all.count, outcome.compileSeconds, outcome.programRuns, outcome.runSeconds,
                     run.seconds))
        return run
    }

    var fixtureRows: [CheckReport.Row] {
        get throws { try Self.run().report.rows.filter { $0.file.hasPrefix("Fixtures/") } }
    }

    func testEveryFixtureCompiles() throws {
        _ = try Self.run()
        for problem in Self.compileProblems { XCTFail("left out, its generated code does not compile:\n" + problem) }
    }

    func testEveryFixturePassesEveryCheck() throws {
        let rows = try fixtureRows
        XCTAssertGreaterThan(rows.count, 100)
        for row in rows where !row.passed {
            XCTFail("\(row.file) \(row.function) \(row.mode) failed: \(row.notes.joined(separator: "; ")) "
                    + "FD \(String(describing: row.finiteDifferenceError)) CS \(String(describing: row.complexStepError)) "
                    + "dot \(String(describing: row.dotProductError)) value \(String(describing: row.valueError))")
        }
    }

    /// `training_ridge.adg`'s `// adgen:` declaration has a validation function: its
    /// hypergradient is checked by every method against the training run's differences.
    func testTrainingFixtureHypergradientIsChecked() throws {
        let rows = try fixtureRows.filter { $0.function == "ridgeLossAdamHypergradient" }
        XCTAssertEqual(rows.map(\.mode), ["hypergradient unrolled", "hypergradient checkpointed(snapshots: 3)",
                                          "hypergradient reversible", "hypergradient implicit(iterations: 100, tolerance: 1e-10)"])
        for row in rows.prefix(3) {
            XCTAssertLessThanOrEqual(try XCTUnwrap(row.finiteDifferenceError), 1e-5, row.mode)
        }
        XCTAssertEqual(rows.first { $0.mode.contains("checkpointed") }?.valueError, 0)
    }

    func testEveryFixtureAgreesWithComplexStepTo1e12() throws {
        let rows = try fixtureRows
        var worst: [String: (value: Double, row: String)] = [:]
        for row in rows {
            let place = "\(row.file) \(row.function) \(row.mode)"
            for (metric, value) in [("complex step", row.complexStepError), ("finite differences", row.finiteDifferenceError),
                                    ("dot product", row.dotProductError), ("value", row.valueError)] {
                guard let value else { continue }
                if !(value <= worst[metric]?.value ?? -1) { worst[metric] = (value, place) }
            }
            // Hypergradients are checked against differences of the training run, and Hutchinson's
            // estimate in standard errors, not against complex step.
            guard row.mode != "primal", row.mode != "hessianTrace", !row.mode.hasPrefix("hypergradient") else { continue }
            let error = try XCTUnwrap(row.complexStepError, "\(place): no complex-step error")
            XCTAssertLessThanOrEqual(error, Self.complexStepBound, place)
        }
        print("worst errors over all fixtures:")
        for (metric, entry) in worst.sorted(by: { $0.key < $1.key }) {
            print("  \(metric): \(entry.value) (\(entry.row))")
        }
    }

    func testEveryModeOfEveryFunctionIsChecked() throws {
        let rows = try fixtureRows
        let report = try Self.run().report
        for unit in report.outcome.plan.units where unit.path.hasPrefix("Fixtures/") {
            for function in unit.module.functions {
                var expected = function.resultType == .double
                    ? ["primal", "jvp", "vjp", "gradient", "hvp", "jacobian", "hessian", "hessianTrace"]
                    : ["primal", "jvp", "vjp", "jacobian"]
                if function.activeParameters.isEmpty { expected = ["primal"] }
                let modes = rows.filter { $0.file == unit.path && $0.function == function.name }
                XCTAssertEqual(modes.map(\.mode), expected, "\(unit.path) \(function.name)")
                for row in modes {
                    XCTAssertGreaterThanOrEqual(row.points, 3, "\(unit.path) \(function.name) \(row.mode)")
                    guard row.mode != "hessianTrace" else { continue }
                    XCTAssertNotNil(row.complexStepError, "\(unit.path) \(function.name) \(row.mode)")
                    if row.mode != "primal" { XCTAssertNotNil(row.finiteDifferenceError) }
                }
            }
        }
    }

    func testEveryMutantIsFlagged() throws {
        let run = try Self.run()
        for mutation in Mutation.all {
            let path = try XCTUnwrap(run.mutantUnits[mutation.label])
            let row = try XCTUnwrap(run.report.rows.first { $0.file == path && $0.mode == mutation.mode },
                                    "no \(mutation.mode) row for \(mutation.label)")
            XCTAssertFalse(row.passed, "not flagged: \(mutation.label)")
            let error = try XCTUnwrap(row.complexStepError, mutation.label)
            XCTAssertGreaterThan(error, CheckTolerances.standard.complexStep, mutation.label)
            let primal = run.report.rows.first { $0.file == path && $0.mode == "primal" }
            XCTAssertEqual(primal?.passed, true, "the primal of '\(mutation.label)' is untouched")
            if let entry = mutation.worstEntry {
                let worst = try XCTUnwrap(row.worstEntries.first, mutation.label)
                XCTAssertEqual(worst.index, entry.index, "\(mutation.label): \(row.worstEntries)")
                XCTAssertEqual(worst.name, entry.name, mutation.label)
                XCTAssertEqual(worst.error, error, "the worst entry's error is the row's")
                XCTAssertTrue(row.worstEntries.dropFirst().allSatisfy { $0.error < 1e-12 }, "\(row.worstEntries)")
                XCTAssertTrue(run.report.text().contains("\(mutation.function) \(mutation.mode): worst entries: \(entry.name) got "))
            }
        }
    }

    func testComplexStepSeesAMistakeFiniteDifferencesCannot() throws {
        let run = try Self.run()
        let path = try XCTUnwrap(run.mutantUnits[Mutation.all[2].label])
        let row = try XCTUnwrap(run.report.rows.first { $0.file == path && $0.mode == "jvp" })
        XCTAssertLessThan(try XCTUnwrap(row.finiteDifferenceError), CheckTolerances.standard.finiteDifference)
        XCTAssertGreaterThan(try XCTUnwrap(row.complexStepError), 5e-9)
        XCTAssertFalse(row.passed)
    }
}
