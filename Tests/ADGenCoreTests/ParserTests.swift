import XCTest
@testable import ADGenCore

final class ParserTests: XCTestCase {
    private func expression(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        TestSupport.expressionTree(text, file: file, line: line)
    }

    /// Parses `text` as the body of `func f() -> Double`, returning the printed statements
    /// (function header dropped) and the parser's diagnostics.
    private func body(_ text: String) -> (tree: [String], diagnostics: [String]) {
        let (tree, diagnostics) = TestSupport.tree("func f() -> Double {\n" + text + "\n}\n")
        return (Array(tree.split(separator: "\n").dropFirst().map(String.init)), diagnostics)
    }

    // MARK: Declarations

    func testFunctionHeaderForms() {
        let text = """
            /// Doc one.
            /// Doc two.
            @differentiable(reverse, wrt: (w, b))
            func loss(w: [Double], b: Double, _ x: [Double], at n: Int, idx: [Int]) -> Double {
                return b
            }
            @differentiable(reverse, wrt: x)
            func g(x: Double) -> [Double] { return x }
            @differentiable(reverse)
            func h() -> Double { return 1 }
            """
        let (file, diagnostics) = TestSupport.parse(text)
        XCTAssertEqual(diagnostics.map(TestSupport.short), [])
        XCTAssertEqual(SyntaxPrinter.print(file), """
            func loss(w w: [Double], b b: Double, _ x: [Double], at n: Int, idx idx: [Int]) -> Double @differentiable(wrt: w, b) @4:6
              return b @5:5
            func g(x x: Double) -> [Double] @differentiable(wrt: x) @8:6
              return x @8:33
            func h() -> Double @differentiable(wrt: all) @10:6
              return 1 @10:22

            """)
        XCTAssertEqual(file.functions[0].docComment, [" Doc one.", " Doc two."])
        XCTAssertEqual(file.functions[0].parameters.map(\.label), ["w", "b", nil, "at", "idx"])
        XCTAssertEqual(file.functions[0].attribute?.wrt?.map(\.location.description), ["3:32", "3:35"])
        XCTAssertEqual(file.functions[0].closingBrace.description, "6:1")
        XCTAssertTrue(file.functions[1].docComment.isEmpty)
        XCTAssertNil(file.functions[2].attribute?.wrt)
    }

    func testFunctionWithoutResultTypeParses() {
        let (file, diagnostics) = TestSupport.parse("func f(x: Double) { return x }")
        XCTAssertEqual(diagnostics.map(TestSupport.short), [])
        XCTAssertNil(file.functions[0].result)
        XCTAssertEqual(file.functions[0].resultLocation.description, "1:19")
    }

    // MARK: Statements

