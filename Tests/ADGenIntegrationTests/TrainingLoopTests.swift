import ADGenCore
import Foundation
import XCTest

/// The generated `Double` training loops against hand-written loops of the contract's
/// equations (section 7), bit for bit: every optimizer over 100 steps, the loss with a
/// `step` parameter picking minibatches; windows (k steps, then k more with the state
/// carried) against 2k steps; a learning-rate change between windows against a
/// hand-written schedule. Generated and reference code compile in ONE swiftc call.
final class TrainingLoopTests: XCTestCase {
    static let model = """
        /// Ridge loss on one sample per step, chosen by the step number.
        func ridgeLoss(w: [Double], x: [Double], y: [Double], lambda: Double, step: Int) -> Double {
            let n = y.count
            let d = w.count
            let b = step % n
            var total = 0.0
            for j in 0..<d {
                total += w[j] * x[b * d + j]
            }
            let r = tanh(total) - y[b]
            var penalty = 0.0
            for j in 0..<d {
                penalty += w[j] * w[j]
            }
            return r * r + lambda * penalty
        }

        /// A smooth bowl; its declared wrt is the weights, so the loop calls its own gradient.
        @differentiable(reverse, wrt: w)
        func bowl(w: [Double], scale: Double) -> Double {
            var total = 0.0
            for i in 0..<w.count {
                total += scale * log(1.0 + w[i] * w[i]) + 0.1 * Double(i) * w[i]
            }
            return total
        }

        """

    func testTrainingLoopsEqualHandWrittenLoopsBitForBit() throws {
        let declarations = Optimizer.allCases.map {
            TrainingDeclaration(loss: "ridgeLoss", weights: "w", optimizer: $0.rawValue)
        } + [TrainingDeclaration(loss: "bowl", weights: "w", optimizer: "adam")]
        var options = Pipeline.Options(modes: [.primal, .gradient])
        options.training = declarations
        let output = Pipeline.compile(SourceFile(path: "training.adg", text: Self.model), options: options)
        let generated = try XCTUnwrap(output.swift, output.diagnostics.map(\.message).joined(separator: "\n")
                                      + output.trainingIssues.map(\.rendered).joined(separator: "\n"))
        let run = try Self.compileAndRun(["Generated.swift": generated, "main.swift": Self.reference])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("MISMATCH") }, [])
        XCTAssertEqual(lines.last, "checked 16 trajectories", run.stdout)
        print(run.stdout)
    }

    /// Compiles `files` in one swiftc call (warnings are errors) and runs the program.
    static func compileAndRun(_ files: [String: String], optimization: String = "-Onone") throws -> Toolchain.Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-training-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        guard let swiftc = Toolchain.swiftc() else { throw XCTSkip("swiftc not found") }
        let compile = try Toolchain.run(swiftc, [optimization, "-warnings-as-errors", "-module-name", "TrainingChecks",
                                                 "-o", "training"] + Toolchain.runtimeFlags + files.keys.sorted(),
                                        in: directory, timeout: 240, label: "swiftc")
        guard compile.status == 0 else {
            XCTFail("swiftc failed:\n\(compile.stdout)\(compile.stderr)\n--- generated ---\n\(files["Generated.swift"] ?? "")")
            return compile
        }
        return try Toolchain.run(directory.appendingPathComponent("training").path, [], in: directory, timeout: 60,
                                 label: "run")
    }
}
