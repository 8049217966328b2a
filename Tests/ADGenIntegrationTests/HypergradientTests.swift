import ADGenCore
import Foundation
import XCTest

/// The generated `LOptHypergradient`, `LOptExact` and `LOptReverse` (contract, section 7),
/// compiled with the runtime in ONE swiftc call and run once; each test reads its lines of
/// the report. The oracle is independent of the hypergradient code: central differences of
/// the whole generated `Double` training loop `LOpt` followed by the validation function.
///
/// - every optimizer, every method that applies: the hypergradient in every hyperparameter,
///   a per-weight regularization strength, a validation input and a random direction in the
///   initial weights, against those differences;
/// - `.checkpointed` equals `.unrolled` bit for bit for several snapshot counts; `.reversible`
///   agrees with `.unrolled` to 1e-6; `.implicit` agrees with a converged `.unrolled` to 1e-4;
/// - the runtime's `TrainingStep` follows `LOpt` bit for bit (the trajectory the methods use);
/// - windows: the hypergradient from a given state against differences of `LOpt` from it,
///   and the state it leaves equal to `LOpt`'s (`.reversible` from that state agrees with
///   `.unrolled`); a schedule's `dlearningRates[k]` against
///   differences in step `k`'s rate;
/// - exact round trips: 1,000 weights (a tenth of them with zero gradient, so `v = 0`),
///   minibatches through `step`, 10,000 steps forward and back for Adam and 3,000 for momentum
///   and AdamW (the runtime is a debug build in `make test`; `make bench` runs 10,000 of each
///   in release), and rates from 0.5 to 0.9999 on a smaller model: weights, state and buffer
///   bit for bit.
final class HypergradientTests: XCTestCase {
    static let output: Result<[String], Error> = Result {
        let optimizers = Optimizer.allCases.map { $0.rawValue }
        var declarations = optimizers.map {
            TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: $0, validation: "validationLoss")
        }
        declarations.append(TrainingDeclaration(loss: "ridgeLoss", weights: "w", optimizer: "momentum", validation: "ridgeValidation"))
        declarations += ["momentum", "adam", "adamw"].map { TrainingDeclaration(loss: "bigLoss", weights: "w", optimizer: $0) }
        var options = Pipeline.Options(modes: [.primal, .gradient])
        options.training = declarations
        let compiled = Pipeline.compile(SourceFile(path: "hyper.adg", text: model), options: options)
        guard let swift = compiled.swift else {
            throw CheckFailure(compiled.diagnostics.map(\.message).joined(separator: "\n")
                               + compiled.trainingIssues.map(\.rendered).joined(separator: "\n"))
        }
        let run = try TrainingLoopTests.compileAndRun(["Generated.swift": swift, "main.swift": driver], optimization: "-O",
                                                     runTimeout: 600)
        guard run.status == 0 else { throw CheckFailure("status \(run.status)\n\(run.stdout)\n\(run.stderr)") }
        return run.stdout.split(separator: "\n").map(String.init)
    }

    struct CheckFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The lines starting with `prefix`; fails on any `MISMATCH` among them.
    func lines(_ prefix: String, expected: Int) throws -> [String] {
        let all = try Self.output.get()
        let selected = all.filter { $0.hasPrefix(prefix + " ") }
        for line in selected where line.contains("MISMATCH") { XCTFail(line) }
        XCTAssertEqual(selected.count, expected, "lines \(prefix):\n" + all.joined(separator: "\n"))
        return selected
    }

    func testEveryMethodAgainstDifferencesOfTheTrainingLoop() throws {
        // 7 optimizers × (unrolled, checkpointed) + reversible for 3; each line the largest error
        // over the value, every hyperparameter, lambda[1], xValidation[2] and a w direction.
        let checked = try lines("FD", expected: 7 * 2 + 3)
        print(checked.joined(separator: "\n"))
    }

    func testCheckpointedEqualsUnrolledBitForBit() throws {
        _ = try lines("BITS", expected: 7 * 4)
    }

    func testReversibleAgreesWithUnrolled() throws {
        _ = try lines("REVERSIBLE", expected: 3)
    }

    func testImplicitAgreesWithConvergedUnrolledRun() throws {
        let lines = try lines("IMPLICIT", expected: 1)
        print(lines.joined(separator: "\n"))
    }

    func testRuntimeStepFollowsGeneratedLoopBitForBit() throws {
        _ = try lines("TRAJECTORY", expected: 7)
    }

    func testWindowsAndSchedules() throws {
        // state, 3 methods' weights, dlearningRate, and .reversible from the state (4 lines).
        _ = try lines("WINDOW", expected: 2 + 3 + 4)
        // 3 steps against differences, AdamW's schedule reversed, the constant schedule's sum.
        _ = try lines("SCHEDULE", expected: 5)
    }

    func testExactRoundTrips() throws {
        let lines = try lines("ROUNDTRIP", expected: 3 + 5)
        print(lines.joined(separator: "\n"))
    }
}
