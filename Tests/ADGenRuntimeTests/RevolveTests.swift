import XCTest
@testable import ADGenRuntime

final class RevolveTests: XCTestCase {
    /// Oracle: Griewank–Walther's closed form, with its own binomial.
    private func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }

    private func formula(steps t: Int, snapshots c: Int) -> Int {
        guard t > 1 else { return 0 }
        var r = 0
        while binomial(c + r, c) < t { r += 1 }
        return r * t - binomial(c + r, r - 1)
    }

    /// Executes `schedule` on a simulated state; checks every action is legal and returns the
    /// forward steps run, the most slots held, and the steps reversed, in order.
    private func execute(_ schedule: Revolve, file: StaticString = #filePath, line: UInt = #line) -> (forward: Int, slotsHeld: Int, reversed: [Int]) {
        var position = 0
        var slots: [Int: Int] = [:]
        var forward = 0
        var reversed: [Int] = []
        for action in schedule {
            switch action {
            case let .advance(from, to):
                XCTAssertEqual(from, position, "advance from the current state", file: file, line: line)
                XCTAssertLessThan(from, to, file: file, line: line)
                forward += to - from
                position = to
            case let .takeSnapshot(step, slot):
                XCTAssertEqual(step, position, file: file, line: line)
                XCTAssertTrue((0..<schedule.snapshots).contains(slot), "slot \(slot)", file: file, line: line)
                slots[slot] = step
            case let .restore(step, slot):
                XCTAssertEqual(slots[slot], step, "slot \(slot) holds step \(step)", file: file, line: line)
                position = step
            case let .firstReverse(step):
                XCTAssertTrue(reversed.isEmpty, "firstReverse comes first", file: file, line: line)
                XCTAssertEqual(step, position, file: file, line: line)
                reversed.append(step)
            case let .reverse(step):
                XCTAssertFalse(reversed.isEmpty, "reverse after firstReverse", file: file, line: line)
                XCTAssertEqual(step, position, file: file, line: line)
                reversed.append(step)
            }
        }
        return (forward, slots.count, reversed)
    }

    func testOneHundredStepsWithFiveSnapshotsCost316() {
        XCTAssertEqual(RevolveCost.forwardSteps(steps: 100, snapshots: 5), 316)
        XCTAssertEqual(execute(Revolve(steps: 100, snapshots: 5)).forward, 316)
        XCTAssertEqual(RevolveCost.forwardSteps(steps: 1000, snapshots: 10), 3636)
        XCTAssertEqual(RevolveCost.forwardSteps(steps: 10_000, snapshots: 20), 37_976)
    }

    func testManySizesMatchTheFormulaReverseEveryStepOnceAndStayWithinTheSnapshots() {
        let cases = (1...120).flatMap { t in (1...8).map { (t, $0) } }
            + [(1000, 3), (1000, 10), (2017, 6), (5000, 12), (10_000, 20), (300, 300)]
        for (t, c) in cases {
            let (forward, held, reversed) = execute(Revolve(steps: t, snapshots: c))
            XCTAssertEqual(forward, formula(steps: t, snapshots: c), "T = \(t), c = \(c)")
            XCTAssertEqual(RevolveCost.forwardSteps(steps: t, snapshots: c), formula(steps: t, snapshots: c), "T = \(t), c = \(c)")
            XCTAssertLessThanOrEqual(held, c, "T = \(t), c = \(c)")
            XCTAssertEqual(reversed, Array((0..<t).reversed()), "T = \(t), c = \(c)")
        }
    }

    func testClosedFormIsTheDynamicProgrammingOptimum() {
        // Oracle: F(l, s) = min over m of m + F(l − m, s − 1) + F(m, s), F(1, s) = 0,
        // F(l, 1) = l(l − 1)/2, computed by brute force.
        let maxSteps = 60, maxSlots = 5
        var optimum = Array(repeating: Array(repeating: 0, count: maxSlots + 1), count: maxSteps + 1)
        for l in 2...maxSteps {
            optimum[l][1] = l * (l - 1) / 2
            for s in 2...maxSlots {
                optimum[l][s] = (1..<l).map { m in m + optimum[l - m][s - 1] + optimum[m][s] }.min()!
            }
        }
        for l in 1...maxSteps {
            for s in 1...maxSlots {
                XCTAssertEqual(RevolveCost.forwardSteps(steps: l, snapshots: s), optimum[l][s], "T = \(l), c = \(s)")
            }
        }
    }

    func testSmallScheduleSpelledOut() {
        XCTAssertEqual(Array(Revolve(steps: 3, snapshots: 1)), [
            .takeSnapshot(step: 0, slot: 0), .advance(from: 0, to: 2), .firstReverse(step: 2),
            .restore(step: 0, slot: 0), .advance(from: 0, to: 1), .reverse(step: 1),
            .restore(step: 0, slot: 0), .reverse(step: 0),
        ])
        XCTAssertEqual(Array(Revolve(steps: 0, snapshots: 3)), [])
        XCTAssertEqual(RevolveCost.repetitions(steps: 100, snapshots: 5), 4)
    }
}
