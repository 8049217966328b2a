import Foundation
import XCTest

/// Docs/C.md stays true: its generated blocks are what adgen writes for its `kernel.c`
/// today, and its C caller prints what its comment says.
final class CDocsTests: XCTestCase {
    struct Block {
        var language: String
        var lines: [String]
    }

    func blocks() throws -> [Block] {
        let text = try String(contentsOf: CTestSupport.repositoryRoot.appendingPathComponent("Docs/C.md"), encoding: .utf8)
        var result: [Block] = []
        var current: Block?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let block = current {
                    result.append(block)
                    current = nil
                } else {
                    current = Block(language: String(line.dropFirst(3)), lines: [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return result
    }

    /// Chunks between blank lines, comments and imports left out.
    static func chunks(_ lines: [String]) -> [String] {
        lines.split(separator: "").map { $0.joined(separator: "\n") + "\n" }
            .filter { !$0.hasPrefix("// file:") && !$0.hasPrefix("import ") }
    }

    func testGeneratedBlocksMatchTheGenerator() throws {
        try CTestSupport.requireLibClang()
        let blocks = try blocks()
        let input = try XCTUnwrap(blocks.first { $0.language == "c" && $0.lines.first == "// file: kernel.c" })
        let source = input.lines.dropFirst().joined(separator: "\n") + "\n"
        let swift = try XCTUnwrap(CTestSupport.compile(source, path: "kernel.c").text)
        let c = try XCTUnwrap(CTestSupport.compile(source, path: "kernel.c", emit: .c).text)
        let swiftBlock = try XCTUnwrap(blocks.first { $0.language == "swift" && $0.lines.first == "// file: Kernel.swift" })
        for chunk in Self.chunks(swiftBlock.lines) { XCTAssertTrue(swift.contains(chunk), "not generated:\n\(chunk)") }
        let cBlock = try XCTUnwrap(blocks.first { $0.language == "c" && $0.lines.first?.hasPrefix("double scaled_norm_jvp") == true })
        for chunk in Self.chunks(cBlock.lines) { XCTAssertTrue(c.contains(chunk), "not generated:\n\(chunk)") }
        // The caller, compiled with the generated C.
        guard FileManager.default.isExecutableFile(atPath: CNumericTests.compiler) else { return }
        let caller = try XCTUnwrap(blocks.first { $0.language == "c" && $0.lines.first == "#include <stdio.h>" })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-c-docs-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try c.write(to: directory.appendingPathComponent("kernel_ad.c"), atomically: true, encoding: .utf8)
        try (caller.lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("main.c"), atomically: true, encoding: .utf8)
        let program = directory.appendingPathComponent("main").path
        let build = try CTestSupport.run(CNumericTests.compiler, ["-std=c99", "-Wall", "-Wextra", "-Werror", "-o", program,
                                                                  directory.appendingPathComponent("main.c").path,
                                                                  directory.appendingPathComponent("kernel_ad.c").path, "-lm"])
        XCTAssertEqual(build.status, 0, build.error)
        let expected = try XCTUnwrap(caller.lines.first { $0.contains("printf") }?.components(separatedBy: "// ").last)
        XCTAssertEqual(try CTestSupport.run(program, []).output, expected + "\n")
    }
}
