import XCTest
@testable import ADGenCheckSupport
@testable import ADGenRuntime

final class GradientCheckReportTests: XCTestCase {
    func testRelativeError() {
        XCTAssertEqual(relativeError(1, 1, floor: 1e-8), 0)
        XCTAssertEqual(relativeError(.infinity, .infinity, floor: 1e-8), 0)
        XCTAssertEqual(relativeError(2, 1, floor: 1e-8), 0.5)
        XCTAssertEqual(relativeError(0, 1e-20, floor: 1e-8), 1e-12, accuracy: 1e-27)
        XCTAssertTrue(relativeError(.nan, 1, floor: 1e-8).isNaN)
        XCTAssertTrue(relativeError(.infinity, 1, floor: 1e-8).isNaN)
    }

    func testPassesWithinTolerance() {
        let report = GradientCheckReport(computed: [1, -2, 3], reference: [1, -2.000001, 3])
        XCTAssertTrue(report.passed, report.description)
        XCTAssertEqual(report.worstIndex, 1)
        XCTAssertEqual(report.worstRelativeError, 0.000001 / 2.000001, accuracy: 1e-15)
        XCTAssertEqual(report.absoluteErrors[0], 0)
    }

    func testFailsOutsideTolerance() {
        let report = GradientCheckReport(computed: [1, 2, 3], reference: [1, 2, 3.1], tolerance: .tight)
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.worstIndex, 2)
        XCTAssertTrue(report.description.contains("FAILED"))
        XCTAssertFalse(report.entryPassed(2))
        XCTAssertTrue(report.entryPassed(0))
    }

    func testFloorIsScaledToTheVector() {
        let report = GradientCheckReport(computed: [100, 1e-13], reference: [100, 0])
        XCTAssertEqual(report.floor, 1e-6, accuracy: 1e-21)
        XCTAssertEqual(report.relativeErrors[1], 1e-7, accuracy: 1e-21)
        XCTAssertTrue(report.passed)
        let allZero = GradientCheckReport(computed: [0, 0], reference: [0, 0])
        XCTAssertTrue(allZero.passed)
        XCTAssertEqual(allZero.worstRelativeError, 0)
    }

    func testAbsoluteToleranceRescuesTinyEntries() {
        let tolerance = GradientCheckTolerance(relative: 1e-12, absolute: 1e-9)
        let report = GradientCheckReport(computed: [1e-10, 1], reference: [2e-10, 1], tolerance: tolerance)
        XCTAssertTrue(report.passed)
        XCTAssertFalse(GradientCheckReport(computed: [1e-10, 1], reference: [2e-10, 1], tolerance: .tight).passed)
    }

    func testNaNFails() {
        let report = GradientCheckReport(computed: [1, .nan], reference: [1, 2])
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.worstIndex, 1)
        XCTAssertTrue(report.worstRelativeError.isNaN)
    }
}
