import ADGenCheck
import ADGenCore
import Foundation
import XCTest

/// The code in `Docs/*.md` is real: adgen input compiles (or fails exactly as shown),
/// generated-code excerpts are what adgen writes today, and user code compiles against
/// the generated API. Conventions: ``Snippet``.
final class DocsSnippetTests: XCTestCase {
    func testThePagesHaveCode() throws {
        let snippets = try Docs.allSnippets()
        XCTAssertGreaterThan(snippets.filter { if case .dsl = $0.kind { true } else { false } }.count, 10)
        XCTAssertGreaterThan(snippets.filter { if case .usage = $0.kind { true } else { false } }.count, 3)
    }

    func testAdgInputCompilesOrFailsAsShown() throws {
        for snippet in try Docs.allSnippets() {
            guard case .dsl(let name) = snippet.kind else { continue }
            let file = SourceFile(path: name, text: snippet.text)
            let output = Pipeline.compile(file, options: Docs.options(for: snippet.text))
            let rendered = output.diagnostics.map { $0.rendered(in: file) }.joined(separator: "\n")
            if let expected = snippet.expectedOutput, expected.hasPrefix(name + ":") {
                XCTAssertEqual(rendered + "\n", expected, "\(snippet.location): the diagnostics shown below \(name) are not what adgen reports")
            } else {
                XCTAssertTrue(output.succeeded && output.diagnostics.isEmpty,
                              "\(snippet.location): \(name) does not compile:\n\(rendered)")
            }
        }
    }

