import Foundation

/// Running swiftc and the adgen executable from tests.
enum Tools {
    struct Run {
        var status: Int32
        var output: String
    }

    /// `SWIFT_EXEC`, then `/opt/swift/usr/bin/swiftc`, then the first `swiftc` on `PATH`.
    static func swiftc() -> String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["SWIFT_EXEC"] ?? "", "/opt/swift/usr/bin/swiftc"]
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/swiftc" }
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The adgen executable built next to this test bundle (the test target depends on it).
    static func adgen() -> String? {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundleDirectory.appendingPathComponent("adgen").path]
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("adgen").path)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a process with stdout and stderr together in a file (no pipe deadlocks).
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Run {
        let log = directory.appendingPathComponent("run-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return Run(status: process.terminationStatus, output: output)
    }

    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-docs-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
