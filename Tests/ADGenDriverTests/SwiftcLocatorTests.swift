import Foundation
import XCTest
@testable import ADGenDriver

final class SwiftcLocatorTests: XCTestCase {
    func testSearchOrder() {
        let candidates = SwiftcLocator.candidates(
            environment: ["SWIFT_EXEC": "/custom/swiftc", "PATH": "/a/bin:/b/bin"],
            runningExecutable: URL(fileURLWithPath: "/toolchain/usr/bin/adgen"))
        XCTAssertEqual(candidates, ["/custom/swiftc", "/toolchain/usr/bin/swiftc", "/a/bin/swiftc", "/b/bin/swiftc"]
            + SwiftcLocator.wellKnownLocations)
    }

    func testPicksFirstExecutableCandidate() {
        let found = SwiftcLocator.locate(
            environment: ["SWIFT_EXEC": "/missing/swiftc", "PATH": "/a/bin:/b/bin"],
            runningExecutable: nil,
            isExecutable: { $0 == "/b/bin/swiftc" })
        XCTAssertEqual(found?.path, "/b/bin/swiftc")
        let none = SwiftcLocator.locate(environment: [:], runningExecutable: nil, isExecutable: { _ in false })
        XCTAssertNil(none)
    }

    func testFindsARealSwiftcHere() throws {
        let swiftc = try XCTUnwrap(SwiftcLocator.locate())
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: swiftc.path))
        XCTAssertEqual(swiftc.lastPathComponent, "swiftc")
    }
}
