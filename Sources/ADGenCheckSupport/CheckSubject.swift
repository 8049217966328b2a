import Numerics
import ADGenRuntime

/// The active inputs of a function under check: one entry per active parameter, in
/// parameter order; a `Double` parameter is a one-element entry.
public typealias CheckInputs = [[Double]]
/// ``CheckInputs`` in complex arithmetic, for complex-step variants.
public typealias ComplexCheckInputs = [[Complex<Double>]]

/// One function under check at one point: its active inputs and closures around the
/// generated functions (inactive arguments captured). A missing closure skips that
/// mode's checks; `reference` (the user's own code) defaults to `primal`.
///
/// For example, for `f(x: Double, w: [Double], n: Int)` with `x` and `w` active:
///
///     CheckSubject(inputs: [[0.5], w], inputNames: ["x", "w"],
///                  primal: { a in [f(x: a[0][0], w: a[1], n: 3)] },
///                  complexStep: { a in [fComplexStep(x: a[0][0], w: a[1], n: 3)] })
public struct CheckSubject {
    public var inputs: CheckInputs
    public var inputNames: [String]
    /// `name: value, …` of every argument, shown for failing points.
    public var arguments: String
    public var primal: (CheckInputs) -> [Double]
    public var reference: ((CheckInputs) -> [Double])?
    public var complexStep: ((ComplexCheckInputs) -> [Complex<Double>])?
    public var jvp: ((CheckInputs, CheckInputs) -> (value: [Double], tangent: [Double]))?
    public var vjp: ((CheckInputs, [Double]) -> (value: [Double], adjoints: CheckInputs))?
    public var gradient: ((CheckInputs) -> (value: Double, gradient: CheckInputs))?
    public var gradientComplexStep: ((ComplexCheckInputs) -> (value: Complex<Double>, gradient: ComplexCheckInputs))?
    public var hvp: ((CheckInputs, CheckInputs) -> (value: Double, gradient: CheckInputs, hv: CheckInputs))?
    /// `fJacobian`: the value and the row-major Jacobian over the flat active entries.
    public var jacobian: ((CheckInputs) -> (value: [Double], jacobian: [Double]))?
    /// `fHessian`: the value, flat gradient and row-major Hessian.
    public var hessian: ((CheckInputs) -> (value: Double, gradient: [Double], hessian: [Double]))?
    /// `fHessianTrace(…, probes:, seed:)`.
    public var hessianTrace: ((CheckInputs, Int, UInt64) -> (value: Double, trace: Double, standardError: Double))?

    public init(
        inputs: CheckInputs,
        inputNames: [String],
        arguments: String = "",
        primal: @escaping (CheckInputs) -> [Double],
        reference: ((CheckInputs) -> [Double])? = nil,
        complexStep: ((ComplexCheckInputs) -> [Complex<Double>])? = nil,
        jvp: ((CheckInputs, CheckInputs) -> (value: [Double], tangent: [Double]))? = nil,
        vjp: ((CheckInputs, [Double]) -> (value: [Double], adjoints: CheckInputs))? = nil,
        gradient: ((CheckInputs) -> (value: Double, gradient: CheckInputs))? = nil,
        gradientComplexStep: ((ComplexCheckInputs) -> (value: Complex<Double>, gradient: ComplexCheckInputs))? = nil,
        hvp: ((CheckInputs, CheckInputs) -> (value: Double, gradient: CheckInputs, hv: CheckInputs))? = nil,
        jacobian: ((CheckInputs) -> (value: [Double], jacobian: [Double]))? = nil,
        hessian: ((CheckInputs) -> (value: Double, gradient: [Double], hessian: [Double]))? = nil,
        hessianTrace: ((CheckInputs, Int, UInt64) -> (value: Double, trace: Double, standardError: Double))? = nil
    ) {
        precondition(inputs.count == inputNames.count, "one name per active input")
        self.inputs = inputs
        self.inputNames = inputNames
        self.arguments = arguments
        self.primal = primal
        self.reference = reference
        self.complexStep = complexStep
        self.jvp = jvp
        self.vjp = vjp
        self.gradient = gradient
        self.gradientComplexStep = gradientComplexStep
        self.hvp = hvp
        self.jacobian = jacobian
        self.hessian = hessian
        self.hessianTrace = hessianTrace
    }
}

/// Flattening ``CheckInputs`` to one vector and back.
struct InputLayout {
    let counts: [Int]
    let names: [String]

    init(_ inputs: CheckInputs, names: [String]) {
        counts = inputs.map(\.count)
        self.names = names
    }

    var total: Int { counts.reduce(0, +) }

    func flatten<T>(_ inputs: [[T]]) -> [T] { inputs.flatMap { $0 } }

    func unflatten<T>(_ flat: [T]) -> [[T]] {
        var result: [[T]] = []
        var start = 0
        for count in counts {
            result.append(Array(flat[start..<(start + count)]))
            start += count
        }
        return result
    }

    /// Whether `inputs` has this layout's shape.
    func matches<T>(_ inputs: [[T]]) -> Bool { inputs.map(\.count) == counts }

    /// `w[3]` for flat index 3 of `w`, `x` for a scalar parameter.
    func name(ofFlatIndex index: Int) -> String {
        var start = 0
        for (name, count) in zip(names, counts) {
            if index < start + count { return count == 1 ? name : "\(name)[\(index - start)]" }
            start += count
        }
        return "#\(index)"
    }
}
