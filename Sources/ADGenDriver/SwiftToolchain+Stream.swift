import Foundation

/// How a streamed run ended (``SwiftToolchain/stream(_:arguments:timeout:onLine:)``).
public struct StreamedRun: Sendable, Equatable {
    public let exitStatus: Int32
    public let terminatedBySignal: Bool
    /// The run was stopped after its time limit.
    public let timedOut: Bool
    /// Everything written to standard error.
    public let standardError: String

    public var succeeded: Bool { exitStatus == 0 && !terminatedBySignal && !timedOut }
}

extension SwiftToolchain {
    /// Runs a compiled program, calling `onLine` with each line of its standard output
    /// as it arrives (for progress), and stops it when it has written no line for
    /// `timeout` seconds.
    ///
    /// Standard error goes to a temporary file, so the child never blocks on it.
    public func stream(_ executable: CompiledExecutable, arguments: [String] = [], timeout: Double,
                       onLine: (Substring) -> Void) throws -> StreamedRun {
        let errorURL = ProcessRunner.temporaryFile("stderr")
        defer { try? FileManager.default.removeItem(at: errorURL) }
        let errorHandle = try ProcessRunner.handle(writingTo: errorURL)
        let pipe = Pipe()
        let process = Process()
        process.executableURL = executable.url
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = pipe
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            throw SwiftToolchainError.cannotLaunch(path: executable.url.path, reason: "\(error)")
        }
        let watchdog = Watchdog(process: process, timeout: timeout)
        var pending = Data()
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            watchdog.touch()
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                onLine(Substring(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)))
                pending = Data(pending[(newline + 1)...])
            }
        }
        if !pending.isEmpty { onLine(Substring(String(decoding: pending, as: UTF8.self))) }
        process.waitUntilExit()
        watchdog.cancel()
        try errorHandle.close()
        return StreamedRun(exitStatus: process.terminationStatus,
                           terminatedBySignal: process.terminationReason == .uncaughtSignal,
                           timedOut: watchdog.fired,
                           standardError: try ProcessRunner.text(at: errorURL))
    }
}

/// Terminates a process that has been quiet for `timeout` seconds, unless cancelled first.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var didFire = false
    private var lastActivity = Date()

    init(process: Process, timeout: Double) {
        let poll = Swift.min(0.05, timeout / 4)
        DispatchQueue.global().async { [self] in
            while true {
                Thread.sleep(forTimeInterval: poll)
                lock.lock()
                if cancelled || !process.isRunning {
                    lock.unlock()
                    return
                }
                if Date().timeIntervalSince(lastActivity) > timeout {
                    didFire = true
                    lock.unlock()
                    process.terminate()
                    return
                }
                lock.unlock()
            }
        }
    }

    /// The process made progress: the quiet period starts again.
    func touch() {
        lock.lock()
        lastActivity = Date()
        lock.unlock()
    }

    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return didFire
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
