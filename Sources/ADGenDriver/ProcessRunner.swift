import Foundation

/// Runs a child process to completion, capturing standard output and standard error.
///
/// Output goes to temporary files rather than pipes, so a child that writes a lot to
/// both streams can never deadlock against the reader. Standard input is empty.
enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it.
    static func run(_ executable: URL, arguments: [String]) throws -> ProcessOutput {
        let outputURL = temporaryFile("stdout")
        let errorURL = temporaryFile("stderr")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let outputHandle = try handle(writingTo: outputURL)
        let errorHandle = try handle(writingTo: errorURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            throw SwiftToolchainError.cannotLaunch(path: executable.path, reason: "\(error)")
        }
        process.waitUntilExit()
        try outputHandle.close()
        try errorHandle.close()
        return ProcessOutput(
            standardOutput: try text(at: outputURL),
            standardError: try text(at: errorURL),
            exitStatus: process.terminationStatus,
            terminatedBySignal: process.terminationReason == .uncaughtSignal
        )
    }

    /// A fresh path in the temporary directory.
    static func temporaryFile(_ stream: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("adgen-\(stream)-\(UUID().uuidString)")
    }

    /// Creates `url` empty and opens it for writing.
    static func handle(writingTo url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SwiftToolchainError.fileSystem(path: url.path, reason: "cannot create file")
        }
        return try FileHandle(forWritingTo: url)
    }

    /// The file's contents as UTF-8 (invalid bytes repaired).
    static func text(at url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
