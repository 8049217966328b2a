/// The comparison of a computed derivative vector with a reference, entry by entry.
///
/// For example:
/// `GradientCheckReport(computed: [1, 2], reference: [1, 2.000001]).passed` is `true`
/// with the default tolerance (`1e-6` relative).
public struct GradientCheckReport: Sendable, Equatable, CustomStringConvertible {
    /// The derivatives under test (e.g. from adgen's reverse mode).
    public let computed: [Double]
    /// The trusted values (e.g. from complex step or finite differences).
    public let reference: [Double]
    /// The tolerance the verdict uses.
    public let tolerance: GradientCheckTolerance
    /// The relative-error floor: `relativeFloor · max(‖computed‖∞, ‖reference‖∞)`,
    /// at least the smallest normal double.
    public let floor: Double
    /// `|computed[i] − reference[i]|` per entry.
    public let absoluteErrors: [Double]
    /// ``relativeError(_:_:floor:)`` of each entry with ``floor``.
    public let relativeErrors: [Double]

    /// Compares `computed` with `reference`; both must have the same count.
    public init(
        computed: [Double],
        reference: [Double],
        tolerance: GradientCheckTolerance = .finiteDifference
    ) {
        precondition(computed.count == reference.count, "vectors must have the same count")
        self.computed = computed
        self.reference = reference
        self.tolerance = tolerance
        let scale = (computed + reference).reduce(0) { Swift.max($0, Swift.abs($1)) }
        floor = Swift.max(tolerance.relativeFloor * scale, Double.leastNormalMagnitude)
        absoluteErrors = zip(computed, reference).map { $0 == $1 ? 0 : Swift.abs($0 - $1) }
        relativeErrors = zip(computed, reference).map { [floor] in
            relativeError($0, $1, floor: floor)
        }
    }

    /// The index of the worst relative error (a NaN counts as worst), `nil` when empty.
    public var worstIndex: Int? {
        relativeErrors.indices.max { a, b in
            let (x, y) = (relativeErrors[a], relativeErrors[b])
            return x.isNaN ? false : (y.isNaN || x < y)
        }
    }

    /// The worst relative error (NaN if any entry is NaN), `0` when empty.
    public var worstRelativeError: Double {
        worstIndex.map { relativeErrors[$0] } ?? 0
    }

    /// Whether entry `i` is within ``tolerance``.
    public func entryPassed(_ i: Int) -> Bool {
        relativeErrors[i] <= tolerance.relative || absoluteErrors[i] <= tolerance.absolute
    }

    /// Whether every entry is within ``tolerance``.
    public var passed: Bool {
        computed.indices.allSatisfy(entryPassed)
    }

    /// One line: verdict, worst relative error and where.
    public var description: String {
        let verdict = passed ? "passed" : "FAILED"
        guard let i = worstIndex else { return "gradient check \(verdict): no entries" }
        return "gradient check \(verdict): worst relative error \(relativeErrors[i]) "
            + "at [\(i)] (computed \(computed[i]), reference \(reference[i]))"
    }
}
