import Foundation
import XCTest
@testable import ADGenRuntime

/// Exact training forward and back: initial weights, state and buffers come back bit for
/// bit, for every reversible optimizer, with exactly-zero gradients and rates 0.5 … 0.9999.
final class ExactRunRoundTripTests: XCTestCase {
    private let weightCount = 1000
    #if DEBUG
    // Unoptimized builds run about twenty times slower; `swift test -c release` runs the full
    // length of the issue (10,000 steps of 1,000 weights).
    private let stepCount = 1000
    #else
    private let stepCount = 10_000
    #endif

    /// Runs `steps` steps forward and back and checks the run is the fresh one again.
    private func assertRoundTrip(_ optimizer: ExactOptimizer, weights: Int, steps: Int,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let problem = TrainingProblem(count: weights, seed: 7)
        let initial = problem.initialWeights(seed: 8)
        let fresh = ExactRun(weights: initial, optimizer: optimizer)
        var run = fresh
        var w = run.weights
        var g = [Double](repeating: 0, count: weights)
        run.reserveBuffer(steps: steps)
        for step in 0..<steps {
            problem.gradient(at: w, step: step, into: &g)
            try run.step(gradient: g)
            run.copyWeights(into: &w)
        }
        XCTAssertNotEqual(run.weights, initial, file: file, line: line)
        XCTAssertLessThanOrEqual(Double(run.bufferBits), 1.05 * run.entropyBits + 192, file: file, line: line)
        for _ in 0..<steps {
            let step = run.undoWeightUpdate()
            run.copyWeights(into: &w)
            problem.gradient(at: w, step: step, into: &g)
            run.undoStateUpdate(gradient: g)
        }
        XCTAssertEqual(run.weights, initial, file: file, line: line)
        XCTAssertEqual(run, fresh, "state, step count and buffers", file: file, line: line)
    }

    /// From a nonzero state (on a grid of 2⁻¹², so the run holds it exactly) at step 40, and
    /// for AdamW with a learning rate that changes every step: the weights, the state, the
    /// step count and the buffers come back.
    private func assertRoundTripFromAState(_ optimizer: ExactOptimizer, schedule: Bool,
                                           file: StaticString = #filePath, line: UInt = #line) throws {
        let count = 200
        let problem = TrainingProblem(count: count, seed: 11)
        let initial = problem.initialWeights(seed: 12)
        var state = TrainingState(count: count, arrays: optimizer.hasSecondMoment ? 2 : 1)
        state.first = (0..<count).map { Double($0 % 13 - 6) / 4096 }
        if optimizer.hasSecondMoment { state.second = (0..<count).map { Double($0 % 7) / 4096 } }
        state.steps = 40
        let fresh = ExactRun(weights: initial, optimizer: optimizer, state: state)
        XCTAssertEqual(fresh.steps, 40, file: file, line: line)
        let steps = 300
        let rates = (0..<steps).map { schedule ? 0.01 * (1 + 0.5 * sin(Double($0))) : optimizer.learningRate }
        var run = fresh
        var w = run.weights
        var g = w
        for k in 0..<steps {
            problem.gradient(at: w, step: run.steps, into: &g)
            try run.step(gradient: g, learningRate: rates[k])
            run.copyWeights(into: &w)
        }
        XCTAssertEqual(run.steps, 40 + steps, file: file, line: line)
        XCTAssertLessThanOrEqual(Double(run.bufferBits), 1.05 * run.entropyBits + 64 * Double(Set(rates).count + 2),
                                 file: file, line: line)
        for k in (0..<steps).reversed() {
            let step = run.undoWeightUpdate(learningRate: rates[k])
            XCTAssertEqual(step, 40 + k, file: file, line: line)
            run.copyWeights(into: &w)
            problem.gradient(at: w, step: step, into: &g)
            run.undoStateUpdate(gradient: g)
        }
        var first = state.first, second = state.second
        run.copyState(first: &first, second: &second)
        XCTAssertEqual(run.weights, initial, file: file, line: line)
        XCTAssertEqual(first, state.first, file: file, line: line)
        XCTAssertEqual(second, state.second, file: file, line: line)
        XCTAssertEqual(run.steps, 40, file: file, line: line)
        XCTAssertEqual(run.bufferBits, fresh.bufferBits, "the buffers are empty again", file: file, line: line)
    }

    func testRoundTripsFromAStateAndWithASchedule() throws {
        try assertRoundTripFromAState(.momentum(learningRate: 0.01, momentum: 0.9), schedule: false)
        try assertRoundTripFromAState(.adam(learningRate: 0.01), schedule: true)
        try assertRoundTripFromAState(.adamW(learningRate: 0.01, weightDecay: 0.1), schedule: false)
        try assertRoundTripFromAState(.adamW(learningRate: 0.01, weightDecay: 0.1), schedule: true)
    }

    /// AdamW from the zero state with a schedule: undone, the run equals the fresh one, so
    /// the buffers of the other rates are gone.
    func testAdamWWithAScheduleRoundTripsToTheFreshRun() throws {
        let problem = TrainingProblem(count: 100, seed: 13)
        let fresh = ExactRun(weights: problem.initialWeights(seed: 14), optimizer: .adamW(learningRate: 0.01, weightDecay: 0.1))
        var run = fresh
        var w = run.weights
        var g = w
        let rates = (0..<200).map { 0.01 * Double(1 + $0 % 4) }
        for rate in rates {
            problem.gradient(at: w, step: run.steps, into: &g)
            try run.step(gradient: g, learningRate: rate)
            run.copyWeights(into: &w)
        }
        XCTAssertEqual(run.weightBuffers.count, 4)
        for rate in rates.reversed() {
            let step = run.undoWeightUpdate(learningRate: rate)
            run.copyWeights(into: &w)
            problem.gradient(at: w, step: step, into: &g)
            run.undoStateUpdate(gradient: g)
        }
        XCTAssertEqual(run, fresh)
    }

    func testMomentumRoundTrips() throws {
        try assertRoundTrip(.momentum(learningRate: 0.01, momentum: 0.9), weights: weightCount, steps: stepCount)
        try assertRoundTrip(.momentum(learningRate: 0.01, momentum: 0.5), weights: 100, steps: 300)
        try assertRoundTrip(.momentum(learningRate: 0.001, momentum: 0.9999), weights: 100, steps: 300)
    }

    func testAdamRoundTrips() throws {
        try assertRoundTrip(.adam(learningRate: 0.01), weights: weightCount, steps: stepCount)
        try assertRoundTrip(.adam(learningRate: 0.01, beta1: 0.5, beta2: 0.9999), weights: 100, steps: 300)
        try assertRoundTrip(.adam(learningRate: 0.01, beta1: 0.99, beta2: 0.9), weights: 100, steps: 300)
    }

    func testAdamWRoundTrips() throws {
        try assertRoundTrip(.adamW(learningRate: 0.01, weightDecay: 0.01), weights: weightCount, steps: stepCount)
        try assertRoundTrip(.adamW(learningRate: 0.1, beta1: 0.5, beta2: 0.99, weightDecay: 5), weights: 100, steps: 300)
    }
}
