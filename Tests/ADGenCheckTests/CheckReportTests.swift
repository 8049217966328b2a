import ADGenCheck
import ADGenCore
import ADGenDriver
import ADGenRuntime
import ADGenCheckSupport
import Foundation
import XCTest

/// Aggregation and rendering, on outcomes built by hand.
final class CheckReportTests: XCTestCase {
    func outcome(_ results: [CheckOutcome.ItemResult]) throws -> CheckOutcome {
        let unit = try CheckUnit.load(path: "m.adg", text: """
            // check: f(x: rand)
            // check: f(x: rand(1...2))
            /// f.
            func f(x: Double) -> [Double] {
                var y = [Double](repeating: x, count: 2)
                y[1] = sin(x)
                return y
            }
            """, name: "m", request: CheckRequest())
        let plan = CheckPlan(units: [unit])
        return CheckOutcome(plan: plan, groups: [[[results[0]], [results[1]]]], compileSeconds: 1.5, runSeconds: 0.25,
                            wasCached: false, programRuns: 1)
    }

    func item(_ group: Int) -> CheckItem { CheckItem(id: group, unit: 0, group: group, candidate: 0) }

    func point(_ mode: String, _ point: Int, cs: Double?, fd: Double? = nil, passed: Bool = true,
               arguments: String? = nil) -> CheckOutcome.PointResult {
        CheckOutcome.PointResult(point: point, check: ModeCheck(mode: mode, finiteDifferenceError: fd, complexStepError: cs,
                                                                passed: passed),
                                 arguments: arguments)
    }

    func testWorstOverPointsAndGroups() throws {
        var first = CheckOutcome.ItemResult(item: item(0))
        first.results = [point("primal", 0, cs: 0), point("jvp", 0, cs: 1e-16, fd: 2e-11),
                         point("jvp", 1, cs: 3e-16, fd: 1e-12), point("vjp", 0, cs: 2e-16)]
        var second = CheckOutcome.ItemResult(item: item(1))
        second.results = [point("primal", 0, cs: 0), point("jvp", 0, cs: .nan, passed: false, arguments: "x: 1.5"),
                          point("vjp", 0, cs: 5e-16, fd: 4e-11)]
        let report = CheckReport(try outcome([first, second]))
        // The generated file also has fJacobian: a row with no results yet.
        XCTAssertEqual(report.rows.map { $0.mode }, ["primal", "jvp", "vjp", "jacobian"])
        let jvp = report.rows[1]
        XCTAssertTrue(jvp.complexStepError!.isNaN)
        XCTAssertEqual(jvp.finiteDifferenceError, 2e-11)
        XCTAssertFalse(jvp.passed)
        XCTAssertEqual(jvp.points, 3)
        XCTAssertEqual(jvp.notes, ["fails at x: 1.5"])
        XCTAssertEqual(report.rows[2].complexStepError, 5e-16)
        XCTAssertEqual(report.rows[2].specs, ["f(x: rand(-1...1))", "f(x: rand(1...2))"])
        XCTAssertFalse(report.passed)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
        XCTAssertEqual(json.count, 4)
        XCTAssertTrue(json[1]["complexStepError"] is NSNull)
        XCTAssertEqual(json[1]["notes"] as? [String], ["fails at x: 1.5", "complexStepError is nan"])
        XCTAssertEqual(json[2]["finiteDifferenceError"] as? Double, 4e-11)
        XCTAssertEqual(json[0]["passed"] as? Bool, true)
        XCTAssertTrue(json[0]["dotProductError"] is NSNull)

        let text = report.text()
        XCTAssertTrue(text.contains("  f         jvp       2.0e-11   nan"), text)
        XCTAssertTrue(text.contains("1 function(s), 4 checks, 1 file(s): 1 FAILED (swiftc 1.5 s, run 0.2 s)"), text)
    }

