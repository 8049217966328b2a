import ADGenRandomPrograms
import Foundation

/// Greedy delta debugging in batches: each round checks up to `batchSize` one-step
/// reductions of the current program (`Reduction.candidates`, smallest first) in one
/// harness run and keeps the smallest that still fails the same way, until no
/// candidate does or `rounds` run out.
struct ProgramReducer {
    var batchSize = 32
    var rounds = 40
    var deadline = Date.distantFuture

    /// Whether `finding` is the same failure as `original`: same class, the same
    /// compiler message for compile errors, the original's first failing metric otherwise.
    static func same(_ finding: FuzzFinding, as original: FuzzFinding) -> Bool {
        guard finding.kind == original.kind else { return false }
        switch original.kind {
        case .generatedCodeDoesNotCompile, .referenceDoesNotCompile: return finding.signature == original.signature
        default:
            let first = original.detail.components(separatedBy: ", ").first ?? ""
            return finding.detail.components(separatedBy: ", ").contains(first) || original.kind == .trap
                || original.kind == .adgenCrash || original.kind == .adgenRejected
        }
    }

    /// The smallest program found that fails like `finding`, and the rounds it took.
    func reduce(_ program: RandomProgram, finding: FuzzFinding, log: (String) -> Void = { _ in }) throws
        -> (RandomProgram, Int) {
        var current = program
        var round = 0
        while round < rounds && Date() < deadline {
            round += 1
            let candidates = Reduction.candidates(current)
            var next: RandomProgram? = nil
            for start in stride(from: 0, to: min(candidates.count, batchSize * 3), by: batchSize) {
                let chunk = Array(candidates[start..<min(start + batchSize, candidates.count)])
                let named = chunk.enumerated().map { ("\(finding.program)_r\(round)_\($0)", $1.render()) }
                // Screened: a reduced program may crash adgen, which must not end the campaign.
                let outcome = try RandomProgramRunner.check(named, batchSize: batchSize, screen: true)
                let failing = named.indices.filter { index in
                    let findings = outcome.findings.filter { $0.program == named[index].0 }
                    return findings.contains { Self.same($0, as: finding) }
                        && !findings.contains { $0.kind == .nonFinite || $0.kind == .referenceDoesNotCompile }
                }
                if let best = failing.first {
                    next = chunk[best]
                    break
                }
            }
            guard let next else { break }
            current = next
            log("round \(round): size \(current.size)")
        }
        return (current, round)
    }
}
