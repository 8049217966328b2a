import Foundation
import XCTest
@testable import ADGenDriver

final class SwiftToolchainTests: XCTestCase {
    var cacheDirectory: URL!

    override func setUpWithError() throws {
        cacheDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("adgen-toolchain-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: cacheDirectory)
    }

    func testHelloWorldCompilesRunsAndIsCached() throws {
        let toolchain = try SwiftToolchain(cacheDirectory: cacheDirectory)
        let source = SwiftSourceFile(name: "main.swift", text: "print(\"hello, adgen\")\n")
        let first = try toolchain.compile([source]).get()
        XCTAssertFalse(first.wasCached)
        let output = try toolchain.run(first)
        XCTAssertEqual(output.standardOutput, "hello, adgen\n")
        XCTAssertEqual(output.standardError, "")
        XCTAssertTrue(output.succeeded)

        // A cache hit runs no swiftc: the same executable, not rebuilt (its modification date unchanged).
        let built = try FileManager.default.attributesOfItem(atPath: first.url.path)[.modificationDate] as? Date
        let second = try toolchain.compile([source]).get()
        XCTAssertTrue(second.wasCached)
        XCTAssertEqual(second.url, first.url)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: second.url.path)[.modificationDate] as? Date, built)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: first.url.deletingLastPathComponent().path)
        XCTAssertFalse(leftovers.contains { $0.contains("partial") })
    }

    func testCompileErrorIsAStructuredFailure() throws {
        let toolchain = try SwiftToolchain(cacheDirectory: cacheDirectory)
        let source = SwiftSourceFile(name: "main.swift", text: "let x = 1\nprint(x + undefinedName)\n")
        let result = try toolchain.compile([source])
        guard case .failure(let failure) = result else { return XCTFail("broken code compiled") }
        XCTAssertNotEqual(failure.exitStatus, 0)
        XCTAssertTrue(failure.diagnosticsText.contains("undefinedName"), failure.diagnosticsText)
        let error = try XCTUnwrap(failure.errors.first)
        XCTAssertTrue(error.file.hasSuffix("main.swift"))
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("undefinedName"))
        let entry = cacheDirectory.appendingPathComponent(toolchain.cacheKey(for: [source], flags: []))
        XCTAssertFalse(FileManager.default.fileExists(atPath: entry.appendingPathComponent("program").path))
    }

    func testSeveralFilesFlagsAndExitStatus() throws {
        let toolchain = try SwiftToolchain(cacheDirectory: cacheDirectory)
        let sources = [
            SwiftSourceFile(name: "main.swift", text: """
                import Foundation
                FileHandle.standardError.write(Data("to stderr\\n".utf8))
                print(square(CommandLine.arguments.count))
                exit(3)
                """),
            SwiftSourceFile(name: "Square.swift", text: "func square(_ n: Int) -> Int { n * n }\n"),
        ]
        let program = try toolchain.compile(sources, flags: ["-warnings-as-errors"]).get()
        let output = try toolchain.run(program, arguments: ["a", "b"])
        XCTAssertEqual(output.standardOutput, "9\n")
        XCTAssertEqual(output.standardError, "to stderr\n")
        XCTAssertEqual(output.exitStatus, 3)
        XCTAssertFalse(output.succeeded)

        let warning = SwiftSourceFile(name: "main.swift", text: "func one() -> Int {\n    var x = 1\n    return x\n}\nprint(one())\n")
        XCTAssertNoThrow(try toolchain.compile([warning]).get())
        let strict = try toolchain.compile([warning], flags: ["-warnings-as-errors"])
        guard case .failure(let failure) = strict else {
            return XCTFail("-warnings-as-errors was not passed to swiftc")
        }
        XCTAssertFalse(failure.errors.isEmpty, failure.diagnosticsText)
    }

    func testCacheKeyDependsOnEverything() {
        let toolchain = SwiftToolchain(swiftc: URL(fileURLWithPath: "/x/swiftc"), cacheDirectory: cacheDirectory)
        let other = SwiftToolchain(swiftc: URL(fileURLWithPath: "/y/swiftc"), cacheDirectory: cacheDirectory)
        let a = SwiftSourceFile(name: "main.swift", text: "print(1)")
        let b = SwiftSourceFile(name: "main.swift", text: "print(2)")
        let key = toolchain.cacheKey(for: [a], flags: [])
        XCTAssertEqual(key, toolchain.cacheKey(for: [a], flags: []))
        XCTAssertNotEqual(key, toolchain.cacheKey(for: [b], flags: []))
        XCTAssertNotEqual(key, toolchain.cacheKey(for: [a], flags: ["-Onone"]))
        XCTAssertNotEqual(key, other.cacheKey(for: [a], flags: []))
    }

    func testMissingSwiftcCannotLaunch() throws {
        let toolchain = SwiftToolchain(swiftc: URL(fileURLWithPath: "/nonexistent/swiftc"),
                                       cacheDirectory: cacheDirectory)
        XCTAssertThrowsError(try toolchain.compile([SwiftSourceFile(name: "main.swift", text: "")])) { error in
            guard case SwiftToolchainError.cannotLaunch = error else { return XCTFail("\(error)") }
        }
    }
}

final class SwiftToolchainStreamTests: XCTestCase {
    func testStreamsLinesAndStopsAtTheTimeLimit() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let toolchain = try SwiftToolchain(cacheDirectory: cache)
        let source = SwiftSourceFile(name: "main.swift", text: """
            import Foundation
            // Unbuffered, as CheckSession writes: print's buffer would die with the process.
            FileHandle.standardOutput.write(Data("one\\ntwo\\n".utf8))
            FileHandle.standardError.write(Data("err\\n".utf8))
            if CommandLine.arguments.count > 1 { while true { Thread.sleep(forTimeInterval: 0.05) } }
            """)
        let program = try toolchain.compile([source]).get()
        var lines: [String] = []
        let finished = try toolchain.stream(program, timeout: 30) { lines.append(String($0)) }
        XCTAssertEqual(lines, ["one", "two"])
        XCTAssertTrue(finished.succeeded)
        XCTAssertEqual(finished.standardError, "err\n")

        lines = []
        let start = Date()
        let stopped = try toolchain.stream(program, arguments: ["hang"], timeout: 0.5) { lines.append(String($0)) }
        XCTAssertTrue(stopped.timedOut)
        XCTAssertFalse(stopped.succeeded)
        XCTAssertEqual(lines, ["one", "two"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}

/// The compile cache is pruned least recently used first, never the entry just made.
final class CachePruningTests: XCTestCase {
    func testPrunesOldestEntriesBeyondTheLimit() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-prune-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let toolchain = SwiftToolchain(swiftc: URL(fileURLWithPath: "/bin/false"), cacheDirectory: cache)
        let now = Date()
        for index in 0..<6 {
            let entry = cache.appendingPathComponent("entry\(index)", isDirectory: true)
            try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(Double(index - 10) * 60)],
                                                  ofItemAtPath: entry.path)
        }
        let newest = cache.appendingPathComponent("entry0", isDirectory: true)  // the oldest date, but just made
        let removed = toolchain.pruneCache(keeping: newest, limit: 3)
        XCTAssertEqual(removed, ["entry1", "entry2", "entry3"])
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        XCTAssertEqual(left, ["entry0", "entry4", "entry5"])
    }
}
