import ADGenCheck
import ADGenCore
import XCTest

/// How `adgen check` chooses points: `--point`, `// check:` lines, defaults, `--param`.
final class CheckPlanningTests: XCTestCase {
    let text = """
        // check: loss(w: rand(4, -1...1), x: rand(4), n: 4)
        // check: loss(w: rand(4), x: rand(4), n: 2)
        /// Loss.
        func loss(w: [Double], x: [Double], n: Int) -> Double {
            var s = 0.0
            for i in 0..<n {
                s += w[i] * x[i]
            }
            return s * s
        }

        /// No check lines: defaults.
        func scale(_ x: Double, by k: Int, table: [Int]) -> Double {
            return x * Double(k + table.count)
        }
        """

    func load(_ request: CheckRequest = CheckRequest()) throws -> CheckUnit {
        try CheckUnit.load(path: "m.adg", text: text, name: "m", request: request)
    }

    func testCheckLinesThenDefaults() throws {
        let unit = try load()
        XCTAssertEqual(unit.groups.map(\.function), ["loss", "loss", "scale"])
        XCTAssertEqual(unit.groups[0].origin, .directive(line: 1))
        XCTAssertEqual(unit.groups[0].candidates.map(\.description), ["loss(w: rand(4, -1...1), x: rand(4, -1...1), n: 4)"])
        XCTAssertEqual(unit.groups[2].origin, .defaults)
        XCTAssertEqual(unit.groups[2].sized, [1, 2])
        XCTAssertEqual(Array(unit.groups[2].sizes.prefix(4)), [[0, 3, 3], [0, 3, 9], [0, 2, 4], [0, 4, 16]])
        XCTAssertEqual(unit.groups[2].candidates.prefix(2).map(\.description), [
            "scale(rand(0.2...0.8), by: 3, table: [0, 1, 2])",
            "scale(rand(0.2...0.8), by: 3, table: [0, 1, 2, 3, 4, 5, 6, 7, 8])",
        ])
        XCTAssertTrue(unit.generatedSwift.contains("enum Gen_m"))
        XCTAssertTrue(unit.generatedSwift.contains("func lossGradientComplexStep("))
        let items = CheckPlan(units: [unit]).items
        XCTAssertEqual(Set(items.map(\.id)), [0, 1, 2], "one check function per group")
        XCTAssertEqual(items.count, 2 + unit.groups[2].candidates.count)
    }

    func testPointOptionReplacesCheckLinesAndParamOverrides() throws {
        let point = try PointSpec.parse("loss(w: rand(3), x: rand(3), n: 3)", line: 0)
        let unit = try load(CheckRequest(functions: ["loss"], points: [point],
                                         parameters: [try ParameterValue.parse("loss.x=rand(3, 1...2)"),
                                                      try ParameterValue.parse("n=2")]))
        XCTAssertEqual(unit.groups.map(\.function), ["loss"])
        XCTAssertEqual(unit.groups[0].origin, .option)
        XCTAssertEqual(unit.groups[0].candidates.map(\.description), ["loss(w: rand(3, -1...1), x: rand(3, 1...2), n: 2)"])
    }

    func testDefaultSizesTryEachArrayLongThenPairs() throws {
        let unit = try CheckUnit.load(path: "d.adg", text: """
            /// Matrix times vector, shapes from the arrays.
            func mv(A: [Double], x: [Double], y: [Double], k: Int) -> Double {
                var s = 0.0
                for i in 0..<y.count {
                    for j in 0..<x.count {
                        s += A[i * x.count + j] * x[j] * y[i] * Double(k)
                    }
                }
                return s
            }
            """, name: "d", request: CheckRequest(parameters: [try ParameterValue.parse("k=2")]))
        let group = unit.groups[0]
        XCTAssertEqual(group.sized, [0, 1, 2], "k is fixed by --param")
        XCTAssertEqual(Array(group.sizes.prefix(5)), [[3, 3, 3, 0], [9, 3, 3, 0], [3, 9, 3, 0], [3, 3, 9, 0], [9, 9, 3, 0]])
        XCTAssertEqual(group.candidates[1].description,
                       "mv(A: rand(9, 0.2...0.8), x: rand(3, 0.2...0.8), y: rand(3, 0.2...0.8), k: 2)")
        XCTAssertEqual(Set(group.sizes).count, group.sizes.count, "no candidate twice")
        XCTAssertTrue(group.sizes.contains([81, 9, 9, 0]))
    }

    func testParameterValueSyntax() throws {
        XCTAssertEqual(try ParameterValue.parse("x=rand(1...2)"),
                       ParameterValue(function: nil, name: "x", value: .random(count: nil, low: "1", high: "2")))
        XCTAssertEqual(try ParameterValue.parse("f.n=4").function, "f")
        for bad in ["x", "=3", "a.b.c=1", "x=foo", "x=rand(2.5)"] {
            XCTAssertThrowsError(try ParameterValue.parse(bad), bad)
        }
    }

    func testProblemsAreReportedWithTheirPlace() throws {
        func messages(_ request: CheckRequest, text: String? = nil) -> [String] {
            do {
                _ = try CheckUnit.load(path: "m.adg", text: text ?? self.text, name: "m", request: request)
                return []
            } catch let error as CheckInputError {
                return error.messages
            } catch {
                return ["\(error)"]
            }
        }
        XCTAssertThrowsError(try CheckPlan.load([("m.adg", text), ("n.adg", "/// g.\nfunc g(y: Double) -> Double {\n    return y\n}\n")],
                                                request: CheckRequest(functions: ["nope", "g"]))) { error in
            XCTAssertEqual("\(error)", "error: no function 'nope' in m.adg, n.adg (functions: loss, scale, g)")
        }
        let both = try CheckPlan.load([("m.adg", text), ("n.adg", "/// g.\nfunc g(y: Double) -> Double {\n    return y\n}\n")],
                                      request: CheckRequest(functions: ["g"]))
        XCTAssertEqual(both.units.map(\.name), ["0_m", "1_n"])
        XCTAssertEqual(both.units.map { $0.groups.count }, [0, 1])
        let wrongLabel = try PointSpec.parse("loss(v: rand(4), x: rand(4), n: 4)", line: 0)
        XCTAssertEqual(messages(CheckRequest(points: [wrongLabel])).first,
                       "--point 'loss(v: rand(4, -1...1), x: rand(4, -1...1), n: 4)': error: "
                       + "'loss(v: rand(4, -1...1), x: rand(4, -1...1), n: 4)': argument 1 is labelled 'v', the parameter's label is 'w'")
        let wrongType = try PointSpec.parse("loss(w: rand(4), x: rand(4), n: rand)", line: 0)
        XCTAssertTrue(messages(CheckRequest(points: [wrongType])).first?.contains("(n: Int) cannot be rand(-1...1)") == true)
        let backwards = try PointSpec.parse("loss(w: rand(4, 2...1), x: rand(4), n: 4)", line: 0)
        XCTAssertTrue(messages(CheckRequest(points: [backwards])).first?.contains("empty range") == true)
        XCTAssertEqual(messages(CheckRequest(), text: "// check: f(\n/// f.\nfunc f(x: Double) -> Double {\n    return x\n}\n").first,
                       "m.adg:1: error: malformed // check: line: column 13: expected a number")
        let broken = messages(CheckRequest(), text: "func f(x: Double) -> Double {\n    let y = { x in x }\n    return y\n}\n")
        XCTAssertTrue(broken.first?.hasPrefix("m.adg:2:") == true, broken.joined(separator: "\n"))
    }
}
