import Foundation
import XCTest
@testable import ADGenCore

/// Every `Fixtures/diagnostics/NAME.adg` is a program adgen rejects (or warns about),
/// annotated with the diagnostics it must produce, one comment line each, in the order
/// adgen reports them:
///
///     // error@LINE:COL: MESSAGE
///     // warning@LINE:COL: MESSAGE
///
/// Positions are of the file as written (annotations and other comments included).
/// The test compiles each file and compares the full list: a missing, extra, moved or
/// reworded diagnostic fails with both lists shown. A file with an error annotation
/// must also produce no output. How diagnostics are rendered (source line, caret,
/// tabs, long lines) is `DiagnosticTests`.
final class DiagnosticFileTests: XCTestCase {
    static var directory: URL { TestSupport.fixturesDirectory.appendingPathComponent("diagnostics") }

    /// The annotation lines of `text`, in file order, as `severity@line:col: message`.
    static func annotations(in text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            let body = line.drop { $0 == " " }
            guard body.hasPrefix("// ") else { return nil }
            let annotation = body.dropFirst(3)
            let severities = Diagnostic.Severity.allCases.map { "\($0.rawValue)@" }
            return severities.contains(where: { annotation.hasPrefix($0) }) ? String(annotation) : nil
        }
    }

    static func reported(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity.rawValue)@\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
    }

    func testEveryAnnotatedFileProducesExactlyItsDiagnostics() throws {
        let urls = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "adg" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(urls.count, 100, "annotated files not found in \(Self.directory.path)")
        for url in urls {
            let name = "Fixtures/diagnostics/\(url.lastPathComponent)"
            let bytes = [UInt8](try Data(contentsOf: url))
            let expected = Self.annotations(in: String(decoding: bytes, as: UTF8.self))
            XCTAssertFalse(expected.isEmpty, "\(name) has no '// error@LINE:COL: message' annotation")
            let output = Pipeline.compile(SourceFile(path: name, bytes: bytes))
            let got = output.diagnostics.map(Self.reported)
            if got != expected {
                XCTFail("\(name): the diagnostics differ from its annotations\n"
                        + "expected:\n" + expected.map { "  // \($0)" }.joined(separator: "\n")
                        + "\nreported:\n" + got.map { "  // \($0)" }.joined(separator: "\n"))
            }
            if expected.contains(where: { $0.hasPrefix("error@") }) {
                XCTAssertNil(output.swift, "\(name) expects an error, yet adgen generated code")
            }
        }
    }

    /// The reader of annotations itself: it must not take code or other comments for one.
    func testAnnotationsAreReadOnlyFromAnnotationComments() {
        let text = """
            func f(x: Double) -> Double { return x } // error@1:1: not at the start of a comment line
            // errors@1:1: not a severity
            // note: a plain comment
              // warning@3:4: indented is fine
            // error@2:5: one
            """
        XCTAssertEqual(Self.annotations(in: text), ["warning@3:4: indented is fine", "error@2:5: one"])
    }
}
