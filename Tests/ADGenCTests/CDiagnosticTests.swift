import ADGenCore
import XCTest

/// Every kind of problem the C front end reports, at its position (contract, section 6).
final class CDiagnosticTests: XCTestCase {
    /// Source, then the expected first diagnostic: `line:column: severity: ` and the start of the message.
    static let cases: [(source: String, expected: String)] = [
        ("struct P { double x; };\ndouble f(double x) { return x; }\n", "1:8: error: unsupported in adgen: structs"),
        ("double g = 2.0;\ndouble f(double x) { return g * x; }\n", "1:8: error: unsupported in adgen: global variables"),
        ("double f(double x) {\n    double *p = &x;\n    return *p;\n}\n", "2:13: error: unsupported in adgen: local variables of type 'double *'"),
        ("double f(double x) {\n    for (int i = 0; i * i < 3; i++) { if (x > 1) continue; x *= x; }\n    return x;\n}\n",
         "2:50: error: unsupported in adgen: 'continue' in a for loop adgen runs as a while loop"),
        ("double f(double x) {\n    goto end;\nend:\n    return x;\n}\n", "2:5: error: unsupported in adgen: 'goto' and labels"),
        ("double f(double x, int k) {\n    switch (k) { default: x += 1; }\n    return x;\n}\n", "2:5: error: unsupported in adgen: 'switch'"),
        ("double f(const double *a, int n) {\n    int i = 0;\n    double s = a[i++];\n    return s + n;\n}\n", "3:18: error: unsupported in adgen: '++' inside an expression"),
        ("double f(double x) {\n    double y;\n    double z = (y = x) * 2;\n    return z;\n}\n", "3:17: error: unsupported in adgen: assignments inside expressions"),
        ("double g(double x) { return x; }\ndouble f(double x) {\n    g(x);\n    return x;\n}\n", "3:5: error: unsupported in adgen: a call whose result is unused"),
        ("double f(float x) { return x; }\n", "1:16: error: unsupported in adgen: parameter type 'float'"),
        ("double f(double x) { return x * 2.0f; }\n", "1:33: error: unsupported in adgen: float; use double"),
        ("int f(double x) { return 1; }\n", "1:5: error: C functions adgen differentiates return double"),
        ("double f(double x[], int n) {\n    x[0] = 1.0;\n    return x[n - 1];\n}\n", "2:5: error: unsupported in adgen: writing into the parameter array 'x'"),
        ("#include <math.h>\ndouble f(double x) { return tgamma(x); }\n", "2:29: error: unsupported in adgen: calling 'tgamma'"),
        ("#include <math.h>\ndouble f(double x) { return sinf(x); }\n", "2:29: error: unsupported in adgen: 'sinf'; use the double version 'sin'"),
        ("double f(double x) {\n    int k = x;\n    return k;\n}\n", "2:13: error: unsupported in adgen: converting double to int"),
        ("double f(double x, int k) { return x * (k << 1); }\n", "1:41: error: unsupported in adgen: bitwise operators ('<<')"),
        ("double f(double x) {\n    for (int i = 0; ; i++) x *= 0.5;\n    return x;\n}\n", "2:5: error: unsupported in adgen: a for loop without a condition"),
        ("double f(double x) { return f(x * 0.5); }\n", "1:29: error: unsupported in adgen: recursion ('f' calls itself)"),
        ("double f(double x) { return x + ; }\n", "1:33: error: expected expression"),
        ("double f(double x) { int unused; return x; }\n", "1:26: warning: unused variable 'unused'"),
        ("double f(double x) { return x * 'a'; }\n", "1:33: error: unsupported in adgen: strings and characters"),
        ("double f(double x) { return x * \"s\"[0]; }\n", "1:33: error: unsupported in adgen: indexing anything but a named array"),
        ("double f(double x) {\n    double a[2] = {x, 2 * x};\n    return a[0] + a[1] + (x, x);\n}\n", "3:27: error: unsupported in adgen: the comma operator"),
        ("double f(double *x) {\n    return *x;\n}\n", "2:12: error: unsupported in adgen: pointers other than array parameters"),
        ("double f(double x) {\n    return " + String(repeating: "x * ", count: 6_000) + "x;\n}\n",
         "1:21: error: statement has more than 5000 operators"),
        ("double f(double x) {\n    return " + String(repeating: "x * ", count: 1_000) + "x;\n}\n",
         "2:12: error: expression is too deeply nested (more than 200 levels)"),
    ]

