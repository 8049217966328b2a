import Foundation

/// Adam on hyperparameters: one update per hypergradient. Hypergradients of different
/// entries differ by orders of magnitude; Adam's per-entry scaling lets one rate serve all.
public struct HyperAdam {
    public var rate: Double
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    public init(count: Int, rate: Double) {
        self.rate = rate
        m = [Double](repeating: 0, count: count)
        v = [Double](repeating: 0, count: count)
    }

    /// Moves `values` against `gradient` by one Adam step (β1 = 0.9, β2 = 0.999).
    public mutating func update(_ values: inout [Double], gradient: [Double]) {
        t += 1
        let c1 = 1 - pow(0.9, Double(t))
        let c2 = 1 - pow(0.999, Double(t))
        for i in values.indices {
            m[i] = 0.9 * m[i] + 0.1 * gradient[i]
            v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i]
            values[i] -= rate * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-12)
        }
    }
}
