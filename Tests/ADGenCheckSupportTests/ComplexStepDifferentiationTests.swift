import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

final class ComplexStepDifferentiationTests: XCTestCase {
    /// f(x, y) = (x·y + sin x, exp(y)/x, pow(x, 3)·y)
    let f: ComplexVectorFunction = { v in
        [v[0] * v[1] + csSin(v[0]), csExp(v[1]) / v[0], csPow(v[0], 3) * v[1]]
    }
    let point = [0.7, -1.3]

    func testJacobianMatchesAnalytic() {
        let (x, y) = (point[0], point[1])
        let exact = [[y + cos(x), x], [-exp(y) / (x * x), exp(y) / x], [3 * x * x * y, x * x * x]]
        let jacobian = ComplexStep.jacobian(of: f, at: point)
        for i in 0..<3 {
            for j in 0..<2 {
                XCTAssertLessThanOrEqual(relativeError(jacobian[i][j], exact[i][j], floor: 1e-300), 1e-14)
            }
        }
    }

    func testDirectionalDerivativeReturnsPrimalValue() {
        let v = [0.4, -2.5]
        let result = ComplexStep.directionalDerivative(of: f, at: point, along: v)
        let (x, y) = (point[0], point[1])
        XCTAssertEqual(result.value[0], x * y + sin(x))
        XCTAssertEqual(result.value[2], pow(x, 3) * y)
        let jacobian = ComplexStep.jacobian(of: f, at: point)
        for i in 0..<3 {
            let expected = jacobian[i][0] * v[0] + jacobian[i][1] * v[1]
            XCTAssertLessThanOrEqual(relativeError(result.tangent[i], expected, floor: 1e-300), 1e-14)
        }
    }

    func testGradientAgreesWithFiniteDifferences() {
        let x = [0.3, -0.8, 1.9]
        let complexStep = ComplexStep.gradient(of: { v in csTanh(v[0] * v[1]) + csHypot(v[1], v[2]) }, at: x)
        let primal: ([Double]) -> Double = { v in tanh(v[0] * v[1]) + hypot(v[1], v[2]) }
        let finite = FiniteDifferences.gradient(of: primal, at: x, order: .fourth)
        let report = GradientCheckReport(computed: complexStep, reference: finite,
                                         tolerance: GradientCheckTolerance(relative: 1e-9))
        XCTAssertTrue(report.passed, report.description)
    }
}
