import Foundation
import XCTest
@testable import ADGenCore

/// `adgen generate --train L --weights w --optimizer o [--validation V]` end to end.
final class TrainingCLITests: XCTestCase {
    static let model = """
        func trainLoss(w: [Double], x: [Double], step: Int) -> Double {
            return w[0] * w[0] * x[step % x.count]
        }
        func validationLoss(w: [Double], x: [Double]) -> Double {
            return w[0] * x[0]
        }

        """

    private var directory: URL!

    override func setUpWithError() throws {
        guard CLITests.executable != nil else { throw XCTSkip("adgen executable not found; build with `swift build --build-tests`") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-train-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Self.model.utf8).write(to: directory.appendingPathComponent("model.adg"))
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Status and standard error of adgen run in the temporary directory.
    private func adgen(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errURL = directory.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    private func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func testTheFlagsDeclareATrainingLoop() throws {
        let result = try adgen(["generate", "model.adg", "--train", "trainLoss", "--weights", "w", "--optimizer", "adam",
                                "--validation", "validationLoss", "-o", "T.swift"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var options = Pipeline.Options()
        options.training = [TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: "adam", validation: "validationLoss")]
        XCTAssertEqual(read("T.swift"), Pipeline.compile(SourceFile(path: "model.adg", text: Self.model), options: options).swift)
        XCTAssertTrue(read("T.swift")?.contains("func trainLossAdam(w: [Double], x: [Double], steps: Int, learningRate: Double") ?? false)
    }

    func testDumpAfterTrainPrintsTheLoopAsIR() throws {
        var options = Pipeline.Options(dumpAfter: .train)
        options.training = [TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: "sgd")]
        let dump = try XCTUnwrap(Pipeline.compile(SourceFile(path: "model.adg", text: Self.model), options: options).dump)
        XCTAssertTrue(dump.hasPrefix("// trainLossSGD wrt: ()\nfunc trainLossSGD(w: [Double], x: [Double], steps: Int, learningRate: Double)"), dump)
        XCTAssertTrue(dump.contains("        let step: Int = start + k\n"), dump)
        XCTAssertTrue(dump.contains("            w[i] -= learningRate * g\n"), dump)
        let result = try adgen(["generate", "model.adg", "--dump-after", "train", "--train", "trainLoss", "--weights", "w",
                                "--optimizer", "sgd"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testErrorsNameTheOptionAndWriteNothing() throws {
        let cases: [([String], String)] = [
            (["--train", "trainLoss", "--weights", "w", "--optimizer", "adamm"],
             "error: --optimizer adamm: unknown optimizer 'adamm' (did you mean 'adam'?); optimizers are sgd, momentum, nesterov, rmsprop, adagrad, adam, adamw\n"),
            (["--train", "trainLos", "--weights", "w", "--optimizer", "sgd"],
             "error: --train trainLos: no function named 'trainLos' in model.adg (did you mean 'trainLoss'?)\n"),
            (["--train", "trainLoss", "--weights", "x", "--optimizer", "sgd", "--validation", "validationLoss"], ""),
            (["--train", "trainLoss", "--weights", "step", "--optimizer", "sgd"],
             "error: --weights step: the weights 'step' of 'trainLoss' have type Int; the weights must be [Double]\n"),
            (["--weights", "w"], "error: --weights needs --train: give the loss to train\n"),
            (["--optimizer", "adam"], "error: --optimizer needs --train: give the loss to train\n"),
            (["--train", "trainLoss", "--weights", "w"], "error: --train trainLoss: needs --optimizer as well\n"),
            (["--train", "trainLoss"], "error: --train trainLoss: needs --weights and --optimizer as well\n"),
        ]
        for (flags, expected) in cases {
            let result = try adgen(["generate", "model.adg", "-o", "T.swift"] + flags)
            if expected.isEmpty {
                XCTAssertEqual(result.status, 0, "\(flags): \(result.stderr)")
                try? FileManager.default.removeItem(at: directory.appendingPathComponent("T.swift"))
                continue
            }
            XCTAssertEqual(result.status, 1, "\(flags)")
            XCTAssertEqual(result.stderr, expected, "\(flags)")
            XCTAssertNil(read("T.swift"), "\(flags) wrote output")
        }
    }

    func testWithAnOutputDirectoryTheFileDefiningTheLossGetsTheLoop() throws {
        try Data("func other(z: Double) -> Double {\n    return z * z\n}\n".utf8).write(to: directory.appendingPathComponent("other.adg"))
        let result = try adgen(["generate", "other.adg", "model.adg", "--output-dir", "Out", "--train", "trainLoss",
                                "--weights", "w", "--optimizer", "momentum"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(read("Out/model.swift")?.contains("func trainLossMomentum(") ?? false)
        XCTAssertFalse(read("Out/other.swift")?.contains("Momentum") ?? true)
        let missing = try adgen(["generate", "other.adg", "model.adg", "--output-dir", "Out2", "--train", "nowhere",
                                 "--weights", "w", "--optimizer", "sgd"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "error: --train nowhere: no function named 'nowhere' in other.adg, model.adg\n")
        XCTAssertNil(read("Out2/model.swift"))
    }
}
