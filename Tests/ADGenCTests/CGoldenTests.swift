import ADGenCore
import Foundation
import XCTest

/// Every `Fixtures/C/NAME.c` has `NAME.swift` and `NAME_ad.c` equal to what
/// `adgen generate Fixtures/C/NAME.c -o ...` (and `--emit c`) writes; `make golden` regenerates them.
final class CGoldenTests: XCTestCase {
    func testEveryCFixtureMatchesItsGoldenFiles() throws {
        try CTestSupport.requireLibClang()
        let fixtures = try CTestSupport.fixtureURLs()
        XCTAssertGreaterThanOrEqual(fixtures.count, 4)
        for url in fixtures {
            let name = url.deletingPathExtension().lastPathComponent
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for (emit, golden) in [(Pipeline.Language.swift, "\(name).swift"), (.c, "\(name)_ad.c")] {
                let output = CTestSupport.compile(text, path: "Fixtures/C/\(name).c", emit: emit)
                guard let generated = output.text else {
                    XCTFail("Fixtures/C/\(name).c does not compile:\n" + CTestSupport.short(output.diagnostics).joined(separator: "\n"))
                    continue
                }
                let expected = FileManager.default.contents(atPath: CTestSupport.fixturesDirectory.appendingPathComponent(golden).path)
                    .map { String(decoding: $0, as: UTF8.self) }
                XCTAssertEqual(generated, expected, "Fixtures/C/\(golden) differs from what adgen generates; run `make golden` and review the diff")
            }
        }
    }

    func testOutputIsDeterministic() throws {
        try CTestSupport.requireLibClang()
        let url = try XCTUnwrap(try CTestSupport.fixtureURLs().first)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let outputs = (0..<3).map { _ in CTestSupport.compile(text, emit: .c).text }
        XCTAssertNotNil(outputs[0])
        XCTAssertEqual(Set(outputs.map { $0 ?? "" }).count, 1)
    }
}
