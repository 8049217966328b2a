import Foundation
import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

final class InformationBufferTests: XCTestCase {
    private let rates = [0.5, 1.0 / 3.0, 0.9, 0.99, 0.999, 0.9999, 0.99999]

    private func randomValues(_ count: Int, seed: UInt64) -> [Int128] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in Int128(Int64(bitPattern: random.next())) * Int128(random.next() >> 30) }
    }

    func testMultiplyIsWithinNumeratorUnitsOfTheExactProduct() {
        for gamma in rates {
            var buffer = InformationBuffer(rate: ExactRate(gamma))
            let (n, d) = (Int128(buffer.rate.numerator), Int128(buffer.rate.denominator))
            for x in randomValues(2000, seed: 1) {
                var y = x
                buffer.multiply(&y)
                // Oracle: y − x·n/d lies in (−n, n), checked as |y·d − x·n| < n·d.
                XCTAssertLessThan((y * d - x * n).magnitude, (n * d).magnitude, "γ = \(gamma), x = \(x)")
            }
        }
    }

    func testUndoingEveryMultiplicationRestoresValuesAndBufferBitForBit() {
        for gamma in rates {
            let fresh = InformationBuffer(rate: ExactRate(gamma))
            var buffer = fresh
            let original = randomValues(500, seed: 2)
            var values = original
            for _ in 0..<100 {
                for i in values.indices { buffer.multiply(&values[i]) }
            }
            XCTAssertNotEqual(buffer, fresh)
            for _ in 0..<100 {
                for i in values.indices.reversed() { buffer.divide(&values[i]) }
            }
            XCTAssertEqual(values, original, "γ = \(gamma)")
            XCTAssertEqual(buffer, fresh, "γ = \(gamma)")
        }
    }

    func testZeroValuesRoundTrip() {
        var buffer = InformationBuffer(rate: ExactRate(0.9))
        var values = [Int128](repeating: 0, count: 1000)
        for i in values.indices { buffer.multiply(&values[i]) }
        XCTAssertTrue(values.allSatisfy { (0..<9).contains($0) })
        for i in values.indices.reversed() { buffer.divide(&values[i]) }
        XCTAssertEqual(values, [Int128](repeating: 0, count: 1000))
        XCTAssertEqual(buffer, InformationBuffer(rate: ExactRate(0.9)))
    }

    func testSizeStaysWithinFivePercentOfTheEntropyBound() {
        for gamma in [0.5, 0.9, 0.999] {
            var buffer = InformationBuffer(rate: ExactRate(gamma))
            var values = randomValues(1000, seed: 3)
            for _ in 0..<200 {
                for i in values.indices { buffer.multiply(&values[i]) }
            }
            // Oracle: 200,000 multiplications at log2(1/γ) bits each.
            let bound = 200_000 * log2(1 / gamma)
            XCTAssertEqual(buffer.entropyBits, bound, accuracy: bound * 1e-12)
            XCTAssertLessThanOrEqual(Double(buffer.bufferBits), 1.05 * bound + 64, "γ = \(gamma)")
            XCTAssertGreaterThanOrEqual(Double(buffer.bufferBits), bound, "γ = \(gamma)")
        }
    }
}
