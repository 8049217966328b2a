import Foundation
import Numerics
import XCTest
@testable import ADGenRuntime
import ADGenCheckSupport

/// Every unary builtin against its analytic derivative, written independently.
final class ComplexStepBuiltinTests: XCTestCase {
    struct Case {
        let name: String
        let cs: (Complex<Double>) -> Complex<Double>
        let real: (Double) -> Double
        let derivative: (Double) -> Double
        let points: [Double]
    }

    let h = 1e-20

    let cases: [Case] = [
        Case(name: "sin", cs: csSin, real: sin, derivative: cos, points: [-2.5, 0.3, 1, 10]),
        Case(name: "cos", cs: csCos, real: cos, derivative: { -sin($0) }, points: [-2.5, 0.3, 1, 10]),
        Case(name: "tan", cs: csTan, real: tan, derivative: { 1 / (cos($0) * cos($0)) }, points: [-1.2, 0.3, 1.4]),
        Case(name: "asin", cs: csAsin, real: asin, derivative: { 1 / sqrt(1 - $0 * $0) }, points: [-0.9, 0.2, 0.7]),
        Case(name: "acos", cs: csAcos, real: acos, derivative: { -1 / sqrt(1 - $0 * $0) }, points: [-0.9, 0.2, 0.7]),
        Case(name: "atan", cs: csAtan, real: atan, derivative: { 1 / (1 + $0 * $0) }, points: [-3, 0.5, 2]),
        Case(name: "sinh", cs: csSinh, real: sinh, derivative: cosh, points: [-2, 0.5, 3]),
        Case(name: "cosh", cs: csCosh, real: cosh, derivative: sinh, points: [-2, 0.5, 3]),
        Case(name: "tanh", cs: csTanh, real: tanh, derivative: { 1 - tanh($0) * tanh($0) }, points: [-1.5, 0.5, 1.2]),
        Case(name: "exp", cs: csExp, real: exp, derivative: exp, points: [-3, 0.2, 5]),
        Case(name: "exp2", cs: csExp2, real: exp2, derivative: { exp2($0) * log(2.0) }, points: [-3, 0.2, 5]),
        Case(name: "expm1", cs: csExpm1, real: expm1, derivative: exp, points: [-3, 1e-5, 5]),
        Case(name: "log", cs: csLog, real: log, derivative: { 1 / $0 }, points: [0.1, 2, 50]),
        Case(name: "log2", cs: csLog2, real: log2, derivative: { 1 / ($0 * log(2.0)) }, points: [0.1, 2, 50]),
        Case(name: "log10", cs: csLog10, real: log10, derivative: { 1 / ($0 * log(10.0)) }, points: [0.1, 2, 50]),
        Case(name: "log1p", cs: csLog1p, real: log1p, derivative: { 1 / (1 + $0) }, points: [-0.5, 1e-6, 3]),
        Case(name: "sqrt", cs: csSqrt, real: sqrt, derivative: { 0.5 / sqrt($0) }, points: [0.01, 2, 100]),
        Case(name: "cbrt", cs: csCbrt, real: cbrt, derivative: { 1 / (3 * pow(abs($0), 2.0 / 3.0)) },
             points: [-8, -0.3, 2.5]),
        Case(name: "abs", cs: csAbs, real: abs, derivative: { $0 < 0 ? -1 : 1 }, points: [-2.5, 0.5]),
        Case(name: "floor", cs: csFloor, real: floor, derivative: { _ in 0 }, points: [-2.5, 0.5, 3]),
        Case(name: "ceil", cs: csCeil, real: ceil, derivative: { _ in 0 }, points: [-2.5, 0.5, 3]),
        Case(name: "erf", cs: csErf, real: erf, derivative: { 2 / Double.pi.squareRoot() * exp(-$0 * $0) },
             points: [-2.5, 0.3, 1, 4]),
        Case(name: "erfc", cs: csErfc, real: erfc, derivative: { -2 / Double.pi.squareRoot() * exp(-$0 * $0) },
             points: [-2.5, 0.3, 1, 4]),
        // ψ(x) from mpmath.digamma at 40 digits.
        Case(name: "lgamma", cs: csLgamma, real: { (x: Double) -> Double in lgamma(x) },
             derivative: { [-2.5: 1.1031566406452431872, 0.3: -3.5025242222001331249, 1: -0.57721566490153286061,
                            4.5: 1.3888709263595289015][$0]! },
             points: [-2.5, 0.3, 1, 4.5]),
    ]

