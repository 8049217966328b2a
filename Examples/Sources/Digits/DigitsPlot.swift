import ExampleSupport

/// The plot of the example: the cross-entropies against hyper-iterations for every run,
/// and the learned per-weight log-strengths averaged over the 10 classes, one per pixel.
func digitsPlot(_ runs: [TuningRun]) -> SVGDocument {
    var svg = SVGDocument(width: 900, height: 380)
    let colors: [Regularization: String] = [.none: "#999999", .grid: "#8c5ab4", .global: "#d9822b", .perWeight: "#1f5fa8"]
    let names: [Regularization: String] = [.none: "none", .grid: "grid", .global: "global", .perWeight: "per weight"]
    let series = runs.flatMap { run in
        [Series("\(names[run.regularization]!), validation", color: colors[run.regularization]!, values: run.validationLoss),
         Series("\(names[run.regularization]!), training", color: colors[run.regularization]!, values: run.trainingLoss, dashed: true)]
    }
    LineChart(title: "Cross-entropy after each window", xLabel: "hyper-iteration (window of training steps)",
              yLabel: "cross-entropy (log scale)", series: series, logScale: true).draw(into: &svg, x: 70, y: 40, w: 440, h: 290)
    if let perWeight = runs.first(where: { $0.regularization == .perWeight }) {
        let perPixel = (0..<64).map { j in (0..<10).reduce(0.0) { $0 + perWeight.lambda[$1 * 65 + j] } / 10 }
        Heatmap(title: "Learned log-strength per pixel (mean over classes)", values: perPixel, columns: 8)
            .draw(into: &svg, x: 600, y: 60, side: 240)
    }
    return svg
}
