import XCTest
@testable import ADGenCheckSupport
@testable import ADGenRuntime

final class SplitMix64Tests: XCTestCase {
    func testKnownSequenceForSeedZero() {
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual(generator.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(generator.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(generator.next(), 0x06C4_5D18_8009_454F)
    }

    func testUniformStaysInRangeAndIsDeterministic() {
        var a = SplitMix64(seed: 2024)
        var b = SplitMix64(seed: 2024)
        let xs = a.uniformVector(count: 10_000, in: -3...5)
        XCTAssertEqual(xs, b.uniformVector(count: 10_000, in: -3...5))
        XCTAssertTrue(xs.allSatisfy { (-3...5).contains($0) })
        let mean = xs.reduce(0, +) / Double(xs.count)
        XCTAssertEqual(mean, 1, accuracy: 0.1)
        var unit = SplitMix64(seed: 7)
        XCTAssertTrue((0..<1000).allSatisfy { _ in (0..<1).contains(unit.nextUnit()) })
    }
}
