import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime

/// Why ADGenRuntime has its own `csAtan`, `csPow`, `csLog` and `csSqrt`: what
/// swift-numerics 1.1.1 gives at the complex step h = 1e-20, next to the `cs` function.
/// If one of these starts failing, swift-numerics changed; the `cs` side must hold.
final class SwiftNumericsPitfallTests: XCTestCase {
    let h = 1e-20

    func testAtanLosesTheDerivative() {
        let theirs = Complex.atan(Complex(2, h)).rawStorage.y / h
        let ours = csAtan(Complex(2, h)).rawStorage.y / h
        XCTAssertGreaterThan(abs(theirs - 0.2), 0.1, "swift-numerics' atan derivative at 2: \(theirs)")
        XCTAssertEqual(ours, 0.2, accuracy: 1e-16)
    }

    func testPowerOfANegativeBase() {
        // d/dx x³ at −2 is 12.
        let theirs = Complex.pow(Complex(-2, h), 3).rawStorage
        let ours = csPow(Complex(-2, h), 3).rawStorage
        XCTAssertGreaterThan(abs(theirs.y / h - 12), 1, "swift-numerics' pow(-2 + ih, 3): \(theirs)")
        XCTAssertEqual(ours.x, -8)
        XCTAssertEqual(ours.y / h, 12, accuracy: 1e-14)
    }

    func testLogAndSqrtOutsideTheRealDomain() {
        let log = Complex.log(Complex(-1, h)).rawStorage
        let sqrt = Complex.sqrt(Complex(-4, h)).rawStorage
        XCTAssertFalse(log.x.isNaN || log.y.isNaN, "swift-numerics' log(-1) is the complex logarithm: \(log)")
        XCTAssertFalse(sqrt.x.isNaN || sqrt.y.isNaN, "swift-numerics' sqrt(-4) is the complex root: \(sqrt)")
        XCTAssertTrue(csLog(Complex(-1, h)).rawStorage.x.isNaN, "Foundation's log(-1) is NaN, so is ours")
        XCTAssertTrue(csSqrt(Complex(-4, h)).rawStorage.y.isNaN)
    }
}
