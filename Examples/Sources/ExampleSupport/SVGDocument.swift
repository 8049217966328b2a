import Foundation

/// A hand-written SVG image: elements appended as text, rendered with a white background.
public struct SVGDocument {
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                              color: String = "#000", width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"5,3\"" : ""
        elements.append("<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(color)\" stroke-width=\"\(f(width))\"\(dash)/>")
    }

    public mutating func polyline(_ points: [(Double, Double)], color: String, dashed: Bool = false) {
        let text = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
        let dash = dashed ? " stroke-dasharray=\"6,3\"" : ""
        elements.append("<polyline points=\"\(text)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\"\(dash)/>")
    }

    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String = "none") {
        elements.append("<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>")
    }

    /// Text at (x, y); `anchor` is "start", "middle" or "end".
    public mutating func text(_ string: String, _ x: Double, _ y: Double, size: Double = 12,
                              anchor: String = "start", rotate: Bool = false) {
        let turn = rotate ? " transform=\"rotate(-90 \(f(x)) \(f(y)))\"" : ""
        elements.append("<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\"\(turn)>\(escaped(string))</text>")
    }

    public var rendered: String {
        let header = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"Helvetica, Arial, sans-serif\">"
        let background = "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        return ([header, background] + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }

    /// Writes the image to `path`, creating its folder.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try rendered.write(to: url, atomically: true, encoding: .utf8)
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escaped(_ string: String) -> String {
        string.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
