import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

final class FixedPointScaleTests: XCTestCase {
    func testConversionScalesByThePowerOfTwo() {
        let scale = FixedPointScale(fractionBits: 20)
        XCTAssertEqual(scale.raw(1.5), 1_572_864)
        XCTAssertEqual(scale.raw(-0.25), -262_144)
        XCTAssertEqual(scale.raw(0x1p-21), 0)  // a tie rounds to even
        XCTAssertEqual(scale.raw(3 * 0x1p-21), 2)
        XCTAssertEqual(scale.value(1_572_864), 1.5)
    }

    func testGridValuesRoundTripExactly() {
        var random = SplitMix64(seed: 5)
        let scale = FixedPointScale(magnitude: 1, headroomBits: 32)
        XCTAssertEqual(scale.fractionBits, 93)
        for _ in 0..<10_000 {
            let onGrid = (random.uniform(in: -1000...1000) * 0x1p20).rounded() * 0x1p-20
            XCTAssertEqual(scale.value(scale.raw(onGrid)!), onGrid)
            let anyDouble = random.uniform(in: -1...1)
            XCTAssertEqual(scale.value(scale.raw(anyDouble)!), anyDouble)
        }
    }

    func testMagnitudeLeavesTheHeadroomAsked() {
        let scale = FixedPointScale(magnitude: 3e-5, headroomBits: 64)
        // 3e-5 < 2^-15, so values below 2^(-15+64) = 2^49 (and up to 2^50) fit below 2^127.
        XCTAssertNotNil(scale.raw(0x1p49 * 0.99))
        XCTAssertNil(scale.raw(0x1p49 * 2.01))
        XCTAssertEqual(scale.fractionBits, 126 - 64 + 15)
    }

    func testNonFiniteAndOutOfRangeValuesDoNotConvert() {
        let scale = FixedPointScale(fractionBits: 100)
        XCTAssertNil(scale.raw(.nan))
        XCTAssertNil(scale.raw(.infinity))
        XCTAssertNil(scale.raw(0x1p27))
        XCTAssertNotNil(scale.raw(0x1p26))
        XCTAssertNil(scale.raw(-0x1p27))
    }
}

/// The bit-level rounding conversion against the standard library's rounding and `Int128(exactly:)`.
final class RoundedInt128Tests: XCTestCase {
    func testAgreesWithStandardRounding() {
        var random = SplitMix64(seed: 3)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, -3.5, 0.49999999999999994, 0x1p52 + 1, 0x1p53, 0x1p126,
                                -0x1p126, 0x1p127, -0x1p127, 0x1.fffffffffffffp126, .infinity, -.infinity, .nan,
                                .leastNonzeroMagnitude, 4.5, 1e-300]
        for _ in 0..<100_000 {
            let exponent = Int(random.next() % 260) - 130
            let value = Double(sign: random.next() & 1 == 0 ? .plus : .minus, exponent: exponent,
                               significand: 1 + Double(random.next() >> 12) * 0x1p-52)
            values.append(value)
            values.append(value.rounded(.down) + 0.5)
        }
        for value in values {
            let rounded = value.rounded(.toNearestOrEven)
            let expected = rounded.isFinite && rounded.magnitude < 0x1p127 ? Int128(exactly: rounded) : nil
            XCTAssertEqual(roundedInt128(value), expected, "\(value)")
        }
    }
}
