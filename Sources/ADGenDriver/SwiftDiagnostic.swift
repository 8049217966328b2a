/// One diagnostic line of swiftc, `path:line:column: severity: message`.
public struct SwiftDiagnostic: Sendable, Equatable {
    /// The kind of a diagnostic.
    public enum Severity: String, Sendable, CaseIterable {
        case error, warning, note, remark
    }

    /// The file the diagnostic points into.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// Error, warning, note or remark.
    public var severity: Severity
    /// The message after `severity: `.
    public var message: String

    /// A diagnostic from its parts.
    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// Parses one line, or `nil` when it is not a `path:line[:column]: severity: message`
    /// header (source excerpts and other lines of swiftc's output). A missing column is 0.
    ///
    /// For example: `"/t/main.swift:3:5: error: cannot find 'x' in scope"`.
    public init?(line text: Substring) {
        for severity in Severity.allCases {
            guard let marker = text.range(of: ": \(severity.rawValue): "),
                  let location = Self.location(text[..<marker.lowerBound])
            else { continue }
            self.init(
                file: location.file,
                line: location.line,
                column: location.column,
                severity: severity,
                message: String(text[marker.upperBound...])
            )
            return
        }
        return nil
    }

    /// Splits `path:line:column` or `path:line` from the right.
    static func location(_ text: Substring) -> (file: String, line: Int, column: Int)? {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = Int(parts.removeLast()) else { return nil }
        if parts.count >= 2, let line = Int(parts[parts.count - 1]) {
            parts.removeLast()
            return (parts.joined(separator: ":"), line, last)
        }
        return (parts.joined(separator: ":"), last, 0)
    }

    /// Every diagnostic header in swiftc's output, in order.
    public static func parse(_ output: String) -> [SwiftDiagnostic] {
        output.split(separator: "\n").compactMap { SwiftDiagnostic(line: $0) }
    }
}
