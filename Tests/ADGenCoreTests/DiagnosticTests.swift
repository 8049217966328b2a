import XCTest
@testable import ADGenCore

/// One test per diagnostic the front end can emit, each asserting the exact text the
/// CLI prints: `path:line:col: error: message`, the source line and the caret.
/// (Inputs are chosen so each produces exactly the diagnostic under test, plus any
/// follow-on a user would also get; those are asserted too.)
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

    // MARK: Several diagnostics in one run

    func testSeveralDiagnosticsFromEveryStageInOneRun() {
        // (`b`, whose initializer was rejected, is poisoned: `b += n` reports nothing more.)
        assertDiagnostics("""
            import Foundation
            /// Bad in many ways.
            func f(x: Double, n: Int) -> Double {
                let a = x $ 1
                var b = (x + 1
                b += n
                let c = undefined * 2
                for i in 0..<n { return b }
                return b + c
            }
            func g(y: Double) -> Int {
                let z = y % 2
                return 1
            }

            """, [
            """
            t.adg:4:15: error: unexpected character '$'
                let a = x $ 1
                          ^
            """,
            """
            t.adg:1:1: error: unsupported in adgen: 'import' (a .adg file holds only functions; Foundation is implied)
            import Foundation
            ^
            """,
            """
            t.adg:4:17: error: consecutive statements on a line must be separated by ';'
                let a = x $ 1
                            ^
            """,
            """
            t.adg:6:5: error: expected ')' to close the parenthesis opened at 5:13, found 'b'
                b += n
                ^
            """,
            """
            t.adg:11:22: error: unsupported in adgen: result type 'Int'; results are Double or [Double]
            func g(y: Double) -> Int {
                                 ^
            """,
            """
            t.adg:7:13: error: cannot find 'undefined' in scope
                let c = undefined * 2
                        ^
            """,
            """
            t.adg:12:15: error: '%' is unavailable for 'Double'; use 'fmod' outside adgen or keep '%' on Int
                let z = y % 2
                          ^
            """,
        ])
    }

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

    // MARK: One test per diagnostic

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

    func testNonASCIICharacter() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let café = x
                return x
            }

            """, [
            """
            t.adg:2:12: error: unexpected non-ASCII character; adgen names are ASCII
                let café = x
                       ^
            """,
        ])
    }

    func testUnexpectedCharacter() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x $ 2
                return x
            }

            """, [
            """
            t.adg:2:15: error: unexpected character '$'
                let y = x $ 2
                          ^
            """,
            """
            t.adg:2:17: error: consecutive statements on a line must be separated by ';'
                let y = x $ 2
                            ^
            """,
        ])
    }

    func testInvalidNumberLiteral() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = 2abc
                return x
            }

            """, [
            """
            t.adg:2:13: error: '2abc' is not a valid number literal
                let y = 2abc
                        ^
            """,
        ])
    }

    func testAttributeWithoutFunction() {
        assertDiagnostics("""
            func f(x: Double) -> Double { return x }
            @differentiable(reverse)

            """, [
            """
            t.adg:2:1: error: attribute must be followed by a 'func' declaration
            @differentiable(reverse)
            ^
            """,
        ])
    }

    func testTopLevelImport() {
        assertDiagnostics("""
            import Foundation
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:1: error: unsupported in adgen: 'import' (a .adg file holds only functions; Foundation is implied)
            import Foundation
            ^
            """,
        ])
    }

    func testTopLevelKeyword() {
        assertDiagnostics("""
            var counter = 0
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:1: error: unsupported in adgen: top-level 'var'
            var counter = 0
            ^
            """,
        ])
    }

    func testExpectedFuncAtTopLevel() {
        assertDiagnostics("""
            f(x: 1)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:1: error: expected 'func' declaration at top level, found 'f'
            f(x: 1)
            ^
            """,
        ])
    }

    func testUnsupportedAttribute() {
        assertDiagnostics("""
            @inlinable
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:2: error: unsupported attribute; adgen accepts only '@differentiable(reverse, wrt: ...)'
            @inlinable
             ^
            """,
        ])
    }

    func testAttributeMissingParenthesis() {
        assertDiagnostics("""
            @differentiable
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:2:1: error: expected '(' after '@differentiable', found 'func'
            func f(x: Double) -> Double { return x }
            ^
            """,
        ])
    }

    func testAttributeMissingReverse() {
        assertDiagnostics("""
            @differentiable(wrt: x)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:17: error: expected 'reverse' in '@differentiable(reverse, wrt: ...)', found 'wrt'
            @differentiable(wrt: x)
                            ^
            """,
        ])
    }

    func testAttributeMissingWrtLabel() {
        assertDiagnostics("""
            @differentiable(reverse, x)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:26: error: expected 'wrt:' in '@differentiable(reverse, wrt: ...)', found 'x'
            @differentiable(reverse, x)
                                     ^
            """,
        ])
    }

    func testAttributeMissingColonAfterWrt() {
        assertDiagnostics("""
            @differentiable(reverse, wrt x)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:30: error: expected ':' after 'wrt', found 'x'
            @differentiable(reverse, wrt x)
                                         ^
            """,
        ])
    }

    func testAttributeWrtListNeedsNames() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: (x, 1))
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:35: error: expected a parameter name in 'wrt:', found '1'
            @differentiable(reverse, wrt: (x, 1))
                                              ^
            """,
        ])
    }

    func testAttributeWrtListUnclosed() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: (x y))
            func f(x: Double, y: Double) -> Double { return x }

            """, [
            """
            t.adg:1:34: error: expected ')' to close the 'wrt:' list, found 'y'
            @differentiable(reverse, wrt: (x y))
                                             ^
            """,
        ])
    }

    func testAttributeWrtNeedsAName() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: 1)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:31: error: expected a parameter name after 'wrt:', found '1'
            @differentiable(reverse, wrt: 1)
                                          ^
            """,
        ])
    }

    func testAttributeUnclosed() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: x y)
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:33: error: expected ')' to close '@differentiable(', found 'y'
            @differentiable(reverse, wrt: x y)
                                            ^
            """,
        ])
    }

    func testExpectedFunctionName() {
        assertDiagnostics("""
            func (x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:6: error: expected function name after 'func', found '('
            func (x: Double) -> Double { return x }
                 ^
            """,
        ])
    }

    func testGenericFunction() {
        assertDiagnostics("""
            func f<T>(x: T) -> Double { return 1 }

            """, [
            """
            t.adg:1:7: error: unsupported in adgen: generic functions
            func f<T>(x: T) -> Double { return 1 }
                  ^
            """,
        ])
    }

    func testExpectedParenAfterFunctionName() {
        assertDiagnostics("""
            func f -> Double { return 1 }

            """, [
            """
            t.adg:1:8: error: expected '(' after function name, found '->'
            func f -> Double { return 1 }
                   ^
            """,
        ])
    }

    func testUnclosedParameterList() {
        assertDiagnostics("""
            func f(x: Double y: Double) -> Double { return x }

            """, [
            """
            t.adg:1:18: error: expected ')' to close the parameter list, found 'y'
            func f(x: Double y: Double) -> Double { return x }
                             ^
            """,
        ])
    }

    func testThrows() {
        assertDiagnostics("""
            func f(x: Double) throws -> Double { return x }

            """, [
            """
            t.adg:1:19: error: unsupported in adgen: 'throws'
            func f(x: Double) throws -> Double { return x }
                              ^
            """,
        ])
    }

    func testExpectedFunctionBody() {
        assertDiagnostics("""
            func f(x: Double) -> Double
                return x

            """, [
            """
            t.adg:2:5: error: expected '{' to start the function body, found 'return'
                return x
                ^
            """,
        ])
    }

    func testExpectedParameterNameAfterUnderscore() {
        assertDiagnostics("""
            func f(_ : Double) -> Double { return 1 }

            """, [
            """
            t.adg:1:10: error: expected parameter name after '_', found ':'
            func f(_ : Double) -> Double { return 1 }
                     ^
            """,
        ])
    }

    func testExpectedParameterName() {
        assertDiagnostics("""
            func f(1: Double) -> Double { return 1 }

            """, [
            """
            t.adg:1:8: error: expected parameter name, found '1'
            func f(1: Double) -> Double { return 1 }
                   ^
            """,
        ])
    }

    func testUnderscoreInternalName() {
        assertDiagnostics("""
            func f(x _: Double) -> Double { return 1 }

            """, [
            """
            t.adg:1:10: error: unsupported in adgen: '_' as an internal parameter name
            func f(x _: Double) -> Double { return 1 }
                     ^
            """,
        ])
    }

    func testExpectedColonAfterParameter() {
        assertDiagnostics("""
            func f(x, y: Double) -> Double { return y }

            """, [
            """
            t.adg:1:9: error: expected ':' and a type after parameter name, found ','
            func f(x, y: Double) -> Double { return y }
                    ^
            """,
        ])
    }

    func testHelperReturningAValueIsCalledOnceAndNotReadAround() {
        assertDiagnostics("""
            func bump(_ x: inout Double) -> Double {
                x += 1
                return x * 2
            }
            func f(a: Double) -> Double {
                var x = a
                let y = x + bump(&x)
                var s = 0.0
                while bump(&x) > s { s += 1 }
                bump(&x)
                return y + s
            }

            """, [
            """
            t.adg:7:5: error: unsupported in adgen: this statement reads 'x' and passes it as 'inout' to a helper that returns a value; Swift reads it before the call, so read it in a statement of its own
                let y = x + bump(&x)
                ^
            """,
            """
            t.adg:9:11: error: unsupported in adgen: a call of 'bump', which has 'inout' parameters, in a 'while' condition or a branch of '? :', '&&' or '||'; call it in a statement of its own before
                while bump(&x) > s { s += 1 }
                      ^
            """,
            """
            t.adg:10:5: error: result of call to 'bump' is unused
                bump(&x)
                ^
            """,
        ])
    }

    func testReturnInAnInoutHelper() {
        assertDiagnostics("""
            func clip(_ v: inout Double) {
                if v > 0 { return v }
                v = 0
            }

            """, [
            """
            t.adg:2:16: error: unexpected non-void return value in void function 'clip'; its 'inout' parameters are its results
                if v > 0 { return v }
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

    /// Passing one variable, or two elements of one array, as `inout` twice; reading it in
    /// another argument is fine (Swift evaluates that before the call).
    func testOverlappingInoutAccesses() {
        assertDiagnostics("""
            func add(_ a: inout Double, _ b: inout Double) {
                a += b
            }
            func f(x: [Double], t: Double) -> Double {
                var y = x
                var s = t
                add(&s, &s)
                add(&y[0], &y[1])
                return s + y[0]
            }

            """, [
            """
            t.adg:7:14: error: overlapping accesses to 's'; copy it to a local variable first
                add(&s, &s)
                         ^
            """,
            """
            t.adg:8:17: error: overlapping accesses to 'y'; copy it to a local variable first
                add(&y[0], &y[1])
                            ^
            """,
        ])
    }

    func testInoutArguments() {
        assertDiagnostics("""
            func scale(_ y: inout [Double], _ a: Double) {
                for i in y.indices { y[i] *= a }
            }
            func f(x: [Double], t: Double) -> Double {
                var y = x
                scale(y, t)
                scale(&y, &t)
                scale(&y, y[0])
                let z = scale(&y, 2)
                return sin(&t)
            }

            """, [
            """
            t.adg:6:11: error: passing an argument to 'inout' parameter 'y' requires an explicit '&'
                scale(y, t)
                      ^
            """,
            """
            t.adg:7:15: error: '&' used with parameter 'a', which is not 'inout'
                scale(&y, &t)
                          ^
            """,
            """
            t.adg:9:13: error: 'scale' has 'inout' parameters and returns nothing; call it as a statement
                let z = scale(&y, 2)
                        ^
            """,
            """
            t.adg:10:16: error: '&' used with an argument that is not 'inout'; 'sin' takes its arguments by value
                return sin(&t)
                           ^
            """,
        ])
    }

    func testAmpersandOutsideACall() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                return x + &x
            }

            """, [
            """
            t.adg:2:16: error: unsupported in adgen: '&' here; it marks an argument for an 'inout' parameter, 'f(&a)'
                return x + &x
                           ^
            """,
        ])
    }

    func testDefaultArgument() {
        assertDiagnostics("""
            func f(x: Double = 1) -> Double { return x }

            """, [
            """
            t.adg:1:18: error: unsupported in adgen: default argument values
            func f(x: Double = 1) -> Double { return x }
                             ^
            """,
        ])
    }

    func testExpectedArrayElementType() {
        assertDiagnostics("""
            func f(x: [1]) -> Double { return 1 }

            """, [
            """
            t.adg:1:12: error: expected element type after '[', found '1'
            func f(x: [1]) -> Double { return 1 }
                       ^
            """,
        ])
    }

    func testUnclosedArrayType() {
        assertDiagnostics("""
            func f(x: [Double) -> Double { return 1 }

            """, [
            """
            t.adg:1:18: error: expected ']' after array element type, found ')'
            func f(x: [Double) -> Double { return 1 }
                             ^
            """,
        ])
    }

    func testTupleType() {
        assertDiagnostics("""
            func f(x: (Double, Double)) -> Double { return 1 }

            """, [
            """
            t.adg:1:11: error: unsupported in adgen: tuple types
            func f(x: (Double, Double)) -> Double { return 1 }
                      ^
            """,
        ])
    }

    func testExpectedType() {
        assertDiagnostics("""
            func f(x: 1) -> Double { return 1 }

            """, [
            """
            t.adg:1:11: error: expected a type, found '1'
            func f(x: 1) -> Double { return 1 }
                      ^
            """,
        ])
    }

    func testOptionalType() {
        assertDiagnostics("""
            func f(x: Double?) -> Double { return 1 }

            """, [
            """
            t.adg:1:17: error: unsupported in adgen: optional types
            func f(x: Double?) -> Double { return 1 }
                            ^
            """,
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

    func testConsecutiveStatements() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = x let b = a
                return x
            }

            """, [
            """
            t.adg:2:15: error: consecutive statements on a line must be separated by ';'
                let a = x let b = a
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

    func testUnsupportedStatementKeyword() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                defer { }
                return x
            }

            """, [
            """
            t.adg:2:5: error: unsupported in adgen: 'defer'
                defer { }
                ^
            """,
        ])
    }

    func testBareBlock() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                { let y = x }
                return x
            }

            """, [
            """
            t.adg:2:5: error: unsupported in adgen: closures and bare blocks
                { let y = x }
                ^
            """,
        ])
    }

    func testTuplePattern() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let (a, b) = (x, x)
                return x
            }

            """, [
            """
            t.adg:2:9: error: unsupported in adgen: tuple patterns
                let (a, b) = (x, x)
                    ^
            """,
        ])
    }

    func testExpectedDeclarationName() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let 1 = x
                return x
            }

            """, [
            """
            t.adg:2:9: error: expected a name after 'let', found '1'
                let 1 = x
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

    func testSelfAssignmentAndForeignFunctions() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var a = x
                a = a
                return fabs(a) + M_PI
            }

            """, [
            """
            t.adg:3:5: error: assigning a variable to itself
                a = a
                ^
            """,
            """
            t.adg:4:12: error: unsupported in adgen: 'fabs' is not a builtin; use 'abs'
                return fabs(a) + M_PI
                       ^
            """,
            """
            t.adg:4:22: error: unsupported in adgen: 'M_PI'; use 'Double.pi'
                return fabs(a) + M_PI
                                 ^
            """,
        ])
    }

    func testExpectedLoopVariable() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for 1 in 0..<3 {}
                return x
            }

            """, [
            """
            t.adg:2:9: error: expected a loop variable after 'for', found '1'
                for 1 in 0..<3 {}
                    ^
            """,
        ])
    }

    func testExpectedInAfterLoopVariable() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i 0..<3 {}
                return x
            }

            """, [
            """
            t.adg:2:11: error: expected 'in' after the loop variable, found '0'
                for i 0..<3 {}
                      ^
            """,
        ])
    }

    func testForOverUnsupportedSequence() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var s = 0.0
                for v in a + 1 { s += v }
                return s
            }

            """, [
            """
            t.adg:3:16: error: unsupported in adgen: 'for' over this sequence; use a range 'a..<b', 'a...b', 'stride(from:to:by:)', an array, 'a.indices' or 'a.enumerated()'
                for v in a + 1 { s += v }
                           ^
            """,
        ])
    }

    func testForOverANonArray() {
        assertDiagnostics("""
            func f(a: [Double], n: Int) -> Double {
                var s = 0.0
                for v in n { s += 1.0 }
                return s
            }

            """, [
            """
            t.adg:3:14: error: 'for … in' needs an array here; 'n' is 'Int'
                for v in n { s += 1.0 }
                         ^
            """,
        ])
    }

    func testForOverAnArrayTheBodyChanges() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var b = a
                for v in b { b[0] = v }
                return b[0]
            }

            """, [
            """
            t.adg:3:14: error: unsupported in adgen: changing 'b' inside a loop over its elements; loop over 'b.indices' instead
                for v in b { b[0] = v }
                         ^
            """,
        ])
    }

    func testForTuplePatternOtherThanEnumerated() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var s = 0.0
                for (i, v) in a.reversed() { s += v }
                return s
            }

            """, [
            """
            t.adg:3:9: error: unsupported in adgen: this 'for (…)' pattern; write 'for (i, x) in a.enumerated()'
                for (i, v) in a.reversed() { s += v }
                    ^
            """,
        ])
    }

    func testStrideExpectsToOrThrough() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(from: 0, until: 3, by: 1) {}
                return x
            }

            """, [
            """
            t.adg:2:30: error: expected 'to:' or 'through:' in 'stride', found 'until'
                for i in stride(from: 0, until: 3, by: 1) {}
                                         ^
            """,
        ])
    }

    func testExpectedArgumentLabel() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(0, to: 3, by: 1) {}
                return x
            }

            """, [
            """
            t.adg:2:21: error: expected 'from:', found '0'
                for i in stride(0, to: 3, by: 1) {}
                                ^
            """,
        ])
    }

    func testStrideExpectsCommaAfterFrom() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(from: 0 to: 3, by: 1) {}
                return x
            }

            """, [
            """
            t.adg:2:29: error: expected ',' after 'from:' argument, found 'to'
                for i in stride(from: 0 to: 3, by: 1) {}
                                        ^
            """,
        ])
    }

    func testStrideExpectsColonAfterTo() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(from: 0, to 3, by: 1) {}
                return x
            }

            """, [
            """
            t.adg:2:33: error: expected ':' after 'to', found '3'
                for i in stride(from: 0, to 3, by: 1) {}
                                            ^
            """,
        ])
    }

    func testStrideExpectsCommaBeforeBy() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(from: 0, to: 3 by: 1) {}
                return x
            }

            """, [
            """
            t.adg:2:36: error: expected ',' before 'by:', found 'by'
                for i in stride(from: 0, to: 3 by: 1) {}
                                               ^
            """,
        ])
    }

    func testStrideUnclosed() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                for i in stride(from: 0, to: 3, by: 1, 2) {}
                return x
            }

            """, [
            """
            t.adg:2:42: error: expected ')' to close 'stride(', found ','
                for i in stride(from: 0, to: 3, by: 1, 2) {}
                                                     ^
            """,
        ])
    }

    func testIfLet() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                if let y = x {}
                return x
            }

            """, [
            """
            t.adg:2:8: error: unsupported in adgen: 'if let' (adgen has no optionals)
                if let y = x {}
                   ^
            """,
        ])
    }

    func testAssignmentOperatorWhitespace() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                y =x
                return y
            }

            """, [
            """
            t.adg:3:7: error: '=' must have whitespace on both sides or on neither
                y =x
                  ^
            """,
        ])
    }

    func testExpectedBlock() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                while y > 1 y -= 1
                return y
            }

            """, [
            """
            t.adg:3:17: error: expected '{', found 'y'
                while y > 1 y -= 1
                            ^
            """,
        ])
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

    func testTernaryQuestionWhitespace() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x > 0 ?x : 1
                return x
            }

            """, [
            """
            t.adg:2:19: error: '?' must have whitespace on both sides in a conditional expression
                let y = x > 0 ?x : 1
                              ^
            """,
        ])
    }

    func testTernaryExpectsColon() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x > 0 ? x 1
                return x
            }

            """, [
            """
            t.adg:2:23: error: expected ':' in conditional expression, found '1'
                let y = x > 0 ? x 1
                                  ^
            """,
        ])
    }

    func testNotAPostfixOperator() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x- 1
                return x
            }

            """, [
            """
            t.adg:2:14: error: '-' is not a postfix operator; put whitespace on both sides of a binary operator or on neither
                let y = x- 1
                         ^
            """,
        ])
    }

    func testPrefixOperatorAfterOperand() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x -1
                return x
            }

            """, [
            """
            t.adg:2:15: error: consecutive statements on a line must be separated by ';' (or put whitespace on both sides of '-')
                let y = x -1
                          ^
            """,
        ])
    }

    func testNonAssociativeComparison() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = 0 < x < 1
                return x
            }

            """, [
            """
            t.adg:2:19: error: adjacent comparison operators are not associative; add parentheses
                let b = 0 < x < 1
                              ^
            """,
        ])
    }

    func testUnsupportedOperator() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x ** 2
                return x
            }

            """, [
            """
            t.adg:2:15: error: unsupported in adgen: this operator
                let y = x ** 2
                          ^
            """,
        ])
    }

    func testDetachedUnaryOperator() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = - x
                return x
            }

            """, [
            """
            t.adg:2:13: error: unary operator cannot be separated from its operand
                let y = - x
                        ^
            """,
        ])
    }

    func testUnaryPlus() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = +x
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: unary '+'
                let y = +x
                        ^
            """,
        ])
    }

    func testUnclosedSubscript() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                let y = a[0
                return y
            }

            """, [
            """
            t.adg:3:5: error: expected ']' to close the subscript, found 'return'
                return y
                ^
            """,
        ])
    }

    func testExpectedMemberName() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                let y = a.0
                return y
            }

            """, [
            """
            t.adg:2:15: error: expected a member name after '.', found '0'
                let y = a.0
                          ^
            """,
        ])
    }

    func testMethodCall() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var b = a
                b.removeLast()
                return b[0]
            }

            """, [
            """
            t.adg:3:7: error: unsupported in adgen: method calls ('.removeLast(...)'); adgen has 'a.append(e)'
                b.removeLast()
                  ^
            """,
        ])
    }

    func testCallingAnExpression() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                return a[0](1)
            }

            """, [
            """
            t.adg:2:16: error: unsupported in adgen: calling this expression; only named functions can be called
                return a[0](1)
                           ^
            """,
        ])
    }

    func testEmptyTuple() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = ()
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: empty tuples
                let y = ()
                        ^
            """,
        ])
    }

    func testTuple() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = (x, 1)
                return x
            }

            """, [
            """
            t.adg:2:15: error: unsupported in adgen: tuples
                let y = (x, 1)
                          ^
            """,
        ])
    }

    func testUnclosedParenthesis() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = (x + 1
                return x
            }

            """, [
            """
            t.adg:3:5: error: expected ')' to close the parenthesis opened at 2:13, found 'return'
                return x
                ^
            """,
        ])
    }

    func testClosure() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = { x }
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: closures
                let y = { x }
                        ^
            """,
        ])
    }

    func testImplicitMember() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y: Double = .pi
                return x
            }

            """, [
            """
            t.adg:2:21: error: unsupported in adgen: implicit member expressions ('.name')
                let y: Double = .pi
                                ^
            """,
        ])
    }

    func testKeywordInExpression() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = try sin(x)
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: 'try' in an expression
                let y = try sin(x)
                        ^
            """,
        ])
    }

    func testExpectedExpression() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x * )
                return x
            }

            """, [
            """
            t.adg:2:17: error: expected an expression, found ')'
                let y = x * )
                            ^
            """,
        ])
    }

    func testUnclosedArgumentList() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = atan2(x x)
                return x
            }

            """, [
            """
            t.adg:2:21: error: expected ')' to close the argument list of 'atan2', found 'x'
                let y = atan2(x x)
                                ^
            """,
        ])
    }

    func testTrailingClosure() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = sin(x) { 1 }
                return x
            }

            """, [
            """
            t.adg:2:20: error: unsupported in adgen: trailing closures
                let y = sin(x) { 1 }
                               ^
            """,
        ])
    }

    func testEmptyArrayLiteral() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = []
                return x
            }

            """, [
            """
            t.adg:2:13: error: empty collection literal requires an explicit type; write 'var a: [Double] = []'
                let a = []
                        ^
            """,
        ])
    }

    func testArrayLiteralElementsOfMismatchingTypes() {
        assertDiagnostics("""
            func f(x: Double, n: Int) -> Double {
                let a = [x, n]
                let b: [Int] = [1.0, 2]
                return x
            }

            """, [
            """
            t.adg:2:17: error: elements of the array literal have mismatching types 'Double' and 'Int'; convert with 'Double(...)'
                let a = [x, n]
                            ^
            """,
            """
            t.adg:3:20: error: cannot convert value of type '[Double]' to expected type '[Int]'
                let b: [Int] = [1.0, 2]
                               ^
            """,
        ])
    }

    func testArrayLiteralEvaluatedLaterOrNotAtAll() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var k = 0
                while g(v: [x, 1]) > 0.5 * x { k += 1 }
                return x
            }
            func g(v: [Double]) -> Double {
                return v[0]
            }

            """, [
            """
            t.adg:3:16: error: unsupported in adgen: an array literal in a 'while' condition or a branch of '? :', '&&' or '||'; declare it with 'let' before
                while g(v: [x, 1]) > 0.5 * x { k += 1 }
                           ^
            """,
        ])
    }

    func testAppendMisuse() {
        assertDiagnostics("""
            func f(x: [Double], n: Int) -> Double {
                x.append(1)
                var k = n
                k.append(2)
                let y = [1.0]
                let z = y.count + y.append(3)
                var w = [x[0]]
                w.sort()
                return w[0]
            }

            """, [
            """
            t.adg:8:7: error: unsupported in adgen: method calls ('.sort(...)'); adgen has 'a.append(e)'
                w.sort()
                  ^
            """,
            """
            t.adg:2:5: error: cannot assign to value: 'x' is a parameter (copy it with 'var xCopy = x')
                x.append(1)
                ^
            """,
            """
            t.adg:4:5: error: value of type 'Int' has no member 'append'
                k.append(2)
                ^
            """,
            """
            t.adg:6:23: error: 'append' returns nothing; call it as a statement
                let z = y.count + y.append(3)
                                  ^
            """,
        ])
    }

    func testArrayLiteralOfArrays() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = [[x]]
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: arrays of '[Double]'; adgen has [Double] and [Int]
                let a = [[x]]
                        ^
            """,
        ])
    }

    func testArrayInitializerExpectsCommaBeforeCount() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = [Double](repeating: x count: 2)
                return x
            }

            """, [
            """
            t.adg:2:35: error: expected ',' before 'count:', found 'count'
                let a = [Double](repeating: x count: 2)
                                              ^
            """,
        ])
    }

    func testArrayInitializerUnclosed() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = [Double](repeating: x, count: 2, 3)
                return x
            }

            """, [
            """
            t.adg:2:44: error: expected ')' to close the array initializer, found ','
                let a = [Double](repeating: x, count: 2, 3)
                                                       ^
            """,
        ])
    }

    func testFunctionRedeclaration() {
        assertDiagnostics("""
            func f(x: Double) -> Double { return x }
            func f(y: Double) -> Double { return y }

            """, [
            """
            t.adg:2:6: error: invalid redeclaration of 'f' (first declared at 1:6)
            func f(y: Double) -> Double { return y }
                 ^
            """,
        ])
    }

    func testReservedFunctionName() {
        assertDiagnostics("""
            func sqrt(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:6: error: function name 'sqrt' is reserved for a builtin
            func sqrt(x: Double) -> Double { return x }
                 ^
            """,
        ])
    }

    func testParameterRedeclaration() {
        assertDiagnostics("""
            func f(x: Double, y x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:19: error: invalid redeclaration of parameter 'x'
            func f(x: Double, y x: Double) -> Double { return x }
                              ^
            """,
        ])
    }

    func testUnsupportedResultType() {
        assertDiagnostics("""
            func f(x: Double) -> Int { return 1 }

            """, [
            """
            t.adg:1:22: error: unsupported in adgen: result type 'Int'; results are Double or [Double]
            func f(x: Double) -> Int { return 1 }
                                 ^
            """,
        ])
    }

    func testMissingResultType() {
        assertDiagnostics("""
            func f(x: Double) {
                return x
            }

            """, [
            """
            t.adg:1:19: error: function 'f' must return Double or [Double]; add '-> Double'
            func f(x: Double) {
                              ^
            """,
        ])
    }

    func testFloatType() {
        assertDiagnostics("""
            func f(x: Float) -> Double { return 1 }

            """, [
            """
            t.adg:1:11: error: unsupported in adgen: type 'Float'; use Double
            func f(x: Float) -> Double { return 1 }
                      ^
            """,
        ])
    }

    func testUnsupportedType() {
        assertDiagnostics("""
            func f(x: String) -> Double { return 1 }

            """, [
            """
            t.adg:1:11: error: unsupported in adgen: type 'String'; adgen has Double, Int, Bool, [Double] and [Int]
            func f(x: String) -> Double { return 1 }
                      ^
            """,
        ])
    }

    func testWrtNotAParameter() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: (x, z))
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:35: error: 'z' in 'wrt:' is not a parameter of 'f'
            @differentiable(reverse, wrt: (x, z))
                                              ^
            """,
        ])
    }

    func testWrtNotDifferentiable() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: n)
            func f(x: Double, n: Int) -> Double { return x }

            """, [
            """
            t.adg:1:31: error: 'n' in 'wrt:' has type 'Int'; only Double and [Double] parameters are differentiable
            @differentiable(reverse, wrt: n)
                                          ^
            """,
        ])
    }

    func testWrtTwice() {
        assertDiagnostics("""
            @differentiable(reverse, wrt: (x, x))
            func f(x: Double) -> Double { return x }

            """, [
            """
            t.adg:1:35: error: 'x' appears twice in 'wrt:'
            @differentiable(reverse, wrt: (x, x))
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

    func testRecursion() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                return x > 1 ? f(x: x / 2) : x
            }

            """, [
            """
            t.adg:2:20: error: unsupported in adgen: recursion ('f' calls itself)
                return x > 1 ? f(x: x / 2) : x
                               ^
            """,
        ])
    }

    func testMutualRecursion() {
        assertDiagnostics("""
            func f(x: Double) -> Double { return g(x: x) }
            func g(x: Double) -> Double { return f(x: x) }

            """, [
            """
            t.adg:2:38: error: unsupported in adgen: recursion (call cycle f -> g -> f)
            func g(x: Double) -> Double { return f(x: x) }
                                                 ^
            """,
        ])
    }

    func testCodeAfterReturn() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                return x
                let y = x
            }

            """, [
            """
            t.adg:3:5: error: code after 'return' will never be executed
                let y = x
                ^
            """,
        ])
    }

    func testMissingReturn() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x * 2
            }

            """, [
            """
            t.adg:3:1: error: missing return in function 'f' expected to return 'Double'
            }
            ^
            """,
        ])
    }

    func testSwitchWithoutDefault() {
        assertDiagnostics("""
            func f(x: Double, k: Int) -> Double {
                var y = x
                switch k {
                case 0:
                    y = 1
                }
                return y
            }

            """, [
            """
            t.adg:3:5: error: switch must be exhaustive; add a 'default' clause
                switch k {
                ^
            """,
        ])
    }

    func testSwitchCaseWithoutStatements() {
        assertDiagnostics("""
            func f(x: Double, k: Int) -> Double {
                var y = x
                switch k {
                case 0:
                default:
                    y = 2
                }
                return y
            }

            """, [
            """
            t.adg:4:5: error: 'case' label in a 'switch' must have at least one executable statement
                case 0:
                ^
            """,
        ])
    }

    func testFallthroughOutOfPlace() {
        assertDiagnostics("""
            func f(x: Double, k: Int) -> Double {
                var y = x
                switch k {
                case 0:
                    if y > 0 { fallthrough }
                    y = 2
                default:
                    y = 3
                    fallthrough
                }
                return y
            }

            """, [
            """
            t.adg:9:9: error: 'fallthrough' without a following 'case' or 'default' block
                    fallthrough
                    ^
            """,
            """
            t.adg:5:20: error: unsupported in adgen: 'fallthrough' other than as the last statement of a 'case' before another
                    if y > 0 { fallthrough }
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

    func testContinueNamingASwitch() {
        assertDiagnostics("""
            func f(x: Double, k: Int) -> Double {
                var y = x
                for i in 0..<3 {
                    pick: switch k + i {
                    case 0:
                        continue pick
                    default:
                        y += 1
                    }
                }
                return y
            }

            """, [
            """
            t.adg:6:13: error: 'continue' cannot name the 'switch' 'pick'; name a loop
                        continue pick
                        ^
            """,
        ])
    }

    func testBreakAndContinueOutsideALoop() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                if x > 0 { break }
                continue
                return x
            }

            """, [
            """
            t.adg:2:16: error: 'break' is only allowed inside a loop or 'switch'
                if x > 0 { break }
                           ^
            """,
            """
            t.adg:3:5: error: 'continue' is only allowed inside a loop
                continue
                ^
            """,
        ])
    }

    func testUnresolvedLoopLabel() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var s = x
                rows: for i in 0..<3 {
                    s += Double(i)
                    if s > 4 { break columns }
                }
                return s
            }

            """, [
            """
            t.adg:5:20: error: use of unresolved label 'columns'
                    if s > 4 { break columns }
                               ^
            """,
        ])
    }

    func testLabelOnAStatementOtherThanALoop() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                check: if x > 0 { return x }
                return 0
            }

            """, [
            """
            t.adg:2:12: error: unsupported in adgen: a label here; labels name 'for', 'while' and 'repeat' loops and 'switch', found 'if'
                check: if x > 0 { return x }
                       ^
            """,
        ])
    }

    func testGuardBodyThatFallsThrough() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                guard x > 0 else { y = 1 }
                return y
            }

            """, [
            """
            t.adg:3:5: error: 'guard' body must not fall through, consider using a 'return', 'break' or 'continue' to exit the scope
                guard x > 0 else { y = 1 }
                ^
            """,
        ])
    }

    func testCodeAfterBreakOrContinue() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                while y > 1 {
                    y -= 1
                    continue
                    y *= 2
                }
                return y
            }

            """, [
            """
            t.adg:6:9: error: code after 'continue' will never be executed
                    y *= 2
                    ^
            """,
        ])
    }

    func testRepeatConditionNamingABodyLocal() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                repeat {
                    let step = y / 2
                    y -= step
                } while step > 0.1
                return y
            }

            """, [
            """
            t.adg:4:13: error: unsupported in adgen: 'step' is declared in a 'repeat' body and named in its condition, where Swift does not see it; rename the one in the body
                    let step = y / 2
                        ^
            """,
        ])
    }

    func testReturnWithoutValue() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                if x > 0 { return }
                return x
            }

            """, [
            """
            t.adg:2:16: error: non-void function should return a value
                if x > 0 { return }
                           ^
            """,
        ])
    }

    func testUnusedCallResult() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                sin(x)
                return x
            }

            """, [
            """
            t.adg:2:5: error: result of call to 'sin' is unused
                sin(x)
                ^
            """,
        ])
    }

    func testUnusedExpression() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                x + 1
                return x
            }

            """, [
            """
            t.adg:2:7: error: expression is unused; adgen statements are declarations, assignments, loops, 'if' and 'return'
                x + 1
                  ^
            """,
        ])
    }

    /// `var t: T` / `let t: T` follow Swift's definite initialization (DeferredInitialization).
    func testDeclarationWithoutValue() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var t: Double
                if x > 0 { t = x }
                let c: Double
                c = x
                c = 2 * x
                let d: Double
                for _ in 0..<2 { d = x }
                return t + c
            }

            """, [
            """
            t.adg:6:5: error: immutable value 'c' may only be initialized once
                c = 2 * x
                ^
            """,
            """
            t.adg:8:22: error: immutable value 'd' may only be initialized once
                for _ in 0..<2 { d = x }
                                 ^
            """,
            """
            t.adg:9:12: error: variable 't' used before being initialized
                return t + c
                       ^
            """,
        ])
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

    func testLocalRedeclaration() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x
                let y = 2 * x
                return x
            }

            """, [
            """
            t.adg:3:9: error: invalid redeclaration of 'y'
                let y = 2 * x
                    ^
            """,
        ])
    }

    func testAssignmentToNestedSubscript() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var a = [Double](repeating: x, count: 2)
                a[0][1] = x
                return a[0]
            }

            """, [
            """
            t.adg:3:5: error: unsupported in adgen: assignment to this subscript; write to a named array
                a[0][1] = x
                ^
            """,
        ])
    }

    func testSubscriptOfScalar() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                y[0] = 1
                return y
            }

            """, [
            """
            t.adg:3:5: error: value of type 'Double' has no subscripts
                y[0] = 1
                ^
            """,
        ])
    }

    func testAssignmentToExpression() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var b = a
                b.count = 3
                return b[0]
            }

            """, [
            """
            t.adg:3:5: error: cannot assign to this expression; assign to a variable or an array element
                b.count = 3
                ^
            """,
        ])
    }

    func testAssignmentToUnknownName() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                z = x
                return x
            }

            """, [
            """
            t.adg:2:5: error: cannot find 'z' in scope
                z = x
                ^
            """,
        ])
    }

    func testAssignmentToConstant() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x
                y = 2
                return x
            }

            """, [
            """
            t.adg:3:5: error: cannot assign to value: 'y' is a 'let' constant
                y = 2
                ^
            """,
        ])
    }

    func testRemainderAssignmentOnDouble() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var y = x
                y %= 2
                return y
            }

            """, [
            """
            t.adg:3:5: error: '%=' is unavailable for 'Double'; adgen has '%' on Int only
                y %= 2
                ^
            """,
        ])
    }

    func testCompoundAssignmentOnBool() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                var b = x > 0
                b += true
                return x
            }

            """, [
            """
            t.adg:3:5: error: binary operator '+=' cannot be applied to 'Bool'
                b += true
                ^
            """,
        ])
    }

    func testCompoundAssignmentOnArray() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                var b = a
                b += a
                return b[0]
            }

            """, [
            """
            t.adg:3:5: error: binary operator '+=' cannot be applied to '[Double]'
                b += a
                ^
            """,
        ])
    }

    func testIntegerLiteralOverflow() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let n = 9223372036854775808
                return x
            }

            """, [
            """
            t.adg:2:13: error: integer literal '9223372036854775808' overflows when stored into 'Int'
                let n = 9223372036854775808
                        ^
            """,
        ])
    }

    func testFloatLiteralOverflow() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = 1e999
                return x
            }

            """, [
            """
            t.adg:2:13: error: floating-point literal '1e999' overflows Double
                let y = 1e999
                        ^
            """,
        ])
    }

    func testConversionMismatch() {
        assertDiagnostics("""
            func f(x: Double, n: Int) -> Double {
                let y: Double = n
                return y
            }

            """, [
            """
            t.adg:2:21: error: cannot convert value of type 'Int' to expected type 'Double'; use 'Double(...)'
                let y: Double = n
                                ^
            """,
        ])
    }

    func testFunctionAsValue() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let g = sin
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: functions as values; call 'sin(...)'
                let g = sin
                        ^
            """,
        ])
    }

    func testUnknownName() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x + z
                return x
            }

            """, [
            """
            t.adg:2:17: error: cannot find 'z' in scope
                let y = x + z
                            ^
            """,
        ])
    }

    func testUnknownArray() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = q[0]
                return x
            }

            """, [
            """
            t.adg:2:13: error: cannot find 'q' in scope
                let y = q[0]
                        ^
            """,
        ])
    }

    func testSubscriptOfExpression() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                return (a)[0]
            }

            """, [
            """
            t.adg:2:12: error: unsupported in adgen: subscript of this expression; subscript a named array
                return (a)[0]
                       ^
            """,
        ])
    }

    func testValueHasNoSubscripts() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x[0]
                return x
            }

            """, [
            """
            t.adg:2:13: error: value of type 'Double' has no subscripts
                let y = x[0]
                        ^
            """,
        ])
    }

    func testArrayOfUnsupportedElement() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let a = [Bool](repeating: true, count: 2)
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: arrays of 'Bool'; use [Double] or [Int]
                let a = [Bool](repeating: true, count: 2)
                        ^
            """,
        ])
    }

    func testNegatingBool() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = -(x > 0)
                return x
            }

            """, [
            """
            t.adg:2:13: error: unary operator '-' cannot be applied to an operand of type 'Bool'
                let b = -(x > 0)
                        ^
            """,
        ])
    }

    func testMismatchingTypes() {
        assertDiagnostics("""
            func f(x: Double, n: Int) -> Double {
                return x > 0 ? x : n
            }

            """, [
            """
            t.adg:2:18: error: result values in '? :' expression have mismatching types 'Double' and 'Int'; convert with 'Double(...)'
                return x > 0 ? x : n
                             ^
            """,
        ])
    }

    func testUnsupportedDoubleMember() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = Double.infinity
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: 'Double.infinity'; only 'Double.pi' is available
                let y = Double.infinity
                        ^
            """,
        ])
    }

    func testCountOfExpression() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                return Double((a).count)
            }

            """, [
            """
            t.adg:2:19: error: unsupported in adgen: '.count' of this expression; use a named array
                return Double((a).count)
                              ^
            """,
        ])
    }

    func testUnsupportedMember() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                return a.first
            }

            """, [
            """
            t.adg:2:12: error: unsupported in adgen: member '.first'; adgen supports 'a.count' and 'Double.pi'
                return a.first
                       ^
            """,
        ])
    }

    func testLogicalOperatorNeedsBool() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = x && true
                return x
            }

            """, [
            """
            t.adg:2:13: error: '&&' needs Bool operands, not 'Double'
                let b = x && true
                        ^
            """,
        ])
    }

    func testLogicalOperatorWithIntegerLiteral() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = 1 || x > 0
                return x
            }

            """, [
            """
            t.adg:2:13: error: '||' needs Bool operands, not an integer literal
                let b = 1 || x > 0
                        ^
            """,
        ])
    }

    func testComparingArrays() {
        assertDiagnostics("""
            func f(a: [Double], b: [Double]) -> Double {
                return a == b ? 1 : 0
            }

            """, [
            """
            t.adg:2:14: error: unsupported in adgen: comparing arrays
                return a == b ? 1 : 0
                         ^
            """,
        ])
    }

    func testOrderingBools() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = (x > 0) < (x > 1)
                return x
            }

            """, [
            """
            t.adg:2:21: error: binary operator '<' cannot be applied to Bool operands
                let b = (x > 0) < (x > 1)
                                ^
            """,
        ])
    }

    func testArithmeticOnBools() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let b = (x > 0) + (x > 1)
                return x
            }

            """, [
            """
            t.adg:2:21: error: binary operator '+' cannot be applied to operands of type 'Bool'
                let b = (x > 0) + (x > 1)
                                ^
            """,
        ])
    }

    func testRemainderOnDouble() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = x % 2
                return x
            }

            """, [
            """
            t.adg:2:15: error: '%' is unavailable for 'Double'; use 'fmod' outside adgen or keep '%' on Int
                let y = x % 2
                          ^
            """,
        ])
    }

    func testDoubleConversionArity() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = Double(x, 2)
                return x
            }

            """, [
            """
            t.adg:2:13: error: 'Double(...)' takes one unlabeled Int argument
                let y = Double(x, 2)
                        ^
            """,
        ])
    }

    func testDoubleOfBool() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = Double(x > 0)
                return x
            }

            """, [
            """
            t.adg:2:20: error: cannot convert 'Bool' to 'Double'
                let y = Double(x > 0)
                               ^
            """,
        ])
    }

    func testDoubleOfArray() {
        assertDiagnostics("""
            func f(a: [Double]) -> Double {
                return Double(a)
            }

            """, [
            """
            t.adg:2:19: error: cannot convert '[Double]' to 'Double'
                return Double(a)
                              ^
            """,
        ])
    }

    func testBuiltinArity() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = max(x)
                return x
            }

            """, [
            """
            t.adg:2:13: error: 'max' takes 2 arguments, found 1; adgen's max takes two or more values
                let y = max(x)
                        ^
            """,
        ])
    }

    func testBuiltinArgumentLabel() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = sin(x: x)
                return x
            }

            """, [
            """
            t.adg:2:17: error: extraneous argument label 'x:' in call to 'sin'
                let y = sin(x: x)
                            ^
            """,
        ])
    }

    func testBuiltinArgumentType() {
        assertDiagnostics("""
            func f(x: Double, n: Int) -> Double {
                return exp(n)
            }

            """, [
            """
            t.adg:2:16: error: cannot convert value of type 'Int' to expected argument type 'Double' in 'exp'; use 'Double(...)'
                return exp(n)
                           ^
            """,
        ])
    }

    func testGenericBuiltinArgumentType() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = abs(x > 0)
                return x
            }

            """, [
            """
            t.adg:2:13: error: 'abs' needs Double or Int arguments, not 'Bool'
                let y = abs(x > 0)
                        ^
            """,
        ])
    }

    func testStrideOutsideFor() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let s = stride(from: 0, to: 3, by: 1)
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: 'stride' outside a 'for' loop header
                let s = stride(from: 0, to: 3, by: 1)
                        ^
            """,
        ])
    }

    func testUnsupportedStandardFunction() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let n = Int(x)
                return x
            }

            """, [
            """
            t.adg:2:13: error: unsupported in adgen: 'Int(...)'
                let n = Int(x)
                        ^
            """,
        ])
    }

    func testUnknownFunction() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y = g(x)
                return x
            }

            """, [
            """
            t.adg:2:13: error: cannot find function 'g' in scope
                let y = g(x)
                        ^
            """,
        ])
    }

    /// `polygamma` is the internal builtin of lgamma's derivatives, not a name programs can call.
    func testInternalBuiltinIsNotCallable() {
        assertDiagnostics("""
            func f(x: Double) -> Double {
                let y: Double = lgamma(x)
                return y + polygamma(0, x) + erf(x, x)
            }

            """, [
            """
            t.adg:3:16: error: cannot find function 'polygamma' in scope
                return y + polygamma(0, x) + erf(x, x)
                           ^
            """,
            """
            t.adg:3:34: error: 'erf' takes 1 argument, found 2
                return y + polygamma(0, x) + erf(x, x)
                                             ^
            """,
        ])
    }

    func testCallArity() {
        assertDiagnostics("""
            func g(x: Double) -> Double { return x }
            func f(x: Double) -> Double {
                return g(x: x, 1)
            }

            """, [
            """
            t.adg:3:12: error: 'g' takes 1 argument, found 2
                return g(x: x, 1)
                       ^
            """,
        ])
    }

    func testCallLabelMismatch() {
        assertDiagnostics("""
            func g(x: Double) -> Double { return x }
            func f(x: Double) -> Double {
                return g(x)
            }

            """, [
            """
            t.adg:3:14: error: argument label mismatch in call to 'g': expected 'x:', found no label
                return g(x)
                         ^
            """,
        ])
    }
}
