import Foundation
import XCTest

/// `adgen-config.json` through the adgen executable, as the build plugin runs it
/// (`adgen generate X.adg -o X.swift --config adgen-config.json --config-scope Y.adg`),
/// and the examples of Docs/Configuration.md.
final class ConfigTests: XCTestCase {
    var directory: URL!
    var adgen: String!

    static let model = """
        func loss(w: [Double], b: Double, x: [Double], n: Int) -> Double {
            var total = b * b
            for i in 0..<n {
                total += w[i] * x[i]
            }
            return total
        }
        """
    static let other = """
        func energy(coeffs c: [Double], t: Double) -> Double {
            return c[0] * t * t
        }
        """

    override func setUpWithError() throws {
        adgen = try XCTUnwrap(Tools.adgen(), "the adgen executable is not built next to the tests")
        directory = try Tools.temporaryDirectory("config")
        try Self.model.write(to: directory.appendingPathComponent("Model.adg"), atomically: true, encoding: .utf8)
        try Self.other.write(to: directory.appendingPathComponent("Other.adg"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs adgen on `input` with `config` as adgen-config.json; returns status, output and generated code.
    func generate(_ input: String = "Model.adg", config: String?, scope: [String] = ["Other.adg"],
                  flags: [String] = []) throws -> (status: Int32, output: String, swift: String) {
        let out = directory.appendingPathComponent("out.swift")
        try? FileManager.default.removeItem(at: out)
        var arguments = ["generate", input, "-o", "out.swift"] + flags
        if let config {
            try config.write(to: directory.appendingPathComponent("adgen-config.json"), atomically: true, encoding: .utf8)
            arguments += ["--config", "adgen-config.json"] + scope.flatMap { ["--config-scope", $0] }
        }
        let run = try Tools.run(adgen, arguments, in: directory)
        return (run.status, run.output, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    func testModesChooseTheFunctions() throws {
        let result = try generate(config: #"{ "modes": ["primal", "gradient"] }"#)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.swift.contains("func lossGradient(w: [Double], b: Double, x: [Double], n: Int) -> (value: Double, dw: [Double], db: Double, dx: [Double])"))
        XCTAssertTrue(result.swift.contains("\nfunc loss("))
        XCTAssertFalse(result.swift.contains("func lossJVP("))
        XCTAssertFalse(result.swift.contains("func lossHVP("))
    }

    func testModesFlagWinsOverTheConfig() throws {
        let result = try generate(config: #"{ "modes": ["primal"] }"#, flags: ["--modes", "jvp"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.swift.contains("func lossJVP("))
        XCTAssertFalse(result.swift.contains("\nfunc loss("))
    }

    func testWrtAppliesToTheFileDefiningTheFunction() throws {
        let config = #"{ "modes": ["gradient"], "wrt": { "loss": ["w"], "energy": ["t"] } }"#
        let model = try generate("Model.adg", config: config, scope: ["Other.adg"])
        XCTAssertEqual(model.status, 0, model.output)
        XCTAssertTrue(model.swift.contains("-> (value: Double, dw: [Double])"), model.swift)
        let other = try generate("Other.adg", config: config, scope: ["Model.adg"])
        XCTAssertEqual(other.status, 0, other.output)
        XCTAssertTrue(other.swift.contains("func energyGradient(coeffs c: [Double], t: Double) -> (value: Double, dt: Double)"),
                      other.swift)
    }

    func testNamespaceWrapsTheOutput() throws {
        let result = try generate(config: #"{ "namespace": "Model" }"#, scope: [])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.swift.contains("public enum Model {"))
        XCTAssertTrue(result.swift.contains("    static func lossGradient("))
    }

    func testErrorsArePositionedAndExplained() throws {
        let cases: [(config: String, error: String)] = [
            ("{\n  \"mode\": [\"primal\"]\n}",
             "adgen-config.json:2:3: error: unknown key 'mode' (did you mean 'modes'?); keys are modes, wrt, namespace, tapeStatistics"),
            ("{\n  \"modes\": [\"primal\", \"gradiant\"]\n}",
             "adgen-config.json:2:23: error: unknown mode 'gradiant' in 'modes' (did you mean 'gradient'?); modes are "),
            ("{ \"modes\": [] }",
             "adgen-config.json:1:3: error: 'modes' must be a non-empty array of strings"),
            ("{ \"modes\": \"gradient\" }",
             "adgen-config.json:1:3: error: 'modes' must be a non-empty array of strings"),
            ("{\n  \"modes\": [\"primal\" \"gradient\"]\n}",
             "adgen-config.json:2:22: error: not valid JSON: unexpected text here"),
            ("{ \"modes\": [\"primal\"",
             "adgen-config.json: error: not valid JSON: the file ends too early"),
            ("  \n", "adgen-config.json: error: the configuration file is empty; write {} for no settings"),
            ("[\"primal\"]", "adgen-config.json: error: expected a JSON object ({ ... }) at the top level"),
            ("{ \"wrt\": [\"w\"] }", "adgen-config.json:1:3: error: 'wrt' must map function names to arrays of parameter names"),
            ("{ \"wrt\": { \"loss\": \"w\" } }", "adgen-config.json:1:12: error: 'wrt.loss' must be a non-empty array of parameter names"),
            ("{ \"wrt\": { \"loss\": [\"w\", \"2\"] } }", "adgen-config.json:1:26: error: 'wrt.loss' holds '2', which is not a parameter name"),
            ("{ \"wrt\": { \"los\": [\"w\"] } }",
             "adgen-config.json:1:12: error: 'wrt' names function 'los', which no .adg file of this target defines (did you mean 'loss'?)"),
            ("{ \"wrt\": { \"loss\": [\"q\"] } }",
             "adgen-config.json:1:21: error: 'wrt.loss' names 'q', which is not a parameter of 'loss'; its parameters are w, b, x, n"),
            ("{ \"wrt\": { \"energy\": [\"coeffs\"] } }",
             "adgen-config.json:1:23: error: 'wrt.energy' names 'coeffs', which is not a parameter of 'energy' ('coeffs' is the label of 'c'; 'wrt' uses parameter names)"),
            ("{ \"wrt\": { \"loss\": [\"n\"] } }",
             "adgen-config.json:1:21: error: 'wrt.loss' names 'n' of type 'Int'; only Double and [Double] parameters are differentiable"),
            ("{ \"namespace\": \"1st\" }", "adgen-config.json:1:3: error: 'namespace' must be a Swift identifier"),
            ("{ \"tapeBudget\": \"lots\" }", "adgen-config.json:1:3: error: 'tapeBudget' must be a size in bytes, such as 65536, 64KB or 64MB"),
            ("{ \"tapeBudget\": true }", "adgen-config.json:1:3: error: 'tapeBudget' must be a size in bytes"),
            ("{ \"tapeBudget\": -5 }", "adgen-config.json:1:3: error: 'tapeBudget' must be a size in bytes"),
            ("{ \"namespace\": \"Model\" }",
             "adgen-config.json:1:3: error: 'namespace' needs every function in one .adg file: this target has 2 .adg files"),
        ]
        for (config, error) in cases {
            let result = try generate(config: config)
            XCTAssertEqual(result.status, 1, "\(config) was accepted")
            XCTAssertTrue(result.output.hasPrefix(error), "\(config):\nexpected \(error)\nfound    \(result.output)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.swift").path))
        }
    }

    func testMissingConfigFile() throws {
        let run = try Tools.run(adgen, ["generate", "Model.adg", "-o", "out.swift", "--config", "nowhere.json"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.hasPrefix("nowhere.json: error: cannot read the configuration file"), run.output)
    }

    /// Each ```json block of Docs/Configuration.md, with the page's .adg blocks above it
    /// as the target's files: accepted, or rejected with the error shown in the text block after it.
    func testTheConfigurationPageExamples() throws {
        let snippets = Docs.snippets(in: "Configuration.md", text: try Docs.text(of: "Configuration.md"))
        let examples = snippets.filter { $0.kind == .json }
        XCTAssertFalse(examples.isEmpty, "Configuration.md shows no adgen-config.json")
        for example in examples {
            var files: [String] = []
            for snippet in snippets where snippet.line < example.line {
                guard case .dsl(let name) = snippet.kind, !files.contains(name) else { continue }
                try snippet.text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
                files.append(name)
            }
            XCTAssertFalse(files.isEmpty, "\(example.location): no .adg block above this configuration")
            var failures: [String] = []
            var shown = false
            for file in files {
                let result = try generate(file, config: example.text, scope: files.filter { $0 != file })
                if let expected = example.expectedOutput, expected.hasPrefix("adgen-config.json:") {
                    // The error shown, from the run of some file (a training entry is the
                    // business of the file defining its loss); no other error.
                    if result.output.hasPrefix(expected.trimmingCharacters(in: .newlines)) && result.status != 0 {
                        shown = true
                    } else if result.status != 0 {
                        failures.append("\(file): expected\n\(expected)found\n\(result.output)")
                    }
                } else if result.status != 0 {
                    failures.append("\(file): \(result.output)")
                }
            }
            if let expected = example.expectedOutput, expected.hasPrefix("adgen-config.json:"), !shown {
                failures.append("no file's run gives\n\(expected)")
            }
            XCTAssertTrue(failures.isEmpty, "\(example.location):\n" + failures.joined(separator: "\n"))
        }
    }
}
