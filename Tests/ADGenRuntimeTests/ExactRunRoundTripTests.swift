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
