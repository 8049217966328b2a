/// A problem found in the input, reported as `path:line:col: error: message`.
///
/// Stages never throw for bad input: they append diagnostics to a
/// ``DiagnosticEngine`` and recover where they can, so one run reports several problems.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, CaseIterable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }
}

/// Collects the diagnostics of one compilation, in the order they were found.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    /// Diagnostics beyond this many are dropped: one broken file must not flood the terminal.
    public static let limit = 50

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func error(_ message: String, at location: SourceLocation) {
        emit(Diagnostic(.error, message, at: location))
    }

    public mutating func emit(_ diagnostic: Diagnostic) {
        guard diagnostics.count < Self.limit else { return }
        // The same message at the same place adds nothing (recovery can revisit a spot).
        if diagnostics.last == diagnostic { return }
        diagnostics.append(diagnostic)
    }
}

extension Diagnostic {
    /// Renders the diagnostic the way Swift, SwiftPM and editors read it:
    ///
    ///     path/model.adg:12:17: error: unsupported in adgen: closures
    ///         let f = { x in x * x }
    ///                 ^
    ///
    /// Very long source lines are shown as a window around the column.
    public func rendered(in file: SourceFile) -> String {
        let header = "\(file.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        guard location.line > 0 else { return header }
        let line = Array(file.lineText(at: location).utf8)
        let column = max(1, min(location.column, line.count + 1))
        let window = 160
        var start = 0
        if column > window { start = column - window / 2 }
        var end = min(line.count, start + window)
        // Never cut a multi-byte character in half.
        while start > 0, start < line.count, line[start] & 0xC0 == 0x80 { start -= 1 }
        while end < line.count, line[end] & 0xC0 == 0x80 { end += 1 }
        let prefix = start > 0 ? "..." : ""
        let suffix = end < line.count ? "..." : ""
        let shown = prefix + String(decoding: line[start..<end], as: UTF8.self) + suffix
        var caretPad = ""
        for byte in line[start..<min(column - 1, line.count)] where byte & 0xC0 != 0x80 {
            caretPad += byte == UInt8(ascii: "\t") ? "\t" : " "
        }
        caretPad = String(repeating: " ", count: prefix.count) + caretPad
        return header + "\n" + shown + "\n" + caretPad + "^"
    }
}
