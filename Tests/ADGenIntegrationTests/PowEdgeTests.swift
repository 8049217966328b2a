import ADGenCore
import XCTest

/// `pow` where its textbook partials are not finite, compiled and run: `∂xᵖ/∂x` at `x = 0`
/// with `p = 0` (the constant term of a polynomial, `c[k] * pow(x, Double(k))`), and the
/// tangent of `pow(x, p)` at a negative base when the direction has no component on `p`
/// (the `p·log(x)` term is left out, not NaN · 0). The values are exact, so compared exactly.
final class PowEdgeTests: XCTestCase {
    static let model = """
        func power(x: Double, p: Double) -> Double {
            return pow(x, p)
        }

        func polynomial(x: Double) -> Double {
            var s = 0.0
            for k in 0..<4 {
                s += Double(k + 1) * pow(x, Double(k))
            }
            return s
        }

        """

    static let driver = """
        let negativeBase = powerJVP(x: -1.5, p: 3.0, dx: 1.0, dp: 0.0)
        print("JVP", negativeBase.value, negativeBase.tangent)
        let atZero = polynomialJVP(x: 0.0, dx: 1.0)
        print("POLY-JVP", atZero.value, atZero.tangent)
        let gradient = polynomialGradient(x: 0.0)
        print("POLY-GRADIENT", gradient.value, gradient.dx)
        let hvp = polynomialHVP(x: 0.0, vx: 1.0)
        print("POLY-HVP", hvp.dx, hvp.hvx)

        """

    func testPowAtItsEdges() throws {
        let output = Pipeline.compile(SourceFile(path: "pow.adg", text: Self.model),
                                      options: Pipeline.Options(modes: [.jvp, .gradient, .hvp]))
        let swift = try XCTUnwrap(output.swift, "\(output.diagnostics.map(\.message))")
        let run = try TrainingLoopTests.compileAndRun(["Generated.swift": swift, "main.swift": Self.driver])
        XCTAssertEqual(run.status, 0, run.stderr)
        // (-1.5)³ = -3.375 and 3 · 2.25 = 6.75; 1 + 2x + 3x² + 4x³ at 0: 1, slope 2, curvature 6.
        XCTAssertEqual(run.stdout.split(separator: "\n").map(String.init), [
            "JVP -3.375 6.75", "POLY-JVP 1.0 2.0", "POLY-GRADIENT 1.0 2.0", "POLY-HVP 2.0 6.0",
        ])
    }
}
