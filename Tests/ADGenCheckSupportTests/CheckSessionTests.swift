import Foundation
import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

final class CheckSessionTests: XCTestCase {
    func testArguments() {
        let session = CheckSession(arguments: ["prog", "--points", "5", "--seed", "42", "--only", "1,3",
                                               "--tolerances", "1e-5,1e-8,1e-9,1e-11", "--sizes", "1:3,9,0;3:2"])
        XCTAssertEqual(session.points, 5)
        XCTAssertEqual(session.seed, 42)
        XCTAssertEqual(session.selected, [1, 3])
        XCTAssertEqual(session.tolerances, CheckTolerances(finiteDifference: 1e-5, complexStep: 1e-8,
                                                           dotProduct: 1e-9, value: 1e-11))
        XCTAssertEqual(session.size(1, 1), 9)
        XCTAssertEqual(session.size(3, 0), 2)
        XCTAssertEqual(session.size(3, 5), 3, "3 when not given")
        let defaults = CheckSession(arguments: ["prog"])
        XCTAssertEqual(defaults.points, 3)
        XCTAssertNil(defaults.selected)
    }

    func testDrawsAgainWhereTheFunctionIsNotFinite() throws {
        let session = CheckSession()
        var rng = SplitMix64(seed: 3)
        var draws = 0
        let subject = session.finiteSubject({ rng in
            draws += 1
            let x = rng.uniform(in: -1...1)
            return CheckSubject(inputs: [[x]], inputNames: ["x"], primal: { a in [log(a[0][0])] })
        }, &rng)
        let x = try XCTUnwrap(subject?.inputs.first?.first)
        XCTAssertGreaterThan(x, 0)
        XCTAssertGreaterThanOrEqual(draws, 1)
        var never = SplitMix64(seed: 3)
        XCTAssertNil(session.finiteSubject({ _ in
            CheckSubject(inputs: [[-1]], inputNames: ["x"], primal: { a in [log(a[0][0])] })
        }, &never))
    }

    func testEventsRoundTripWithNonFiniteErrors() throws {
        let check = ModeCheck(mode: "jvp", finiteDifferenceError: .nan, complexStepError: .infinity,
                              dotProductError: 1e-17, valueError: 0, worstInput: "w[2]", passed: false,
                              notes: ["a note"])
        let event = CheckEvent(event: .result, id: 4, point: 1, result: check, arguments: "x: 0.5")
        let line = event.encodedLine()
        XCTAssertFalse(line.contains("\n"))
        let decoded = try XCTUnwrap(CheckEvent.decode(line: Substring(line)))
        XCTAssertEqual(decoded.id, 4)
        XCTAssertTrue(decoded.result!.finiteDifferenceError!.isNaN)
        XCTAssertEqual(decoded.result!.complexStepError, .infinity)
        XCTAssertEqual(decoded.result!.worstInput, "w[2]")
        XCTAssertNil(CheckEvent.decode(line: "not json"))
    }
}
