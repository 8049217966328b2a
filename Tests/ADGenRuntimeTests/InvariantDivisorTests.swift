@testable import ADGenRuntime
import ADGenCheckSupport
import XCTest

/// Division by reciprocal multiplication against the hardware divide, bit for bit.
final class InvariantDivisorTests: XCTestCase {
    func testAgreesWithHardwareDivision() {
        var random = SplitMix64(seed: 5)
        var divisors: [UInt64] = [1, 2, 3, 7, 9, 10, 999, 1000, 9999, 10_000, 1 << 24, (1 << 24) - 1,
                                  (1 << 63) - 1, 1 << 63, (1 << 63) + 1, UInt64.max]
        for _ in 0..<200 { divisors.append(random.next() >> (random.next() % 64) | 1) }
        for d in divisors {
            let divisor = InvariantDivisor(d)
            let edges: [UInt64] = [0, 1, d - 1, d, d &+ 1, UInt64.max, UInt64.max - 1, d &* 2]
            for value in edges + (0..<200).map({ _ in random.next() >> (random.next() % 64) }) {
                XCTAssertTrue(divisor.divide(value) == value.quotientAndRemainder(dividingBy: d), "\(value) / \(d)")
                let high = d == 1 ? 0 : random.next() % d
                let wide = d.dividingFullWidth((high: high, low: value))
                XCTAssertTrue(divisor.divide(high: high, low: value) == (wide.quotient, wide.remainder),
                              "(\(high), \(value)) / \(d)")
            }
            let top = InvariantDivisor(d).divide(high: d - 1, low: UInt64.max)
            let expected = d.dividingFullWidth((high: d - 1, low: UInt64.max))
            XCTAssertTrue(top == (expected.quotient, expected.remainder), "largest dividend / \(d)")
        }
    }
}