    func testUnaryBuiltinsMatchAnalyticDerivatives() {
        for c in cases {
            for x in c.points {
                for seed in [1.0, -0.7] {
                    let (re, im) = c.cs(Complex(x, h * seed)).rawStorage
                    XCTAssertEqual(re.bitPattern, c.real(x).bitPattern, "\(c.name)(\(x)) real part")
                    let exact = c.derivative(x) * seed
                    XCTAssertLessThanOrEqual(
                        relativeError(im / h, exact, floor: 1e-300), 1e-14,
                        "\(c.name)'(\(x)): \(im / h) vs \(exact)")
                }
            }
        }
    }

    func testUnaryBuiltinsAgreeWithFourthOrderDifferences() {
        // The fourth-order step is 7.4e-4·max(1, |x|), too coarse near 0 for log and sqrt.
        for c in cases where !["abs", "floor", "ceil"].contains(c.name) {
            for x in c.points where abs(x) >= 0.2 {
                let tangent = ComplexStep.derivative(of: c.cs, at: x)
                let reference = FiniteDifferences.derivative(of: c.real, at: x, order: .fourth)
                XCTAssertLessThan(relativeError(tangent, reference, floor: 1e-3), 1e-8, "\(c.name) at \(x)")
            }
        }
    }

    func testAgreesWithSwiftNumericsWhereItIsAccurate() {
        let pairs: [(String, (Complex<Double>) -> Complex<Double>, (Complex<Double>) -> Complex<Double>)] = [
            ("sin", csSin, { .sin($0) }), ("cos", csCos, { .cos($0) }), ("exp", csExp, { .exp($0) }),
            ("sinh", csSinh, { .sinh($0) }), ("cosh", csCosh, { .cosh($0) }), ("log", csLog, { .log($0) }),
            ("sqrt", csSqrt, { .sqrt($0) }),
        ]
        for (name, ours, theirs) in pairs {
            for x in [0.3, 1.7, 4.0] {
                let z = Complex(x, h)
                let a = ours(z).rawStorage
                let b = theirs(z).rawStorage
                XCTAssertLessThanOrEqual(relativeError(a.x, b.x, floor: 1e-300), 1e-15, "\(name) real at \(x)")
                XCTAssertLessThanOrEqual(relativeError(a.y, b.y, floor: 1e-300), 1e-14, "\(name) imag at \(x)")
            }
        }
    }

    func testAtanDerivativeIsNotZeroUnlikeSwiftNumerics() {
        let ours = csAtan(Complex(2, h)).rawStorage.y / h
        XCTAssertEqual(ours, 0.2, accuracy: 1e-16)
    }

    func testZeroTangentGivesExactZeroEvenWhereDerivativeIsInfinite() {
        XCTAssertEqual(csSqrt(Complex(0, 0)).rawStorage.y, 0)
        XCTAssertEqual(csLog(Complex(0, 0)).rawStorage.x, -.infinity)
        XCTAssertEqual(csLog(Complex(0, 0)).rawStorage.y, 0)
        XCTAssertEqual(csAsin(Complex(1, 0)).rawStorage.y, 0)
    }

    func testInfiniteValuesStayInfinite() {
        let (re, im) = csExp(Complex(1000, h)).rawStorage
        XCTAssertEqual(re, .infinity)
        XCTAssertEqual(im, .infinity)
    }

    func testPolygammaIsFirstOrderInTheOrderAbove() {
        for (n, x) in [(0, 0.7), (1, 3.2), (0, -2.4), (2, 11.5)] {
            let (re, im) = csPolygamma(n, Complex(x, h)).rawStorage
            XCTAssertEqual(re, polygamma(n, x))
            XCTAssertEqual(im / h, polygamma(n + 1, x), accuracy: 1e-15 * abs(polygamma(n + 1, x)))
        }
    }

    /// Every function of the table is tested here; that the table is `Builtin.allCases`
    /// is ADGenCheckTests' `BuiltinTableTests.testNamingTableIsBuiltinAllCases`.
    func testNamingTableCoversEveryBuiltin() {
        let table = Dictionary(uniqueKeysWithValues: ComplexStepNames.builtins.map { ($0.builtin, $0.function) })
        XCTAssertEqual(table["log1p"], "csLog1p")
        XCTAssertEqual(table["atan2"], "csAtan2")
        XCTAssertEqual(table["exp2"], "csExp2")
        let unaryTested = Set(cases.map { "cs" + $0.name.prefix(1).uppercased() + $0.name.dropFirst() })
        let binary: Set = ["csAtan2", "csPow", "csHypot", "csMin", "csMax", "csPolygamma"]
        XCTAssertEqual(unaryTested.union(binary), Set(table.values))
        XCTAssertEqual(ComplexStepNames.comparisons.count, 6)
    }
}
