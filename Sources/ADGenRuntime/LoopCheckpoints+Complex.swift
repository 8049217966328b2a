import Numerics

/// Snapshots of complex-step code (`fGradientComplexStep` of a checkpointed gradient,
/// Docs/Checking.md): a `Complex<Double>` is stored as its real and imaginary parts.
extension LoopCheckpoints {
    public func save(_ value: Complex<Double>) {
        save(value.real)
        save(value.imaginary)
    }

    public func save(_ values: [Complex<Double>]) {
        save(values.map(\.real))
        save(values.map(\.imaginary))
    }

    public func load() -> Complex<Double> {
        let real: Double = load()
        let imaginary: Double = load()
        return Complex(real, imaginary)
    }

    public func load() -> [Complex<Double>] {
        let real: [Double] = load()
        let imaginary: [Double] = load()
        return zip(real, imaginary).map { Complex($0, $1) }
    }
}
