import ADGenCheckSupport
import Foundation

extension SwiftToolchain {
    /// The cache key: FNV-1a 64 of a format tag, the `swiftc` path, the flags and every
    /// file's name and text (each length-prefixed), as 16 hex digits.
    ///
    /// A non-empty `salt` is hashed too: something the build depends on beyond the
    /// sources and flags, such as the size and date of a library it links.
    public func cacheKey(for sources: [SwiftSourceFile], flags: [String], salt: String = "") -> String {
        var hash = FNV1a64()
        hash.combine(field: "adgen-swiftc-cache-v1")
        if !salt.isEmpty { hash.combine(field: salt) }
        hash.combine(field: swiftc.path)
        hash.combine(field: "\(flags.count)")
        flags.forEach { hash.combine(field: $0) }
        for source in sources {
            hash.combine(field: source.name)
            hash.combine(field: source.text)
        }
        return hash.hexDigest
    }

    /// Compiles `sources` with `swiftc -O` plus `flags` (e.g. `["-warnings-as-errors"]`)
    /// into an executable, or returns it from the cache when the same sources, flags and
    /// `swiftc` were built before.
    ///
    /// swiftc writes to a temporary name in the cache entry, which is renamed into place
    /// only on success, so a cached executable is always complete.
    ///
    /// - Returns: the executable, or the ``CompileFailure`` with swiftc's diagnostics.
    /// - Throws: ``SwiftToolchainError`` when swiftc cannot be launched or the cache
    ///   cannot be written.
    public func compile(
        _ sources: [SwiftSourceFile],
        flags: [String] = [],
        salt: String = ""
    ) throws -> Result<CompiledExecutable, CompileFailure> {
        let key = cacheKey(for: sources, flags: flags, salt: salt)
        let entry = cacheDirectory.appendingPathComponent(key, isDirectory: true)
        let executable = entry.appendingPathComponent("program")
        if FileManager.default.isExecutableFile(atPath: executable.path) {
            markUsed(entry)
            return .success(CompiledExecutable(url: executable, cacheKey: key, wasCached: true))
        }
        let sourceURLs = try write(sources, into: entry.appendingPathComponent("sources"))
        let partial = entry.appendingPathComponent("program.partial-\(UUID().uuidString)")
        let arguments = ["-O", "-module-name", "Program"] + Self.parallelJobsFlags + flags
            + ["-o", partial.path] + sourceURLs.map(\.path)
        let output = try ProcessRunner.run(swiftc, arguments: arguments)
        guard output.succeeded else {
            try? FileManager.default.removeItem(at: partial)
            let text = output.standardError + output.standardOutput
            return .failure(CompileFailure(exitStatus: output.exitStatus, diagnosticsText: text))
        }
        try moveAtomically(partial, to: executable)
        markUsed(entry)
        pruneCache(keeping: entry)
        return .success(CompiledExecutable(url: executable, cacheKey: key, wasCached: false))
    }

    /// Writes each source into `directory` (created if needed), atomically.
    func write(_ sources: [SwiftSourceFile], into directory: URL) throws -> [URL] {
        try createDirectory(directory)
        return try sources.map { source in
            let url = directory.appendingPathComponent(source.name)
            do {
                try Data(source.text.utf8).write(to: url, options: .atomic)
            } catch {
                throw SwiftToolchainError.fileSystem(path: url.path, reason: "\(error)")
            }
            return url
        }
    }

    /// Creates `directory` and its parents.
    func createDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SwiftToolchainError.fileSystem(path: directory.path, reason: "\(error)")
        }
    }

    /// `rename(2)`: replaces `destination` atomically, even if another process got there first.
    func moveAtomically(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: source)
            throw SwiftToolchainError.fileSystem(path: destination.path, reason: reason)
        }
    }
}
