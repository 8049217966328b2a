import Foundation
import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

final class FiniteDifferencesTests: XCTestCase {
    /// f(x, y) = (x·y + sin x, exp(y)/x, x²y)
    let f: VectorFunction = { v in [v[0] * v[1] + sin(v[0]), exp(v[1]) / v[0], v[0] * v[0] * v[1]] }
    let point = [0.7, -1.3]

    func analyticJacobian(_ v: [Double]) -> [[Double]] {
        let (x, y) = (v[0], v[1])
        return [[y + cos(x), x], [-exp(y) / (x * x), exp(y) / x], [2 * x * y, x * x]]
    }

    func testStepIsExactlyRepresentable() {
        for order in FiniteDifferenceOrder.allCases {
            for x in [0.0, 1.0, -3.7, 100.0, 1e-9, 12345.678] {
                let h = order.step(at: x)
                XCTAssertEqual((x + h) - x, h)
                XCTAssertEqual(h, order.relativeStep * max(1, abs(x)), accuracy: 1e-12 * max(1, abs(x)))
            }
        }
        XCTAssertEqual(FiniteDifferenceOrder.second.relativeStep, 6.055454e-6, accuracy: 1e-11)
        XCTAssertEqual(FiniteDifferenceOrder.fourth.relativeStep, 7.400960e-4, accuracy: 1e-9)
    }

    func testScalarDerivativeAccuracy() {
        for x in [-2.0, 0.3, 1.0, 5.0] {
            let exact = cos(x) * exp(x) + sin(x) * exp(x)
            let g: (Double) -> Double = { sin($0) * exp($0) }
            let second = FiniteDifferences.derivative(of: g, at: x, order: .second)
            let fourth = FiniteDifferences.derivative(of: g, at: x, order: .fourth)
            let scale = max(1, abs(exact))
            XCTAssertLessThan(abs(second - exact) / scale, 1e-8, "second order at \(x)")
            XCTAssertLessThan(abs(fourth - exact) / scale, 1e-10, "fourth order at \(x)")
        }
    }

    func testConvergenceOrders() {
        let g: VectorFunction = { [exp($0[0]) * sin($0[0])] }
        let x = 0.7
        let exact = exp(x) * (sin(x) + cos(x))
        func error(_ h: Double, _ order: FiniteDifferenceOrder) -> Double {
            abs(FiniteDifferences.centralDifference(of: g, at: [x], along: [1], step: h, order: order)[0] - exact)
        }
        let secondRatio = error(1e-2, .second) / error(5e-3, .second)
        let fourthRatio = error(2e-2, .fourth) / error(1e-2, .fourth)
        XCTAssertEqual(secondRatio, 4, accuracy: 0.2)
        XCTAssertEqual(fourthRatio, 16, accuracy: 1)
    }

    func testJacobianMatchesAnalytic() {
        let exact = analyticJacobian(point)
        for (order, tolerance) in [(FiniteDifferenceOrder.second, 1e-8), (.fourth, 1e-10)] {
            let jacobian = FiniteDifferences.jacobian(of: f, at: point, order: order)
            XCTAssertEqual(jacobian.count, 3)
            for i in 0..<3 {
                XCTAssertEqual(jacobian[i].count, 2)
                for j in 0..<2 {
                    XCTAssertEqual(jacobian[i][j], exact[i][j], accuracy: tolerance, "J[\(i)][\(j)] \(order)")
                }
            }
        }
    }

    func testDirectionalDerivativeIsJacobianTimesDirection() {
        let v = [0.4, -2.5]
        let exact = analyticJacobian(point).map { row in zip(row, v).map(*).reduce(0, +) }
        let jv2 = FiniteDifferences.directionalDerivative(of: f, at: point, along: v)
        let jv4 = FiniteDifferences.directionalDerivative(of: f, at: point, along: v, order: .fourth)
        for i in 0..<3 {
            XCTAssertEqual(jv2[i], exact[i], accuracy: 1e-8)
            XCTAssertEqual(jv4[i], exact[i], accuracy: 1e-10)
        }
        XCTAssertEqual(FiniteDifferences.directionalDerivative(of: f, at: point, along: [0, 0]), [0, 0, 0])
    }

    func testGradientOfScalarFunction() {
        let rosenbrock: ([Double]) -> Double = { 100 * pow($0[1] - $0[0] * $0[0], 2) + pow(1 - $0[0], 2) }
        let x = [-1.2, 1.0]
        let exact = [-400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])]
        let gradient = FiniteDifferences.gradient(of: rosenbrock, at: x, order: .fourth)
        XCTAssertEqual(gradient[0], exact[0], accuracy: 1e-8 * abs(exact[0]))
        XCTAssertEqual(gradient[1], exact[1], accuracy: 1e-8 * abs(exact[1]))
    }
}
