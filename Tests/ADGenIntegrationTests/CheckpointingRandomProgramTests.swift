import ADGenCore
import ADGenRandomPrograms
import XCTest

/// Random programs (`ProgramGenerator`) through reverse mode with and without a tape
/// budget, in process: every program the pipeline accepts without a budget it must accept
/// with one, its checkpointed code passing the IR verifier (a clash of names between a
/// recorded step's forward and reverse code was found this way). The numerical checks of
/// the same programs under a budget are `make fuzz TAPE_BUDGET=512` (Docs/Fuzzing.md).
final class CheckpointingRandomProgramTests: XCTestCase {
    func testRandomProgramsAreAcceptedUnderABudget() {
        let count = ProcessInfo.processInfo.environment["ADGEN_RANDOM_ACCEPT"].flatMap(Int.init) ?? 300
        var checkpointed = 0
        var failures: [String] = []
        for seed in 0..<UInt64(count) {
            let source = SourceFile(path: "seed\(seed).adg", text: ProgramGenerator.program(seed: seed).render())
            var options = Pipeline.Options(modes: [.vjp, .gradient])
            guard Pipeline.compile(source, options: options).succeeded else { continue }
            options.tapeBudget = 512
            let budgeted = Pipeline.compile(source, options: options)
            if budgeted.swift?.contains("LoopCheckpoints(") == true { checkpointed += 1 }
            if !budgeted.succeeded {
                failures.append("seed \(seed): " + budgeted.diagnostics.map { $0.rendered(in: source) }.joined(separator: "\n"))
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(count) programs rejected only under a budget")
        // The sample must exercise checkpointing: most programs have a loop that tapes.
        XCTAssertGreaterThan(checkpointed, count / 4, "programs with a checkpointed loop")
        print("random programs under a 512-byte budget: \(count) generated, \(checkpointed) with a checkpointed loop")
    }
}
