import Foundation
import XCTest

/// Docs/Troubleshooting.md lists every diagnostic adgen can emit: each message written
/// in the compiler's sources (and the configuration file's errors) has a line in the
/// page holding its fixed text in order (interpolated parts may read anything).
final class TroubleshootingTests: XCTestCase {
    func testEveryDiagnosticIsDocumented() throws {
        let page = try Docs.text(of: "Troubleshooting.md").components(separatedBy: "\n")
        let messages = try Self.messages()
        XCTAssertGreaterThan(messages.count, 100, "the message scan found too few messages; is it broken?")
        for message in messages {
            let pieces = message.pieces.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let documented = page.contains { line in
                var rest = Substring(line)
                for piece in pieces {
                    guard let range = rest.range(of: piece) else { return false }
                    rest = rest[range.upperBound...]
                }
                return true
            }
            XCTAssertTrue(documented, """
                \(message.location): the diagnostic "\(message.pieces.joined(separator: "…"))" is not in \
                Docs/Troubleshooting.md; add it (with its cause and fix) to the right group
                """)
        }
    }

    func testTheMessageScanReadsInterpolations() {
        let source = #"        error("'\(name)' takes \(builtin.arity) argument\(builtin.arity == 1 ? "" : "s"), found \(n)", at: x)"#
        let found = Self.messages(in: source, file: "x.swift", openers: ["error("])
        XCTAssertEqual(found.map(\.pieces), [["'", "' takes ", " argument", ", found ", ""]])
    }

    struct Message {
        var location: String
        /// The literal text between interpolations.
        var pieces: [String]
    }

    /// Every message in Sources/ADGenCore, and the configuration and training-flag errors of Sources/adgen.
    static func messages() throws -> [Message] {
        var result: [Message] = []
        let core = Docs.root.appendingPathComponent("Sources/ADGenCore")
        let files = FileManager.default.enumerator(at: core, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path } ?? []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            result += messages(in: text, file: file.lastPathComponent, openers: ["error(", "expectIdentifier("])
            result += messages(in: text, file: file.lastPathComponent, openers: [], expectCalls: true)
        }
        // The C front end's messages (Sources/ADGenC), most of them after `unsupported in adgen: `.
        let cFrontEnd = Docs.root.appendingPathComponent("Sources/ADGenC")
        for file in (try FileManager.default.contentsOfDirectory(at: cFrontEnd, includingPropertiesForKeys: nil))
            .filter({ $0.pathExtension == "swift" }).sorted(by: { $0.path < $1.path }) {
            result += messages(in: try String(contentsOf: file, encoding: .utf8), file: file.lastPathComponent,
                               openers: ["error(", "unsupported(", "invalid(", "constantOrInvalid(cursor, "])
        }
        for name in ["Config.swift", "Config+Training.swift", "Generate+Training.swift"] {
            let file = Docs.root.appendingPathComponent("Sources/adgen/\(name)")
            result += messages(in: try String(contentsOf: file, encoding: .utf8), file: name,
                               openers: ["invalid(", "message: ", "message = ", "fail("])
        }
        return result
    }

    /// Messages that are string literals right after one of `openers` (or, with
    /// `expectCalls`, the second argument of `expect(.token, "...")`).
    static func messages(in text: String, file: String, openers: [String], expectCalls: Bool = false) -> [Message] {
        var result: [Message] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            var starts: [String.Index] = []
            for opener in openers {
                var search = line.startIndex
                while let range = line.range(of: opener, range: search..<line.endIndex) {
                    if line[range.upperBound...].hasPrefix("\"") { starts.append(range.upperBound) }
                    search = range.upperBound
                }
            }
            if expectCalls, let range = line.range(of: "expect(."),
               let comma = line[range.upperBound...].range(of: ", \""), !line[range.upperBound..<comma.lowerBound].contains(" ") {
                starts.append(line.index(before: comma.upperBound))
            }
            for start in starts {
                if let pieces = literalPieces(line[start...]) {
                    result.append(Message(location: "Sources/\(file):\(index + 1)", pieces: pieces))
                }
            }
        }
        return result
    }

    /// The literal parts of the string literal at the start of `text`, split at `\( ... )`.
    static func literalPieces(_ text: Substring) -> [String]? {
        var characters = text.makeIterator()
        guard characters.next() == "\"" else { return nil }
        var pieces = [""]
        while let character = characters.next() {
            switch character {
            case "\"":
                return pieces
            case "\\":
                guard let escaped = characters.next() else { return nil }
                if escaped == "(" {
                    skipInterpolation(&characters)
                    pieces.append("")
                } else {
                    pieces[pieces.count - 1].append(escaped == "n" ? "\n" : escaped)
                }
            default:
                pieces[pieces.count - 1].append(character)
            }
        }
        return nil
    }

    /// Skips to the `)` closing an interpolation, over nested parentheses and strings.
    static func skipInterpolation(_ characters: inout Substring.Iterator) {
        var depth = 1
        var inString = false
        while let character = characters.next() {
            if inString {
                if character == "\\" { _ = characters.next() } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
    }
}
