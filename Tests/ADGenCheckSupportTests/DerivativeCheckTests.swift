import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime
@testable import ADGenCheckSupport

/// f(x, w) = [x·sin(w₀) + w₁², exp(x·w₁)] with hand-written derivatives, then with
/// deliberate mistakes that the check must flag.
final class DerivativeCheckTests: XCTestCase {
    static func f(_ x: Double, _ w: [Double]) -> [Double] { [x * sin(w[0]) + w[1] * w[1], exp(x * w[1])] }

    /// J·(dx, dw).
    static func jv(_ x: Double, _ w: [Double], _ dx: Double, _ dw: [Double]) -> [Double] {
        [sin(w[0]) * dx + x * cos(w[0]) * dw[0] + 2 * w[1] * dw[1],
         exp(x * w[1]) * (w[1] * dx + x * dw[1])]
    }

    /// Jᵀ·u as (dx, dw).
    static func jtu(_ x: Double, _ w: [Double], _ u: [Double]) -> (Double, [Double]) {
        let e = exp(x * w[1])
        return (sin(w[0]) * u[0] + e * w[1] * u[1], [x * cos(w[0]) * u[0], 2 * w[1] * u[0] + e * x * u[1]])
    }

    func subject(jvpScale: Double = 1, vjpBug: Double = 0) -> CheckSubject {
        let x0 = 0.7
        let w0 = [0.4, -0.3]
        return CheckSubject(
            inputs: [[x0], w0], inputNames: ["x", "w"], arguments: "x: 0.7, w: [0.4, -0.3]",
            primal: { a in Self.f(a[0][0], a[1]) },
            complexStep: { a in
                let (x, w) = (a[0][0], a[1])
                return [x * csSin(w[0]) + w[1] * w[1], csExp(x * w[1])]
            },
            jvp: { a, d in
                let tangent = Self.jv(a[0][0], a[1], d[0][0], d[1]).map { $0 * jvpScale }
                return (Self.f(a[0][0], a[1]), tangent)
            },
            vjp: { a, u in
                let (dx, dw) = Self.jtu(a[0][0], a[1], u)
                return (Self.f(a[0][0], a[1]), [[dx], [dw[0] + vjpBug, dw[1]]])
            })
    }

    func checks(_ subject: CheckSubject) -> [String: ModeCheck] {
        var rng = SplitMix64(seed: 7)
        return Dictionary(uniqueKeysWithValues: DerivativeCheck(subject, rng: &rng).run().map { ($0.mode, $0) })
    }

    func testCorrectDerivativesPass() throws {
        let results = checks(subject())
        XCTAssertEqual(Set(results.keys), ["primal", "jvp", "vjp"])
        for (mode, check) in results {
            XCTAssertTrue(check.passed, "\(mode): \(check)")
        }
        let jvp = try XCTUnwrap(results["jvp"])
        XCTAssertLessThan(try XCTUnwrap(jvp.complexStepError), 1e-14)
        XCTAssertLessThan(try XCTUnwrap(jvp.finiteDifferenceError), 1e-9)
        XCTAssertLessThan(try XCTUnwrap(results["vjp"]?.dotProductError), 1e-14)
        XCTAssertEqual(results["primal"]?.complexStepError, 0)
        XCTAssertNil(results["primal"]?.finiteDifferenceError)
    }

    func testWrongAdjointEntryIsFlaggedAndLocated() throws {
        let results = checks(subject(vjpBug: 1e-3))
        let vjp = try XCTUnwrap(results["vjp"])
        XCTAssertFalse(vjp.passed)
        XCTAssertGreaterThan(try XCTUnwrap(vjp.complexStepError), 1e-5)
        XCTAssertEqual(vjp.worstInput, "w[0]")
        XCTAssertEqual(vjp.worstEntries.first?.index, 1, "x, then w[0]: \(vjp.worstEntries)")
        XCTAssertEqual(vjp.worstEntries.first?.name, "w[0]")
        XCTAssertGreaterThan(try XCTUnwrap(vjp.dotProductError), 1e-10)
        XCTAssertTrue(results["jvp"]!.passed == false, "the JVP's dot-product test pairs it with the wrong VJP")
    }

