import Foundation
import XCTest

/// Generated code is deterministic across processes (Swift's hashing is seeded per process,
/// so dictionary or set order leaking into the output would differ between runs): two
/// separate `adgen generate` processes write the same bytes for every fixture, with its
/// `// adgen:` options.
final class DeterminismTests: XCTestCase {
    func testTwoProcessesWriteTheSameBytes() throws {
        let adgen = try XCTUnwrap(Tools.adgen(), "adgen executable not built")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".adg") }.sorted()
        XCTAssertGreaterThan(inputs.count, 10)
        let directory = try Tools.temporaryDirectory("determinism")
        defer { try? FileManager.default.removeItem(at: directory) }
        for run in ["a", "b"] {
            for input in inputs {
                let path = fixtures.appendingPathComponent(input).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let options = text.split(separator: "\n").filter { $0.hasPrefix("// adgen: ") }
                    .flatMap { $0.dropFirst("// adgen: ".count).split(separator: " ").map(String.init) }
                let output = directory.appendingPathComponent("\(run)-\(input).swift").path
                let result = try Tools.run(adgen, ["generate", path] + options + ["-o", output], in: directory)
                XCTAssertEqual(result.status, 0, "\(input): \(result.output)")
            }
        }
        for input in inputs {
            let first = try Data(contentsOf: directory.appendingPathComponent("a-\(input).swift"))
            let second = try Data(contentsOf: directory.appendingPathComponent("b-\(input).swift"))
            XCTAssertEqual(first, second, "\(input): two processes wrote different code")
        }
    }
}
