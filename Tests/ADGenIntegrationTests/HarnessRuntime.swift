/// The fixed part of the compiled fixture program: PRNG, finite differences, error
/// metrics and the checks themselves. The generated per-fixture drivers only build
/// arguments and closures around the generated and reference functions and call
/// `Harness.run`; every numeric decision lives here, in one place.
///
/// Output protocol (one line per event, tab-separated, read by `DriverOutput`):
///
///     START   fixture function line point
///     RESULT  fixture function line point mode metric value tolerance pass|FAIL [arguments]
///     SUMMARY results failures
enum HarnessRuntime {
    static let fileName = "Harness.swift"

    static let source = #"""
import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): deterministic, seedable, platform-independent.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// `rand(lo...hi)`.
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// `rand(k, lo...hi)`.
    mutating func array(_ count: Int, _ lo: Double, _ hi: Double) -> [Double] {
        var values: [Double] = []
        for _ in 0..<count { values.append(uniform(lo, hi)) }
        return values
    }

    /// A random direction with the shapes of `inputs`, uniform in [-1, 1].
    mutating func direction(like inputs: [[Double]]) -> [[Double]] {
        var result: [[Double]] = []
        for input in inputs { result.append(array(input.count, -1, 1)) }
        return result
    }
}

/// Active inputs, one entry per active parameter in parameter order; a `Double`
/// parameter is a one-element entry.
typealias Inputs = [[Double]]
typealias PrimalFunction = (Inputs) -> [Double]
typealias JVPFunction = (Inputs, Inputs) -> (value: [Double], tangent: [Double])
typealias VJPFunction = (Inputs, [Double]) -> (value: [Double], adjoints: Inputs)
typealias GradientFunction = (Inputs) -> (value: Double, gradient: Inputs)
typealias HVPFunction = (Inputs, Inputs) -> (value: Double, gradient: Inputs, hv: Inputs)

struct CheckContext {
    let fixture: String
    let function: String
    let line: Int
    let point: Int
    let arguments: String
}

enum Tolerance {
    /// 4th-order central differences against derivatives (JVP tangent, VJP and
    /// gradient projections, HVP against differences of the gradient).
    static let finiteDifference = 1e-6
    /// ⟨J·da, u⟩ against Σ⟨da_i, (Jᵀu)_i⟩: exact up to rounding.
    static let dotProduct = 1e-10
    /// fGradient against fVJP(seed: 1), fHVP's gradient part against fGradient,
    /// and the `value` of fVJP/fGradient/fHVP against the primal.
    static let sameQuantity = 1e-12
    /// ⟨w, H v⟩ against ⟨v, H w⟩.
    static let symmetry = 1e-8
}

/// Base step of the finite differences: the largest move of any input is
/// `fdStep * max(1, |x|∞)`. Measured against exact (hyper-dual) derivatives of every
/// fixture: with 1e-3 the truncation error of unrolled_gd's fitSlope/fitSlopeMomentum
/// (polynomials of degree ~20 in lr) reaches 7e-6; it falls as h⁴, and at 2e-4 the worst
/// error over the corpus is ~1e-8 (rounding, not truncation, dominates below ~1e-4).
let fdStep = 2e-4

func maxNorm(_ values: [Double]) -> Double {
    var result = 0.0
    for value in values where !(abs(value) <= result) { result = abs(value) }
    return result
}

/// max_i |a_i − b_i| / max(|a_i|, |b_i|, 1e-6·scale), scale = max(1, |b|∞), where `b`
/// is the reference (the finite-difference side when there is one). Infinity for
/// NaN or mismatched counts.
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(1, maxNorm(b))
    var worst = 0.0
    for i in 0..<a.count where a[i] != b[i] {
        let error = abs(a[i] - b[i]) / max(abs(a[i]), abs(b[i]), 1e-6 * scale)
        if error.isNaN { return .infinity }
        worst = max(worst, error)
    }
    return worst
}

func relativeError(_ a: Double, _ b: Double) -> Double { relativeError([a], [b]) }

func flatten(_ inputs: Inputs) -> [Double] {
    var result: [Double] = []
    for input in inputs { result.append(contentsOf: input) }
    return result
}

