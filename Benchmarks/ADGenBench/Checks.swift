// Correctness checks run before any timing: a benchmark of a wrong gradient is
// worthless, so any failure stops the run.
import Foundation

/// Largest |a_i − b_i| over the largest |b_i|: the error relative to the gradient's
/// scale, so that entries near zero are not held to an impossible standard.
func relativeDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    var largestDifference = 0.0
    var scale = 0.0
    for i in 0..<b.count {
        largestDifference = max(largestDifference, abs(a[i] - b[i]))
        scale = max(scale, abs(b[i]))
    }
    if largestDifference == 0 { return 0 }
    if largestDifference.isNaN { return .infinity }
    return largestDifference / max(scale, Double.leastNormalMagnitude)
}

/// Compares `result` with the hand-written `reference`: value and every gradient must
/// agree to `tolerance` relative. Returns the worst relative difference found, or
/// nil (after printing what disagreed) on a mismatch.
func agreement(
    of result: GradientResult, with reference: GradientResult,
    names: [String], tolerance: Double
) -> Double? {
    var worst = relativeDifference([result.value], [reference.value])
    var mismatches: [String] = []
    if worst > tolerance {
        mismatches.append("value \(result.value) vs \(reference.value)")
    }
    if result.gradients.count != reference.gradients.count {
        mismatches.append("\(result.gradients.count) gradients vs \(reference.gradients.count)")
    } else {
        for (index, name) in names.enumerated() {
            let difference = relativeDifference(result.gradients[index], reference.gradients[index])
            worst = max(worst, difference)
            if difference > tolerance {
                mismatches.append("d\(name) differs by \(difference) relative")
            }
        }
    }
    if mismatches.isEmpty { return worst }
    for line in mismatches { print("    MISMATCH: \(line)") }
    return nil
}

/// Checks the hand-written gradient against central finite differences of the
/// primal on a few random coordinates of every active parameter. Returns the worst
/// error relative to the tolerance (≤ 1 passes), or nil on a mismatch.
func finiteDifferenceAgreement(
    of kernel: KernelCase, gradient: GradientResult, coordinatesPerParameter: Int = 4
) -> Double? {
    var rng = SplitMix64(seed: 0xF1D1)
    let base = kernel.activeValues
    let value = kernel.primalAt(base)
    var worst = 0.0
    var passed = true
    for (parameter, name) in kernel.activeNames.enumerated() {
        let count = base[parameter].count
        for _ in 0..<min(coordinatesPerParameter, count) {
            let index = rng.index(below: count)
            let x = base[parameter][index]
            let h = 1e-6 * max(1.0, abs(x))
            var shifted = base
            shifted[parameter][index] = x + h
            let plus = kernel.primalAt(shifted)
            shifted[parameter][index] = x - h
            let minus = kernel.primalAt(shifted)
            let estimate = (plus - minus) / (2 * h)
            let exact = gradient.gradients[parameter][index]
            // Truncation (h²) plus round-off (ε·|f|/h), with a wide margin.
            let tolerance = 1e-6 * max(1.0, abs(exact)) + 1e-8 * abs(value)
            let error = abs(estimate - exact) / tolerance
            worst = max(worst, error)
            if !(error <= 1) {
                print("    MISMATCH: d\(name)[\(index)] = \(exact), finite differences \(estimate)")
                passed = false
            }
        }
    }
    return passed ? worst : nil
}

/// Runs every check of one kernel, printing one line per check; false on a failure.
func verify(_ kernel: KernelCase, tolerance: Double = 1e-8) -> Bool {
    let reference = kernel.hand.compute()
    var ok = true

    let primalValue = kernel.primal()
    let primalDifference = relativeDifference([primalValue], [reference.value])
    let primalOK = primalDifference <= tolerance
    ok = ok && primalOK
    print(String(format: "  %@ hand value vs primal: rel diff %.1e", primalOK ? "ok  " : "FAIL", primalDifference))

    if let fd = finiteDifferenceAgreement(of: kernel, gradient: reference) {
        print(String(format: "  ok   hand gradient vs central finite differences: worst error %.3f of the tolerance", fd))
    } else {
        print("  FAIL hand gradient vs central finite differences")
        ok = false
    }

    let variants: [(String, GradientVariant?)] = [("adgen", kernel.adgen), ("Swift AD", kernel.swiftAD)]
    for (name, variant) in variants {
        guard let variant else {
            print("  --   \(name): not available for this kernel")
            continue
        }
        if let difference = agreement(
            of: variant.compute(), with: reference, names: kernel.activeNames, tolerance: tolerance)
        {
            print(String(format: "  ok   %@ vs hand: worst rel diff %.1e", name, difference))
        } else {
            print("  FAIL \(name) vs hand (tolerance \(tolerance) relative)")
            ok = false
        }
    }
    return ok
}
