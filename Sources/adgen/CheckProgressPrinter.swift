import ADGenCheck
import Foundation

/// Progress of `adgen check` on standard error: phases always, the running check on
/// one rewritten line when standard error is a terminal.
final class CheckProgressPrinter {
    private let interactive = isatty(STDERR_FILENO) != 0
    private var lineOpen = false

    func note(_ text: String) {
        closeLine()
        FileHandle.standardError.write(Data("adgen check: \(text)\n".utf8))
    }

    func report(_ progress: CheckProgress) {
        switch progress {
        case let .compiling(files, lines):
            note("compiling \(files) files (\(lines) lines) with swiftc...")
        case let .compiled(seconds, cached):
            note(cached ? "compiled program found in the cache" : String(format: "compiled in %.1f s", seconds))
        case let .running(finished, total, current):
            guard interactive else { return }
            let text = "[\(finished + 1)/\(total)] \(current)"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + String(text.prefix(120))).utf8))
            lineOpen = true
        }
    }

    func finish() { closeLine() }

    private func closeLine() {
        guard lineOpen else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        lineOpen = false
    }
}
