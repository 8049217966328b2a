import Foundation

/// Writes output files atomically: a temporary file in the destination directory,
/// renamed over the target, so a failure never leaves a partial file behind.
enum OutputWriter {
    struct WriteError: LocalizedError {
        var message: String
        var errorDescription: String? { message }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        // Unchanged output keeps its timestamp, so builds that watch it stay quiet.
        if let existing = FileManager.default.contents(atPath: path), existing == Data(text.utf8) { return }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).adgen-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw WriteError(message: "cannot write '\(path)'")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }
}
