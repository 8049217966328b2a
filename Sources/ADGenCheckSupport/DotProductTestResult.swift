/// The outcome of a ``DotProductTest``: `⟨J·v, u⟩` against `⟨v, Jᵀ·u⟩`.
public struct DotProductTestResult: Sendable, Equatable, CustomStringConvertible {
    /// `⟨J·v, u⟩`, from the JVP.
    public let forward: Double
    /// `⟨v, Jᵀ·u⟩`, from the VJP.
    public let reverse: Double
    /// The larger of `Σ|(J·v)ᵢ·uᵢ|` and `Σ|vⱼ·(Jᵀ·u)ⱼ|`: the size that rounding errors
    /// in the two sums scale with.
    public let scale: Double
    /// The tolerance ``passed`` uses.
    public let tolerance: Double

    /// Creates a result from the two inner products, their scale and the tolerance.
    public init(forward: Double, reverse: Double, scale: Double, tolerance: Double) {
        self.forward = forward
        self.reverse = reverse
        self.scale = scale
        self.tolerance = tolerance
    }

    /// ``relativeError(_:_:floor:)`` of the two products with ``scale`` as the floor,
    /// so cancellation inside the sums is not mistaken for a mismatch.
    public var relativeDifference: Double {
        relativeError(forward, reverse, floor: scale)
    }

    /// Whether ``relativeDifference`` is at most ``tolerance``.
    public var passed: Bool {
        relativeDifference <= tolerance
    }

    /// One line: verdict and both inner products.
    public var description: String {
        "dot-product test \(passed ? "passed" : "FAILED"): <Jv,u> = \(forward), "
            + "<v,JTu> = \(reverse), relative difference \(relativeDifference)"
    }
}
