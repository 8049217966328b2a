import XCTest
@testable import ADGenCore

/// The exact text the CLI prints for a diagnostic (`path:line:col: error: message`, the
/// source line and the caret), and the diagnostics whose input cannot be an annotated
/// file: raw bytes, generated programs too large to read, positions at the end of the
/// file, `--wrt` overrides. Every other diagnostic the front end can emit is an annotated
/// program in `Fixtures/diagnostics/` (`DiagnosticFileTests`).
final class DiagnosticTests: XCTestCase {
    private func assertDiagnostics(_ text: String, wrt: [Sema.WrtOverride] = [], _ expected: [String],
                                   file: StaticString = #filePath, line: UInt = #line) {
        let rendered = TestSupport.rendered(text, wrt: wrt)
        XCTAssertEqual(rendered.joined(separator: "\n\n"), expected.joined(separator: "\n\n"), file: file, line: line)
        XCTAssertFalse(TestSupport.compile(text, options: Pipeline.Options(wrt: wrt)).succeeded, file: file, line: line)
    }

    private func rendered(bytes: [UInt8]) -> [String] {
        let file = SourceFile(path: "t.adg", bytes: bytes)
        return Pipeline.compile(file).diagnostics.map { $0.rendered(in: file) }
    }

    // MARK: Diagnostics that need raw bytes

    func testInvalidUTF8() {
        let good = Array("func f(x: Double) -> Double {\n    let y = x ".utf8)
        let tail = Array("\n    return x\n}\n".utf8)
        XCTAssertEqual(rendered(bytes: good + [0xFF] + tail), [
            "t.adg:2:15: error: file is not valid UTF-8\n    let y = x \u{FFFD}\n              ^",
        ])
        // Overlong encoding, UTF-16 surrogate, truncated sequence at the end of the file:
        // reported at the first bad byte, and nothing else (no lexing of invalid text).
        XCTAssertEqual(rendered(bytes: good + [0xC0, 0x80] + tail).first?.components(separatedBy: "\n").first,
                       "t.adg:2:15: error: file is not valid UTF-8")
        XCTAssertEqual(rendered(bytes: good + [0xED, 0xA0, 0x80] + tail).first?.components(separatedBy: "\n").first,
                       "t.adg:2:15: error: file is not valid UTF-8")
        XCTAssertEqual(rendered(bytes: good + Array("x\n".utf8) + [0xE2, 0x82]).map { $0.components(separatedBy: "\n")[0] },
                       ["t.adg:3:1: error: file is not valid UTF-8"])
        XCTAssertEqual(rendered(bytes: [0xFE, 0xFF]), ["t.adg:1:1: error: file is not valid UTF-8\n\u{FFFD}\u{FFFD}\n^"])
    }

    func testUnexpectedControlCharacter() {
        let text = "func f(x: Double) -> Double {\n    let y = \u{01}x\n    return y\n}\n"
        assertDiagnostics(text, ["t.adg:2:13: error: unexpected character byte 0x1\n    let y = \u{01}x\n            ^"])
        let nul = "func f(x: Double) -> Double {\n    return x\u{0}\n}\n"
        assertDiagnostics(nul, ["t.adg:2:13: error: unexpected character byte 0x0\n    return x\u{0}\n            ^"])
    }

    // MARK: The limit

    func testDiagnosticsStopAtTheLimit() {
        var text = "func f(x: Double) -> Double {\n"
        for i in 0..<80 { text += "    let v\(i) = undefined\(i)\n" }
        text += "    return x\n}\n"
        let diagnostics = TestSupport.compile(text).diagnostics
        XCTAssertEqual(diagnostics.count, DiagnosticEngine.limit)
        XCTAssertEqual(diagnostics.first.map(TestSupport.short), "2:14: cannot find 'undefined0' in scope")
        XCTAssertEqual(diagnostics.last.map(TestSupport.short), "51:15: cannot find 'undefined49' in scope")
    }

    func testTheSameDiagnosticTwiceInARowIsReportedOnce() {
        var engine = DiagnosticEngine()
        let here = SourceLocation(line: 1, column: 2, offset: 1)
        engine.error("m", at: here)
        engine.error("m", at: here)
        engine.error("n", at: here)
        engine.error("m", at: here)
        XCTAssertEqual(engine.diagnostics.map(\.message), ["m", "n", "m"])
        XCTAssertTrue(engine.hasErrors)
    }

    // MARK: Rendering

