/// What a finished child process left: its output and how it ended.
public struct ProcessOutput: Sendable, Equatable {
    /// Everything written to standard output, decoded as UTF-8.
    public let standardOutput: String
    /// Everything written to standard error, decoded as UTF-8.
    public let standardError: String
    /// The exit status, or the signal number when ``terminatedBySignal``.
    public let exitStatus: Int32
    /// `true` when a signal ended the process (e.g. a trap or `fatalError`).
    public let terminatedBySignal: Bool

    /// An output record from its parts.
    public init(standardOutput: String, standardError: String, exitStatus: Int32, terminatedBySignal: Bool) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitStatus = exitStatus
        self.terminatedBySignal = terminatedBySignal
    }

    /// Whether the process exited normally with status 0.
    public var succeeded: Bool {
        exitStatus == 0 && !terminatedBySignal
    }
}
