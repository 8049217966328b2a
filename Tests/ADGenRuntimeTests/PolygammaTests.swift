import Foundation
import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

/// `polygamma(_:_:)` against values computed with mpmath at 40 digits, its recurrence
/// and reflection identities, and its poles.
final class PolygammaTests: XCTestCase {
    /// (n, x, ψ⁽ⁿ⁾(x)) from `mpmath.polygamma(n, x)`.
    let reference: [(Int, Double, Double)] = [
        (0, 0.1, -10.423754940411076232), (0, 0.5, -1.9635100260214234794), (0, 1, -0.57721566490153286061),
        (0, 2.5, 0.70315664064524318723), (0, 7.25, 1.9104535268837360284), (0, 30, 3.3844381326855248766),
        (0, 1e6, 13.815510057964190771), (0, -0.5, 0.036489973978576520559), (0, -2.75, -1.9590552649779970098),
        (0, -40.3, 5.9912077777188057771), (1, 0.1, 101.4332991507927477), (1, 1, 1.6449340668482264365),
        (1, 3.7, 0.31003785767003830216), (1, 12, 0.08690187287176839075), (1, -0.5, 8.9348022005446793094),
        (1, -3.2, 28.298186402194034695), (2, 0.5, -16.828796644234319996), (2, 4, -0.080039732245114496725),
        (2, -1.5, -0.236204051641727403), (3, 2, 0.4939394022668291491), (3, -0.25, 1555.7633125348505998),
        (6, 1.5, -43.457923803023286231),
    ]

    func testMatchesHighPrecisionValues() {
        for (n, x, exact) in reference {
            // ψ(−0.5) ≈ 0.036 is a difference of terms near 2: its absolute error is what is small.
            let tolerance = (n, x) == (0, -0.5) ? 1e-14 / abs(exact) : 2e-15
            XCTAssertLessThanOrEqual(relativeError(polygamma(n, x), exact, floor: 1e-300), tolerance,
                                     "ψ\(n)(\(x)) = \(polygamma(n, x)), exact \(exact)")
        }
    }

    func testRecurrenceAndReflection() {
        for x in [0.3, 1.25, 4.5, 9.75, 15.5] {
            XCTAssertEqual(polygamma(0, x + 1), polygamma(0, x) + 1 / x, accuracy: 4e-15 * max(1, abs(1 / x)))
            XCTAssertEqual(polygamma(1, x + 1), polygamma(1, x) - 1 / (x * x), accuracy: 4e-15 * max(1, 1 / (x * x)))
        }
        for x in [0.2, 0.45, 0.7] {  // ψ(1 − x) − ψ(x) = π cot πx, ψ′(1 − x) + ψ′(x) = π²/sin² πx
            XCTAssertEqual(polygamma(0, 1 - x) - polygamma(0, x), Double.pi / tan(Double.pi * x), accuracy: 1e-13)
            let s = sin(Double.pi * x)
            XCTAssertEqual(polygamma(1, 1 - x) + polygamma(1, x), Double.pi * Double.pi / (s * s), accuracy: 1e-13)
        }
    }

    func testDigammaIsTheDerivativeOfLgamma() {
        for x in [-2.5, -0.3, 0.3, 1.7, 6.5, 40] {
            let difference = FiniteDifferences.derivative(of: { (t: Double) -> Double in lgamma(t) }, at: x, order: .fourth)
            XCTAssertLessThan(relativeError(polygamma(0, x), difference, floor: 1e-3), 1e-8, "ψ(\(x))")
        }
    }

    func testPolesAndEdges() {
        for x in [0.0, -1, -2, -30, -.infinity, .nan] {
            XCTAssertTrue(polygamma(0, x).isNaN, "ψ(\(x))")
            XCTAssertTrue(polygamma(1, x).isNaN, "ψ′(\(x))")
        }
        XCTAssertTrue(polygamma(-1, 2).isNaN)
        XCTAssertTrue(polygamma(31, 2).isNaN)
        XCTAssertEqual(polygamma(0, .infinity), .infinity)
        XCTAssertEqual(polygamma(1, .infinity), 0)
        XCTAssertEqual(polygamma(0, 1e300), log(1e300), accuracy: 1e-12)
    }
}
