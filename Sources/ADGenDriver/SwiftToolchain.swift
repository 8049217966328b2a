import Foundation

/// Compiles Swift sources into executables with `swiftc -O`, caches them by content,
/// and runs them.
///
/// For example:
/// ```swift
/// let toolchain = try SwiftToolchain()
/// let main = SwiftSourceFile(name: "main.swift", text: "print(\"hi\")")
/// if case .success(let program) = try toolchain.compile([main]) {
///     print(try toolchain.run(program).standardOutput)  // "hi\n"
/// }
/// ```
public struct SwiftToolchain: Sendable {
    /// The `swiftc` executable used.
    public let swiftc: URL
    /// The directory holding one subdirectory per cache key.
    public let cacheDirectory: URL

    /// `-j N` for the machine's N processors: without it swiftc runs the frontend jobs of
    /// a many-file program one after another (a 139-file check program took 153 s on two
    /// cores with one idle; four files 11.9 s, with `-j2` 7.5 s). Not part of cache keys:
    /// the executable does not depend on it.
    public static var parallelJobsFlags: [String] {
        ["-j", "\(max(1, ProcessInfo.processInfo.activeProcessorCount))"]
    }

    /// A toolchain using the given `swiftc` and cache directory.
    public init(swiftc: URL, cacheDirectory: URL = SwiftToolchain.defaultCacheDirectory) {
        self.swiftc = swiftc
        self.cacheDirectory = cacheDirectory
    }

    /// A toolchain using the `swiftc` that ``SwiftcLocator`` finds.
    ///
    /// - Throws: ``SwiftToolchainError/swiftcNotFound``.
    public init(cacheDirectory: URL = SwiftToolchain.defaultCacheDirectory) throws {
        guard let swiftc = SwiftcLocator.locate() else { throw SwiftToolchainError.swiftcNotFound }
        self.init(swiftc: swiftc, cacheDirectory: cacheDirectory)
    }

    /// `$ADGEN_CACHE_DIR` if set, else `adgen-swiftc-cache` in the temporary directory.
    public static var defaultCacheDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["ADGEN_CACHE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("adgen-swiftc-cache")
    }

    /// Runs a compiled program with `arguments`, capturing its output and exit status.
    public func run(_ executable: CompiledExecutable, arguments: [String] = []) throws -> ProcessOutput {
        try ProcessRunner.run(executable.url, arguments: arguments)
    }
}
