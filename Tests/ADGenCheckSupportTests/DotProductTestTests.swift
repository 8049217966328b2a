import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

final class DotProductTestTests: XCTestCase {
    /// A 3 × 4 matrix, not symmetric in any sense.
    let a: [[Double]] = [[1, -2, 0.5, 3], [0, 4, -1, 2], [2.5, 1, 1, -3]]

    func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in zip(row, v).map(*).reduce(0, +) }
    }

    func transpose(_ m: [[Double]]) -> [[Double]] {
        m[0].indices.map { j in m.map { $0[j] } }
    }

    func testCorrectTransposePasses() {
        let result = DotProductTest.run(
            at: [0, 0, 0, 0],
            jvp: { _, v in self.multiply(self.a, v) },
            vjp: { _, u in self.multiply(self.transpose(self.a), u) })
        XCTAssertTrue(result.passed, result.description)
        XCTAssertLessThan(result.relativeDifference, 1e-15)
        XCTAssertNotEqual(result.forward, 0)
    }

    func testWrongTransposeFails() {
        var wrong = transpose(a)
        wrong[2][1] += 0.5
        let result = DotProductTest.run(
            at: [0, 0, 0, 0],
            jvp: { _, v in self.multiply(self.a, v) },
            vjp: { _, u in self.multiply(wrong, u) })
        XCTAssertFalse(result.passed, result.description)
        XCTAssertGreaterThan(result.relativeDifference, 1e-3)
    }

    func testIsDeterministicForASeed() {
        let jvp: DotProductTest.LinearMap = { _, v in self.multiply(self.a, v) }
        let vjp: DotProductTest.LinearMap = { _, u in self.multiply(self.transpose(self.a), u) }
        let first = DotProductTest.run(at: [1, 2, 3, 4], jvp: jvp, vjp: vjp, seed: 42)
        let second = DotProductTest.run(at: [1, 2, 3, 4], jvp: jvp, vjp: vjp, seed: 42)
        let other = DotProductTest.run(at: [1, 2, 3, 4], jvp: jvp, vjp: vjp, seed: 43)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first.forward, other.forward)
    }

    func testExplicitDirections() {
        let result = DotProductTest.run(
            at: [0, 0], v: [1, 0], u: [0, 1],
            jvp: { _, v in [v[0] + 2 * v[1], 3 * v[0]] },
            vjp: { _, u in [u[0] + 3 * u[1], 2 * u[0]] })
        XCTAssertEqual(result.forward, 3)
        XCTAssertEqual(result.reverse, 3)
        XCTAssertTrue(result.passed)
    }
}