    func testRenderingWithoutALocationIsTheHeaderOnly() {
        let file = SourceFile(path: "dir/model.adg", text: "func f() {}")
        XCTAssertEqual(Diagnostic(.error, "something", at: .none).rendered(in: file), "dir/model.adg:0:0: error: something")
        XCTAssertEqual(Diagnostic(.note, "see here", at: SourceLocation(line: 1, column: 6, offset: 5)).rendered(in: file),
                       "dir/model.adg:1:6: note: see here\nfunc f() {}\n     ^")
    }

    func testRenderingKeepsTabsAndCountsCharactersBeforeTheCaret() {
        let text = "func f(x: Double) -> Double {\n\t/* café */ let y = zz\n\treturn x\n}\n"
        assertDiagnostics(text, ["t.adg:2:22: error: cannot find 'zz' in scope\n\t/* café */ let y = zz\n\t" + String(repeating: " ", count: 19) + "^"])
    }

    func testRenderingDropsTheCarriageReturnOfCRLFLines() {
        let text = "func f(x: Double) -> Double {\r\n    return zz\r\n}\r\n"
        assertDiagnostics(text, ["t.adg:2:12: error: cannot find 'zz' in scope\n    return zz\n           ^"])
    }

    func testRenderingShowsAWindowOfVeryLongLines() {
        let left = String(repeating: "a", count: 300)
        let right = String(repeating: "b", count: 300)
        let file = SourceFile(path: "t.adg", text: left + "X" + right)
        let rendered = Diagnostic(.error, "here", at: SourceLocation(line: 1, column: 301, offset: 300)).rendered(in: file)
        // 160 bytes around the column, "..." on each cut side, the caret under the X.
        XCTAssertEqual(rendered, "t.adg:1:301: error: here\n..." + String(repeating: "a", count: 79) + "X"
                       + String(repeating: "b", count: 80) + "...\n" + String(repeating: " ", count: 82) + "^")
    }

    func testRenderingWindowNeverCutsACharacterInHalf() {
        // The window would start at byte 220, the middle of a two-byte "é".
        let text = String(repeating: "a", count: 219) + "é" + String(repeating: "c", count: 78) + "X"
        let file = SourceFile(path: "t.adg", text: text)
        let rendered = Diagnostic(.error, "here", at: SourceLocation(line: 1, column: 300, offset: 299)).rendered(in: file)
        let lines = rendered.components(separatedBy: "\n")
        XCTAssertEqual(lines[1], "...é" + String(repeating: "c", count: 78) + "X")
        XCTAssertEqual(lines[2], String(repeating: " ", count: 82) + "^")
    }

    func testRenderingAtTheEndOfTheFile() {
        let file = SourceFile(path: "t.adg", text: "func f(x: Double) -> Double {\n")
        XCTAssertEqual(TestSupport.compile("func f(x: Double) -> Double {\n").diagnostics.map { $0.rendered(in: file) }, [
            // (No "missing return" on top: the body is empty because of the error.)
            "t.adg:2:1: error: expected '}' to close the block opened at 1:29\n\n^",
        ])
    }

    // MARK: Diagnostics an annotated file cannot hold