/// Σ_i ⟨a_i, b_i⟩; NaN when the shapes differ.
func dot(_ a: Inputs, _ b: Inputs) -> Double {
    guard a.count == b.count else { return .nan }
    var sum = 0.0
    for i in 0..<a.count {
        guard a[i].count == b[i].count else { return .nan }
        for j in 0..<a[i].count { sum += a[i][j] * b[i][j] }
    }
    return sum
}

func dot(_ a: [Double], _ b: [Double]) -> Double { dot([a], [b]) }

func sameShape(_ a: Inputs, _ b: Inputs) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.count == $1.count }
}

/// x + s·d.
func displaced(_ x: Inputs, _ d: Inputs, _ s: Double) -> Inputs {
    var result = x
    for i in 0..<x.count {
        for j in 0..<x[i].count { result[i][j] = x[i][j] + s * d[i][j] }
    }
    return result
}

/// The step h of a difference along d: moves no input by more than fdStep·max(1, |x|∞).
func differenceStep(_ x: Inputs, _ d: Inputs) -> Double {
    let dNorm = maxNorm(flatten(d))
    return dNorm > 0 ? fdStep * max(1, maxNorm(flatten(x))) / dNorm : fdStep
}

/// 4th-order central difference of f at x along d:
/// (−f(x+2hd) + 8f(x+hd) − 8f(x−hd) + f(x−2hd)) / 12h. An entry no larger than the
/// rounding error of its four values (18·ε·max|f|/12h, doubled) is 0: it cannot be told
/// from 0, and a derivative that is exactly 0 would otherwise fail against the noise
/// (5e-12 at |f| = 5, above the 1e-6 relative tolerance's absolute floor of 1e-12).
func centralDifference(_ f: PrimalFunction, _ x: Inputs, _ d: Inputs) -> [Double] {
    let h = differenceStep(x, d)
    let p2 = f(displaced(x, d, 2 * h))
    let p1 = f(displaced(x, d, h))
    let m1 = f(displaced(x, d, -h))
    let m2 = f(displaced(x, d, -2 * h))
    guard p2.count == p1.count, m1.count == p1.count, m2.count == p1.count else { return [.nan] }
    var result: [Double] = []
    for i in 0..<p1.count {
        let difference = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h)
        let largest = max(abs(p2[i]), abs(p1[i]), abs(m1[i]), abs(m2[i]))
        result.append(abs(difference) <= 3 * Double.ulpOfOne * largest / h ? 0 : difference)
    }
    return result
}

func bitsEqual(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
}

func writeLine(_ fields: [String]) {
    FileHandle.standardOutput.write(Data((fields.joined(separator: "\t") + "\n").utf8))
}

final class Harness {
    let pointCount: Int
    var results = 0
    var failures = 0

    init(pointCount: Int) { self.pointCount = pointCount }

    func start(_ c: CheckContext) {
        writeLine(["START", c.fixture, c.function, String(c.line), String(c.point)])
    }

    /// One check result; `value` is the error measure (0 is perfect).
    func report(_ c: CheckContext, _ mode: String, _ metric: String, _ value: Double, _ tolerance: Double,
                passed: Bool? = nil) {
        let ok = passed ?? (value <= tolerance)
        results += 1
        if !ok { failures += 1 }
        var fields = ["RESULT", c.fixture, c.function, String(c.line), String(c.point), mode, metric,
                      "\(value)", "\(tolerance)", ok ? "pass" : "FAIL"]
        if !ok { fields.append(c.arguments) }
        writeLine(fields)
    }

    /// Bit-for-bit comparison; the reported value is the relative difference.
    func reportBits(_ c: CheckContext, _ mode: String, _ metric: String, _ actual: [Double], _ expected: [Double]) {
        let equal = bitsEqual(actual, expected)
        let difference = relativeError(actual, expected)
        report(c, mode, metric, equal ? 0 : (difference > 0 ? difference : .infinity), 0, passed: equal)
    }

    func finish() {
        writeLine(["SUMMARY", String(results), String(failures)])
    }

