// Per-weight L2 regularization of multinomial logistic regression on the UCI handwritten
// digits, tuned by hypergradient descent with the greedy window schedule: a few training
// steps, one update of the log-strengths by their hypergradient, continue.

import ExampleSupport
import Foundation

let options = ExampleOptions()
let settings = options.full ? TuningSettings.full : TuningSettings.reduced
let data = try DigitsData(trainingCount: settings.trainingCount, validationCount: settings.validationCount,
                          testCount: settings.testCount)
print("Digits (8x8, 10 classes), \(options.sizeName): \(data.training.count) training, "
      + "\(data.validation.count) validation, \(data.test.count) test images")
print("momentum \(settings.momentum), learning rate \(settings.learningRate), minibatch \(settings.batch); "
      + "\(settings.windows) windows of \(settings.windowSteps) steps, Adam on log-strengths at rate \(settings.hyperRate)")
print("grid of log-strengths \(settings.grid.map { Int($0) }), start of the tuned runs \(Int(settings.initialLogStrength))")

let runs = runAll(data: data, settings: settings)
for run in runs {
    print(String(format: "  %@: %.1f s", run.regularization.rawValue, run.seconds))
}
print(resultTable(runs, data: data))

if let path = options.svgPath {
    try digitsPlot(runs).write(to: path)
    print("plot written to \(path)")
}
let perWeight = runs.last!
guard perWeight.validationLoss.allSatisfy(\.isFinite) else {
    print("FAILED: a validation loss is not finite")
    exit(1)
}
print("OK")
