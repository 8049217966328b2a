// Kernel logistic regression with an RBF kernel on two noisy rings: the kernel width and
// the regularization strength tuned by hypergradient descent, the hypergradient taken by
// implicit differentiation (`.implicit`) at the trained weights.

import ExampleSupport
import Foundation

let options = ExampleOptions()
let settings = options.full ? KernelSettings.full : KernelSettings.reduced
let data = RingsData(trainingCount: settings.trainingCount, validationCount: settings.validationCount,
                     testCount: settings.testCount)
print("Kernel logistic regression on two rings, \(options.sizeName): \(data.training.count) training, "
      + "\(data.validation.count) validation, \(data.test.count) test points")
print("momentum \(settings.momentum), learning rate \(settings.rateScale) / (n (1/4 + λ) + 1/4), \(settings.innerSteps) steps per "
      + "hyper-iteration (warm start), \(settings.hyperIterations) hyper-iterations, Adam at rate \(settings.hyperRate)")
let start = ContinuousClock.now
let run = tuneImplicitly(data: data, settings: settings)
print(iterationLog(run))
print(String(format: "%.1f s", seconds(since: start)))
print(beforeAfterTable(run, data: data, settings: settings))

if let path = options.svgPath {
    try kernelPlot(run).write(to: path)
    print("plot written to \(path)")
}
guard run.steps.allSatisfy({ $0.validationLoss.isFinite && !$0.report.negativeCurvature }) else {
    print("FAILED: a validation loss is not finite or CG met negative curvature")
    exit(1)
}
guard let first = run.steps.first, let last = run.steps.last, last.validationLoss < first.validationLoss else {
    print("FAILED: tuning did not lower the validation loss")
    exit(1)
}
print("OK")