    /// The worst entries come from the point with the worst complex-step error, in JSON
    /// always and in the text under a failing row.
    func testWorstEntriesOfTheWorstPoint() throws {
        func entries(_ got: Double) -> [EntryError] {
            [EntryError(index: 1, name: "result[1]", got: got, expected: 2, error: abs(got - 2) / 2),
             EntryError(index: 0, name: "result[0]", got: 1, expected: .nan, error: .nan)]
        }
        var first = CheckOutcome.ItemResult(item: item(0))
        var bad = point("jvp", 0, cs: 0.25, passed: false, arguments: "x: 0.5")
        bad.check.worstEntries = entries(2.5)
        var better = point("jvp", 1, cs: 0.05, passed: false)
        better.check.worstEntries = entries(2.1)
        first.results = [point("primal", 0, cs: 0), better, bad]
        var second = CheckOutcome.ItemResult(item: item(1))
        second.results = [point("primal", 0, cs: 0), point("jvp", 0, cs: 1e-16)]
        let report = CheckReport(try outcome([first, second]))
        XCTAssertEqual(report.rows[1].worstEntries.first, entries(2.5).first, "NaN is not equal to itself, so the first only")
        XCTAssertEqual(report.rows[1].worstEntries.count, 2)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]])
        let worst = try XCTUnwrap(json[1]["worstEntries"] as? [[String: Any]])
        XCTAssertEqual(worst.count, 2)
        XCTAssertEqual(worst[0]["index"] as? Int, 1)
        XCTAssertEqual(worst[0]["name"] as? String, "result[1]")
        XCTAssertEqual(worst[0]["got"] as? Double, 2.5)
        XCTAssertEqual(worst[0]["expected"] as? Double, 2)
        XCTAssertEqual(worst[0]["error"] as? Double, 0.25)
        XCTAssertEqual(worst[1]["expected"] as? String, "nan")
        XCTAssertEqual((json[0]["worstEntries"] as? [Any])?.count, 0)
        XCTAssertTrue(report.text().contains(
            "  f jvp: worst entries: result[1] got 2.5, expected 2.0 (error 2.5e-01); result[0] got 1.0, expected nan (error nan)"),
            report.text())
    }

    func testCrashesAndInvalidPointsFailTheirRows() throws {
        var crashed = CheckOutcome.ItemResult(item: item(0))
        crashed.failure = "crashed: Illegal instruction in f(x:)"
        var invalid = CheckOutcome.ItemResult(item: item(1))
        invalid.invalidPoints = ["no point where the function is finite in 100 draws"]
        let report = CheckReport(try outcome([crashed, invalid]))
        XCTAssertTrue(report.rows.allSatisfy { !$0.passed })
        XCTAssertEqual(report.rows[0].notes, ["f(x: rand(-1...1)): crashed: Illegal instruction in f(x:)",
                                              "f(x: rand(1...2)): no point where the function is finite in 100 draws"])
        XCTAssertNil(report.rows[0].complexStepError)
    }

    func testCompileErrorsPointAtTheirSource() throws {
        let unit = try CheckUnit.load(path: "dir/m.adg", text: "/// f.\nfunc f(x: Double) -> Double {\n    return x * x\n}\n",
                                      name: "m", request: CheckRequest())
        let lines = unit.generatedSwift.components(separatedBy: "\n")
        let vjpLine = try XCTUnwrap(lines.firstIndex { $0.contains("func fVJP(") }) + 2
        let text = """
            /cache/sources/Gen_m.swift:\(vjpLine):5: error: cannot find 'q' in scope
            dir/m.adg:3:12: error: cannot convert value
            /cache/sources/Checks_m.swift:4:1: error: extraneous '}'
            """
        let failure = CompileFailure(exitStatus: 1, diagnosticsText: text)
        let plan = CheckPlan(units: [unit])
        let messages = try XCTUnwrap(mappedMessages(failure, plan))
        XCTAssertEqual(messages[0], "dir/m.adg:2: error: adgen generated Swift that does not compile (a bug in adgen): "
                       + "in fVJP, line \(vjpLine): cannot find 'q' in scope")
        XCTAssertEqual(messages[1], "dir/m.adg:3:12: error: cannot convert value")
        XCTAssertTrue(messages[2].hasPrefix("dir/m.adg: error: the check program does not compile (a bug in adgen check)"))
    }

    func mappedMessages(_ failure: CompileFailure, _ plan: CheckPlan) -> [String]? {
        CheckCompileError.mapped(failure, plan: plan).messages
    }
}
