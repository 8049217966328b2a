/// Central differences whose step is chosen from several candidates by how well
/// neighbouring estimates agree.
extension FiniteDifferences {
    /// The step factors tried by ``directionalDerivativeWithStepSelection(of:at:along:order:factors:)``,
    /// largest first, relative to the nominal step of
    /// ``directionalDerivative(of:at:along:order:)``.
    public static let selectionFactors: [Double] = [4, 1, 1.0 / 4, 1.0 / 16, 1.0 / 64]

    /// A directional derivative `J(x)·v` with the step chosen at run time.
    ///
    /// The stencil is evaluated at `h = factor · r · max(1, ‖x‖∞) / ‖v‖∞` for every
    /// factor in `factors` (largest first). Truncation error shrinks and rounding error
    /// grows as `h` falls, so two neighbouring estimates agree best where both are
    /// small: the smaller-step estimate of the best-agreeing pair is returned, with its
    /// step and the pair's disagreement (`spread`, normwise relative), which estimates
    /// the returned value's own error. Near a kink (`abs`, `min`, a branch) the small
    /// steps stay on one side, so the selection also avoids differencing across it.
    ///
    /// For example: for `f(x) = [exp(10·x)]` at `x = 1` the fourth-order estimate has
    /// a relative error below 1e-10, where the nominal step alone gives about 1e-8.
    public static func directionalDerivativeWithStepSelection(
        of f: VectorFunction,
        at x: [Double],
        along v: [Double],
        order: FiniteDifferenceOrder = .fourth,
        factors: [Double] = selectionFactors
    ) -> (estimate: [Double], step: Double, spread: Double) {
        precondition(!factors.isEmpty, "at least one step factor is needed")
        let vNorm = maxNorm(v)
        guard vNorm > 0 else { return ([Double](repeating: 0, count: f(x).count), 0, 0) }
        let nominal = order.relativeStep * Swift.max(1, maxNorm(x)) / vNorm
        let steps = factors.map { $0 * nominal }
        let estimates = steps.map { centralDifference(of: f, at: x, along: v, step: $0, order: order) }
        guard estimates.count > 1 else { return (estimates[0], steps[0], .nan) }
        var best = 1
        var bestSpread = Double.infinity
        for index in 1..<estimates.count {
            let spread = normwiseRelativeError(estimates[index], estimates[index - 1])
            if spread < bestSpread || (bestSpread.isNaN && !spread.isNaN) {
                best = index
                bestSpread = spread
            }
        }
        return (estimates[best], steps[best], bestSpread)
    }
}
