import Foundation
import XCTest
@testable import ADGenRuntime

final class ExactRateTests: XCTestCase {
    func testDecimalRatesAreExactFractions() {
        let expected: [(Double, UInt64, UInt64)] = [
            (0.5, 1, 2), (0.9, 9, 10), (0.99, 99, 100), (0.999, 999, 1000), (0.9999, 9999, 10000),
            (0.99999, 99_999, 100_000), (1 - 1e-7, 9_999_999, 10_000_000), (0.75, 3, 4), (0.1, 1, 10),
        ]
        for (gamma, n, d) in expected {
            let rate = ExactRate(gamma)
            XCTAssertEqual(rate.numerator, n, "\(gamma)")
            XCTAssertEqual(rate.denominator, d, "\(gamma)")
        }
    }

    func testOtherRatesGetTheBestApproximationWithinTheDenominatorLimit() {
        // Oracle: every denominator up to the limit, with its nearest numerator.
        for gamma in [Double.pi / 4, 1 / 2.0.squareRoot(), 0.123456789, 0.987654321] {
            let (n, d) = ExactRate.fraction(approximating: gamma, maximumDenominator: 1000)
            var bestError = Double.infinity
            for q in 1...1000 {
                let p = (gamma * Double(q)).rounded()
                bestError = min(bestError, abs(p / Double(q) - gamma))
            }
            XCTAssertLessThanOrEqual(d, 1000)
            XCTAssertEqual(abs(Double(n) / Double(d) - gamma), bestError, accuracy: 1e-15, "\(gamma)")
        }
    }

    func testFullLimitApproximationIsClose() {
        let rate = ExactRate(Double.pi / 4)
        XCTAssertLessThanOrEqual(rate.denominator, 1 << 24)
        XCTAssertEqual(rate.value, Double.pi / 4, accuracy: 1e-13)
    }

    func testRateTooCloseToOneUsesTheLargestDenominator() {
        let rate = ExactRate(1 - 1e-12)
        XCTAssertEqual(rate.numerator, (1 << 24) - 1)
        XCTAssertEqual(rate.denominator, 1 << 24)
    }

    func testEntropyIsLog2OfTheInverseRate() {
        XCTAssertEqual(ExactRate(0.9).entropyBits, log2(10.0 / 9.0), accuracy: 1e-15)
        XCTAssertEqual(ExactRate(0.5).entropyBits, 1, accuracy: 1e-15)
    }
}
