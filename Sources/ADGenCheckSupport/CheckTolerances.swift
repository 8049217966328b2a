/// The tolerances a derivative check's verdict uses; every error they bound is a
/// normwise relative error (``normwiseRelativeError(_:_:)``) or, for inner products,
/// a relative error whose floor is the sum of the absolute terms.
public struct CheckTolerances: Codable, Sendable, Equatable {
    /// Derivatives against fourth-order central differences with step selection.
    public var finiteDifference: Double
    /// Derivatives against complex step (exact up to rounding).
    public var complexStep: Double
    /// `⟨J·v, u⟩` against `⟨v, Jᵀ·u⟩`, `⟨∇f, v⟩` against the JVP, `⟨w, H·v⟩` against `⟨v, H·w⟩`.
    public var dotProduct: Double
    /// Values a derived function returns against the primal, and the primal against
    /// the user's own code.
    public var value: Double

    public init(finiteDifference: Double = 1e-6, complexStep: Double = 1e-9, dotProduct: Double = 1e-10,
                value: Double = 1e-12) {
        self.finiteDifference = finiteDifference
        self.complexStep = complexStep
        self.dotProduct = dotProduct
        self.value = value
    }

    /// The defaults of `adgen check`.
    public static let standard = CheckTolerances()
}
