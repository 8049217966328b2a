import ADGenCheck
import ADGenDriver
import ADGenRuntime
import Foundation
import XCTest

/// Finding the built runtime that check programs link.
final class RuntimeLibraryTests: XCTestCase {
    func testFoundNextToTheTestsAndExplainedWhenMissing() throws {
        let runtime = try RuntimeLibrary.locate()
        XCTAssertEqual(runtime.linkage, .dynamic, "swift build --build-tests builds libADGenCheckSupport")
        XCTAssertTrue(runtime.flags.contains("-lADGenCheckSupport"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: runtime.shimsModuleMap.path))
        XCTAssertThrowsError(try RuntimeLibrary.locate(environment: ["ADGEN_RUNTIME_DIR": "/nonexistent"])) { error in
            XCTAssertTrue("\(error)".contains("make build"), "\(error)")
        }
    }

    /// Without libADGenCheckSupport (only `swift build --product adgen`), the object files of
    /// the runtime and swift-numerics are linked instead.
    func testObjectFilesWhenTheLibraryIsMissing() throws {
        let real = try RuntimeLibrary.locate().directory
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let build = scratch.appendingPathComponent("triple/debug")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        for name in ["Modules", "ADGenCheckSupport.build", "ADGenRuntime.build", "ComplexModule.build", "RealModule.build", "Numerics.build",
                     "_NumericsShims.build"] {
            try FileManager.default.createSymbolicLink(at: build.appendingPathComponent(name),
                                                       withDestinationURL: real.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("checkouts"),
            withDestinationURL: real.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts"))

        let runtime = try RuntimeLibrary.locate(environment: ["ADGEN_RUNTIME_DIR": build.path])
        guard case .objects(let objects) = runtime.linkage else { return XCTFail("expected object files: \(runtime)") }
        XCTAssertTrue(objects.contains { $0.lastPathComponent == "CheckSession.swift.o" })
        XCTAssertFalse(runtime.flags.contains("-lADGenCheckSupport"))

        let toolchain = try SwiftToolchain(cacheDirectory: scratch.appendingPathComponent("cache"))
        let main = SwiftSourceFile(name: "main.swift", text: """
            import ADGenCheckSupport
            import ADGenRuntime
            print(ComplexStep.derivative(of: { csSin($0) }, at: 0.0))
            """)
        let program = try toolchain.compile([main], flags: runtime.flags, salt: runtime.fingerprint).get()
        XCTAssertEqual(try toolchain.run(program).standardOutput, "1.0\n")
    }
}
