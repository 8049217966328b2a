/// `‖a − b‖∞ / max(‖a‖∞, ‖b‖∞)`: the error of a whole vector relative to its largest
/// entry, so entries that are small because of cancellation do not dominate.
///
/// Equal vectors (including two zero vectors) give 0; a NaN anywhere, or different
/// counts, give NaN; equal infinities count as equal.
///
/// For example: `normwiseRelativeError([1, 1e-20], [1, 2e-20])` is `1e-20`.
public func normwiseRelativeError(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .nan }
    var difference = 0.0
    for (x, y) in zip(a, b) where x != y {
        let d = Swift.abs(x - y)
        if d.isNaN { return .nan }
        difference = Swift.max(difference, d)
    }
    if difference == 0 { return 0 }
    return difference / Swift.max(maxNorm(a), maxNorm(b))
}

/// ``normwiseRelativeError(_:_:)`` with a lower bound on the denominator:
/// `‖a − b‖∞ / max(‖a‖∞, ‖b‖∞, floor)`. Where the true result is zero (or nearly),
/// the error is then measured against `floor` instead of against rounding noise.
///
/// For example: `normwiseRelativeError([0], [1e-16], floor: 1e-6)` is `1e-10`.
public func normwiseRelativeError(_ a: [Double], _ b: [Double], floor: Double) -> Double {
    let error = normwiseRelativeError(a, b)
    guard error > 0, floor > 0 else { return error }
    let norm = Swift.max(maxNorm(a), maxNorm(b))
    return norm >= floor ? error : error * norm / floor
}

/// The index where `|a[i] − b[i]|` is largest (a NaN counts as largest); nil when empty.
func worstEntry(_ a: [Double], _ b: [Double]) -> Int? {
    guard a.count == b.count, !a.isEmpty else { return nil }
    var worst = 0
    var worstDifference = -1.0
    for i in a.indices {
        let d = a[i] == b[i] ? 0 : Swift.abs(a[i] - b[i])
        if d.isNaN { return i }
        if d > worstDifference {
            worst = i
            worstDifference = d
        }
    }
    return worst
}

/// `max |vᵢ|`; NaN when any entry is NaN.
func maxNorm(_ v: [Double]) -> Double {
    var result = 0.0
    for x in v {
        if x.isNaN { return .nan }
        result = Swift.max(result, Swift.abs(x))
    }
    return result
}

/// `Σ aᵢ·bᵢ`.
func dotProduct(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "vectors must have the same count")
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}

/// `Σ |aᵢ·bᵢ|`: the size rounding errors of ``dotProduct(_:_:)`` scale with.
func dotProductScale(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "vectors must have the same count")
    var sum = 0.0
    for i in a.indices { sum += Swift.abs(a[i] * b[i]) }
    return sum
}
