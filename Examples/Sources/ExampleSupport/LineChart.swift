import Foundation

/// One curve of a `LineChart`.
public struct Series {
    public var name: String
    public var color: String
    public var values: [Double]
    public var dashed: Bool

    public init(_ name: String, color: String, values: [Double], dashed: Bool = false) {
        self.name = name
        self.color = color
        self.values = values
        self.dashed = dashed
    }
}

/// Curves against their index (hyper-iteration 0, 1, …), drawn into a box of an `SVGDocument`
/// with axes, five ticks each way, axis titles and a legend.
public struct LineChart {
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// A logarithmic y axis (for positive values spanning decades).
    public var logScale: Bool

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logScale: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logScale = logScale
    }

    /// Draws the chart with its plotting area at (x, y) of size (w, h).
    public func draw(into svg: inout SVGDocument, x: Double, y: Double, w: Double, h: Double) {
        let scaled = { (v: Double) in logScale ? log10(v) : v }
        let all = series.flatMap(\.values).map(scaled).filter(\.isFinite)
        let low = all.min() ?? 0, high = all.max() ?? 1
        let pad = max(high - low, 1e-12) * 0.05
        let (yMin, yMax) = (low - pad, high + pad)
        let xMax = Double(max((series.map(\.values.count).max() ?? 2) - 1, 1))
        let px = { (i: Double) in x + w * i / xMax }
        let py = { (v: Double) in y + h * (1 - (scaled(v) - yMin) / (yMax - yMin)) }
        let unscaled = { (v: Double) in logScale ? pow(10, v) : v }
        svg.rect(x, y, w, h, fill: "none", stroke: "#888")
        for k in 0...4 {
            let v = unscaled(yMin + (yMax - yMin) * Double(k) / 4)
            svg.line(x - 4, py(v), x, py(v), color: "#888")
            svg.text(String(format: "%.3g", v), x - 6, py(v) + 4, size: 10, anchor: "end")
            let i = xMax * Double(k) / 4
            svg.line(px(i), y + h, px(i), y + h + 4, color: "#888")
            svg.text(String(format: "%.0f", i), px(i), y + h + 16, size: 10, anchor: "middle")
        }
        svg.text(title, x + w / 2, y - 10, size: 13, anchor: "middle")
        svg.text(xLabel, x + w / 2, y + h + 32, size: 11, anchor: "middle")
        svg.text(yLabel, x - 46, y + h / 2, size: 11, anchor: "middle", rotate: true)
        for (k, s) in series.enumerated() {
            svg.polyline(s.values.enumerated().map { (px(Double($0.offset)), py($0.element)) }, color: s.color, dashed: s.dashed)
            let ly = y + 14 + 15 * Double(k)
            svg.line(x + w - 150, ly - 4, x + w - 128, ly - 4, color: s.color, width: 2, dashed: s.dashed)
            svg.text(s.name, x + w - 124, ly, size: 10)
        }
    }
}
