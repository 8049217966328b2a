import Foundation
import XCTest

/// `adgen generate kernel.c` end to end (the binary `swift build --build-tests` leaves in .build).
final class CCommandLineTests: XCTestCase {
    var adgen: String { CTestSupport.repositoryRoot.appendingPathComponent(".build/debug/adgen").path }

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-c-cli-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, error: String) {
        guard FileManager.default.isExecutableFile(atPath: adgen) else { throw XCTSkip("no adgen binary at \(adgen)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: adgen)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testMissingLibClangIsAClearErrorAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("k.c")
        try "double f(double x) { return x * x; }\n".write(to: input, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("K.swift")
        let result = try run(["generate", input.path, "-o", output.path], environment: ["ADGEN_LIBCLANG": "/nonexistent/libclang.so"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "error: reading C needs libclang; install it with `apt-get install libclang-dev`\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testEmitCWritesTheContractSignaturesAndRejectsBadInput() throws {
        try CTestSupport.requireLibClang()
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("k.c")
        try "double f(const double *x, double y, int n) {\n    double s = 0;\n    for (int i = 0; i < n; i++) s += x[i] * y;\n    return s;\n}\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("k_ad.c")
        XCTAssertEqual(try run(["generate", input.path, "--emit", "c", "-o", output.path]).status, 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        for signature in [
            "double f_jvp(const double *x, double y, int n, const double *dx, double dy, double *tangent)",
            "double f_vjp(const double *x, double y, int n, double seed, double *dx, double *dy)",
            "double f_gradient(const double *x, double y, int n, double *dx, double *dy)",
            "double f_hvp(const double *x, double y, int n, const double *vx, double vy, double *dx, double *dy, double *hvx, double *hvy)",
        ] {
            XCTAssertTrue(text.contains(signature + " {"), signature)
        }
        try "double f(double x) {\n    goto end;\nend:\n    return x;\n}\n".write(to: input, atomically: true, encoding: .utf8)
        let bad = directory.appendingPathComponent("bad_ad.c")
        let result = try run(["generate", input.path, "--emit", "c", "-o", bad.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.hasPrefix("\(input.path):2:5: error: unsupported in adgen: 'goto' and labels\n"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
    }

    func testEmitCRefusesTheVectorModes() throws {
        try CTestSupport.requireLibClang()
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("k.c")
        try "double f(double x) { return x * x; }\n".write(to: input, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("k_ad.c")
        let result = try run(["generate", input.path, "--emit", "c", "--modes", "gradient,hessian", "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.hasPrefix("\(input.path):1:1: error: --emit c has no hessian mode; emit Swift for whole Jacobians and Hessians\n"),
                      result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
