/// The dot-product test of a forward/reverse pair: for a linear map `J` and its
/// transpose, `⟨J·v, u⟩ = ⟨v, Jᵀ·u⟩` for all `v` and `u`.
///
/// For example, with `jvp(x, v) = J·v` and `vjp(x, u) = Jᵀ·u` of the same `J`:
/// `DotProductTest.run(at: x, jvp: jvp, vjp: vjp).passed` is `true`.
public enum DotProductTest {
    /// A JVP `(x, v) -> J(x)·v` or a VJP `(x, u) -> J(x)ᵀ·u`.
    public typealias LinearMap = (_ point: [Double], _ direction: [Double]) -> [Double]

    /// The test with random directions: `v` and `u` uniform in `[-1, 1]` from
    /// ``SplitMix64`` seeded with `seed` (`v` drawn first).
    public static func run(
        at x: [Double],
        jvp: LinearMap,
        vjp: LinearMap,
        seed: UInt64 = 0x5EED,
        tolerance: Double = 1e-10
    ) -> DotProductTestResult {
        var generator = SplitMix64(seed: seed)
        let v = generator.uniformVector(count: x.count, in: -1...1)
        let jv = jvp(x, v)
        let u = generator.uniformVector(count: jv.count, in: -1...1)
        return compare(v: v, jv: jv, u: u, jtu: vjp(x, u), tolerance: tolerance)
    }

    /// The test with given directions `v` (one per input) and `u` (one per output).
    public static func run(
        at x: [Double],
        v: [Double],
        u: [Double],
        jvp: LinearMap,
        vjp: LinearMap,
        tolerance: Double = 1e-10
    ) -> DotProductTestResult {
        compare(v: v, jv: jvp(x, v), u: u, jtu: vjp(x, u), tolerance: tolerance)
    }

    /// Compares `⟨jv, u⟩` with `⟨v, jtu⟩`.
    static func compare(
        v: [Double], jv: [Double], u: [Double], jtu: [Double], tolerance: Double
    ) -> DotProductTestResult {
        precondition(jv.count == u.count, "J·v and u must have one entry per output")
        precondition(jtu.count == v.count, "Jᵀ·u and v must have one entry per input")
        let forwardTerms = zip(jv, u).map(*)
        let reverseTerms = zip(v, jtu).map(*)
        let scale = Swift.max(absoluteSum(forwardTerms), absoluteSum(reverseTerms))
        return DotProductTestResult(
            forward: forwardTerms.reduce(0, +),
            reverse: reverseTerms.reduce(0, +),
            scale: scale,
            tolerance: tolerance
        )
    }

    /// `Σ|tᵢ|`.
    static func absoluteSum(_ terms: [Double]) -> Double {
        terms.reduce(0) { $0 + Swift.abs($1) }
    }
}
