import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

final class ComplexStepBinaryTests: XCTestCase {
    let h = 1e-20

    func assertComplexStep(
        _ z: Complex<Double>, value: Double, derivative: Double,
        _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let (re, im) = z.rawStorage
        XCTAssertEqual(re.bitPattern, value.bitPattern, "\(message): real \(re) vs \(value)", file: file, line: line)
        XCTAssertLessThanOrEqual(relativeError(im / h, derivative, floor: 1e-300), 1e-14,
                                 "\(message): derivative \(im / h) vs \(derivative)", file: file, line: line)
    }

    func testIntegerPowersOfNegativeBases() {
        for (x, n) in [(-2.0, 3), (-1.5, 2), (-0.5, -1), (-3.0, 4), (-1.1, -3)] {
            let z = Complex(x, h)
            let expected = Double(n) * pow(x, Double(n - 1))
            assertComplexStep(csPow(z, n), value: pow(x, Double(n)), derivative: expected, "pow(\(x), \(n)) Int")
            assertComplexStep(csPow(z, Double(n)), value: pow(x, Double(n)), derivative: expected, "Double exp")
            assertComplexStep(csPow(z, Complex(Double(n), 0)), value: pow(x, Double(n)), derivative: expected,
                              "Complex exp")
        }
        assertComplexStep(csPow(Complex(-2, h), 2.0), value: 4, derivative: -4, "literal 2.0")
        assertComplexStep(csPow(Complex(-2, h), 3), value: -8, derivative: 12, "literal 3")
    }

    func testRealExponents() {
        assertComplexStep(csPow(Complex(2, h), 0.5), value: sqrt(2), derivative: 0.5 / sqrt(2), "sqrt via pow")
        assertComplexStep(csPow(Complex(3.7, h), -1.3), value: pow(3.7, -1.3),
                          derivative: -1.3 * pow(3.7, -2.3), "negative exponent")
        assertComplexStep(csPow(Complex(0, h), 1), value: 0, derivative: 1, "x^1 at 0")
        assertComplexStep(csPow(Complex(0, h), 2), value: 0, derivative: 0, "x^2 at 0")
        assertComplexStep(csPow(Complex(0, h), 0), value: 1, derivative: 0, "x^0 at 0")
    }

    func testActiveExponent() {
        let (a, b) = (2.3, 1.7)
        let (va, vb) = (0.6, -1.4)
        let z = csPow(Complex(a, h * va), Complex(b, h * vb))
        let expected = b * pow(a, b - 1) * va + pow(a, b) * log(a) * vb
        assertComplexStep(z, value: pow(a, b), derivative: expected, "pow(z, w)")
        assertComplexStep(csPow(2.0, Complex(3, h)), value: 8, derivative: 8 * log(2.0), "pow(2, w)")
        assertComplexStep(csPow(0.0, Complex(3, h)), value: 0, derivative: 0, "pow(0, w)")
    }

    func testNegativeBaseWithActiveExponentIsNaN() {
        let (re, im) = csPow(Complex(-2, 0), Complex(3, h)).rawStorage
        XCTAssertEqual(re, -8)
        XCTAssertTrue(im.isNaN)
        let fractional = csPow(Complex(-2, h), 0.5).rawStorage
        XCTAssertTrue(fractional.x.isNaN && fractional.y.isNaN)
    }

    func testAtan2InEveryQuadrant() {
        for (y, x) in [(1.0, 2.0), (1.5, -0.5), (-0.3, -2.0), (-2.0, 0.7), (3.0, 0.0)] {
            let (vy, vx) = (0.8, -0.35)
            let r2 = x * x + y * y
            let expected = (x * vy - y * vx) / r2
            assertComplexStep(csAtan2(Complex(y, h * vy), Complex(x, h * vx)), value: atan2(y, x),
                              derivative: expected, "atan2(\(y), \(x))")
            assertComplexStep(csAtan2(Complex(y, h), x), value: atan2(y, x), derivative: x / r2, "atan2(z, c)")
            assertComplexStep(csAtan2(y, Complex(x, h)), value: atan2(y, x), derivative: -y / r2, "atan2(c, z)")
        }
    }

