/// swiftc rejected the sources: its exit status, full diagnostics text and the
/// parsed diagnostic lines.
public struct CompileFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// swiftc's exit status (non-zero).
    public let exitStatus: Int32
    /// Everything swiftc printed (standard error, then standard output if any).
    public let diagnosticsText: String
    /// The `path:line:column: severity: message` lines of ``diagnosticsText``.
    public let diagnostics: [SwiftDiagnostic]

    /// A failure from swiftc's exit status and output.
    public init(exitStatus: Int32, diagnosticsText: String) {
        self.exitStatus = exitStatus
        self.diagnosticsText = diagnosticsText
        diagnostics = SwiftDiagnostic.parse(diagnosticsText)
    }

    /// Only the errors among ``diagnostics``.
    public var errors: [SwiftDiagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    /// swiftc's text.
    public var description: String {
        "swiftc failed with status \(exitStatus):\n\(diagnosticsText)"
    }
}
