import Dispatch
import ADGenRuntime

/// A generated `LOptHypergradient` at one point, as `adgen check` checks it: the initial
/// weights and hyperparameters, the whole training run followed by the validation
/// function (`LOpt` then `V`, the oracle), and the hypergradient by a method.
///
/// For example: `validation(w, h)` trains from `w` with hyperparameters `h` and returns `V`
/// at the trained weights; `hypergradient(.unrolled)` returns `(value, dw, dh, report)`.
public struct HypergradientCheckSubject {
    public var weights: [Double]
    public var hyperparameters: [Double]
    public var hyperparameterNames: [String]
    public var methods: [HypergradientMethod]
    public var arguments: String
    public var validation: ([Double], [Double]) -> Double
    public var hypergradient: (HypergradientMethod) -> (value: Double, dw: [Double], dh: [Double], report: HypergradientReport)

    public init(weights: [Double], hyperparameters: [Double], hyperparameterNames: [String], methods: [HypergradientMethod],
                arguments: String, validation: @escaping ([Double], [Double]) -> Double,
                hypergradient: @escaping (HypergradientMethod) -> (value: Double, dw: [Double], dh: [Double], report: HypergradientReport)) {
        self.weights = weights
        self.hyperparameters = hyperparameters
        self.hyperparameterNames = hyperparameterNames
        self.methods = methods
        self.arguments = arguments
        self.validation = validation
        self.hypergradient = hypergradient
    }
}

/// The checks of one ``HypergradientCheckSubject``, one ``ModeCheck`` per method (mode
/// `hypergradient .unrolled`, ...):
///
/// - `finiteDifferenceError`: the derivatives in every hyperparameter and along a random
///   direction in the initial weights against 4th-order central differences of the whole
///   training run, normwise (not for `.implicit`, which assumes training has converged to
///   a stationary point: its difference is a note);
/// - `valueError`: the same quantities against `.unrolled`'s (`.checkpointed` must agree bit
///   for bit; `.reversible` to 1e-6; `.implicit` is not compared);
/// - notes: stored bytes, time, and for `.implicit` the CG iterations and residual.
public enum HypergradientCheck {
    public static let finiteDifferenceTolerance = 1e-5
    public static let reversibleTolerance = 1e-6

    public static func run(_ subject: HypergradientCheckSubject, rng: inout SplitMix64) -> [ModeCheck] {
        let direction = rng.uniformVector(count: subject.weights.count, in: -1...1)
        let differences = finiteDifferences(subject, direction: direction)
        let reference = quantities(subject.hypergradient(.unrolled), direction)
        return subject.methods.map { method in
            let start = DispatchTime.now().uptimeNanoseconds
            let result = subject.hypergradient(method)
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            let computed = quantities(result, direction)
            var check = ModeCheck(mode: "hypergradient \(method)")
            let fd = normwise(computed, differences)
            check.notes.append("\(method): stored \(result.report.storedBytes) bytes, \(format(milliseconds)) ms")
            if case .implicit = method {
                check.notes.append("\(method): \(result.report.cgIterations) CG iterations, residual "
                                   + "\(result.report.cgResidual); against the training run's differences \(fd) "
                                   + "(implicit differentiation assumes training has converged)")
                check.passed = !result.report.negativeCurvature
                return check
            }
            check.finiteDifferenceError = fd
            check.valueError = normwise(computed, reference)
            let agreement: Double
            switch method {
            case .checkpointed: agreement = 0
            case .reversible: agreement = reversibleTolerance
            default: agreement = .infinity
            }
            check.passed = fd <= finiteDifferenceTolerance && check.valueError! <= agreement
            return check
        }
    }

    /// `dh…` and the derivative along `direction` in the initial weights.
    static func quantities(_ result: (value: Double, dw: [Double], dh: [Double], report: HypergradientReport),
                           _ direction: [Double]) -> [Double] {
        var along = 0.0
        for i in direction.indices { along += result.dw[i] * direction[i] }
        return result.dh + [along]
    }

    /// 4th-order central differences of the training run in each hyperparameter and along `direction`.
    static func finiteDifferences(_ subject: HypergradientCheckSubject, direction: [Double]) -> [Double] {
        func central(_ step: Double, _ f: (Double) -> Double) -> Double {
            (8 * (f(step) - f(-step)) - (f(2 * step) - f(-2 * step))) / (12 * step)
        }
        var result = subject.hyperparameters.indices.map { k -> Double in
            let h = subject.hyperparameters[k]
            return central(step(h)) { e in
                var moved = subject.hyperparameters
                moved[k] = h + e
                return subject.validation(subject.weights, moved)
            }
        }
        // A small step: Adam's update g / (|g| + ε) is nearly a step function of g, so a
        // larger step can cross where a gradient entry changes sign.
        result.append(central(1e-6) { e in
            subject.validation(zip(subject.weights, direction).map { $0 + e * $1 }, subject.hyperparameters)
        })
        return result
    }

    /// A difference step for hyperparameter value `h`: 1e-4 relative, but at least 1e-6 (or
    /// a quarter of a tiny `h`: ε = 1e-8 moves the result on the scale of the gradients, not
    /// of its own size, and must stay positive), and keeping a rate below one below one.
    static func step(_ h: Double) -> Double {
        var e = h == 0 ? 1e-6 : Swift.max(1e-4 * abs(h), Swift.min(1e-6, abs(h) / 4))
        if h > 0 && h < 1 { e = Swift.min(e, (1 - h) / 20) }
        return e
    }

    /// `‖a − b‖∞ / ‖b‖∞` (the absolute difference when `b` is zero).
    static func normwise(_ a: [Double], _ b: [Double]) -> Double {
        var difference = 0.0, size = 0.0
        for i in a.indices {
            difference = Swift.max(difference, abs(a[i] - b[i]))
            size = Swift.max(size, abs(b[i]))
        }
        if difference.isNaN { return .nan }
        return size > 0 ? difference / size : difference
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return "\(scaled)"
    }
}

extension CheckSession {
    /// Runs hypergradient check `id` (when selected) at ``points`` points, like ``check(id:key:_:)``.
    public func checkHypergradient(id: Int, key: String, _ makeSubject: (inout SplitMix64) -> HypergradientCheckSubject) {
        guard selected?.contains(id) ?? true else { return }
        emit(CheckEvent(event: .start, id: id))
        var hash = FNV1a64()
        hash.combine(field: key)
        hash.combine(field: String(seed))
        for point in 0..<points {
            var rng = SplitMix64(seed: hash.value &+ UInt64(point) &* 0x9E37_79B9_7F4A_7C15)
            let subject = makeSubject(&rng)
            guard subject.validation(subject.weights, subject.hyperparameters).isFinite else {
                emit(CheckEvent(event: .invalid, id: id, point: point, note: "the validation loss after training is not finite"))
                continue
            }
            for result in HypergradientCheck.run(subject, rng: &rng) {
                emit(CheckEvent(event: .result, id: id, point: point, result: result,
                                arguments: result.passed ? nil : subject.arguments))
            }
        }
        emit(CheckEvent(event: .done, id: id))
    }
}