    func testEveryStatementForm() {
        let (tree, diagnostics) = body("""
            let a = 1
            let b: Double = 2
            var c = [Double](repeating: 0, count: 3)
            var d: [Int] = [Int](repeating: 1, count: 2)
            var e = c
            e = c
            d[0] = 3
            c[1] += 1; c[2] -= 1
            e[0] *= 2
            e[1] /= 2
            d[1] %= 2
            for i in 0..<3 { c[i] = 1 }
            for _ in 1...3 {}
            for k in stride(from: 3, to: 0, by: -1) {}
            for k in stride(from: 0, through: 9, by: 3) {}
            while b < 1 { }
            if b > 0 { } else if b < 0 { } else { }
            if true {}
            return
            return b
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(tree, [
            "  let a = 1 @2:1",
            "  let b: Double = 2 @3:1",
            "  var c = [Double](repeating: 0, count: 3) @4:1",
            "  var d: [Int] = [Int](repeating: 1, count: 2) @5:1",
            "  var e = c @6:1",
            "  assign e = c @7:1",
            "  assign d[0] = 3 @8:1",
            "  assign c[1] += 1 @9:1",
            "  assign c[2] -= 1 @9:12",
            "  assign e[0] *= 2 @10:1",
            "  assign e[1] /= 2 @11:1",
            "  assign d[1] %= 2 @12:1",
            "  for i in 0..<3 @13:1",
            "    assign c[i] = 1 @13:18",
            "  for _ in 1...3 @14:1",
            "  for k in stride(from: 3, to: 0, by: (-1)) @15:1",
            "  for k in stride(from: 0, through: 9, by: 3) @16:1",
            "  while (b < 1) @17:1",
            "  if (b > 0) @18:1",
            "  else",
            "    if (b < 0) @18:19",
            "    else",
            "  if true @19:1",
            "  return  @20:1",
            "  return b @21:1",
        ])
    }

    func testDeclarationWithoutInitializerParses() {
        // Sema, not the parser, asks for the initial value.
        XCTAssertEqual(body("var x: Double").tree, ["  var x: Double = ? @2:1"])
    }

    func testBareExpressionStatementParses() {
        XCTAssertEqual(body("f(x: 1)\nx + 1").tree, ["  expression f(x: 1) @2:1", "  expression (x + 1) @3:1"])
    }

    func testSemicolonsSeparateStatements() {
        let (tree, diagnostics) = body("let a = 1; let b = 2;; return a")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(tree, ["  let a = 1 @2:1", "  let b = 2 @2:12", "  return a @2:24"])
    }

    func testRangeBoundsAreAdditiveExpressions() {
        XCTAssertEqual(body("for i in a + 1..<n * 2 - 1 {}").tree, ["  for i in (a + 1)..<((n * 2) - 1) @2:1"])
        XCTAssertEqual(body("for i in (n - 2)...(m) {}").tree, ["  for i in (n - 2)...m @2:1"])
    }

    func testDocCommentsInsideBodiesAreIgnored() {
        XCTAssertEqual(body("/// inner doc\nreturn 1").tree, ["  return 1 @3:1"])
    }

    // MARK: Expressions

    func testPrimaryExpressions() {
        XCTAssertEqual(expression("42"), "42")
        XCTAssertEqual(expression("1e-8"), "1e-8")
        XCTAssertEqual(expression("true"), "true")
        XCTAssertEqual(expression("false"), "false")
        XCTAssertEqual(expression("x"), "x")
        XCTAssertEqual(expression("Double.pi"), "Double.pi")
        XCTAssertEqual(expression("a.count"), "a.count")
        XCTAssertEqual(expression("a[i + 1]"), "a[(i + 1)]")
        XCTAssertEqual(expression("m[r[i]]"), "m[r[i]]")
        XCTAssertEqual(expression("Double(n)"), "Double(n)")
        XCTAssertEqual(expression("atan2(y, x)"), "atan2(y, x)")
        XCTAssertEqual(expression("g(at: x, y)"), "g(at: x, y)")
        XCTAssertEqual(expression("h()"), "h()")
        XCTAssertEqual(expression("[Double](repeating: 0.5, count: n + 1)"), "[Double](repeating: 0.5, count: (n + 1))")
        XCTAssertEqual(expression("((x))"), "x")
    }

    func testUnaryOperators() {
        XCTAssertEqual(expression("-x"), "(-x)")
        XCTAssertEqual(expression("!b"), "(!b)")
        XCTAssertEqual(expression("-(-x)"), "(-(-x))")
        XCTAssertEqual(expression("!(!b)"), "(!(!b))")
        // `!!` is one operator to Swift's lexer, so `!!b` is rejected (as Swift rejects it).
        XCTAssertEqual(body("let v = !!b").diagnostics, ["2:9: expected an expression, found '<operator>'"])
        XCTAssertEqual(expression("-a[i]"), "(-a[i])")
        XCTAssertEqual(expression("-a.count"), "(-a.count)")
    }

    func testPrecedence() {
        XCTAssertEqual(expression("a + b * c"), "(a + (b * c))")
        XCTAssertEqual(expression("a * b + c"), "((a * b) + c)")
        XCTAssertEqual(expression("a % b / c"), "((a % b) / c)")
        XCTAssertEqual(expression("-x * y"), "((-x) * y)")
        XCTAssertEqual(expression("-x + y"), "((-x) + y)")
        XCTAssertEqual(expression("a + b < c * d"), "((a + b) < (c * d))")
        XCTAssertEqual(expression("a < b && c > d || e == f"), "(((a < b) && (c > d)) || (e == f))")
        XCTAssertEqual(expression("a || b && c"), "(a || (b && c))")
        XCTAssertEqual(expression("!a && b"), "((!a) && b)")
        XCTAssertEqual(expression("x > 0 ? x + 1 : x - 1"), "((x > 0) ? (x + 1) : (x - 1))")
        XCTAssertEqual(expression("a || b ? c : d"), "((a || b) ? c : d)")
    }

    func testAssociativity() {
        XCTAssertEqual(expression("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(expression("a - (b - c)"), "(a - (b - c))")
        XCTAssertEqual(expression("a / b / c"), "((a / b) / c)")
        XCTAssertEqual(expression("a / b * c"), "((a / b) * c)")
        XCTAssertEqual(expression("a && b && c"), "((a && b) && c)")
        XCTAssertEqual(expression("a || b || c"), "((a || b) || c)")
        // The conditional operator is right-associative.
        XCTAssertEqual(expression("a ? b : c ? d : e"), "(a ? b : (c ? d : e))")
        XCTAssertEqual(expression("a ? b ? c : d : e"), "(a ? (b ? c : d) : e)")
    }

    func testComparisonsAreNonAssociative() {
        let (_, diagnostics) = body("let v = a < b < c")
        XCTAssertEqual(diagnostics, ["2:15: adjacent comparison operators are not associative; add parentheses"])
        XCTAssertEqual(expression("(a < b) == c"), "((a < b) == c)")
    }

    func testOperatorWhitespaceRule() {
        // Accepted: whitespace on both sides or on neither.
        XCTAssertEqual(expression("x - 1"), "(x - 1)")
        XCTAssertEqual(expression("x-1"), "(x - 1)")
        XCTAssertEqual(expression("x * -1"), "(x * (-1))")
        XCTAssertEqual(expression("f(x: -1)"), "f(x: (-1))")
        XCTAssertEqual(expression("a[-1 + n]"), "a[((-1) + n)]")
        // Rejected, as Swift rejects them.
        XCTAssertEqual(body("let y = x -1").diagnostics,
                       ["2:11: consecutive statements on a line must be separated by ';' (or put whitespace on both sides of '-')"])
        XCTAssertEqual(body("let y = x- 1").diagnostics,
                       ["2:10: '-' is not a postfix operator; put whitespace on both sides of a binary operator or on neither"])
        XCTAssertEqual(body("let y = - x").diagnostics, ["2:9: unary operator cannot be separated from its operand"])
        XCTAssertEqual(body("x =1").diagnostics, ["2:3: '=' must have whitespace on both sides or on neither"])
        XCTAssertEqual(body("x+= 1").diagnostics, ["2:2: '+=' must have whitespace on both sides or on neither"])
        XCTAssertEqual(body("x+=1").diagnostics, [])
        // `*-` is one operator to Swift's lexer.
        XCTAssertEqual(body("let y = x*-1").diagnostics, ["2:10: unsupported in adgen: this operator"])
        XCTAssertEqual(body("let y = b ?c : d").diagnostics,
                       ["2:11: '?' must have whitespace on both sides in a conditional expression"])
    }

    func testNewlineEndsAnExpressionBeforeParenOrBracket() {
        // `(` or `[` on a new line starts a new statement, as in Swift.
        let (tree, _) = body("let y = x\n(z)")
        XCTAssertEqual(tree.first, "  let y = x @2:1")
        XCTAssertEqual(tree.count, 2)
        XCTAssertEqual(tree.last, "  expression z @3:1")
    }

    func testBinaryOperatorMayContinueOnTheNextLine() {
        XCTAssertEqual(body("let y = x +\n    1\nreturn y").tree, ["  let y = (x + 1) @2:1", "  return y @4:1"])
    }

    func testExpressionLocations() {
        let (file, _) = TestSupport.parse("func f() -> Double {\n    return a + b * -c\n}")
        guard case .returnValue(let value?) = file.functions[0].body[0].kind,
              case let .binary(_, lhs, rhs) = value.kind,
              case let .binary(_, b, negC) = rhs.kind else {
            return XCTFail("unexpected tree")
        }
        // Binary nodes sit at their operator; unary at its operator; names at themselves.
        XCTAssertEqual([value, lhs, rhs, b, negC].map(\.location.description), ["2:14", "2:12", "2:18", "2:16", "2:20"])
        XCTAssertEqual([value.height, rhs.height, negC.height], [4, 3, 2])
    }

    // MARK: Recovery

    func testRecoveryReportsOneErrorPerBrokenStatement() {
        let text = """
            func f(x: Double) -> Double {
                let a = (x +
                let b = x -1
                let c = x * * 2
                var d = x
                d = d +
                return d
            }
            func g(y: Double) -> Double {
                let e = .zero
                return y
            }
            """
        let (file, diagnostics) = TestSupport.parse(text)
        XCTAssertEqual(diagnostics.map(TestSupport.short), [
            "3:5: expected an expression, found 'let'",
            "3:15: consecutive statements on a line must be separated by ';' (or put whitespace on both sides of '-')",
            "4:17: expected an expression, found '*'",
            "7:5: expected an expression, found 'return'",
            "10:13: unsupported in adgen: implicit member expressions ('.name')",
        ])
        // Both functions survive, with the statements that parsed.
        XCTAssertEqual(file.functions.map(\.name), ["f", "g"])
        XCTAssertEqual(SyntaxPrinter.print(file), """
            func f(x x: Double) -> Double @1:6
              let a = <invalid> @2:5
              let b = <invalid> @3:5
              let c = (x * <invalid>) @4:5
              var d = x @5:5
              assign d = (d + <invalid>) @6:5
              return d @7:5
            func g(y y: Double) -> Double @9:6
              let e = <invalid> @10:5
              return y @11:5

            """)
    }

    func testRecoveryAtTopLevel() {
        // After a top-level error the parser skips to the next `func`, `@` or doc comment
        // at the start of a line.
        let text = """
            import Foundation
            func f(x: Double) -> Double { return x }
            struct S { var x: Double }
            func g(x: Double) -> Double { return x }
            let g = 3
            @inlinable
            func h(x: Double) -> Double { return x }
            """
        let (file, diagnostics) = TestSupport.parse(text)
        XCTAssertEqual(diagnostics.map(TestSupport.short), [
            "1:1: unsupported in adgen: 'import' (a .adg file holds only functions; Foundation is implied)",
            "3:1: unsupported in adgen: top-level 'struct'",
            "5:1: unsupported in adgen: top-level 'let'",
            "6:2: unsupported attribute; adgen accepts only '@differentiable(reverse, wrt: ...)'",
        ])
        XCTAssertEqual(file.functions.map(\.name), ["f", "g", "h"])
    }

    func testUnfinishedStatementDoesNotSwallowTheNextLine() {
        // The error is at `var`, which starts the next statement: `d` stays declared,
        // so sema reports nothing more.
        let text = """
            func f(x: Double) -> Double {
                let c = (x + 1
                var d = x
                d = d + 1
                return d
            }
            """
        XCTAssertEqual(TestSupport.messages(text), ["3:5: expected ')' to close the parenthesis opened at 2:13, found 'var'"])
    }

    func testMissingClosingBraceAtEndOfFile() {
        let (file, diagnostics) = TestSupport.parse("func f(x: Double) -> Double {\n    if x > 0 {\n        return x\n")
        XCTAssertEqual(diagnostics.map(TestSupport.short), [
            "4:1: expected '}' to close the block opened at 2:14",
            "4:1: expected '}' to close the block opened at 1:29",
        ])
        XCTAssertEqual(file.functions.count, 1)
    }
}
