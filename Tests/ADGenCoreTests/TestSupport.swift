import Foundation
import XCTest
@testable import ADGenCore

/// Shared helpers of the ADGenCore tests: run the stages on a source string and
/// look at the results as text.
enum TestSupport {
    /// The repository root, found from this file's path (Tests/ADGenCoreTests/TestSupport.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixturesDirectory: URL { repositoryRoot.appendingPathComponent("Fixtures") }

    /// Every `Fixtures/*.adg`, sorted by name.
    static func fixtureURLs() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: fixturesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "adg" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func source(_ text: String, path: String = "t.adg") -> SourceFile {
        SourceFile(path: path, text: text)
    }

    /// The whole pipeline.
    static func compile(_ text: String, path: String = "t.adg", options: Pipeline.Options = Pipeline.Options())
        -> Pipeline.Output {
        Pipeline.compile(source(text, path: path), options: options)
    }

    /// Every diagnostic of a full compilation, rendered as the CLI prints it.
    static func rendered(_ text: String, path: String = "t.adg", wrt: [Sema.WrtOverride] = []) -> [String] {
        let file = source(text, path: path)
        return Pipeline.compile(file, options: Pipeline.Options(wrt: wrt)).diagnostics.map { $0.rendered(in: file) }
    }

    static func tokens(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var engine = DiagnosticEngine()
        let tokens = Lexer.tokenize(source(text), diagnostics: &engine)
        return (tokens, engine.diagnostics)
    }

    static func parse(_ text: String) -> (file: Syntax.File, diagnostics: [Diagnostic]) {
        var engine = DiagnosticEngine()
        let file = Parser.parse(source(text), diagnostics: &engine)
        return (file, engine.diagnostics)
    }

    /// The parse tree as `SyntaxPrinter` prints it, and the parser's diagnostics as `line:col: message`.
    static func tree(_ text: String) -> (tree: String, diagnostics: [String]) {
        let (file, diagnostics) = parse(text)
        return (SyntaxPrinter.print(file), diagnostics.map(short))
    }

    /// Parser + sema, without the later stages.
    static func sema(_ text: String, wrt: [Sema.WrtOverride] = []) -> (module: IR.Module, diagnostics: [String]) {
        var engine = DiagnosticEngine()
        let file = Parser.parse(source(text), diagnostics: &engine)
        let module = Sema.analyze(file, wrt: wrt, diagnostics: &engine)
        return (module, engine.diagnostics.map(short))
    }

    /// A function whose body nests `depth` `if` blocks on one line.
    static func nestedIfs(_ depth: Int) -> String {
        "func f(x: Double) -> Double {\n    var y = x\n    " + String(repeating: "if x > 0 { ", count: depth) + "y += 1 "
            + String(repeating: "} ", count: depth) + "\n    return y\n}\n"
    }

    /// A function with `count` `if`s in a row, each returning on one of its paths only.
    static func partialEarlyReturns(_ count: Int) -> String {
        var text = "func f(x: Double) -> Double {\n    var s = x\n"
        for i in 0..<count { text += "    if x > \(i).0 { s += 1.0; if s > 3.0 { return s } }\n" }
        return text + "    return s\n}\n"
    }

    /// `line:col: message`.
    static func short(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)"
    }

    /// The message of every diagnostic of a full compilation, as `line:col: message`.
    static func messages(_ text: String, wrt: [Sema.WrtOverride] = []) -> [String] {
        compile(text, options: Pipeline.Options(wrt: wrt)).diagnostics.map(short)
    }

    /// The expression of the only statement `let v = <expression>` of a function body, printed.
    static func expressionTree(_ expression: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let (syntax, diagnostics) = parse("func f() -> Double {\n    let v = \(expression)\n}\n")
        XCTAssertEqual(diagnostics.map(short), [], "parsing \(expression)", file: file, line: line)
        guard let statement = syntax.functions.first?.body.first,
              case let .declaration(_, _, _, _, initializer?) = statement.kind else {
            XCTFail("no declaration parsed from \(expression)", file: file, line: line)
            return ""
        }
        return SyntaxPrinter.expression(initializer)
    }

    /// A line diff of two texts in unified style (`-` expected, `+` actual), with `context`
    /// unchanged lines around each change; empty when the texts are equal.
    static func lineDiff(expected: String, actual: String, context: Int = 3) -> String {
        let allExpected = expected.components(separatedBy: "\n")
        let allActual = actual.components(separatedBy: "\n")
        // Equal heads and tails need no LCS; keep `context` lines of them for display.
        var head = 0
        while head < allExpected.count, head < allActual.count, allExpected[head] == allActual[head] { head += 1 }
        var tail = 0
        while tail < allExpected.count - head, tail < allActual.count - head,
              allExpected[allExpected.count - 1 - tail] == allActual[allActual.count - 1 - tail] { tail += 1 }
        let skip = max(0, head - context)
        let keepTail = max(0, tail - context)
        let a = Array(allExpected[skip..<(allExpected.count - keepTail)])
        let b = Array(allActual[skip..<(allActual.count - keepTail)])
        guard a.count * b.count <= 4_000_000 else {
            return "@@ first difference at line \(head + 1) @@\n-" + (head < allExpected.count ? allExpected[head] : "<end of text>")
                + "\n+" + (head < allActual.count ? allActual[head] : "<end of text>")
        }
        // Longest common subsequence table (the files here are a few thousand lines at most).
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Edit { case same(String), removed(String), added(String) }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        var shown = Set<Int>()
        for index in changed {
            for k in max(0, index - context)...min(edits.count - 1, index + context) { shown.insert(k) }
        }
        var lines: [String] = []
        var previous = -2
        var expectedLine = skip + 1, actualLine = skip + 1
        for (index, edit) in edits.enumerated() {
            if shown.contains(index) {
                if index != previous + 1 { lines.append("@@ expected line \(expectedLine), actual line \(actualLine) @@") }
                switch edit {
                case .same(let text): lines.append(" " + text)
                case .removed(let text): lines.append("-" + text)
                case .added(let text): lines.append("+" + text)
                }
                previous = index
            }
            switch edit {
            case .same: expectedLine += 1; actualLine += 1
            case .removed: expectedLine += 1
            case .added: actualLine += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// SplitMix64: a tiny, fast, seedable PRNG, so fuzzing runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
