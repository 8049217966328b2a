/// The model a hypergradient differentiates through training: what a generated
/// `LOptHypergradient` supplies from its loss `L` and validation function `V`, through
/// their generated derivatives (`LGradient`, `LHVP`, `VGradient`).
///
/// "Others" are the active parameters of `L` and `V` other than the weights (for example a
/// regularization strength per weight), flattened in parameter order into one vector of
/// ``otherCount`` entries.
///
/// For example, for `L(w, lambda) = Σ (w − x)² + lambda Σ w²`: `gradient` returns
/// `2(w − x) + 2 lambda w`, and `addCurvature` adds `(2 + 2 lambda) direction` to `weights`
/// and `2 w · direction` to `others[0]`.
public protocol HypergradientProblem {
    /// The number of entries of the flattened other active parameters.
    var otherCount: Int { get }
    /// `L` and its gradient with respect to the weights, at `weights`, for the 0-based step `step`.
    func gradient(at weights: [Double], step: Int) -> (value: Double, gradient: [Double])
    /// Adds the Hessian of `L` (at `weights`, for step `step`) times `direction` (on the
    /// weights; zero on the others) into `weights` (its weight rows) and `others` (its rows of
    /// the other active parameters): one `LHVP` call.
    func addCurvature(at point: [Double], step: Int, direction: [Double], weights: inout [Double], others: inout [Double])
    /// `V` at `point`, adding its gradient into `weights` (its weight entries) and `others`.
    func addValidationGradient(at point: [Double], weights: inout [Double], others: inout [Double]) -> Double
}
