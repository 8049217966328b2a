import Foundation
import XCTest
@testable import ADGenCheckSupport
@testable import ADGenRuntime

final class StepSelectionTests: XCTestCase {
    func testSelectionBeatsTheNominalStepOnAStiffFunction() {
        let f: VectorFunction = { [exp(10 * $0[0])] }
        let exact = 10 * exp(10.0)
        let nominal = FiniteDifferences.directionalDerivative(of: f, at: [1], along: [1], order: .fourth)[0]
        let selected = FiniteDifferences.directionalDerivativeWithStepSelection(of: f, at: [1], along: [1])
        XCTAssertLessThan(abs(selected.estimate[0] - exact) / exact, 1e-10)
        XCTAssertGreaterThan(abs(nominal - exact) / exact, abs(selected.estimate[0] - exact) / exact)
        XCTAssertLessThan(selected.spread, 1e-9)
    }

    func testSmallStepsAvoidDifferencingAcrossAKink() {
        // |x − 0.5| + x² at 1e-4 from the kink: the nominal step (7.4e-4) straddles it.
        let f: VectorFunction = { [abs($0[0] - 0.5) + $0[0] * $0[0]] }
        let x = 0.5 + 1e-4
        let exact = 1 + 2 * x
        let nominal = FiniteDifferences.directionalDerivative(of: f, at: [x], along: [1], order: .fourth)[0]
        let selected = FiniteDifferences.directionalDerivativeWithStepSelection(of: f, at: [x], along: [1])
        XCTAssertGreaterThan(abs(nominal - exact), 1e-2)
        XCTAssertLessThan(abs(selected.estimate[0] - exact) / exact, 1e-9)
    }

    func testVectorFunctionAndZeroDirection() {
        let f: VectorFunction = { [sin($0[0]) * $0[1], $0[0] / $0[1]] }
        let x = [0.3, 1.7]
        let v = [0.5, -0.25]
        let exact = [cos(0.3) * 1.7 * 0.5 + sin(0.3) * -0.25, 0.5 / 1.7 + 0.3 * 0.25 / (1.7 * 1.7)]
        let selected = FiniteDifferences.directionalDerivativeWithStepSelection(of: f, at: x, along: v)
        XCTAssertLessThan(normwiseRelativeError(selected.estimate, exact), 1e-10)
        let zero = FiniteDifferences.directionalDerivativeWithStepSelection(of: f, at: x, along: [0, 0])
        XCTAssertEqual(zero.estimate, [0, 0])
    }
}
