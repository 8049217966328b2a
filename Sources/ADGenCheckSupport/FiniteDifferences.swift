/// A function from `n` inputs to `m` outputs; scalar functions have `m = 1`.
public typealias VectorFunction = ([Double]) -> [Double]

/// Central finite differences on ``VectorFunction`` closures.
///
/// Steps follow ``FiniteDifferenceOrder/step(at:)``: per input for Jacobians and
/// gradients, and for directions as described in
/// ``directionalDerivative(of:at:along:order:)``.
///
/// For example:
/// `FiniteDifferences.jacobian(of: { [$0[0] * $0[1]] }, at: [2, 3])` is about `[[3, 2]]`.
public enum FiniteDifferences {
    /// The central difference of `f` at `x` along `direction` with the explicit step `h`:
    /// an approximation of `J(x)·direction` with truncation error `O(hᵖ)`, `p` the order.
    public static func centralDifference(
        of f: VectorFunction,
        at x: [Double],
        along direction: [Double],
        step h: Double,
        order: FiniteDifferenceOrder = .second
    ) -> [Double] {
        precondition(x.count == direction.count, "direction must have one entry per input")
        let stencil = order.stencil
        var sum: [Double] = []
        for point in stencil.points {
            let shift = point.offset * h
            let values = f(zip(x, direction).map { $0 + shift * $1 })
            if sum.isEmpty { sum = [Double](repeating: 0, count: values.count) }
            precondition(values.count == sum.count, "f must return the same count every time")
            for i in values.indices { sum[i] += point.weight * values[i] }
        }
        let scale = stencil.divisor * h
        return sum.map { $0 / scale }
    }

    /// The directional derivative `J(x)·v` of `f`.
    ///
    /// The step is `h = r · max(1, ‖x‖∞) / ‖v‖∞` (`r` from ``FiniteDifferenceOrder``),
    /// so the largest coordinate moves by the step its own size calls for. A zero
    /// direction gives an exact zero vector.
    public static func directionalDerivative(
        of f: VectorFunction,
        at x: [Double],
        along v: [Double],
        order: FiniteDifferenceOrder = .second
    ) -> [Double] {
        let vNorm = v.reduce(0) { Swift.max($0, Swift.abs($1)) }
        guard vNorm > 0 else { return [Double](repeating: 0, count: f(x).count) }
        let xNorm = x.reduce(0) { Swift.max($0, Swift.abs($1)) }
        let h = order.relativeStep * Swift.max(1, xNorm) / vNorm
        return centralDifference(of: f, at: x, along: v, step: h, order: order)
    }

    /// One column of the Jacobian: `∂f/∂xⱼ` with the per-input step `order.step(at: x[j])`.
    public static func jacobianColumn(
        of f: VectorFunction,
        at x: [Double],
        input j: Int,
        order: FiniteDifferenceOrder = .second
    ) -> [Double] {
        var unit = [Double](repeating: 0, count: x.count)
        unit[j] = 1
        return centralDifference(of: f, at: x, along: unit, step: order.step(at: x[j]), order: order)
    }

    /// The full `m × n` Jacobian, computed one column (one input) at a time.
    ///
    /// - Returns: rows, `J[i][j] = ∂fᵢ/∂xⱼ`.
    public static func jacobian(
        of f: VectorFunction,
        at x: [Double],
        order: FiniteDifferenceOrder = .second
    ) -> [[Double]] {
        let columns = x.indices.map { jacobianColumn(of: f, at: x, input: $0, order: order) }
        let m = columns.first?.count ?? f(x).count
        return (0..<m).map { i in columns.map { $0[i] } }
    }

    /// The gradient of a scalar function, one input at a time.
    public static func gradient(
        of f: ([Double]) -> Double,
        at x: [Double],
        order: FiniteDifferenceOrder = .second
    ) -> [Double] {
        x.indices.map { jacobianColumn(of: { [f($0)] }, at: x, input: $0, order: order)[0] }
    }

    /// The derivative of a scalar function of one variable.
    public static func derivative(
        of f: (Double) -> Double,
        at x: Double,
        order: FiniteDifferenceOrder = .second
    ) -> Double {
        jacobianColumn(of: { [f($0[0])] }, at: [x], input: 0, order: order)[0]
    }
}
