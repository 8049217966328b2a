import ADGenCore
import Foundation
import XCTest

/// Fixtures/C/corpus (see its README): C functions of the kinds peer tools' test suites
/// differentiate, written for adgen. Accepted ones are checked in every mode against
/// finite differences and Swift; rejected ones must give their `// rejected:` diagnostic.
final class CCorpusTests: XCTestCase {
    var directory: URL { CTestSupport.repositoryRoot.appendingPathComponent("Fixtures/C/corpus") }

    func files(_ prefix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "c" && $0.lastPathComponent.hasPrefix(prefix) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testAcceptedFunctionsAgreeWithFiniteDifferencesInEveryMode() throws {
        try CTestSupport.requireLibClang()
        let fixtures = try CNumericTests.fixtures(try files("accepted_"), seed: 12)
        let functions = fixtures.flatMap { $0.syntax.functions.map(\.name) }
        let checked = Set(fixtures.flatMap { $0.points.map(\.function) })
        XCTAssertGreaterThanOrEqual(checked.count, 30)
        try CNumericTests.verify(fixtures)
        let rejected = try files("rejected_").count
        print("corpus: \(checked.count) functions accepted and checked in every mode (\(functions.count) with the helpers they call), \(rejected) rejected")
    }

    func testRejectedFunctionsGiveTheirDiagnostic() throws {
        try CTestSupport.requireLibClang()
        let rejected = try files("rejected_")
        XCTAssertGreaterThanOrEqual(rejected.count, 10)
        for url in rejected {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            let expected = try XCTUnwrap(text.split(separator: "\n").first?.components(separatedBy: "// rejected: ").last)
            let output = CTestSupport.compile(text, path: url.lastPathComponent)
            XCTAssertNil(output.text, url.lastPathComponent)
            let found = CTestSupport.short(output.diagnostics)
            XCTAssertTrue(found.contains { $0.hasPrefix(expected) }, "\(url.lastPathComponent): expected \(expected), found \(found)")
        }
    }
}
