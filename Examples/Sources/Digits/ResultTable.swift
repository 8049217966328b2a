import Foundation

/// The table of the example: validation and test cross-entropy and error of each run's
/// final weights, and the range of its learned strengths.
func resultTable(_ runs: [TuningRun], data: DigitsData) -> String {
    var lines = ["| regularization | validation CE | validation error | test CE | test error | exp(λ) range |",
                 "|---|---|---|---|---|---|"]
    for run in runs {
        let validation = Evaluation(w: run.w, on: data.validation)
        let test = Evaluation(w: run.w, on: data.test)
        let strengths = run.lambda.map { exp($0) }
        let range = run.regularization == .none ? "0"
            : String(format: "%.2g … %.2g", strengths.min()!, strengths.max()!)
        lines.append(String(format: "| %@ | %.4f | %.2f %% | %.4f | %.2f %% | %@ |", run.regularization.rawValue,
                            validation.crossEntropy, 100 * validation.error, test.crossEntropy, 100 * test.error, range))
    }
    return lines.joined(separator: "\n")
}
