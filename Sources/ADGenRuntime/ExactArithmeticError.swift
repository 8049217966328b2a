/// Why an exact (fixed-point) training step could not be taken.
///
/// Exact arithmetic never wraps silently: a value that leaves the range of its variable's
/// ``FixedPointScale``, or a gradient that is not finite, stops the step with this error,
/// naming the variable (`"w"`, `"momentum"`, `"m"`, `"v"` or `"gradient"`), the entry and the
/// 1-based step. The run is not usable afterwards (the failed step is half done).
///
/// The step primitives of ``ExactRun`` throw it (typed throws, so catching costs nothing on
/// the normal path). The generated `LOptExact` is not `throws` (user contract, section 7):
/// it stops the program with `fatalError(error.description)`, whose message names the
/// variable and step; call the primitives yourself to catch it instead.
///
/// For example: `ExactArithmeticError.overflow(variable: "w", index: 3, step: 17).description`
/// is `"exact arithmetic overflow: w[3] left its fixed-point range at step 17"`.
public enum ExactArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `variable[index]` left the range of its fixed-point scale during step `step` (from 1).
    case overflow(variable: String, index: Int, step: Int)
    /// `variable[index]` was NaN or infinite during step `step` (from 1).
    case nonFinite(variable: String, index: Int, step: Int)

    /// One line naming the variable, the entry and the step.
    public var description: String {
        switch self {
        case let .overflow(variable, index, step):
            return "exact arithmetic overflow: \(variable)[\(index)] left its fixed-point range at step \(step)"
        case let .nonFinite(variable, index, step):
            return "exact arithmetic: \(variable)[\(index)] is not finite at step \(step)"
        }
    }
}
