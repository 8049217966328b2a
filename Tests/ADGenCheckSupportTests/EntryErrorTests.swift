import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

/// `EntryError.worst` and the worst entries `DerivativeCheck` reports.
final class EntryErrorTests: XCTestCase {
    func testWorstEntriesAreRankedAndShareTheNormwiseError() {
        let got = [1.0, 2.5, -3.0, 4.0, 0.0]
        let expected = [1.0, 2.0, -3.2, 4.0, 0.1]
        let worst = EntryError.worst(got: got, expected: expected, name: { "x[\($0)]" })
        XCTAssertEqual(worst.map(\.index), [1, 2, 4])
        XCTAssertEqual(worst[0], EntryError(index: 1, name: "x[1]", got: 2.5, expected: 2, error: 0.5 / 4))
        XCTAssertEqual(worst[0].error, normwiseRelativeError(got, expected))
        XCTAssertEqual(EntryError.worst(got: got, expected: got), [], "exact agreement reports nothing")
        XCTAssertEqual(EntryError.worst(got: [1], expected: [1, 2]), [])
    }

    func testNaNIsWorstAndDoesNotHideTheOthers() {
        let worst = EntryError.worst(got: [1, .nan, 3], expected: [1.5, 2, 3])
        XCTAssertEqual(worst.map(\.index), [1, 0])
        XCTAssertTrue(worst[0].error.isNaN)
        XCTAssertEqual(worst[1].error, 0.5 / 3)
    }

    /// f(x) = Σ sin(x[i]) · i with one gradient entry mutated: the check names that entry.
    func testMutatedGradientEntryIsReportedAtItsIndex() throws {
        for mutated in [0, 3] {
            let x0 = [0.3, -0.8, 1.1, 0.5, -0.2]
            let weights = x0.indices.map { Double($0 + 1) }
            let subject = CheckSubject(
                inputs: [x0], inputNames: ["x"],
                primal: { a in [zip(a[0], weights).reduce(0) { $0 + sin($1.0) * $1.1 }] },
                complexStep: { a in [zip(a[0], weights).reduce(Complex<Double>(0)) { $0 + csSin($1.0) * Complex($1.1) }] },
                gradient: { a in
                    var g = zip(a[0], weights).map { cos($0) * $1 }
                    g[mutated] *= 1.01
                    return (zip(a[0], weights).reduce(0) { $0 + sin($1.0) * $1.1 }, [g])
                })
            var rng = SplitMix64(seed: 3)
            let gradient = try XCTUnwrap(DerivativeCheck(subject, rng: &rng).run().first { $0.mode == "gradient" })
            XCTAssertFalse(gradient.passed)
            let worst = try XCTUnwrap(gradient.worstEntries.first)
            XCTAssertEqual(worst.index, mutated)
            XCTAssertEqual(worst.name, "x[\(mutated)]")
            XCTAssertEqual(worst.expected, cos(x0[mutated]) * weights[mutated], accuracy: 1e-14)
            XCTAssertEqual(worst.got, worst.expected * 1.01, accuracy: 1e-13)
            XCTAssertEqual(worst.error, try XCTUnwrap(gradient.complexStepError))
            XCTAssertTrue(gradient.worstEntries.dropFirst().allSatisfy { $0.error < 1e-14 }, "\(gradient.worstEntries)")
        }
    }
}