    func testEveryDiagnosticKind() throws {
        try CTestSupport.requireLibClang()
        for (source, expected) in Self.cases {
            let output = CTestSupport.compile(source)
            let found = CTestSupport.short(output.diagnostics)
            XCTAssertTrue(found.contains { $0.hasPrefix(expected) }, "expected \(expected)\nfound \(found)\nin\n\(source)")
            if expected.contains(": error: ") { XCTAssertNil(output.text, source) }
        }
    }

    /// The rendered form is section 6's: `path:line:col: error: message`, the line, a caret.
    func testRenderedLikeSwiftDiagnostics() throws {
        try CTestSupport.requireLibClang()
        let source = "double f(double x) {\n    goto end;\nend:\n    return x;\n}\n"
        let output = CTestSupport.compile(source, path: "dir/kernel.c")
        let rendered = output.diagnostics.first?.rendered(in: SourceFile(path: "dir/kernel.c", text: source))
        XCTAssertEqual(rendered, "dir/kernel.c:2:5: error: unsupported in adgen: 'goto' and labels\n    goto end;\n    ^")
    }

    /// Malformed input of every sort ends in diagnostics, never a crash.
    func testMalformedInputNeverCrashes() throws {
        try CTestSupport.requireLibClang()
        let sources = ["", "{", "double f(", "double f(double x) { return x", "\u{0}\u{1}", "int main(void) { return 0; }",
                       "double f(double x) { return ((((((((((((x)))))))))))); }",
                       "double f(double x) { " + String(repeating: "{ ", count: 60) + String(repeating: "} ", count: 60) + "return x; }",
                       "double f(double x) { return " + String(repeating: "x + ", count: 300) + "x; }",
                       "double f(double x) { return " + String(repeating: "x * ", count: 100_000) + "x; }",
                       "double f(double x) { return " + String(repeating: "!", count: 100_000) + "x; }",
                       "double f(double x) { " + String(repeating: "if (x > 0) ", count: 5_000) + "x = 1; return x; }",
                       "typedef double real; real f(real x) { return x; }", "enum { K = 3 }; double f(double x) { return K * x; }"]
        for source in sources {
            _ = CTestSupport.compile(source)
            _ = CTestSupport.compile(source, emit: .c)
        }
    }

    /// Prefixes of every C fixture and corpus file, and each with one byte removed here
    /// and there: diagnostics or output, never a crash.
    func testTruncatedAndMutatedFilesNeverCrash() throws {
        try CTestSupport.requireLibClang()
        let corpus = CTestSupport.repositoryRoot.appendingPathComponent("Fixtures/C/corpus")
        let urls = try CTestSupport.fixtureURLs() + FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "c" }
        var random = SplitMix(state: 7)
        var runs = 0
        for url in urls {
            let bytes = [UInt8](try Data(contentsOf: url))
            for end in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 6)) {
                var mutated = bytes
                mutated.remove(at: Int(random.next() % UInt64(mutated.count)))
                for candidate in [Array(bytes[..<end]), mutated] {
                    let text = String(decoding: candidate, as: UTF8.self)
                    _ = CTestSupport.compile(text, emit: runs % 2 == 0 ? .swift : .c)
                    runs += 1
                }
            }
        }
        XCTAssertGreaterThan(runs, 150)
    }
}
