import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime

/// Outside the real domain every complex-step function returns NaN in both parts.
final class ComplexStepDomainTests: XCTestCase {
    func assertNaN(_ z: Complex<Double>, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let (re, im) = z.rawStorage
        XCTAssertTrue(re.isNaN && im.isNaN, "\(message): got \(re) + \(im)i", file: file, line: line)
    }

    func testOutsideRealDomainIsNaN() {
        let h = 1e-20
        assertNaN(csLog(Complex(-1, h)), "log(-1)")
        assertNaN(csLog2(Complex(-2, h)), "log2(-2)")
        assertNaN(csLog10(Complex(-2, h)), "log10(-2)")
        assertNaN(csLog1p(Complex(-2, h)), "log1p(-2)")
        assertNaN(csSqrt(Complex(-4, h)), "sqrt(-4)")
        assertNaN(csAsin(Complex(1.5, h)), "asin(1.5)")
        assertNaN(csAcos(Complex(-1.2, h)), "acos(-1.2)")
        assertNaN(csLog(Complex(-1, 0)), "log(-1) with zero tangent")
    }

    func testNaNInputPropagates() {
        let z = Complex(Double.nan, 1e-20)
        for f in [csSin, csExp, csAbs, csFloor, csCeil, csTanh] {
            assertNaN(f(z), "NaN input")
        }
        assertNaN(csPow(z, 2.0), "pow(NaN, 2)")
        assertNaN(csHypot(z, 1.0), "hypot(NaN, 1)")
    }
}