    /// Run with `ADGEN_UPDATE_DOCS=1` to rewrite the excerpts from what adgen writes now.
    func testGeneratedExcerptsAreWhatAdgenWrites() throws {
        let update = ProcessInfo.processInfo.environment["ADGEN_UPDATE_DOCS"] == "1"
        for page in try Docs.pages() {
            var text = try Docs.text(of: page)
            let snippets = Docs.snippets(in: page, text: text)
            var replacements: [(old: String, new: String)] = []
            for snippet in snippets {
                guard case .generated(let name) = snippet.kind else { continue }
                guard let generated = generatedSwift(for: name, on: page, snippets: snippets) else {
                    XCTFail("\(snippet.location): no compiling `// file: \(name)` block on this page")
                    continue
                }
                let available = Dictionary(Declarations.split(generated).map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
                for excerpt in Declarations.split(snippet.lines.dropFirst().joined(separator: "\n")) {
                    guard let current = available[excerpt.name] else {
                        XCTFail("\(snippet.location): adgen no longer writes '\(excerpt.name)' for \(name)")
                        continue
                    }
                    if current != excerpt.text {
                        if update {
                            replacements.append((excerpt.text, current))
                        } else {
                            XCTFail("""
                                \(snippet.location): '\(excerpt.name)' differs from what adgen writes for \(name) \
                                (rerun with ADGEN_UPDATE_DOCS=1 to refresh the page). adgen writes:
                                \(current)
                                """)
                        }
                    }
                }
            }
            guard update, !replacements.isEmpty else { continue }
            for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
            try text.write(to: Docs.directory.appendingPathComponent(page), atomically: true, encoding: .utf8)
        }
    }

    func testUserCodeCompilesAgainstTheGeneratedAPI() throws {
        let swiftc = try XCTUnwrap(Tools.swiftc(), "swiftc not found")
        for page in try Docs.pages() {
            let snippets = Docs.snippets(in: page, text: try Docs.text(of: page))
            let usages = snippets.filter { if case .usage = $0.kind { true } else { false } }
            guard !usages.isEmpty else { continue }
            let directory = try Tools.temporaryDirectory("usage")
            defer { try? FileManager.default.removeItem(at: directory) }
            var files: [String] = []
            var seen: Set<String> = []
            for snippet in snippets {
                guard case .dsl(let name) = snippet.kind, snippet.expectedOutput?.hasPrefix(name + ":") != true,
                      seen.insert(name).inserted,
                      let swift = Pipeline.compile(SourceFile(path: name, text: snippet.text),
                                                   options: Docs.options(for: snippet.text)).swift else { continue }
                let path = directory.appendingPathComponent(name.replacingOccurrences(of: ".adg", with: "+generated.swift"))
                try swift.write(to: path, atomically: true, encoding: .utf8)
                files.append(path.path)
            }
            for snippet in usages {
                guard case .usage(let name) = snippet.kind else { continue }
                let source: String
                let fileName: String
                if let name {
                    source = snippet.text
                    fileName = name
                } else {
                    // Statements: inside a function, with imports hoisted.
                    let imports = snippet.lines.filter { $0.hasPrefix("import ") }
                    let body = snippet.lines.filter { !$0.hasPrefix("import ") }.map { "    " + $0 }
                    source = (imports + ["func docsSnippetAtLine\(snippet.line)() throws {"] + body + ["}"])
                        .joined(separator: "\n") + "\n"
                    fileName = "snippet\(snippet.line).swift"
                }
                let path = directory.appendingPathComponent(fileName)
                XCTAssertFalse(FileManager.default.fileExists(atPath: path.path), "\(snippet.location): a second \(fileName) on the page")
                try source.write(to: path, atomically: true, encoding: .utf8)
                files.append(path.path)
            }
            // Generated training code imports ADGenRuntime.
            let runtime = (try? RuntimeLibrary.locate().flags) ?? []
            let run = try Tools.run(swiftc, ["-typecheck", "-module-name", "DocsCheck"] + runtime + files, in: directory)
            XCTAssertEqual(run.status, 0, "Docs/\(page): the Swift code does not compile with the generated code:\n\(run.output)")
        }
    }

    func testPackageManifestsTypecheck() throws {
        let swiftc = try XCTUnwrap(Tools.swiftc(), "swiftc not found")
        let manifestAPI = URL(fileURLWithPath: swiftc).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/swift/pm/ManifestAPI")
        for snippet in try Docs.allSnippets() {
            guard case .manifest(let version) = snippet.kind else { continue }
            let directory = try Tools.temporaryDirectory("manifest")
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("Package.swift")
            try snippet.text.write(to: path, atomically: true, encoding: .utf8)
            let run = try Tools.run(swiftc, ["-typecheck", "-I", manifestAPI.path, "-package-description-version", version, path.path],
                                    in: directory)
            XCTAssertEqual(run.status, 0, "\(snippet.location): the manifest does not typecheck:\n\(run.output)")
        }
    }

    /// The generated Swift for the page's `// file: NAME` block, with default options.
    func generatedSwift(for name: String, on page: String, snippets: [Snippet]) -> String? {
        for snippet in snippets {
            guard case .dsl(let file) = snippet.kind, file == name else { continue }
            return Pipeline.compile(SourceFile(path: name, text: snippet.text), options: Docs.options(for: snippet.text)).swift
        }
        return nil
    }
}

/// Top-level declarations of generated Swift: a function or struct with its doc comment,
/// up to its closing brace at column 0, named by Swift's full name (`f(w:x:)`, so
/// overloads differ) or the struct's name.
enum Declarations {
    static func split(_ text: String) -> [(name: String, text: String)] {
        var result: [(name: String, text: String)] = []
        var current: [String] = []
        var name: String?
        for line in text.components(separatedBy: "\n") {
            if current.isEmpty, !(line.hasPrefix("///") || line.hasPrefix("func ") || line.hasPrefix("fileprivate ")
                                  || line.hasPrefix("public ") || line.hasPrefix("@") || line.hasPrefix("struct ")) {
                continue
            }
            current.append(line)
            if name == nil { name = declaredName(line) }
            if line == "}" {
                if let name { result.append((name, current.joined(separator: "\n"))) }
                current = []
                name = nil
            }
        }
        return result
    }

    /// `f(w:x:)` for a `func` line, `S` for a `struct S` line, nil for others.
    static func declaredName(_ line: String) -> String? {
        if line.hasPrefix("struct ") { return String(line.dropFirst(7).prefix { $0 != ":" && $0 != " " }) }
        guard !line.hasPrefix("///"), let range = line.range(of: "func ") else { return nil }
        let rest = line[range.upperBound...]
        let base = String(rest.prefix { $0 != "(" && $0 != "<" })
        guard let open = rest.firstIndex(of: "(") else { return base }
        var depth = 0
        var labels: [String] = []
        var parameter = ""
        for character in rest[rest.index(after: open)...] {
            if depth == 0, character == "," || character == ")" {
                let label = parameter.trimmingCharacters(in: .whitespaces).prefix { $0 != " " && $0 != ":" }
                if !label.isEmpty { labels.append(String(label)) }
                parameter = ""
                if character == ")" { break }
                continue
            }
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1 }
            parameter.append(character)
        }
        return base + "(" + labels.map { $0 + ":" }.joined() + ")"
    }
}
