@testable import ADGenRuntime
@testable import ADGenCheckSupport
import XCTest

/// The hypergradient check passes a correct hypergradient and flags a wrong one, and
/// a checkpointed result that differs from the unrolled one in the last bit.
final class HypergradientCheckTests: XCTestCase {
    /// V(w, h) = h0 · Σ w² + h1³: its gradient is exact.
    func subject(wrongBy error: Double = 0, checkpointedOffBy offset: Double = 0) -> HypergradientCheckSubject {
        let w = [0.5, -0.25, 1.0]
        let h = [0.3, 2.0]
        return HypergradientCheckSubject(
            weights: w, hyperparameters: h, hyperparameterNames: ["a", "b"],
            methods: [.unrolled, .checkpointed(snapshots: 2)], arguments: "test",
            validation: { w, h in h[0] * w.reduce(0) { $0 + $1 * $1 } + h[1] * h[1] * h[1] },
            hypergradient: { method in
                let shift = method == .unrolled ? 0 : offset
                let value = h[0] * w.reduce(0) { $0 + $1 * $1 } + h[1] * h[1] * h[1]
                return (value, w.map { 2 * h[0] * $0 }, [w.reduce(0) { $0 + $1 * $1 } + shift, 3 * h[1] * h[1] + error],
                        HypergradientReport(method: method))
            })
    }

    func testCorrectHypergradientPasses() {
        var rng = SplitMix64(seed: 1)
        let checks = HypergradientCheck.run(subject(), rng: &rng)
        XCTAssertEqual(checks.map(\.passed), [true, true])
        XCTAssertLessThan(checks[0].finiteDifferenceError!, 1e-9)
    }

    func testWrongHypergradientFails() {
        var rng = SplitMix64(seed: 1)
        XCTAssertEqual(HypergradientCheck.run(subject(wrongBy: 1e-3), rng: &rng).map(\.passed), [false, false])
    }

    func testCheckpointedMustEqualUnrolledBitForBit() {
        var rng = SplitMix64(seed: 1)
        let checks = HypergradientCheck.run(subject(checkpointedOffBy: 1e-15), rng: &rng)
        XCTAssertEqual(checks.map(\.passed), [true, false])
    }
}
