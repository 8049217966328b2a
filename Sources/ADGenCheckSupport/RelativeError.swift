/// The relative error `|a − b| / max(|a|, |b|, floor)`.
///
/// The `floor` keeps exact or near zeros from exploding: below it the measure turns
/// into an absolute error divided by `floor`. Equal values (including equal
/// infinities) give `0`; a NaN on either side gives NaN, which fails every
/// `error <= tolerance` check.
///
/// For example: `relativeError(1.0, 1.001, floor: 1e-8)` is about `1e-3`, and
/// `relativeError(0, 1e-20, floor: 1e-8)` is `1e-12`.
public func relativeError(_ a: Double, _ b: Double, floor: Double) -> Double {
    if a == b { return 0 }
    let difference = Swift.abs(a - b)
    if difference.isNaN { return .nan }
    return difference / Swift.max(Swift.abs(a), Swift.abs(b), floor)
}
