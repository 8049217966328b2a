/// What a ``GradientCheckReport`` accepts.
///
/// An entry passes when its relative error is at most ``relative`` *or* its absolute
/// error is at most ``absolute``. Relative errors use the floor
/// `relativeFloor · max(‖computed‖∞, ‖reference‖∞)`, so an entry that is tiny next to
/// the largest entry of the vector is judged against the vector's scale.
public struct GradientCheckTolerance: Sendable, Equatable {
    /// The largest accepted relative error.
    public var relative: Double
    /// The largest accepted absolute error (`0`: relative errors decide alone).
    public var absolute: Double
    /// The floor of the relative-error denominator, as a fraction of the vector's
    /// largest magnitude.
    public var relativeFloor: Double

    /// A tolerance; the defaults suit a comparison with second-order finite differences.
    public init(relative: Double = 1e-6, absolute: Double = 0, relativeFloor: Double = 1e-8) {
        self.relative = relative
        self.absolute = absolute
        self.relativeFloor = relativeFloor
    }

    /// For comparisons with complex step or between two AD modes: `1e-12` relative.
    public static let tight = GradientCheckTolerance(relative: 1e-12)

    /// For comparisons with second-order finite differences: `1e-6` relative.
    public static let finiteDifference = GradientCheckTolerance()
}
