import ADGenRuntime
import ExampleSupport
import Foundation

/// What one hyper-iteration saw: the losses at the trained weights, the hyperparameters
/// they were trained with, how stationary the weights were, and what CG reported.
struct HyperStep {
    var trainingLoss: Double
    var validationLoss: Double
    var logWidth: Double
    var logStrength: Double
    var gradientNorm: Double
    var report: HypergradientReport
}

/// The record of a tuning run: every hyper-iteration, the weights trained with the initial
/// hyperparameters and those trained with the final ones.
struct ImplicitTuningRun {
    var steps: [HyperStep] = []
    var initialW: [Double] = []
    var w: [Double] = []
    var hyper: [Double] = []
}

/// The seed's "honest" loop: train (warm-started, momentum kept), take the hypergradient
/// of the validation loss by implicit differentiation at the trained weights (CG on the
/// generated Hessian-vector products), update (log σ, log λ) by Adam, repeat.
func tuneImplicitly(data: RingsData, settings s: KernelSettings) -> ImplicitTuningRun {
    var w = [Double](repeating: 0, count: data.training.count + 1)
    var hyper = [s.initialLogWidth, s.initialLogStrength]
    var state = KlrLossMomentumState(count: w.count)
    var adam = HyperAdam(count: 2, rate: s.hyperRate)
    var run = ImplicitTuningRun()
    for iteration in 0...s.hyperIterations {
        let rate = s.learningRate(points: data.training.count, logStrength: hyper[1])
        w = klrLossMomentum(w: w, x: data.training.points, y: data.training.labels, logWidth: hyper[0],
                            logStrength: hyper[1], steps: s.innerSteps, learningRate: rate,
                            momentum: s.momentum, state: &state).w
        if iteration == 0 { run.initialW = w }
        if iteration == s.hyperIterations { break }
        let h = klrLossMomentumHypergradient(
            w: w, x: data.training.points, y: data.training.labels, logWidth: hyper[0], logStrength: hyper[1],
            xValidation: data.validation.points, yValidation: data.validation.labels, steps: 0,
            learningRate: rate, momentum: s.momentum,
            method: .implicit(iterations: s.cgIterations, tolerance: s.cgTolerance))
        let g = klrLossGradient(w: w, x: data.training.points, y: data.training.labels, logWidth: hyper[0], logStrength: hyper[1])
        run.steps.append(HyperStep(trainingLoss: crossEntropy(w: w, hyper: hyper, data: data.training, data.training),
                               validationLoss: h.value, logWidth: hyper[0], logStrength: hyper[1],
                               gradientNorm: sqrt(g.dw.reduce(0) { $0 + $1 * $1 }), report: h.report))
        adam.update(&hyper, gradient: [h.dlogWidth, h.dlogStrength])
    }
    (run.w, run.hyper) = (w, hyper)
    return run
}

/// Mean cross-entropy on `points` of the classifier with coefficients on `training`.
func crossEntropy(w: [Double], hyper: [Double], data training: LabelledPoints, _ points: LabelledPoints) -> Double {
    klrValidation(w: w, x: training.points, logWidth: hyper[0], xValidation: points.points, yValidation: points.labels)
}

/// The AUC on `points` of the classifier with coefficients on `training`.
func auc(w: [Double], hyper: [Double], training: LabelledPoints, _ points: LabelledPoints) -> Double {
    areaUnderCurve(scores: klrScores(w: w, x: training.points, logWidth: hyper[0], points: points.points), labels: points.labels)
}
