import ADGenCore
import XCTest

/// Translations of ``CTranslator`` where C's meaning differs from Swift's unless adgen takes care.
final class CTranslatorTests: XCTestCase {
    func c(_ adg: String) -> String {
        var options = Pipeline.Options(modes: [.primal])
        options.emit = .c
        return Pipeline.compile(SourceFile(path: "t.adg", text: adg), options: options).swift ?? ""
    }

    /// Swift evaluates a range once; C's loop condition is evaluated every iteration.
    func testLoopBoundsTheBodyChangesAreEvaluatedOnce() {
        let text = c("func f(x: Double, n: Int) -> Double {\n    var m = n\n    var s = 0.0\n    for _ in 0..<m {\n        m -= 1\n        s += x\n    }\n    return s + Double(m)\n}\n")
        XCTAssertTrue(text.contains("int bound1 = m;"), text)
        XCTAssertTrue(text.contains("< bound1;"), text)
    }

    /// An integer-valued double literal stays a double in C (`1 / 2` would be 0).
    func testDoubleLiteralsKeepAPoint() {
        let text = c("func f(x: Double) -> Double {\n    return x * (1 / 2) + 3\n}\n")
        XCTAssertTrue(text.contains("x * (1.0 / 2.0) + 3.0"), text)
    }

    /// C names that are keywords or <math.h> functions get an underscore.
    func testReservedNamesAreRenamed() {
        let text = c("func f(double: Double, exp: Double) -> Double {\n    let int = double * exp\n    return int\n}\n")
        XCTAssertTrue(text.contains("double f(double double_, double exp_)"), text)
        XCTAssertTrue(text.contains("double int_ = double_ * exp_;"), text)
    }

    /// Swift's min and max (ties and NaN as adgen's derivative rules assume), not fmin and fmax.
    func testMinAndMaxFollowSwift() {
        let text = c("func f(x: Double, y: Double) -> Double {\n    return min(x, y) + max(x, y)\n}\n")
        XCTAssertTrue(text.contains("static double adgen_min(double x, double y) { return y < x ? y : x; }"), text)
        XCTAssertTrue(text.contains("return adgen_min(x, y) + adgen_max(x, y);"), text)
    }
}
