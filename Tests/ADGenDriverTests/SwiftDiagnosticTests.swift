import XCTest
@testable import ADGenDriver

final class SwiftDiagnosticTests: XCTestCase {
    func testParsesHeaderLinesOnly() {
        let output = """
            /tmp/cache/sources/main.swift:3:17: error: cannot find 'y' in scope
            1 | let x = 1
              |         `- note: something
            /tmp/cache/sources/util.swift:10:5: warning: variable 'z' was never mutated
            <unknown>:0: error: no such file
            """
        let diagnostics = SwiftDiagnostic.parse(output)
        guard diagnostics.count == 3 else { return XCTFail("\(diagnostics)") }
        XCTAssertEqual(diagnostics[0], SwiftDiagnostic(
            file: "/tmp/cache/sources/main.swift", line: 3, column: 17,
            severity: .error, message: "cannot find 'y' in scope"))
        XCTAssertEqual(diagnostics[1].severity, .warning)
        XCTAssertEqual(diagnostics[1].line, 10)
        XCTAssertEqual(diagnostics[2].file, "<unknown>")
        XCTAssertEqual(diagnostics[2].line, 0)
        XCTAssertEqual(diagnostics[2].column, 0)
        XCTAssertNil(SwiftDiagnostic(line: "note: no location here"))
    }
}
