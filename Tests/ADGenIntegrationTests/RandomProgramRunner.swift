import ADGenCore
import ADGenRandomPrograms
import Foundation

/// Runs `.adg` texts through adgen and the compiled harness in batches (one `swiftc`
/// call per batch) and classifies every failure.
enum RandomProgramRunner {
    struct Outcome {
        var checked = 0
        var findings: [FuzzFinding] = []
        /// Programs whose batch never compiled or ran (time-outs), by name.
        var unchecked: [String] = []
        var summaries: [String] = []
        var seconds = 0.0
    }

    static func name(seed: UInt64) -> String { "rand_\(seed)" }

    static func text(seed: UInt64) -> String {
        ProgramGenerator.program(seed: seed).render(header: "random program, seed \(seed)")
    }

    /// `screen`: run the adgen executable on each batch first, so an adgen crash is a
    /// finding instead of the end of the test process.
    static func check(_ programs: [(name: String, text: String)], batchSize: Int, screen: Bool = false,
                      progress: (String) -> Void = { _ in }) throws -> Outcome {
        let started = Date()
        var outcome = Outcome()
        for start in stride(from: 0, to: programs.count, by: batchSize) {
            let batch = Array(programs[start..<min(start + batchSize, programs.count)])
            try checkBatch(batch, screen: screen, into: &outcome)
            if let summary = outcome.summaries.last, ProcessInfo.processInfo.environment["ADGEN_RANDOM_VERBOSE"] != nil {
                progress(summary)
            }
            progress("\(min(start + batchSize, programs.count))/\(programs.count) programs, "
                     + "\(outcome.findings.count) findings, \(Int(Date().timeIntervalSince(started))) s")
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    static func checkBatch(_ batch: [(name: String, text: String)], screen: Bool, into outcome: inout Outcome) throws {
        let crashed = screen ? try AdgenScreen.crashing(batch) : [:]
        var compiled: [FixtureProgram] = []
        for (name, text) in batch {
            if let crash = crashed[name] {
                outcome.findings.append(FuzzFinding(program: name, kind: .adgenCrash, detail: crash,
                                                    signature: FuzzFinding.Kind.adgenCrash.rawValue))
                continue
            }
            let (program, problems) = FixtureProgram.compile(name: name, text: text)
            guard let program else {
                let detail = problems.joined(separator: "\n")
                outcome.findings.append(FuzzFinding(program: name, kind: .adgenRejected, detail: detail,
                                                    signature: FuzzFinding.Kind.adgenRejected.rawValue))
                continue
            }
            compiled.append(program)
        }
        guard !compiled.isEmpty else { return }
        let keep = ProcessInfo.processInfo.environment["ADGEN_KEEP_HARNESS"] != nil
        let evaluation = try CompiledFixturesTests.evaluate(compiled, testedModes: CompiledFixturesTests.testedModes,
                                                            keepOnFailure: keep)
        outcome.summaries.append(evaluation.summary)
        let unchecked = Set(evaluation.notCompiled).subtracting(evaluation.compileErrors.keys)
        outcome.unchecked += compiled.map(\.name).filter(unchecked.contains)
        for program in compiled where !unchecked.contains(program.name) {
            outcome.checked += 1
            outcome.findings += FuzzFinding.classify(program.name, in: evaluation)
        }
    }
}
