import ADGenCheck
import ADGenDriver
import Foundation

/// Finding `swiftc` and running processes with a time limit.
enum Toolchain {
    /// `SWIFT_EXEC`, then `/opt/swift/usr/bin/swiftc`, then the first `swiftc` on `PATH`.
    static func swiftc() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let fileManager = FileManager.default
        if let exec = environment["SWIFT_EXEC"], !exec.isEmpty, fileManager.isExecutableFile(atPath: exec) {
            return exec
        }
        let bundled = "/opt/swift/usr/bin/swiftc"
        if fileManager.isExecutableFile(atPath: bundled) { return bundled }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/swiftc"
            if fileManager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `-j N`: every batch compile of these tests uses all cores (SwiftToolchain's flag).
    static var parallelJobs: [String] { SwiftToolchain.parallelJobsFlags }

    /// The swiftc flags that import and link the built ADGenRuntime (generated training code
    /// imports it), or none when it is not found (compiling such code then fails, saying so).
    static var runtimeFlags: [String] { (try? RuntimeLibrary.locate().flags) ?? [] }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        var crashed: Bool
        var seconds: Double
    }

    /// Runs `executable` with stdout and stderr captured in files (no pipe deadlocks),
    /// killing it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, timeout: Double,
                    label: String) throws -> Run {
        let stdoutURL = directory.appendingPathComponent("\(label).stdout")
        let stderrURL = directory.appendingPathComponent("\(label).stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdoutHandle.close()
            try? stderrHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let stdout = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut,
                   crashed: process.terminationReason == .uncaughtSignal, seconds: seconds)
    }
}
