import Foundation

/// Finds the `swiftc` executable.
///
/// Search order: the `SWIFT_EXEC` environment variable; `swiftc` in the directory of
/// the running executable (a tool installed inside a toolchain's `usr/bin`); each
/// directory of `PATH`; then ``wellKnownLocations``.
public enum SwiftcLocator {
    /// Last-resort locations, tried in order.
    public static let wellKnownLocations = ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"]

    /// The first executable `swiftc` in search order, or `nil`.
    ///
    /// - Parameters:
    ///   - environment: variables to read `SWIFT_EXEC` and `PATH` from.
    ///   - runningExecutable: the running program, whose directory is searched.
    ///   - isExecutable: the test for a usable file (replaceable in tests).
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        runningExecutable: URL? = Bundle.main.executableURL,
        isExecutable: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> URL? {
        candidates(environment: environment, runningExecutable: runningExecutable)
            .first(where: isExecutable)
            .map { URL(fileURLWithPath: $0) }
    }

    /// Every path ``locate(environment:runningExecutable:isExecutable:)`` tries, in order.
    public static func candidates(environment: [String: String], runningExecutable: URL?) -> [String] {
        var paths: [String] = []
        if let explicit = environment["SWIFT_EXEC"], !explicit.isEmpty {
            paths.append(explicit)
        }
        if let running = runningExecutable?.resolvingSymlinksInPath() {
            paths.append(running.deletingLastPathComponent().appendingPathComponent("swiftc").path)
        }
        let searchPath = environment["PATH"] ?? ""
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            paths.append("\(directory)/swiftc")
        }
        return paths + wellKnownLocations
    }
}
