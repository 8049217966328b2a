import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

final class FloorDivisionTests: XCTestCase {
    /// The oracle: Swift's truncating division, moved down by one when the remainder is negative.
    private func floorOracle(_ x: Int128, _ d: UInt64) -> (Int128, UInt64) {
        let (q, r) = x.quotientAndRemainder(dividingBy: Int128(d))
        return r < 0 ? (q - 1, UInt64(r + Int128(d))) : (q, UInt64(r))
    }

    func testSmallNegativeValuesRoundTowardMinusInfinity() {
        XCTAssertTrue(floorDivision(-7, by: 2) == (-4, 1))
        XCTAssertTrue(floorDivision(-6, by: 2) == (-3, 0))
        XCTAssertTrue(floorDivision(7, by: 2) == (3, 1))
        XCTAssertTrue(floorDivision(-1, by: 1000) == (-1, 999))
    }

    func testAgreesWithTheTruncatingOracleOverTheWholeRange() {
        var random = SplitMix64(seed: 11)
        let divisors: [UInt64] = [1, 2, 3, 9, 10, 999, 1000, 65_537, 9_999_999, 1 << 24, (1 << 63) + 5, UInt64.max, 3 << 62]
        for _ in 0..<20_000 {
            let high = Int128(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
            let x = (high << 64) | Int128(random.next())
            for d in divisors {
                let (q, r) = floorDivision(x, by: d)
                XCTAssertTrue((q, r) == floorOracle(x, d), "\(x) / \(d)")
            }
        }
        XCTAssertTrue(floorDivision(Int128.min, by: 3) == floorOracle(Int128.min, 3))
        XCTAssertTrue(floorDivision(Int128.max, by: 7) == floorOracle(Int128.max, 7))
    }
}
