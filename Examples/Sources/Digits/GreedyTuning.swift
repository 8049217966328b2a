import ADGenRuntime
import ExampleSupport

/// How the strengths are tuned: not at all (exp(λ) ≈ 0), one shared λ picked from a grid
/// by the final validation loss, one shared λ or one λ per weight by hypergradients.
enum Regularization: String, CaseIterable {
    case none = "no regularization"
    case grid = "one global strength, grid"
    case global = "one global strength"
    case perWeight = "one strength per weight"

    /// Whether the strengths move by their hypergradient.
    var isTuned: Bool { self == .global || self == .perWeight }
}

/// The record of one tuning run: the losses after each window, and where it ended.
struct TuningRun {
    var regularization: Regularization
    var trainingLoss: [Double] = []
    var validationLoss: [Double] = []
    var w: [Double] = []
    var lambda: [Double] = []
    var seconds = 0.0
}

/// The greedy schedule of the seed: train `windowSteps` steps from the current weights
/// and momentum, get the hypergradient of the validation loss with respect to the
/// log-strengths over that window (`.unrolled`), update them once by Adam, continue.
/// `logStrength` is where every λ[j] starts (and stays, for `.none` and `.grid`).
func tune(_ regularization: Regularization, logStrength: Double, data: DigitsData, settings s: TuningSettings) -> TuningRun {
    let count = 650
    var run = TuningRun(regularization: regularization)
    var w = [Double](repeating: 0, count: count)
    var lambda = [Double](repeating: logStrength, count: count)
    var state = DigitsLossMomentumState(count: count)
    var hyper = HyperAdam(count: count, rate: s.hyperRate)
    let clock = ContinuousClock.now
    record(&run, w: w, data: data)
    for _ in 0..<s.windows {
        if regularization.isTuned {
            // The window differentiated: its trained weights (`h.w`) and momentum (in `state`)
            // are where the next window starts.
            let h = digitsLossMomentumHypergradient(
                w: w, x: data.training.pixels, labels: data.training.labels, lambda: lambda, batch: s.batch,
                xValidation: data.validation.pixels, labelsValidation: data.validation.labels,
                steps: s.windowSteps, learningRate: s.learningRate, momentum: s.momentum,
                method: .unrolled, state: &state)
            hyper.update(&lambda, gradient: regularization == .global ? shared(h.dlambda) : h.dlambda)
            w = h.w
        } else {
            w = digitsLossMomentum(
                w: w, x: data.training.pixels, labels: data.training.labels, lambda: lambda, batch: s.batch,
                steps: s.windowSteps, learningRate: s.learningRate, momentum: s.momentum, state: &state).w
        }
        record(&run, w: w, data: data)
    }
    run.seconds = seconds(since: clock)
    (run.w, run.lambda) = (w, lambda)
    return run
}

/// Plain training at each log-strength of the grid; the run with the lowest final
/// validation loss.
func gridSearch(data: DigitsData, settings s: TuningSettings) -> TuningRun {
    let runs = s.grid.map { tune(.grid, logStrength: $0, data: data, settings: s) }
    var best = runs.min { $0.validationLoss.last! < $1.validationLoss.last! }!
    best.seconds = runs.reduce(0) { $0 + $1.seconds }
    return best
}

/// One run of each kind.
func runAll(data: DigitsData, settings s: TuningSettings) -> [TuningRun] {
    Regularization.allCases.map { regularization in
        switch regularization {
        case .none: tune(.none, logStrength: s.noLogStrength, data: data, settings: s)
        case .grid: gridSearch(data: data, settings: s)
        case .global, .perWeight: tune(regularization, logStrength: s.initialLogStrength, data: data, settings: s)
        }
    }
}

/// The hypergradient of one strength shared by every weight: the sum of the per-weight
/// ones (chain rule), given to every entry.
func shared(_ gradient: [Double]) -> [Double] {
    [Double](repeating: gradient.reduce(0, +), count: gradient.count)
}

/// Appends the training and validation cross-entropy (without the penalty) at `w`.
func record(_ run: inout TuningRun, w: [Double], data: DigitsData) {
    run.trainingLoss.append(Evaluation(w: w, on: data.training).crossEntropy)
    run.validationLoss.append(Evaluation(w: w, on: data.validation).crossEntropy)
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
}
