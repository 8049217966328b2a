import Foundation
import XCTest
@testable import ADGenRuntime

/// The exact trajectory against the contract's `Double` equations, written out plainly.
final class ExactRunTrajectoryTests: XCTestCase {
    /// Oracle: Adam (or AdamW when `weightDecay` is not zero) in `Double`, as in the contract.
    /// From `state` (zero by default) at its step count, with `rates[k]` at step k when given.
    private func doubleAdam(_ problem: TrainingProblem, _ initial: [Double], steps: Int, lr: Double,
                            beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double,
                            state: TrainingState? = nil, rates: [Double]? = nil) -> [Double] {
        var w = initial
        var m = state?.first ?? [Double](repeating: 0, count: w.count)
        var v = state?.second ?? m.map { _ in 0 }
        var g = m
        let first = state?.steps ?? 0
        for step in first..<(first + steps) {
            problem.gradient(at: w, step: step, into: &g)
            let t = Double(step + 1)
            let lr = rates?[step - first] ?? lr
            for i in w.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                w[i] -= lr * weightDecay * w[i]
                w[i] -= lr * (m[i] / (1 - pow(beta1, t))) / ((v[i] / (1 - pow(beta2, t))).squareRoot() + epsilon)
            }
        }
        return w
    }

    private func exactWeights(_ problem: TrainingProblem, _ initial: [Double], _ optimizer: ExactOptimizer, steps: Int,
                              state: TrainingState? = nil, rates: [Double]? = nil) throws -> [Double] {
        var run = state.map { ExactRun(weights: initial, optimizer: optimizer, state: $0) }
            ?? ExactRun(weights: initial, optimizer: optimizer)
        var w = run.weights
        var g = w
        for k in 0..<steps {
            problem.gradient(at: w, step: run.steps, into: &g)
            try run.step(gradient: g, learningRate: rates?[k] ?? optimizer.learningRate)
            run.copyWeights(into: &w)
        }
        return w
    }

    private func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        let difference = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        return difference / b.map { $0 * $0 }.reduce(0, +).squareRoot()
    }

    func testAdamTracksTheDoubleTrajectoryOnAConvexQuadratic() throws {
        let problem = TrainingProblem(count: 200, seed: 21, noise: 0)
        let initial = problem.initialWeights(seed: 22)
        let exact = try exactWeights(problem, initial, .adam(learningRate: 0.01), steps: 1000)
        let reference = doubleAdam(problem, initial, steps: 1000, lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0)
        XCTAssertGreaterThan(relativeError(initial, reference), 0.1, "the run moves")
        XCTAssertLessThan(relativeError(exact, reference), 1e-9)
    }

    /// A run continuing from a nonzero state at step 40: bias corrections count on from 41,
    /// and a learning-rate schedule changes AdamW's decay rate every step.
    func testAdamWFromAStateWithAScheduleTracksTheDoubleTrajectory() throws {
        let problem = TrainingProblem(count: 200, seed: 25)
        let initial = problem.initialWeights(seed: 26)
        var state = TrainingState(count: 200, arrays: 2)
        state.first = (0..<200).map { 0.01 * sin(Double($0)) }
        state.second = (0..<200).map { 1e-4 * (1 + cos(Double($0))) }
        state.steps = 40
        let rates = (0..<300).map { 0.01 * (1 + 0.5 * sin(0.1 * Double($0))) }
        let exact = try exactWeights(problem, initial, .adamW(learningRate: 0.01, weightDecay: 0.1), steps: 300,
                                     state: state, rates: rates)
        let reference = doubleAdam(problem, initial, steps: 300, lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
                                   weightDecay: 0.1, state: state, rates: rates)
        let fromZero = doubleAdam(problem, initial, steps: 300, lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
                                  weightDecay: 0.1, rates: rates)
        XCTAssertGreaterThan(relativeError(fromZero, reference), 1e-4, "the starting state matters")
        XCTAssertLessThan(relativeError(exact, reference), 1e-9)
    }

    func testAdamWTracksTheDoubleTrajectory() throws {
        let problem = TrainingProblem(count: 200, seed: 23)
        let initial = problem.initialWeights(seed: 24)
        let exact = try exactWeights(problem, initial, .adamW(learningRate: 0.01, weightDecay: 0.1), steps: 500)
        let reference = doubleAdam(problem, initial, steps: 500, lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1)
        XCTAssertLessThan(relativeError(exact, reference), 1e-9)
    }

    func testMomentumTracksTheDoubleTrajectory() throws {
        let problem = TrainingProblem(count: 200, seed: 25)
        let initial = problem.initialWeights(seed: 26)
        let exact = try exactWeights(problem, initial, .momentum(learningRate: 0.05, momentum: 0.9), steps: 500)
        // Oracle: b = μ b + g; w -= lr b.
        var w = initial
        var b = [Double](repeating: 0, count: w.count)
        var g = b
        for step in 0..<500 {
            problem.gradient(at: w, step: step, into: &g)
            for i in w.indices {
                b[i] = 0.9 * b[i] + g[i]
                w[i] -= 0.05 * b[i]
            }
        }
        XCTAssertLessThan(relativeError(exact, w), 1e-9)
    }

    func testFirstStepStateMatchesTheEquations() throws {
        var run = ExactRun(weights: [1, -2, 0.5], optimizer: .adam(learningRate: 0.1))
        try run.step(gradient: [2, 0, -1])
        XCTAssertEqual(run.steps, 1)
        for (value, expected) in zip(run.firstMoment, [0.2, 0, -0.1]) { XCTAssertEqual(value, expected, accuracy: 1e-15) }
        for (value, expected) in zip(run.secondMoment, [0.004, 0, 0.001]) { XCTAssertEqual(value, expected, accuracy: 1e-15) }
        // Step 1: m̂ = g, v̂ = g², so w moves by lr·g/(|g| + ε). The digit the β2 decay pulls
        // from the buffer (below 999 units of 2^-59, v's grid from the largest g² = 4) moves
        // v̂ of the third entry by about 1e-12 relative, its weight by about 1e-13.
        for (value, expected) in zip(run.weights, [1 - 0.1 * 2 / (2 + 1e-8), -2, 0.5 + 0.1 / (1 + 1e-8)]) {
            XCTAssertEqual(value, expected, accuracy: 1e-12)
        }
        XCTAssertEqual(run.momentumBuffer, [])
        XCTAssertEqual(run.entropyBits, 3 * (log2(10.0 / 9) + log2(1000.0 / 999)), accuracy: 1e-12)
    }
}
