/// Why ``SwiftToolchain`` could not do its job (a compile error is not one of these:
/// it is a ``CompileFailure`` value).
public enum SwiftToolchainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `swiftc` in `SWIFT_EXEC`, beside the running executable, on `PATH` or in
    /// the well-known locations.
    case swiftcNotFound
    /// The executable could not be started.
    case cannotLaunch(path: String, reason: String)
    /// Creating, writing or renaming a file in the cache failed.
    case fileSystem(path: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .swiftcNotFound:
            return "swiftc not found: set SWIFT_EXEC or put swiftc on PATH"
        case let .cannotLaunch(path, reason):
            return "cannot launch \(path): \(reason)"
        case let .fileSystem(path, reason):
            return "file system error at \(path): \(reason)"
        }
    }
}
