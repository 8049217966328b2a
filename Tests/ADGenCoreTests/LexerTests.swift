import XCTest
@testable import ADGenCore

final class LexerTests: XCTestCase {
    /// Token kinds without the final end-of-file token, and the diagnostics as `line:col: message`.
    private func lex(_ text: String) -> (kinds: [Token.Kind], diagnostics: [String]) {
        let (tokens, diagnostics) = TestSupport.tokens(text)
        XCTAssertEqual(tokens.last?.kind, .endOfFile)
        return (tokens.dropLast().map(\.kind), diagnostics.map(TestSupport.short))
    }

    private func kinds(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Token.Kind] {
        let (kinds, diagnostics) = lex(text)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return kinds
    }

    func testCompoundAssignmentAndExponentLiteral() {
        XCTAssertEqual(kinds("x += 1e-8"), [.identifier("x"), .punct(.plusAssign), .float("1e-8")])
    }

    func testNumberLiterals() {
        XCTAssertEqual(kinds("0 42 1_000 0x1F 0o17 0b101"),
                       [.integer("0"), .integer("42"), .integer("1_000"), .integer("0x1F"), .integer("0o17"),
                        .integer("0b101")])
        XCTAssertEqual(kinds("2.0 0.5 1e-8 1E+3 2.5e10 1_000.000_1 1e3"),
                       [.float("2.0"), .float("0.5"), .float("1e-8"), .float("1E+3"), .float("2.5e10"),
                        .float("1_000.000_1"), .float("1e3")])
    }

    func testNumberFollowedByRangeOrMember() {
        XCTAssertEqual(kinds("0..<n"), [.integer("0"), .punct(.halfOpen), .identifier("n")])
        XCTAssertEqual(kinds("1...3"), [.integer("1"), .punct(.closed), .integer("3")])
        // `1.` is not a float in Swift: the dot is an operator on its own.
        XCTAssertEqual(kinds("1.x"), [.integer("1"), .punct(.dot), .identifier("x")])
    }

    func testMalformedNumberLiterals() {
        XCTAssertEqual(lex("1abc").diagnostics, ["1:1: '1abc' is not a valid number literal"])
        XCTAssertEqual(lex("let y = 2e").diagnostics, ["1:9: '2e' is not a valid number literal"])
        // The malformed literal is reported once and becomes a 0 the later stages accept.
        XCTAssertEqual(lex("1e-x").kinds, [.integer("0"), .punct(.minus), .identifier("x")])
        XCTAssertEqual(lex("0xZZ 0x 0b102 0o8 0x_1").diagnostics, [
            "1:1: '0xZZ' is not a valid number literal", "1:6: '0x' is not a valid number literal",
            "1:9: '0b102' is not a valid number literal", "1:15: '0o8' is not a valid number literal",
            "1:19: '0x_1' is not a valid number literal",
        ])
        XCTAssertEqual(lex("0xff_FF 0b1_0 0o1_7").diagnostics, [])
    }

    func testAllPunctuation() {
        let text = "( ) [ ] { } , : ; . -> @ ? _ + - * / % = += -= *= /= %= == != < <= > >= && || ! ..< ..."
        XCTAssertEqual(kinds(text), [
            .punct(.lParen), .punct(.rParen), .punct(.lBracket), .punct(.rBracket), .punct(.lBrace), .punct(.rBrace),
            .punct(.comma), .punct(.colon), .punct(.semicolon), .punct(.dot), .punct(.arrow), .punct(.at),
            .punct(.question), .punct(.underscore), .punct(.plus), .punct(.minus), .punct(.star), .punct(.slash),
            .punct(.percent), .punct(.assign), .punct(.plusAssign), .punct(.minusAssign), .punct(.starAssign),
            .punct(.slashAssign), .punct(.percentAssign), .punct(.equal), .punct(.notEqual), .punct(.less),
            .punct(.lessEqual), .punct(.greater), .punct(.greaterEqual), .punct(.and), .punct(.or), .punct(.not),
            .punct(.halfOpen), .punct(.closed),
        ])
    }

    func testOperatorsAreMaximalMunch() {
        // Swift lexes a run of operator characters as one operator.
        XCTAssertEqual(kinds("a &+ b << c ?? d"), [
            .identifier("a"), .punct(.otherOperator), .identifier("b"), .punct(.otherOperator), .identifier("c"),
            .punct(.otherOperator), .identifier("d"),
        ])
        XCTAssertEqual(kinds("x=-1"), [.identifier("x"), .punct(.otherOperator), .integer("1")])
        XCTAssertEqual(kinds("a..<-b"), [.identifier("a"), .punct(.otherOperator), .identifier("b")])
    }

    func testKeywordsIdentifiersAndUnderscore() {
        XCTAssertEqual(kinds("func let var for in while if else return true false _ _x x_1 Double"), [
            .keyword(.func), .keyword(.let), .keyword(.var), .keyword(.for), .keyword(.in), .keyword(.while),
            .keyword(.if), .keyword(.else), .keyword(.return), .keyword(.true), .keyword(.false), .punct(.underscore),
            .identifier("_x"), .identifier("x_1"), .identifier("Double"),
        ])
        XCTAssertEqual(kinds("guard import struct"), [.keyword(.guard), .keyword(.import), .keyword(.struct)])
    }

    func testDocCommentsAndComments() {
        let text = """
            /// First line.
            ///Second
            // plain
            //// four slashes are not a doc comment
            /* block /* nested */ still comment */ x
            """
        XCTAssertEqual(kinds(text), [.docComment(" First line."), .docComment("Second"), .identifier("x")])
    }

