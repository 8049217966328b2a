import ADGenRandomPrograms
import Foundation
import XCTest

/// `make fuzz N=10000`: N random programs through every mode; each distinct failure
/// reduced to a small program in `.build/fuzz-failures/` with `summary.md` (Docs/Fuzzing.md).
/// Skipped unless `ADGEN_FUZZ_PROGRAMS` is set; `ADGEN_FUZZ_TAPE_BUDGET=512` checkpoints
/// every program's loops under that budget (the same checks then test checkpointing).
final class FuzzCampaignTests: XCTestCase {
    func testCampaign() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let count = environment["ADGEN_FUZZ_PROGRAMS"].flatMap(Int.init) else {
            throw XCTSkip("set ADGEN_FUZZ_PROGRAMS=N (make fuzz N=...)")
        }
        let firstSeed = environment["ADGEN_FUZZ_SEED"].flatMap(UInt64.init) ?? 1_000_000
        let reduceLimit = environment["ADGEN_FUZZ_REDUCE"].flatMap(Int.init) ?? 12
        let minutes = environment["ADGEN_FUZZ_REDUCE_MINUTES"].flatMap(Double.init) ?? 30
        let output = URL(fileURLWithPath: environment["ADGEN_FUZZ_OUT"] ?? CompiledFixturesTests.fixturesDirectory
            .deletingLastPathComponent().appendingPathComponent(".build/fuzz-failures").path)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

        let seeds = (0..<UInt64(count)).map { firstSeed + $0 }
        // ADGEN_FUZZ_TAPE_BUDGET=SIZE: every program's reverse mode checkpointed under that budget.
        let budgetHeader = environment["ADGEN_FUZZ_TAPE_BUDGET"].map { "// adgen: --tape-budget \($0)\n" } ?? ""
        let programs = seeds.map { (RandomProgramRunner.name(seed: $0), budgetHeader + RandomProgramRunner.text(seed: $0)) }
        let outcome = try RandomProgramRunner.check(programs, batchSize: 40, screen: true) { print("fuzz: " + $0) }
        var report = FuzzReport(outcome: outcome, firstSeed: firstSeed)
        try report.write(to: output)

        // Reduce the first program of each distinct signature.
        let reducer = ProgramReducer(deadline: Date().addingTimeInterval(minutes * 60))
        for finding in report.firstOfEachSignature.prefix(reduceLimit) {
            guard let seed = UInt64(finding.program.dropFirst("rand_".count)) else { continue }
            let (reduced, rounds) = try reducer.reduce(ProgramGenerator.program(seed: seed), finding: finding) {
                print("reduce \(finding.program): " + $0)
            }
            report.reduced.append((finding, reduced, rounds))
            try report.write(to: output)
        }
        print("fuzz: wrote \(output.path)/summary.md")
        XCTAssertEqual(outcome.findings.count, 0, "see \(output.path)/summary.md")
    }
}