    func testHypot() {
        for (x, y) in [(3.0, 4.0), (-1e200, 2e200), (0.5, -0.25)] {
            let (vx, vy) = (1.25, -0.5)
            let expected = (x * vx + y * vy) / hypot(x, y)
            let scaled = (x / hypot(x, y)) * vx + (y / hypot(x, y)) * vy
            let z = csHypot(Complex(x, h * vx), Complex(y, h * vy))
            XCTAssertEqual(z.rawStorage.x, hypot(x, y))
            let reference = expected.isFinite ? expected : scaled
            XCTAssertLessThanOrEqual(relativeError(z.rawStorage.y / h, reference, floor: 1e-300), 1e-14)
        }
        assertComplexStep(csHypot(Complex(3, h), 4), value: 5, derivative: 0.6, "hypot(z, 4)")
    }

    func testAbsFollowsTheSignOfTheRealPart() {
        assertComplexStep(csAbs(Complex(-2.5, h)), value: 2.5, derivative: -1, "abs negative")
        assertComplexStep(csAbs(Complex(2.5, h)), value: 2.5, derivative: 1, "abs positive")
        assertComplexStep(csAbs(Complex(0, h)), value: 0, derivative: 0, "abs at 0")
    }

    func testMinMaxPickOperandsLikeSwift() {
        let a = Complex(1.0, 2 * h)
        let b = Complex(3.0, 5 * h)
        XCTAssertEqual(csMin(a, b), a)
        XCTAssertEqual(csMax(a, b), b)
        XCTAssertEqual(csMax(a, 0), a)
        XCTAssertEqual(csMin(a, 0.5), Complex(0.5, 0))
        let tie = Complex(1.0, 7 * h)
        XCTAssertEqual(csMin(a, tie).rawStorage.y, a.rawStorage.y, "min keeps the first on ties")
        XCTAssertEqual(csMax(a, tie).rawStorage.y, tie.rawStorage.y, "max keeps the second on ties")
    }

    func testFloorAndCeilHaveZeroDerivative() {
        XCTAssertEqual(csFloor(Complex(-2.5, h)).rawStorage.x, -3)
        XCTAssertEqual(csFloor(Complex(-2.5, h)).rawStorage.y, 0)
        XCTAssertEqual(csCeil(Complex(-2.5, h)).rawStorage.x, -2)
        XCTAssertEqual(csCeil(Complex(-2.5, h)).rawStorage.y, 0)
    }

    func testComparisonsUseRealParts() {
        let a = Complex(1.0, 9 * h)
        XCTAssertTrue(csLess(a, 2))
        XCTAssertFalse(csLess(a, Complex(1.0, 10 * h)))
        XCTAssertTrue(csLessOrEqual(a, 1.0))
        XCTAssertTrue(csGreater(3.5, a))
        XCTAssertTrue(csGreaterOrEqual(a, Complex(1.0, -h)))
        XCTAssertTrue(csEqual(a, 1))
        XCTAssertTrue(csNotEqual(a, 1.5))
        XCTAssertTrue(csGreater(Complex(.infinity, 0), 1e308))
    }

    func testExactArithmetic() {
        let x = Complex(0.1, h * 2)
        let y = Complex(0.3, h * -1)
        let q = csDivide(x, y)
        XCTAssertEqual(q.rawStorage.x, 0.1 / 0.3)
        XCTAssertLessThanOrEqual(relativeError(q.rawStorage.y / h, (2 * 0.3 + 0.1) / (0.09), floor: 1e-300), 1e-14)
        let zero = Complex(0.0, h)
        XCTAssertEqual(csMultiply(zero, zero).rawStorage.x, 0)
        XCTAssertEqual((zero * zero).rawStorage.x, -1e-40, "swift-numerics' * leaks y·v into the real part")
        XCTAssertLessThanOrEqual(relativeError(csMultiply(x, y).rawStorage.y / h, 0.6 - 0.1, floor: 1e-300), 1e-14)
        XCTAssertTrue(csDivide(Complex(0, h), Complex(0, 0)).rawStorage.y.isNaN)
    }
}
