import Foundation

/// The sizes and rates of one run of the example.
struct KernelSettings {
    var trainingCount: Int
    var validationCount: Int
    var testCount: Int
    /// Hyper-iterations: each trains `innerSteps` more momentum steps from the previous
    /// weights, then takes the implicit hypergradient and updates (log σ, log λ) once.
    var hyperIterations: Int
    var innerSteps: Int
    /// The learning rate is `rateScale / L` with L = n (1/4 + λ) + 1/4 a bound on the
    /// Hessian's largest eigenvalue (K's is at most n; the mean cross-entropy's curvature is
    /// at most 1/4): heavy-ball momentum is stable below 2 (1 + μ) / L.
    var rateScale = 1.5
    var momentum = 0.9
    var hyperRate = 0.15
    var cgIterations = 200
    var cgTolerance = 1e-6
    /// The untuned start: a wide kernel (σ = e^1.5 ≈ 4.5) and a strong penalty (λ = e^-1 ≈ 0.37).
    var initialLogWidth = 1.5
    var initialLogStrength = -1.0

    /// The learning rate for `n` training points and the strength exp(logStrength).
    func learningRate(points n: Int, logStrength: Double) -> Double {
        rateScale / (Double(n) * (0.25 + exp(logStrength)) + 0.25)
    }

    static let full = KernelSettings(trainingCount: 100, validationCount: 100, testCount: 400,
                                     hyperIterations: 40, innerSteps: 400)
    static let reduced = KernelSettings(trainingCount: 40, validationCount: 40, testCount: 100,
                                        hyperIterations: 10, innerSteps: 150)
}
