import XCTest
@testable import ADGenRuntime

/// A diverging run stops with an error naming the variable, the entry and the step.
final class ExactRunErrorTests: XCTestCase {
    func testDivergingMomentumReportsTheFirstVariableToLeaveItsRange() throws {
        // Gradient ascent on w²: g = 2w·growth pushes w and b up geometrically.
        let initial: [Double] = [0.5, 1, -0.25]
        var run = ExactRun(weights: initial, optimizer: .momentum(learningRate: 0.5, momentum: 0.9), weightsName: "theta")
        // Oracle: the Double recurrence, stopped where b or w first leaves its range
        // (|x| ≥ 2^(127 − fractionBits)), entries in order within a step as the run checks them.
        let gradientAt = { (w: [Double]) in w.map { -2 * $0 } }
        try run.step(gradient: gradientAt(run.weights))
        let bLimit = 0x1p127 * Double(sign: .plus, exponent: -run.firstScale!.fractionBits, significand: 1)
        let wLimit = 0x1p127 * Double(sign: .plus, exponent: -run.weightScale.fractionBits, significand: 1)
        var w = initial
        var b = [Double](repeating: 0, count: 3)
        var expected: ExactArithmeticError?
        search: for step in 1...2000 {
            let g = gradientAt(w)
            for i in 0..<3 {
                b[i] = 0.9 * b[i] + g[i]
                if abs(b[i]) >= bLimit { expected = .overflow(variable: "b", index: i, step: step); break search }
                w[i] -= 0.5 * b[i]
                if abs(w[i]) >= wLimit { expected = .overflow(variable: "theta", index: i, step: step); break search }
            }
        }
        let expectedError = try XCTUnwrap(expected)
        var thrown: ExactArithmeticError?
        do {
            for _ in 2...2000 { try run.step(gradient: gradientAt(run.weights)) }
        } catch {
            thrown = error
        }
        XCTAssertEqual(thrown, expectedError)
        XCTAssertTrue(thrown?.description.contains("at step") ?? false)
    }

    func testNonFiniteGradientIsReported() {
        var run = ExactRun(weights: [1, 2], optimizer: .adam(learningRate: 0.1))
        XCTAssertThrowsError(try run.step(gradient: [1, .nan])) { error in
            XCTAssertEqual(error as? ExactArithmeticError, .nonFinite(variable: "gradient", index: 1, step: 1))
        }
    }

    func testDescriptionNamesVariableEntryAndStep() {
        XCTAssertEqual(ExactArithmeticError.overflow(variable: "w", index: 3, step: 17).description,
                       "exact arithmetic overflow: w[3] left its fixed-point range at step 17")
    }
}
