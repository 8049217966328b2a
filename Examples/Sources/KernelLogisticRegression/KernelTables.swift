import ExampleSupport
import Foundation

/// One line per few hyper-iterations: losses, hyperparameters, stationarity and CG.
func iterationLog(_ run: ImplicitTuningRun) -> String {
    var lines = ["iter  train CE  valid CE      σ          λ      |∇L|   CG its  CG residual"]
    let every = max(run.steps.count / 10, 1)
    for (k, step) in run.steps.enumerated() where k % every == 0 || k == run.steps.count - 1 {
        lines.append(String(format: "%4d  %8.4f  %8.4f  %7.3f  %9.3g  %8.1e  %6d  %11.1e", k, step.trainingLoss,
                            step.validationLoss, exp(step.logWidth), exp(step.logStrength), step.gradientNorm,
                            step.report.cgIterations, step.report.cgResidual))
    }
    return lines.joined(separator: "\n")
}

/// Cross-entropy and AUC on validation and test points, with the initial and the tuned
/// hyperparameters (each with weights trained to the same tolerance).
func beforeAfterTable(_ run: ImplicitTuningRun, data: RingsData, settings s: KernelSettings) -> String {
    let initial = [s.initialLogWidth, s.initialLogStrength]
    let columns = [(initial, run.initialW), (run.hyper, run.w)]
    func row(_ name: String, _ value: ([Double], [Double]) -> Double) -> String {
        "| \(name) | " + columns.map { String(format: "%.3f", value($0.0, $0.1)) }.joined(separator: " | ") + " |"
    }
    return [
        "| metric | before tuning | after tuning |", "|---|---|---|",
        String(format: "| σ, λ | %.3g, %.3g | %.3g, %.3g |", exp(initial[0]), exp(initial[1]), exp(run.hyper[0]), exp(run.hyper[1])),
        row("validation cross-entropy") { h, w in crossEntropy(w: w, hyper: h, data: data.training, data.validation) },
        row("test cross-entropy") { h, w in crossEntropy(w: w, hyper: h, data: data.training, data.test) },
        row("validation AUC") { h, w in auc(w: w, hyper: h, training: data.training, data.validation) },
        row("test AUC") { h, w in auc(w: w, hyper: h, training: data.training, data.test) },
    ].joined(separator: "\n")
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
}