    /// x² defined for x ≥ 0 only, checked at x = 0: central differences step to x < 0 and
    /// are NaN, so they cannot judge; complex step (which stays at real part 0) and the
    /// dot-product test still do.
    func edgeSubject(jvpSlope: Double) -> CheckSubject {
        CheckSubject(
            inputs: [[0]], inputNames: ["x"], arguments: "x: 0",
            primal: { a in [a[0][0] < 0 ? .nan : a[0][0] * a[0][0]] },
            complexStep: { a in [a[0][0].real < 0 ? Complex(.nan, .nan) : a[0][0] * a[0][0]] },
            jvp: { a, d in ([a[0][0] * a[0][0]], [(2 * a[0][0] + jvpSlope) * d[0][0]]) },
            vjp: { a, u in ([a[0][0] * a[0][0]], [[2 * a[0][0] * u[0]]]) })
    }

    func testOraclesThatAreNotFiniteAtThePointAreSetAside() throws {
        let right = checks(edgeSubject(jvpSlope: 0))
        for mode in ["jvp", "vjp"] {
            let check = try XCTUnwrap(right[mode])
            XCTAssertTrue(check.passed, "\(mode): \(check)")
            XCTAssertNil(check.finiteDifferenceError)
            XCTAssertEqual(check.complexStepError, 0)
            XCTAssertTrue(check.notes.contains { $0.hasPrefix("finite differences are not finite at this point") }, "\(check.notes)")
        }
        let wrong = try XCTUnwrap(checks(edgeSubject(jvpSlope: 1))["jvp"])
        XCTAssertFalse(wrong.passed, "the dot-product test still judges: \(wrong)")
    }

    func testComplexStepSeesWhatDifferencesCannot() throws {
        let jvp = try XCTUnwrap(checks(subject(jvpScale: 1 + 1e-7))["jvp"])
        XCTAssertLessThan(try XCTUnwrap(jvp.finiteDifferenceError), CheckTolerances.standard.finiteDifference)
        XCTAssertGreaterThan(try XCTUnwrap(jvp.complexStepError), 5e-8)
        XCTAssertFalse(jvp.passed)
    }

    func testGradientAndHessianVectorProduct() throws {
        // g(x, y) = x²·y + sin(y): ∇g = (2xy, x² + cos y), H = [[2y, 2x], [2x, −sin y]].
        func gradient(_ x: Double, _ y: Double) -> [Double] { [2 * x * y, x * x + cos(y)] }
        func hessianTimes(_ x: Double, _ y: Double, _ v: [Double], bug: Double) -> [Double] {
            [2 * y * v[0] + 2 * x * v[1], 2 * x * v[0] - sin(y) * v[1] + bug]
        }
        func make(bug: Double) -> CheckSubject {
            CheckSubject(
                inputs: [[0.6], [1.1]], inputNames: ["x", "y"],
                primal: { a in [a[0][0] * a[0][0] * a[1][0] + sin(a[1][0])] },
                complexStep: { a in [a[0][0] * a[0][0] * a[1][0] + csSin(a[1][0])] },
                gradient: { a in
                    let g = gradient(a[0][0], a[1][0])
                    return (a[0][0] * a[0][0] * a[1][0] + sin(a[1][0]), [[g[0]], [g[1]]])
                },
                gradientComplexStep: { a in
                    let (x, y) = (a[0][0], a[1][0])
                    return (x * x * y + csSin(y), [[2 * x * y], [x * x + csCos(y)]])
                },
                hvp: { a, v in
                    let g = gradient(a[0][0], a[1][0])
                    let hv = hessianTimes(a[0][0], a[1][0], [v[0][0], v[1][0]], bug: bug)
                    return (a[0][0] * a[0][0] * a[1][0] + sin(a[1][0]), [[g[0]], [g[1]]], [[hv[0]], [hv[1]]])
                })
        }
        let good = checks(make(bug: 0))
        XCTAssertTrue(good["gradient"]!.passed, "\(good["gradient"]!)")
        let hvp = try XCTUnwrap(good["hvp"])
        XCTAssertTrue(hvp.passed, "\(hvp)")
        XCTAssertLessThan(try XCTUnwrap(hvp.complexStepError), 1e-14)
        XCTAssertLessThan(try XCTUnwrap(hvp.dotProductError), 1e-14)
        let bad = try XCTUnwrap(checks(make(bug: 1e-4))["hvp"])
        XCTAssertFalse(bad.passed)
        XCTAssertGreaterThan(try XCTUnwrap(bad.complexStepError), 1e-6)
        XCTAssertGreaterThan(try XCTUnwrap(bad.dotProductError), 1e-8)
    }

