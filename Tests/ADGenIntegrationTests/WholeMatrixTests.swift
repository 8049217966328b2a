import ADGenCore
import Foundation
import XCTest

/// `fJacobian`, `fHessian` and `fHessianTrace` compiled in one `swiftc` call with a
/// driver whose oracles are independent of the generated derivatives: central
/// differences of the primal and of the gradient, a Hessian known in closed form, and
/// Hutchinson's statistics over a fixed list of seeds (deterministic, never flaky).
final class WholeMatrixTests: XCTestCase {
    static let programs = """
    func spin(u: Double, v: Double) -> Double {
        return u * sin(v) + exp(u * v)
    }

    /// y[i] = sin(x[i]) * x[(i + 1) % n] + a * spin(x[i], a): a 50-input vector function.
    func chain(x: [Double], a: Double) -> [Double] {
        let n = x.count
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let next = x[(i + 1) % n]
            if x[i] > 0 {
                y[i] = sin(x[i]) * next + a * spin(u: x[i], v: a)
            } else {
                y[i] = cos(x[i]) * next - a * a
            }
        }
        return y
    }

    /// Few rows, many columns: fJacobian takes the reverse strategy.
    func moments(x: [Double]) -> [Double] {
        var s = 0.0
        var q = 0.0
        for i in 0..<x.count {
            s += x[i]
            q += x[i] * x[i] * x[i]
        }
        var y = [Double](repeating: 0, count: 2)
        y[0] = s * s
        y[1] = tanh(q)
        return y
    }

    /// 0.5 Σ w[i] x[i]² + (Σ x[i])²: Hessian diag(w) + 2 everywhere.
    func bowl(x: [Double], w: [Double]) -> Double {
        var quadratic = 0.0
        var sum = 0.0
        for i in 0..<x.count {
            quadratic += 0.5 * w[i] * x[i] * x[i]
            sum += x[i]
        }
        return quadratic + sum * sum
    }

    /// `s /= 2 + sin(s)`: forward mode names the divisor's tangent before the update.
    func shrink(x: [Double]) -> Double {
        var s = x[0]
        s /= (2.0 + sin(s))
        var q = x
        for i in 0..<q.count {
            q[i] /= 2.0 + q[i] * q[i]
        }
        return s * q[1] + q[0] * q[2]
    }

    /// Returns its argument: its lanes twin must return a copy of the argument's lanes.
    func echo(v: [Double]) -> [Double] {
        return v
    }

    /// Lane storage is shared between copies, so value semantics rest on the copies
    /// the translator writes: a callee returning its argument, a copy mutated while the
    /// original is still read, an array grown by appends, and an argument written after
    /// the call while the result is read.
    func shared(x: [Double]) -> [Double] {
        var y = echo(v: x)
        var z = y
        var grown: [Double] = []
        for i in 0..<x.count {
            y[i] = y[i] * y[i]
            grown.append(z[i] * x[i])
        }
        z[0] = 3.0 * z[0]
        var out = [Double](repeating: 0, count: x.count)
        for i in 0..<x.count {
            out[i] = y[i] + z[i] * x[i] + sin(grown[i])
        }
        var w = x
        let echoed = echo(v: w)
        w[0] = 4.0 * w[0] * w[0]
        out[1] += echoed[0] * w[0]
        return out
    }

    func sharedEnergy(x: [Double]) -> Double {
        let s = shared(x: x)
        var e = 0.0
        for i in 0..<s.count {
            e += s[i] * s[i] * x[i]
        }
        return e
    }

    func energy(x: [Double], c: Double) -> Double {
        var e = 0.0
        for i in 0..<x.count - 1 {
            let d = x[i + 1] - x[i]
            e += c * d * d * d * d + spin(u: x[i], v: c) / (1 + d * d)
        }
        return e * e
    }
    """

    static let driver = #"""
    import Foundation