    /// All checks of one point. `x0` holds the active inputs; the closures capture the
    /// inactive ones. Derived-function closures are nil when the generated file lacks them.
    func run(_ c: CheckContext, x0: Inputs, scalarResult: Bool, rng: inout SplitMix64,
             primal: PrimalFunction, reference: PrimalFunction,
             jvp: JVPFunction?, vjp: VJPFunction?, gradient: GradientFunction?, hvp: HVPFunction?) {
        start(c)
        let y = primal(x0)
        reportBits(c, "primal", "bits", y, reference(x0))
        report(c, "primal", "finite", y.allSatisfy { $0.isFinite } ? 0 : .infinity, 0)
        guard !x0.isEmpty else { return }

        let da = rng.direction(like: x0)
        let u = rng.array(y.count, -1, 1)
        let fd = centralDifference(reference, x0, da)

        var jacobianTimesDa: [Double]? = nil
        if let jvp {
            let r = jvp(x0, da)
            reportBits(c, "jvp", "value-bits", r.value, y)
            report(c, "jvp", "tangent-vs-FD", relativeError(r.tangent, fd), Tolerance.finiteDifference)
            jacobianTimesDa = r.tangent
        }

        var vjpGradient: Inputs? = nil
        if let vjp {
            let r = vjp(x0, u)
            report(c, "vjp", "value", relativeError(r.value, y), Tolerance.sameQuantity)
            report(c, "vjp", "shape", sameShape(r.adjoints, x0) ? 0 : .infinity, 0)
            let pulledBack = dot(da, r.adjoints)
            if let jacobianTimesDa {
                report(c, "vjp", "dot-product", relativeError(pulledBack, dot(jacobianTimesDa, u)),
                       Tolerance.dotProduct)
            }
            report(c, "vjp", "vs-FD", relativeError(pulledBack, dot(u, fd)), Tolerance.finiteDifference)
            if scalarResult { vjpGradient = vjp(x0, [1]).adjoints }
        }

        guard scalarResult else { return }

        var gradientAtX0: Inputs? = nil
        if let gradient {
            let g = gradient(x0)
            gradientAtX0 = g.gradient
            report(c, "gradient", "value", relativeError([g.value], y), Tolerance.sameQuantity)
            report(c, "gradient", "shape", sameShape(g.gradient, x0) ? 0 : .infinity, 0)
            if let vjpGradient {
                report(c, "gradient", "vs-VJP", relativeError(flatten(g.gradient), flatten(vjpGradient)),
                       Tolerance.sameQuantity)
            }
            report(c, "gradient", "vs-FD", relativeError(dot(g.gradient, da), fd[0]), Tolerance.finiteDifference)
        }

        if let hvp {
            let v = rng.direction(like: x0)
            let w = rng.direction(like: x0)
            let r = hvp(x0, v)
            report(c, "hvp", "value", relativeError([r.value], y), Tolerance.sameQuantity)
            report(c, "hvp", "shape", sameShape(r.gradient, x0) && sameShape(r.hv, x0) ? 0 : .infinity, 0)
            if let gradientAtX0 {
                report(c, "hvp", "gradient-vs-fGradient", relativeError(flatten(r.gradient), flatten(gradientAtX0)),
                       Tolerance.sameQuantity)
            }
            // Differences of the generated gradient: fGradient, else fVJP(seed: 1), else fHVP's own.
            let gradientFunction: PrimalFunction
            if let gradient {
                gradientFunction = { flatten(gradient($0).gradient) }
            } else if let vjp {
                gradientFunction = { flatten(vjp($0, [1]).adjoints) }
            } else {
                gradientFunction = { flatten(hvp($0, v).gradient) }
            }
            let fdHessian = centralDifference(gradientFunction, x0, v)
            report(c, "hvp", "vs-FD-of-gradient", relativeError(flatten(r.hv), fdHessian), Tolerance.finiteDifference)
            let rw = hvp(x0, w)
            report(c, "hvp", "symmetry", relativeError(dot(w, r.hv), dot(v, rw.hv)), Tolerance.symmetry)
        }
    }
}
"""#
}
