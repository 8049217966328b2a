import XCTest
@testable import ADGenCheckSupport
@testable import ADGenRuntime

final class FNV1a64Tests: XCTestCase {
    func hash(_ text: String) -> String {
        var hash = FNV1a64()
        hash.combine(bytes: Array(text.utf8))
        return hash.hexDigest
    }

    func testPublishedVectors() {
        XCTAssertEqual(hash(""), "cbf29ce484222325")
        XCTAssertEqual(hash("a"), "af63dc4c8601ec8c")
        XCTAssertEqual(hash("foobar"), "85944171f73967e8")
    }

    func testFieldsAreLengthPrefixed() {
        var first = FNV1a64()
        first.combine(field: "ab")
        first.combine(field: "c")
        var second = FNV1a64()
        second.combine(field: "a")
        second.combine(field: "bc")
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(first.hexDigest.count, 16)
    }
}
