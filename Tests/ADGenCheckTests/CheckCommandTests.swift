import Foundation
import XCTest

/// `adgen check` end to end, running the built `adgen` executable on files it has
/// never seen.
final class CheckCommandTests: XCTestCase {
    nonisolated(unsafe) static var cache = FileManager.default.temporaryDirectory
        .appendingPathComponent("adgen-check-command-\(UUID().uuidString)")

    override class func tearDown() {
        try? FileManager.default.removeItem(at: cache)
    }

    static let model = """
        /// Energy of a matrix-vector product (n × n, stored by rows).
        func energy(A: [Double], x: [Double], n: Int) -> Double {
            var s = 0.0
            for i in 0..<n {
                var row = 0.0
                for j in 0..<n {
                    row += A[i * n + j] * x[j]
                }
                s += x[i] * row + sin(row)
            }
            return s
        }

        /// A vector result.
        func scaled(x: [Double], k: Int) -> [Double] {
            var y = [Double](repeating: 0.0, count: k)
            for i in 0..<k {
                y[i] = exp(x[i]) / Double(i + 1) + atan(x[i])
            }
            return y
        }

        /// Piecewise pieces and inverse trigonometry.
        func kinky(x: Double, y: Double) -> Double {
            return abs(x - y) + max(x, 0.5) * min(y, 0.4) + pow(x, 3) + asin(x) * acos(y)
        }
        """

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func adgen(_ arguments: [String]) throws -> Result {
        let directory = try XCTUnwrap(Bundle.main.executableURL).resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = directory.appendingPathComponent("adgen")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: executable.path), "adgen is not built")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ADGEN_CACHE_DIR"] = Self.cache.path
        process.environment = environment
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func write(_ text: String, name: String = "model.adg") throws -> String {
        let directory = Self.cache.appendingPathComponent("inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func rows(_ json: String) throws -> [[String: Any]] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], json)
    }

    func testJSONForAFileWithoutCheckLines() throws {
        let path = try write(Self.model)
        let result = try adgen(["check", path, "--format", "json", "--points", "2", "--seed", "7"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let objects = try rows(result.stdout)
        XCTAssertEqual(objects.map { "\($0["function"]!) \($0["mode"]!)" }, [
            "energy primal", "energy jvp", "energy vjp", "energy gradient", "energy hvp",
            "energy jacobian", "energy hessian", "energy hessianTrace",
            "scaled primal", "scaled jvp", "scaled vjp", "scaled jacobian",
            "kinky primal", "kinky jvp", "kinky vjp", "kinky gradient", "kinky hvp",
            "kinky jacobian", "kinky hessian", "kinky hessianTrace",
        ])
        for object in objects {
            for key in ["function", "mode", "finiteDifferenceError", "complexStepError", "dotProductError", "passed"] {
                XCTAssertNotNil(object[key], "missing \(key)")
            }
            XCTAssertEqual(object["passed"] as? Bool, true, "\(object)")
            XCTAssertEqual(object["points"] as? Int, 2)
            // Hutchinson's estimate is judged against the exact trace in standard errors only.
            if object["mode"] as? String == "hessianTrace" { continue }
            let complexStep = try XCTUnwrap(object["complexStepError"] as? Double, "\(object)")
            XCTAssertLessThan(complexStep, 1e-12)
            if object["mode"] as? String != "primal" {
                XCTAssertLessThan(try XCTUnwrap(object["finiteDifferenceError"] as? Double), 1e-8)
                XCTAssertLessThan(try XCTUnwrap(object["dotProductError"] as? Double), 1e-12)
            } else {
                XCTAssertTrue(object["finiteDifferenceError"] is NSNull)
            }
        }
        // energy needs an n × n array: the first default sizes trap, A of 9 fits.
        XCTAssertEqual((objects[0]["specs"] as? [String])?.first, "energy(A: rand(9, 0.2...0.8), x: rand(3, 0.2...0.8), n: 3)")
        XCTAssertTrue(result.stderr.contains("adgen check: compiling"), result.stderr)
    }

    func testTextTableAndFailingExitStatus() throws {
        let path = try write(Self.model)
        let text = try adgen(["check", path, "--function", "kinky"])
        XCTAssertEqual(text.status, 0, text.stdout + text.stderr)
        XCTAssertTrue(text.stdout.contains("function  mode          FD error  CS error  dot error  value error  result"), text.stdout)
        XCTAssertTrue(text.stdout.contains("kinky     hvp"), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 function(s), 8 checks, 1 file(s): all passed"), text.stdout)
        XCTAssertFalse(text.stdout.contains("energy"))

        let strict = try adgen(["check", path, "--function", "kinky", "--fd-tolerance", "1e-30", "--format", "json"])
        XCTAssertEqual(strict.status, 1)
        let objects = try rows(strict.stdout)
        XCTAssertEqual(objects.filter { $0["passed"] as? Bool == false }.map { $0["mode"] as? String },
                       ["jvp", "vjp", "gradient", "hvp", "jacobian", "hessian"])
        XCTAssertTrue((objects[1]["notes"] as? [String])?.first?.hasPrefix("fails at x: ") == true, "\(objects[1])")
    }

    func testTrapsAndBadInputAreReported() throws {
        let path = try write("""
            /// Reads past the end for short arrays.
            func fifth(x: [Double]) -> Double {
                return x[4] * x[0]
            }
            """)
        let crash = try adgen(["check", path, "--point", "fifth(x: rand(3))", "--format", "json"])
        XCTAssertEqual(crash.status, 1)
        let objects = try rows(crash.stdout)
        XCTAssertEqual(objects.count, 8)
        XCTAssertTrue(objects.allSatisfy { $0["passed"] as? Bool == false })
        let note = (objects[0]["notes"] as? [String])?.first ?? ""
        XCTAssertTrue(note.contains("crashed: Illegal instruction (a trap: index out of range") && note.hasSuffix("in fifth(x:)"),
                      note)
        let defaults = try adgen(["check", path, "--format", "json"])
        XCTAssertEqual(defaults.status, 0, "the second default length fits: " + defaults.stdout)

        let spin = try write("""
            /// Never ends for x > -2: s tends to 2.
            func spin(x: Double) -> Double {
                var s = x
                while s > 0.0 {
                    s = 0.5 * s + 1.0
                }
                return s
            }
            """, name: "spin.adg")
        let stopped = try adgen(["check", spin, "--timeout", "1", "--format", "json"])
        XCTAssertEqual(stopped.status, 1)
        let spinNote = try rows(stopped.stdout).first?["notes"] as? [String]
        XCTAssertTrue(spinNote?.first?.contains("timed out: no point finished in 1 s") == true, "\(String(describing: spinNote))")

        let unknown = try adgen(["check", path, "--function", "sixth"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no function 'sixth'"), unknown.stderr)
        let malformed = try adgen(["check", path, "--point", "fifth(x: rand(3)"])
        XCTAssertEqual(malformed.status, 1)
        XCTAssertTrue(malformed.stderr.contains("--point 'fifth(x: rand(3)': error:"), malformed.stderr)
        let invalid = try adgen(["check", try write("func f(x: Double) -> Double {\n    return x +\n}\n")])
        XCTAssertEqual(invalid.status, 1)
        XCTAssertTrue(invalid.stderr.contains("model.adg:3:1: error:"), invalid.stderr)
    }
}
