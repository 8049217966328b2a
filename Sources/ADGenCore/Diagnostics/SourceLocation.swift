/// A position in a source file: 1-based line and column (columns count UTF-8 bytes,
/// as Swift's own diagnostics do), plus the byte offset of the position.
///
/// For example: the `x` in `let x = 1` on the first line is at `1:5`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// A location for code that has no place in any source file (generated code).
    public static let none = SourceLocation(line: 0, column: 0, offset: 0)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// A `.adg` source file as the compiler sees it: a display path and the raw bytes.
public struct SourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of the line holding `location`, without its line terminator.
    public func lineText(at location: SourceLocation) -> String {
        guard location.line > 0, location.offset <= bytes.count else { return "" }
        var start = min(location.offset, bytes.count)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
