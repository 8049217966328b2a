import Foundation

/// Runs the adgen executable (`.build/debug/adgen`) on programs in a separate process,
/// so that a crash of adgen is reported instead of killing the test process.
enum AdgenScreen {
    static var executable: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/adgen").path
    }

    /// The programs on which adgen crashes or hangs, with what happened. One process for
    /// the batch; one per program only when that one crashed.
    static func crashing(_ programs: [(name: String, text: String)]) throws -> [String: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in programs {
            try text.write(to: directory.appendingPathComponent(name + ".adg"), atomically: true, encoding: .utf8)
        }
        func run(_ names: [String], label: String) throws -> Toolchain.Run {
            try Toolchain.run(executable, ["generate"] + names.map { $0 + ".adg" } + ["--output-dir", "out-\(label)"],
                              in: directory, timeout: 30 + 2 * Double(names.count), label: label)
        }
        let all = try run(programs.map(\.name), label: "batch")
        guard all.crashed || all.timedOut else { return [:] }
        var result: [String: String] = [:]
        for (index, program) in programs.enumerated() {
            let single = try run([program.name], label: "p\(index)")
            if single.crashed || single.timedOut {
                let state = single.timedOut ? "timed out" : "signal \(single.status)"
                result[program.name] = state + ": " + single.stderr.split(separator: "\n").prefix(8).joined(separator: "\n")
            }
        }
        return result
    }
}
