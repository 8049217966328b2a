import Foundation

/// A grid of values (row-major, `columns` per row) drawn as grey-to-blue squares with a
/// colour bar: used for one learned strength per pixel.
public struct Heatmap {
    public var title: String
    public var values: [Double]
    public var columns: Int

    public init(title: String, values: [Double], columns: Int) {
        self.title = title
        self.values = values
        self.columns = columns
    }

    /// Draws the grid into the square at (x, y) of side `side`, the colour bar to its right.
    public func draw(into svg: inout SVGDocument, x: Double, y: Double, side: Double) {
        let low = values.min() ?? 0, high = values.max() ?? 1
        let rows = (values.count + columns - 1) / columns
        let cell = side / Double(max(columns, rows))
        for (i, v) in values.enumerated() {
            let t = high > low ? (v - low) / (high - low) : 0.5
            svg.rect(x + cell * Double(i % columns), y + cell * Double(i / columns), cell, cell, fill: Heatmap.color(t))
        }
        svg.text(title, x + side / 2, y - 10, size: 13, anchor: "middle")
        for k in 0..<20 {
            let t = 1 - Double(k) / 19
            svg.rect(x + side + 14, y + side * Double(k) / 20, 12, side / 20 + 0.5, fill: Heatmap.color(t))
        }
        svg.text(String(format: "%.2f", high), x + side + 30, y + 9, size: 10)
        svg.text(String(format: "%.2f", low), x + side + 30, y + side, size: 10)
    }

    /// Light grey (t = 0) to dark blue (t = 1).
    static func color(_ t: Double) -> String {
        let r = Int(235 - 205 * t), g = Int(235 - 165 * t), b = Int(235 - 75 * t)
        return String(format: "#%02x%02x%02x", r, g, b)
    }
}