    /// f(x) = sin²x + cos²x + 3: the derivative is zero, computed as rounding noise by
    /// every method; the floors keep noise against noise from counting as an error.
    func testZeroDerivativesComputedAsNoisePassButTinyMistakesDoNot() throws {
        func make(bug: Double) -> CheckSubject {
            CheckSubject(
                inputs: [[0.7]], inputNames: ["x"],
                primal: { a in [sin(a[0][0]) * sin(a[0][0]) + cos(a[0][0]) * cos(a[0][0]) + 3] },
                complexStep: { a in
                    let (s, c) = (csSin(a[0][0]), csCos(a[0][0]))
                    return [s * s + c * c + 3]
                },
                jvp: { a, d in
                    let x = a[0][0]
                    let tangent = 2 * sin(x) * cos(x) * d[0][0] - 2 * cos(x) * sin(x) * d[0][0] + bug * d[0][0]
                    return ([sin(x) * sin(x) + cos(x) * cos(x) + 3], [tangent])
                },
                vjp: { a, u in
                    let x = a[0][0]
                    return ([sin(x) * sin(x) + cos(x) * cos(x) + 3], [[(2 * sin(x) * cos(x) - 2 * cos(x) * sin(x) + bug) * u[0]]])
                })
        }
        for (mode, check) in checks(make(bug: 0)) {
            XCTAssertTrue(check.passed, "\(mode): \(check)")
        }
        let wrong = checks(make(bug: 1e-9))
        XCTAssertFalse(wrong["jvp"]!.passed, "a derivative of 1e-9 where it is 0: \(wrong["jvp"]!)")
        XCTAssertFalse(wrong["vjp"]!.passed)
        XCTAssertEqual(normwiseRelativeError([0], [1e-16], floor: 1e-6), 1e-10)
        XCTAssertEqual(normwiseRelativeError([2], [1], floor: 1e-6), 0.5)
    }

    func testShapeMismatchAndNoActiveInputs() {
        var broken = subject()
        broken.vjp = { a, u in (Self.f(a[0][0], a[1]), [[0]]) }
        XCTAssertFalse(checks(broken)["vjp"]!.passed)
        XCTAssertTrue(checks(broken)["vjp"]!.notes.contains { $0.contains("shapes") })

        let constant = CheckSubject(inputs: [], inputNames: [], primal: { _ in [2] },
                                    jvp: { _, _ in ([2], [0]) })
        let results = checks(constant)
        XCTAssertEqual(results["jvp"]?.passed, true)
        XCTAssertEqual(results["jvp"]?.notes, ["no active inputs: nothing to differentiate"])
    }

    func testManyInputsUseRandomProbes() throws {
        let n = DerivativeCheck.maxUnitProbes + 6
        let x0 = (0..<n).map { 0.1 * Double($0 % 7) + 0.2 }
        let subject = CheckSubject(
            inputs: [x0], inputNames: ["x"],
            primal: { a in [a[0].reduce(0) { $0 + sin($1) }] },
            complexStep: { a in [a[0].reduce(Complex<Double>(0)) { $0 + csSin($1) }] },
            gradient: { a in (a[0].reduce(0) { $0 + sin($1) }, [a[0].map { cos($0) }]) })
        let gradient = try XCTUnwrap(checks(subject)["gradient"])
        XCTAssertTrue(gradient.passed, "\(gradient)")
        XCTAssertEqual(gradient.worstInput?.hasPrefix("random direction"), true)
    }
}
