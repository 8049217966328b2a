import XCTest
@testable import ADGenRuntime

/// `LoopCheckpoints` executed as generated code executes it, on a simulated loop whose
/// state is its position (an `Int`) and an array that grows with it, so that a wrong
/// restore shows: every step must be reversed exactly once, last first, from the state
/// the forward sweep had there, with at most `frameLimit` frames; the offline schedule
/// must recompute exactly Revolve's optimum (its opening being the forward sweep).
final class LoopCheckpointsTests: XCTestCase {
    private struct Outcome {
        var reversed: [Int] = []
        var mostFrames = 0
        var recomputed = 0
        var peakBytes = 0
    }

    /// The forward sweep over `steps` steps (snapshotDue at each), then the reverse sweep.
    private func run(_ checkpoints: LoopCheckpoints, steps: Int, file: StaticString = #filePath,
                     line: UInt = #line) -> Outcome {
        var position = 0
        var trail: [Double] = []
        func step() {
            trail.append(Double(position) * 0.5)
            position += 1
        }
        func save() {
            checkpoints.save(position)
            checkpoints.save(trail)
        }
        var outcome = Outcome()
        for _ in 0..<steps {
            if checkpoints.snapshotDue() { save() }
            outcome.mostFrames = max(outcome.mostFrames, checkpoints.frames)
            step()
        }
        position = -1  // the code after the loop may leave anything there
        while let action = checkpoints.next() {
            switch action {
            case .restore:
                position = checkpoints.load()
                trail = checkpoints.load()
                XCTAssertEqual(trail.count, position, "restored state is consistent", file: file, line: line)
            case .snapshot:
                save()
            case let .advance(from, to):
                XCTAssertEqual(from, position, "advance from the current state", file: file, line: line)
                for _ in from..<to { step() }
            case .reverse(let index):
                XCTAssertEqual(index, position, "reverse step \(index) from its own state", file: file, line: line)
                outcome.reversed.append(index)
                position = -1  // recorded and reversed: the state is not the schedule's any more
            }
            outcome.mostFrames = max(outcome.mostFrames, checkpoints.frames)
        }
        outcome.recomputed = checkpoints.recomputedSteps
        outcome.peakBytes = checkpoints.peakBytes
        return outcome
    }

    func testOfflineScheduleReversesEveryStepWithRevolvesRecomputation() {
        for steps in [0, 1, 2, 3, 10, 100, 317] {
            for frames in [2, 3, 4, 6, 11, 400] {
                let checkpoints = LoopCheckpoints(steps: steps, snapshotBytes: 800, tapeBudget: 800 * frames)
                let outcome = run(checkpoints, steps: steps)
                XCTAssertEqual(outcome.reversed, Array((0..<steps).reversed()), "T = \(steps), \(frames) frames")
                XCTAssertLessThanOrEqual(outcome.mostFrames, frames, "T = \(steps), \(frames) frames")
                guard steps > 1 else { continue }
                // Revolve's count includes its opening advance to T − 1, which the forward sweep ran.
                let slots = min(frames - 1, steps)
                let expected = RevolveCost.forwardSteps(steps: steps, snapshots: slots) - (steps - 1)
                XCTAssertEqual(outcome.recomputed, expected, "T = \(steps), \(frames) frames")
                // The tape report's prediction, made before the loop runs, is what the run did.
                let plan = LoopCheckpoints.plan(steps: steps, snapshotBytes: 800, tapeBudget: 800 * frames)
                XCTAssertEqual(plan?.recomputedSteps, outcome.recomputed, "T = \(steps), \(frames) frames")
                XCTAssertEqual(plan?.frames, outcome.mostFrames, "T = \(steps), \(frames) frames")
            }
        }
        XCTAssertNil(LoopCheckpoints.plan(steps: 10, snapshotBytes: 800, tapeBudget: 1_599))
    }

    func testOfflineFiguresForHundredStepsAndFiveSnapshots() {
        // Revolve: 100 steps, 5 slots: 316 unrecorded steps, 99 of them the opening sweep.
        let checkpoints = LoopCheckpoints(steps: 100, snapshotBytes: 8, tapeBudget: 48)
        XCTAssertEqual(checkpoints.frameLimit, 6)
        XCTAssertEqual(run(checkpoints, steps: 100).recomputed, 316 - 99)
    }

    func testOnlineScheduleReversesEveryStepWithinItsFrames() {
        for steps in [0, 1, 2, 5, 64, 65, 200, 1000] {
            for frames in [1, 2, 3, 5, 16] {
                let checkpoints = LoopCheckpoints(snapshotBytes: 100, tapeBudget: 100 * frames)
                let outcome = run(checkpoints, steps: steps)
                XCTAssertEqual(outcome.reversed, Array((0..<steps).reversed()), "T = \(steps), \(frames) frames")
                XCTAssertLessThanOrEqual(outcome.mostFrames, frames, "T = \(steps), \(frames) frames")
                XCTAssertEqual(checkpoints.steps, steps)
            }
        }
    }

    func testIndicesFollowTheLoopsBoundsAndStride() {
        let checkpoints = LoopCheckpoints(steps: 4, first: 10, stride: 3, snapshotBytes: 8, tapeBudget: 64)
        for _ in 0..<4 where checkpoints.snapshotDue() { checkpoints.save(0) }
        var reversed: [Int] = []
        while let action = checkpoints.next() {
            if case .reverse(let index) = action { reversed.append(index) }
            if case let .advance(from, to) = action { XCTAssertEqual((to - from) % 3, 0) }
        }
        XCTAssertEqual(reversed, [19, 16, 13, 10])
    }

    func testPeakBytesStayWithinTheBudget() {
        // 24 bytes a frame (a count, an Int and one Double at the start; the trail grows):
        // the estimate on entry is what the budget divides.
        let checkpoints = LoopCheckpoints(steps: 50, snapshotBytes: 8 * 52, tapeBudget: 8 * 52 * 4)
        let outcome = run(checkpoints, steps: 50)
        XCTAssertLessThanOrEqual(outcome.peakBytes, checkpoints.tapeBudget)
        XCTAssertGreaterThan(outcome.peakBytes, 0)
    }
}