    func testUnterminatedBlockComment() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                return x /* unfinished
            }

            """, [
            """
            t.adg:2:14: error: unterminated '/*' comment
                return x /* unfinished
                         ^
            """,
            """
            t.adg:4:1: error: expected '}' to close the block opened at 1:29

            ^
            """,
        ])
    }

    /// An `inout` helper nothing calls would produce no output at all: a warning says so.
    func testUncalledInoutHelperWarns() {
        let text = """
            func f(a: Double, out: inout [Double]) {
                out[0] = a * a
            }

            """
        XCTAssertTrue(TestSupport.compile(text).succeeded)
        XCTAssertEqual(TestSupport.rendered(text).map { $0.components(separatedBy: "\n")[0] }, [
            "t.adg:1:6: warning: 'f' has 'inout' parameters, so adgen inlines it where it is called and generates no derivatives of it; nothing in this file calls it (to differentiate it, return the result instead: '-> Double' or '-> [Double]')",
        ])
    }

    func testBlocksNestedTooDeeply() {
        assertDiagnostics(TestSupport.nestedIfs(49), [
            "t.adg:3:531: error: blocks nested too deeply (more than 48 levels)\n...0 { if x > 0 { if x > 0 { if x > 0 { if x > 0 { if x > 0 { if x > 0 { if x > 0 { if x > 0 { y += 1 } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } }...\n                                                                                  ^",
        ])
    }

    func testElseIfChainTooLong() {
        assertDiagnostics("func f(x: Double) -> Double {\n    if x > 0 {\n        return 0\n    }" + String(repeating: " else if x > 1 {\n        return 1\n    }", count: 47) + " else {\n        return 2\n    }\n}\n", [
            """
            t.adg:96:12: error: blocks nested too deeply (more than 48 levels, counting each 'else if' as one)
                } else if x > 1 {
                       ^
            """,
            """
            t.adg:101:1: error: missing return in function 'f' expected to return 'Double'
            }
            ^
            """,
        ])
    }

    func testUnclosedBlock() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                if x > 0 {
                    return x
                }

            """, [
            """
            t.adg:5:1: error: expected '}' to close the block opened at 1:29

            ^
            """,
            """
            t.adg:5:1: error: missing return in function 'f' expected to return 'Double'

            ^
            """,
        ])
    }

    /// Constructs Swift accepts that a C or C++ translation reaches for: several names in
    /// one declaration, a call right before a header's `{`, a parenthesized or reversed
    /// range, a literal walked by `for`, `_ = e`, a body of one expression.
    func testEverydaySwiftIsAccepted() {
        let text = """
            func g(x: Double) -> Double { x * x }

            func f(x: Double, n: Int) -> Double {
                var a = x, b = g(x: x)
                if a > sin(x) {
                    a += b
                }
                for i in (0..<max(n, 1)).reversed() {
                    b += Double(i)
                }
                for v in [a, b] {
                    a += v
                }
                _ = g(x: a)
                return a + b
            }

            """
        XCTAssertEqual(TestSupport.rendered(text), [])
        XCTAssertTrue(TestSupport.compile(text).succeeded)
    }

    func testExpressionTooDeep() {
        assertDiagnostics("func f(x: Double) -> Double {\n    let y = " + Array(repeating: "x", count: 202).joined(separator: " + ") + "\n    return x\n}\n", [
            """
            t.adg:2:811: error: expression is too deeply nested or too long (more than 200 levels); split it into several statements
            ... x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x
                                                                                              ^
            """,
        ])
    }

    func testWrtOverrideUnknownFunction() {
        assertDiagnostics("""
            func f(x: Double) -> Double { return x }

            """, wrt: [Sema.WrtOverride(function: "g", parameters: ["x"])], [
            """
            t.adg:1:1: error: --wrt names function 'g', which this file does not define
            func f(x: Double) -> Double { return x }
            ^
            """,
        ])
    }

    func testWrtOverrideUnknownParameter() {
        assertDiagnostics("""
            func f(x: Double) -> Double { return x }

            """, wrt: [Sema.WrtOverride(function: nil, parameters: ["q"])], [
            """
            t.adg:1:1: error: --wrt names 'q', which is no function's parameter in this file
            func f(x: Double) -> Double { return x }
            ^
            """,
        ])
    }

    func testEarlyReturnsDuplicateTooMuchCode() {
        assertDiagnostics(TestSupport.partialEarlyReturns(20), [
            """
            t.adg:1:6: error: unsupported in adgen: early returns in 'f' need too much code duplication; use 'if / else' and one 'return' per path
            func f(x: Double) -> Double {
                 ^
            """,
        ])
    }

    func testTooManyExitsInOneBlock() {
        let exits = (0..<70).map { "        if s > \($0).5 { break }\n        s += 0.25 * s\n" }.joined()
        let text = "func f(x: Double) -> Double {\n    var s = x\n    for i in 0..<3 {\n" + exits + "    }\n    return s\n}\n"
        XCTAssertEqual(TestSupport.rendered(text).first?.components(separatedBy: "\n").first,
                       "t.adg:1:6: error: unsupported in adgen: too many possible exits in one block of 'f' (the code after each runs one 'if' deeper, past 64 levels); combine their conditions")
    }

    /// `var t: T` / `let t: T` follow Swift's definite initialization (DeferredInitialization).
    func testDeclarationWithoutValue() {
        let assignedOnEveryPath = """
            func f(x: Double, y: Double) -> Double {
                let t: Double
                if x > y { t = x } else { t = y }
                var k: Int
                switch 2 {
                case 1: k = 1
                default: k = 2
                }
                return t * Double(k)
            }

            """
        XCTAssertEqual(TestSupport.rendered(assignedOnEveryPath), [])
    }
}