    func testDocCommentAfterCodeOnTheSameLine() {
        let (tokens, _) = TestSupport.tokens("x /// trailing\ny")
        XCTAssertEqual(tokens.map(\.kind), [.identifier("x"), .docComment(" trailing"), .identifier("y"), .endOfFile])
        XCTAssertEqual(tokens.map(\.startsLine), [true, false, true, true])
    }

    func testUnterminatedBlockComment() {
        let (kinds, diagnostics) = lex("x\n  /* open /* nested */ still open")
        XCTAssertEqual(kinds, [.identifier("x")])
        XCTAssertEqual(diagnostics, ["2:3: unterminated '/*' comment"])
    }

    func testLocationsCountBytesAndLines() {
        let (tokens, _) = TestSupport.tokens("let x = 1\n\tvar yy=2\r\n  // c\n  z")
        let places = tokens.map { "\($0.location.line):\($0.location.column)@\($0.location.offset)" }
        XCTAssertEqual(places, ["1:1@0", "1:5@4", "1:7@6", "1:9@8",
                                "2:2@11", "2:6@15", "2:8@17", "2:9@18",
                                "4:3@30", "4:4@31"])
        XCTAssertEqual(tokens.map(\.startsLine), [true, false, false, false, true, false, false, false, true, true])
    }

    func testOperatorBinding() {
        // (leftBound, rightBound) of the `-` in each spelling: Swift's whitespace rule.
        func binding(_ text: String) -> [Bool] {
            guard let token = TestSupport.tokens(text).tokens.first(where: { $0.kind == .punct(.minus) }) else {
                XCTFail("no '-' token in \(text)")
                return []
            }
            return [token.leftBound, token.rightBound]
        }
        XCTAssertEqual(binding("x - 1"), [false, false])
        XCTAssertEqual(binding("x-1"), [true, true])
        XCTAssertEqual(binding("x -1"), [false, true])
        XCTAssertEqual(binding("x- 1"), [true, false])
        XCTAssertEqual(binding("(-1)"), [false, true])
        XCTAssertEqual(binding("f(a, -1)"), [false, true])
        XCTAssertEqual(binding("[-1]"), [false, true])
        XCTAssertEqual(binding("x-/* c */1"), [true, false])
    }

    func testOperatorEndsBeforeACommentOpener() {
        // As in Swift: `/*` and `//` never belong to an operator.
        XCTAssertEqual(kinds("x+/* c */1"), [.identifier("x"), .punct(.plus), .integer("1")])
        XCTAssertEqual(kinds("y =// c\n2"), [.identifier("y"), .punct(.assign), .integer("2")])
        XCTAssertEqual(kinds("a ...// c\nb"), [.identifier("a"), .punct(.closed), .identifier("b")])
        XCTAssertEqual(kinds("a /b"), [.identifier("a"), .punct(.slash), .identifier("b")])
    }

    func testUnexpectedCharactersAreSkippedWithADiagnostic() {
        let (kinds, diagnostics) = lex("a $ b # c\u{7F}d")
        XCTAssertEqual(kinds, [.identifier("a"), .identifier("b"), .identifier("c"), .identifier("d")])
        XCTAssertEqual(diagnostics, ["1:3: unexpected character '$'", "1:7: unexpected character '#'",
                                     "1:10: unexpected character byte 0x7f"])
    }

    func testSkippedCharacterKeepsTheNextTokenAtLineStart() {
        let (tokens, diagnostics) = TestSupport.tokens("x\n$y")
        XCTAssertEqual(tokens.map(\.kind), [.identifier("x"), .identifier("y"), .endOfFile])
        XCTAssertEqual(tokens.map(\.startsLine), [true, true, true])
        XCTAssertEqual(diagnostics.map(TestSupport.short), ["2:1: unexpected character '$'"])
        // So the parser sees two statements, not a missing ';'.
        XCTAssertEqual(TestSupport.messages("func f(x: Double) -> Double {\n    var y = x\n    #y = 2\n    return y\n}\n"),
                       ["3:5: unexpected character '#'"])
    }

    func testLongRunsOfUnknownCharacters() {
        let (tokens, diagnostics) = TestSupport.tokens(String(repeating: "$", count: 200_000) + "x")
        XCTAssertEqual(tokens.map(\.kind), [.identifier("x"), .endOfFile])
        XCTAssertEqual(diagnostics.count, DiagnosticEngine.limit)
    }

    func testNonASCIIIdentifierCharacter() {
        let (kinds, diagnostics) = lex("let é = 1")
        XCTAssertEqual(kinds, [.keyword(.let), .punct(.assign), .integer("1")])
        XCTAssertEqual(diagnostics, ["1:5: unexpected non-ASCII character; adgen names are ASCII"])
    }

    func testEmptyInputIsJustEndOfFile() {
        let (tokens, diagnostics) = TestSupport.tokens("")
        XCTAssertEqual(tokens.map(\.kind), [.endOfFile])
        XCTAssertEqual(tokens[0].location, SourceLocation(line: 1, column: 1, offset: 0))
        XCTAssertEqual(diagnostics, [])
    }

    func testEndOfFileLocationAfterTrailingNewline() {
        let (tokens, _) = TestSupport.tokens("x\n")
        XCTAssertEqual(tokens.last?.location, SourceLocation(line: 2, column: 1, offset: 2))
    }

    func testTokenDisplay() {
        XCTAssertEqual(Token.Kind.identifier("x").display, "'x'")
        XCTAssertEqual(Token.Kind.keyword(.while).display, "'while'")
        XCTAssertEqual(Token.Kind.float("1e-8").display, "'1e-8'")
        XCTAssertEqual(Token.Kind.punct(.halfOpen).display, "'..<'")
        XCTAssertEqual(Token.Kind.docComment("x").display, "doc comment")
        XCTAssertEqual(Token.Kind.endOfFile.display, "end of file")
    }
}
