import XCTest
@testable import ADGenCheckSupport
@testable import ADGenRuntime

final class NormwiseErrorTests: XCTestCase {
    func testRelativeToTheLargestEntry() {
        XCTAssertEqual(normwiseRelativeError([1, 1e-20], [1, 2e-20]), 1e-20)
        XCTAssertEqual(normwiseRelativeError([2, 0], [1, 0]), 0.5)
        XCTAssertEqual(normwiseRelativeError([0, 0], [0, 0]), 0)
        XCTAssertEqual(normwiseRelativeError([], []), 0)
        XCTAssertEqual(normwiseRelativeError([.infinity], [.infinity]), 0)
    }

    func testNaNAndMismatchedCountsAreNaN() {
        XCTAssertTrue(normwiseRelativeError([1, .nan], [1, 2]).isNaN)
        XCTAssertTrue(normwiseRelativeError([1], [1, 2]).isNaN)
        XCTAssertFalse(normwiseRelativeError([.nan], [1]) <= 1)
    }

    func testWorstEntry() {
        XCTAssertEqual(worstEntry([1, 2, 3], [1, 2.5, 3.1]), 1)
        XCTAssertEqual(worstEntry([1, .nan], [1, 2]), 1)
        XCTAssertNil(worstEntry([], []))
        XCTAssertEqual(dotProduct([1, 2], [3, -4]), -5)
        XCTAssertEqual(dotProductScale([1, 2], [3, -4]), 11)
        XCTAssertTrue(maxNorm([1, .nan]).isNaN)
    }
}
