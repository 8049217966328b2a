import ADGenC
import ADGenCore
import Foundation
import XCTest

enum CTestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var fixturesDirectory: URL { repositoryRoot.appendingPathComponent("Fixtures/C") }

    /// Every `Fixtures/C/NAME.c` (not the generated `NAME_ad.c`), sorted by name.
    static func fixtureURLs() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: fixturesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "c" && !$0.lastPathComponent.hasSuffix("_ad.c") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// C text through the C front end and the pipeline; the output text, or the diagnostics.
    static func compile(_ text: String, path: String = "kernel.c", emit: Pipeline.Language = .swift,
                        wrt: [Sema.WrtOverride] = []) -> (text: String?, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: path, text: text)
        var diagnostics = DiagnosticEngine()
        guard let syntax = CFrontEnd.parse(file, diagnostics: &diagnostics) else { return (nil, diagnostics.diagnostics) }
        var options = Pipeline.Options(wrt: wrt)
        options.syntax = syntax
        options.emit = emit
        let output = Pipeline.compile(file, options: options)
        return (output.swift, diagnostics.diagnostics + output.diagnostics)
    }

    /// `line:column: error: message` of each diagnostic, as the tests spell them.
    static func short(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    /// Runs a program; its standard output, or a failure with its standard error.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    static func requireLibClang() throws {
        guard CFrontEnd.isAvailable else { throw XCTSkip(CFrontEnd.missingLibClangMessage) }
    }
}
