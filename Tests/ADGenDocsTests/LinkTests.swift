import Foundation
import XCTest

/// The README leads to every page, and every relative link in the docs resolves.
final class LinkTests: XCTestCase {
    func testReadmeLinksEveryPage() throws {
        let readme = try String(contentsOf: Docs.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.hasPrefix("# adgen\n\n```\nmake demo"), "README must open with the two commands")
        for page in try Docs.pages() where page != "README.md" {
            XCTAssertTrue(readme.contains("(Docs/\(page))"), "README.md does not link Docs/\(page)")
        }
    }

    func testRelativeLinksResolve() throws {
        let pages = try Docs.pages().map { ("Docs/" + $0, Docs.directory) }
            + [("README.md", Docs.root), ("Examples/README.md", Docs.root.appendingPathComponent("Examples"))]
        for (page, base) in pages {
            guard let raw = try? String(contentsOf: Docs.root.appendingPathComponent(page), encoding: .utf8) else { continue }
            let text = Self.withoutCode(raw)
            var search = text.startIndex
            while let open = text.range(of: "](", range: search..<text.endIndex),
                  let close = text[open.upperBound...].firstIndex(of: ")") {
                search = close
                let target = String(text[open.upperBound..<close])
                guard !target.contains("://"), !target.hasPrefix("#"), !target.hasPrefix("mailto:") else { continue }
                let path = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                XCTAssertTrue(FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path),
                              "\(page): the link \(target) leads nowhere")
            }
        }
    }

    /// The text without fenced code blocks and inline code spans, where `[a](b)` is not a link.
    static func withoutCode(_ text: String) -> String {
        var result: [String] = []
        var inFence = false
        for line in text.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard !inFence else { continue }
            let parts = line.split(separator: "`", omittingEmptySubsequences: false)
            result.append(parts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " "))
        }
        return result.joined(separator: "\n")
    }
}
