import ExampleSupport

/// The plot of the example: training and validation cross-entropy against hyper-iterations,
/// and the path of log σ (kernel width) and log λ (regularization strength).
func kernelPlot(_ run: ImplicitTuningRun) -> SVGDocument {
    var svg = SVGDocument(width: 900, height: 380)
    LineChart(title: "Cross-entropy at the trained weights", xLabel: "hyper-iteration", yLabel: "cross-entropy",
              series: [Series("validation", color: "#1f5fa8", values: run.steps.map(\.validationLoss)),
                       Series("training", color: "#1f5fa8", values: run.steps.map(\.trainingLoss), dashed: true)])
        .draw(into: &svg, x: 70, y: 40, w: 340, h: 290)
    LineChart(title: "Hyperparameters tuned by .implicit", xLabel: "hyper-iteration", yLabel: "log value",
              series: [Series("log σ (kernel width)", color: "#d9822b", values: run.steps.map(\.logWidth)),
                       Series("log λ (strength)", color: "#2b8a3e", values: run.steps.map(\.logStrength))])
        .draw(into: &svg, x: 520, y: 40, w: 340, h: 290)
    return svg
}