    var failures = 0
    func expect(_ ok: Bool, _ name: String, _ detail: @autoclosure () -> String) {
        if ok { print("PASS \(name)") } else { failures += 1; print("FAIL \(name): \(detail())") }
    }
    func maxError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        let scale = max(1, a.map(abs).max() ?? 0, b.map(abs).max() ?? 0)
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }
    /// Central differences of `f` over flat inputs, row-major m × n.
    func differences(_ f: ([Double]) -> [Double], at x: [Double], h: Double = 1e-6) -> [Double] {
        let m = f(x).count
        var jacobian = [Double](repeating: 0, count: m * x.count)
        for j in 0..<x.count {
            var up = x, down = x
            up[j] += h
            down[j] -= h
            let (fu, fd) = (f(up), f(down))
            for i in 0..<m { jacobian[i * x.count + j] = (fu[i] - fd[i]) / (2 * h) }
        }
        return jacobian
    }
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 * 2 - 1 }
    }
    var rng = SplitMix64(state: 7)

    // Jacobians: 50 inputs plus a scalar (one forward sweep of 51 columns), and 130
    // inputs (three sweeps), against differences and against fJVP columns / fVJP rows.
    for n in [50, 130] {
        let x = (0..<n).map { _ in rng.unit() }
        let a = 0.7
        let forward = chainJacobianForward(x: x, a: a)
        let reverse = chainJacobianReverse(x: x, a: a)
        let chosen = chainJacobian(x: x, a: a)
        let fd = differences({ chain(x: Array($0.dropLast()), a: $0.last!) }, at: x + [a])
        let columns = n + 1
        expect(forward.value == chain(x: x, a: a), "chain\(n) forward value", "")
        expect(maxError(forward.jacobian, fd) < 1e-8, "chain\(n) forward vs differences", "\(maxError(forward.jacobian, fd))")
        expect(maxError(reverse.jacobian, fd) < 1e-8, "chain\(n) reverse vs differences", "\(maxError(reverse.jacobian, fd))")
        expect(chosen.jacobian == reverse.jacobian, "chain\(n): one column more than rows, so reverse mode", "")
        var jvpColumns = [Double](repeating: 0, count: n * columns)
        for j in 0..<columns {
            var dx = [Double](repeating: 0, count: n)
            if j < n { dx[j] = 1 }
            let tangent = chainJVP(x: x, a: a, dx: dx, da: j == n ? 1 : 0).tangent
            for i in 0..<n { jvpColumns[i * columns + j] = tangent[i] }
        }
        expect(maxError(forward.jacobian, jvpColumns) < 1e-14, "chain\(n) forward vs JVP columns", "\(maxError(forward.jacobian, jvpColumns))")
        var vjpRows: [Double] = []
        for i in 0..<n {
            var seed = [Double](repeating: 0, count: n)
            seed[i] = 1
            let row = chainVJP(x: x, a: a, seed: seed)
            vjpRows += row.dx + [row.da]
        }
        expect(maxError(forward.jacobian, vjpRows) < 1e-14, "chain\(n) forward vs VJP rows", "\(maxError(forward.jacobian, vjpRows))")
    }
    do {
        let x = (0..<40).map { _ in rng.unit() }
        let result = momentsJacobian(x: x)
        let fd = differences({ moments(x: $0) }, at: x)
        expect(result.jacobian == momentsJacobianReverse(x: x).jacobian, "moments wide Jacobian by reverse mode", "")
        expect(maxError(result.jacobian, fd) < 1e-8, "moments vs differences", "\(maxError(result.jacobian, fd))")
        expect(maxError(momentsJacobianForward(x: x).jacobian, fd) < 1e-8, "moments forward vs differences", "")
        let scalar = spinJacobian(u: 0.3, v: -0.8)
        let sfd = differences({ [spin(u: $0[0], v: $0[1])] }, at: [0.3, -0.8])
        expect(scalar.jacobian.count == 2 && maxError(scalar.jacobian, sfd) < 1e-8, "spin scalar Jacobian", "\(scalar.jacobian)")
        let energyX = (0..<20).map { _ in rng.unit() }
        let energyJ = energyJacobian(x: energyX, c: 0.4)
        let efd = differences({ [energy(x: Array($0.dropLast()), c: $0.last!)] }, at: energyX + [0.4])
        expect(maxError(energyJ.jacobian, efd) < 1e-8, "energy gradient as a one-row Jacobian", "\(maxError(energyJ.jacobian, efd))")
    }

    do {
        let x = [0.7, -0.4, 0.9]
        let jacobian = shrinkJacobianForward(x: x).jacobian
        expect(maxError(jacobian, differences({ [shrink(x: $0)] }, at: x)) < 1e-8, "shrink Jacobian (updates dividing by themselves)", "\(jacobian)")
        let hessian = shrinkHessian(x: x).hessian
        let fd = differences({ shrinkGradient(x: $0).dx }, at: x, h: 1e-5)
        expect(maxError(hessian, fd) < 1e-7, "shrink Hessian vs differences of the gradient", "\(maxError(hessian, fd))")
    }

    do {
        let x = (0..<9).map { _ in rng.unit() }
        let fd = differences({ shared(x: $0) }, at: x)
        let forward = sharedJacobianForward(x: x).jacobian
        expect(maxError(forward, fd) < 1e-8, "shared storage: Jacobian by vector forward mode vs differences", "\(maxError(forward, fd))")
        let hessian = sharedEnergyHessian(x: x).hessian
        let hfd = differences({ sharedEnergyGradient(x: $0).dx }, at: x, h: 1e-5)
        expect(maxError(hessian, hfd) < 1e-7, "shared storage: Hessian vs differences of the gradient", "\(maxError(hessian, hfd))")
    }

    // Hessians: symmetric to 1e-12 relative, against differences of the gradient, and in
    // closed form for the bowl; 70 active entries take two sweeps.
    for n in [5, 35] {
        let x = (0..<n).map { _ in rng.unit() }
        let c = 0.9
        let result = energyHessian(x: x, c: c)
        let size = n + 1
        var asymmetry = 0.0
        let scale = result.hessian.map(abs).max()!
        for i in 0..<size { for j in 0..<size { asymmetry = max(asymmetry, abs(result.hessian[i * size + j] - result.hessian[j * size + i]) / scale) } }
        expect(asymmetry <= 1e-12, "energy\(n) Hessian symmetric", "\(asymmetry)")
        let gradient = energyGradient(x: x, c: c)
        expect(maxError(result.gradient, gradient.dx + [gradient.dc]) < 1e-14, "energy\(n) gradient", "")
        let fd = differences({ let g = energyGradient(x: Array($0.dropLast()), c: $0.last!); return g.dx + [g.dc] }, at: x + [c], h: 1e-5)
        expect(maxError(result.hessian, fd) < 1e-7, "energy\(n) Hessian vs differences of the gradient", "\(maxError(result.hessian, fd))")
    }
    let bowlX = (0..<35).map { _ in rng.unit() }
    let bowlW = (0..<35).map { _ in 1.5 + rng.unit() }
    do {
        // Active entries: x then w; ∂²/∂x∂x = diag(w) + 2, ∂²/∂x_i∂w_i = x_i, ∂²/∂w∂w = 0.
        let n = bowlX.count
        let size = 2 * n
        var exact = [Double](repeating: 0, count: size * size)
        for i in 0..<n {
            for j in 0..<n { exact[i * size + j] = (i == j ? bowlW[i] : 0) + 2 }
            exact[i * size + n + i] = bowlX[i]
            exact[(n + i) * size + i] = bowlX[i]
        }
        let result = bowlHessian(x: bowlX, w: bowlW)
        expect(maxError(result.hessian, exact) < 1e-14, "bowl Hessian in closed form", "\(maxError(result.hessian, exact))")
    }

    // Hutchinson: the documented probes (sign of SplitMix64 output p·n + i), the
    // estimate within 3 standard errors for nearly every seed of a fixed list, and the
    // standard error shrinking as 1/√probes.
    let exactTrace = bowlW.reduce(0, +) + 2 * Double(bowlX.count)
    do {
        var stream = SplitMix64(state: 99)
        var probes: [[Double]] = []
        for _ in 0..<3 { probes.append((0..<(2 * bowlX.count)).map { _ in stream.next() >> 63 == 0 ? 1.0 : -1.0 }) }
        let n = bowlX.count
        let samples = probes.map { v -> Double in
            var q = 0.0
            for i in 0..<n {
                for j in 0..<n { q += v[i] * ((i == j ? bowlW[i] : 0) + 2) * v[j] }
                q += 2 * v[i] * bowlX[i] * v[n + i]
            }
            return q
        }
        let mean = samples.reduce(0, +) / 3
        let sd = sqrt(samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2)
        let result = bowlHessianTrace(x: bowlX, w: bowlW, probes: 3, seed: 99)
        expect(abs(result.trace - mean) < 1e-10 && abs(result.standardError - sd / sqrt(3)) < 1e-10,
               "trace probes follow the documented SplitMix64 stream", "\(result) vs \(mean), \(sd / sqrt(3))")
        expect(result.value == bowl(x: bowlX, w: bowlW), "trace value", "")
    }
    var within = 0
    var worst = 0.0
    var errors64: [Double] = []
    var errors1024: [Double] = []
    for seed in UInt64(1)...40 {
        let estimate = bowlHessianTrace(x: bowlX, w: bowlW, probes: 100, seed: seed)
        let z = abs(estimate.trace - exactTrace) / estimate.standardError
        if z <= 3 { within += 1 }
        worst = max(worst, z)
        errors64.append(bowlHessianTrace(x: bowlX, w: bowlW, probes: 64, seed: seed).standardError)
        errors1024.append(bowlHessianTrace(x: bowlX, w: bowlW, probes: 1024, seed: seed).standardError)
    }
    expect(within >= 37 && worst < 5, "Hutchinson within 3 standard errors (40 seeds)", "\(within)/40, worst \(worst)")
    let ratio = errors64.reduce(0, +) / errors1024.reduce(0, +)
    expect(abs(ratio - 4) < 0.6, "standard error shrinks as 1/sqrt(probes)", "64 → 1024 probes: ratio \(ratio)")
    let energyX = (0..<12).map { _ in rng.unit() }
    let energyH = energyHessian(x: energyX, c: 0.5)
    let energyTrace = (0..<13).reduce(0.0) { $0 + energyH.hessian[$1 * 13 + $1] }
    var energyWithin = 0
    for seed in UInt64(100)..<120 {
        let estimate = energyHessianTrace(x: energyX, c: 0.5, probes: 200, seed: seed)
        if abs(estimate.trace - energyTrace) <= 3 * estimate.standardError { energyWithin += 1 }
    }
    expect(energyWithin >= 18, "Hutchinson on energy within 3 standard errors (20 seeds)", "\(energyWithin)/20")
    let same = energyHessianTrace(x: energyX, c: 0.5, probes: 70, seed: 5)
    let again = energyHessianTrace(x: energyX, c: 0.5, probes: 70, seed: 5)
    expect(same.trace == again.trace, "trace deterministic for a seed", "")
    exit(failures == 0 ? 0 : 1)
    """#

    func testWholeMatricesAgainstIndependentOracles() throws {
        guard let swiftc = Toolchain.swiftc() else { throw XCTSkip("swiftc not found") }
        var options = Pipeline.Options(modes: Set(Pipeline.Mode.standard + Pipeline.Mode.further))
        options.namespace = nil
        let output = Pipeline.compile(SourceFile(path: "matrices.adg", text: Self.programs), options: options)
        let generated = try XCTUnwrap(output.swift, "\(output.diagnostics)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-matrices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try generated.write(to: directory.appendingPathComponent("Generated.swift"), atomically: true, encoding: .utf8)
        try Self.driver.write(to: directory.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let compile = try Toolchain.run(swiftc, ["-warnings-as-errors", "Generated.swift", "main.swift", "-o", "matrices"],
                                        in: directory, timeout: 240, label: "swiftc")
        XCTAssertEqual(compile.status, 0, compile.stderr)
        guard compile.status == 0 else { return }
        let run = try Toolchain.run(directory.appendingPathComponent("matrices").path, [], in: directory, timeout: 120,
                                    label: "run")
        let lines = run.stdout.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.filter { $0.hasPrefix("PASS") }.count, 30, run.stdout + run.stderr)
        for line in lines where !line.hasPrefix("PASS") { XCTFail(String(line)) }
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
