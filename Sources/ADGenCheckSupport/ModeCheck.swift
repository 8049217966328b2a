/// The errors of one generated function (one mode) at one point, and the verdict.
/// A `nil` error is a check that does not apply (e.g. no dot product for the primal).
public struct ModeCheck: Codable, Sendable, Equatable {
    /// `primal`, `jvp`, `vjp`, `gradient`, `hvp`, `jacobian`, `hessian` or `hessianTrace`.
    public var mode: String
    public var finiteDifferenceError: Double?
    public var complexStepError: Double?
    public var dotProductError: Double?
    /// Returned values against the primal (for `primal`: the primal against the user's code).
    public var valueError: Double?
    /// The input where the complex-step error is largest, e.g. `w[3]`.
    public var worstInput: String?
    /// The entries of the complex-step comparison with the largest errors (at most
    /// ``EntryError/reported``, largest first; none when every entry agrees exactly).
    public var worstEntries: [EntryError]
    public var passed: Bool
    public var notes: [String]

    public init(mode: String, finiteDifferenceError: Double? = nil, complexStepError: Double? = nil,
                dotProductError: Double? = nil, valueError: Double? = nil, worstInput: String? = nil,
                worstEntries: [EntryError] = [], passed: Bool = true, notes: [String] = []) {
        self.mode = mode
        self.finiteDifferenceError = finiteDifferenceError
        self.complexStepError = complexStepError
        self.dotProductError = dotProductError
        self.valueError = valueError
        self.worstInput = worstInput
        self.worstEntries = worstEntries
        self.passed = passed
        self.notes = notes
    }

    /// Drops a NaN error of an oracle that is itself not finite at this point: the primal's
    /// finite differences or complex step are NaN or infinite where the function is
    /// undefined next to the point (`pow(x, y)` at x = 0 steps to x < 0, complex step
    /// takes log 0), so they cannot judge the derivative; a note says so instead of a failure.
    mutating func setAsideUndefinedOracles(finiteDifferences: Bool, complexStep: Bool) {
        if finiteDifferences, finiteDifferenceError?.isNaN == true {
            finiteDifferenceError = nil
            notes.append("finite differences are not finite at this point (the function is undefined next to it): not compared")
        }
        if complexStep, complexStepError?.isNaN == true {
            complexStepError = nil
            worstEntries = []
            worstInput = nil
            notes.append("complex step is not finite at this point: not compared")
        }
    }

    /// Sets ``passed`` from the tolerances: every present error must be within its
    /// tolerance (NaN never is).
    mutating func judge(_ tolerances: CheckTolerances) {
        func within(_ error: Double?, _ tolerance: Double) -> Bool { error.map { $0 <= tolerance } ?? true }
        passed = passed
            && within(finiteDifferenceError, tolerances.finiteDifference)
            && within(complexStepError, tolerances.complexStep)
            && within(dotProductError, tolerances.dotProduct)
            && within(valueError, tolerances.value)
    }
}
