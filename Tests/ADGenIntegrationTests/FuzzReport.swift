import ADGenRandomPrograms
import Foundation

/// The campaign's output folder: `summary.md`, and per reduced finding `NAME.adg`
/// (with `// check:` lines and a header naming the failure).
struct FuzzReport {
    var outcome: RandomProgramRunner.Outcome
    var firstSeed: UInt64
    var reduced: [(finding: FuzzFinding, program: RandomProgram, rounds: Int)] = []

    var firstOfEachSignature: [FuzzFinding] {
        var seen: Set<String> = []
        return outcome.findings.filter { seen.insert($0.signature).inserted }
    }

    static func fileName(_ finding: FuzzFinding, _ index: Int) -> String {
        let kind = finding.kind.rawValue.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "\(String(format: "%02d", index))_\(String(kind))_\(finding.program).adg"
    }

    func write(to directory: URL) throws {
        var lines = ["# Fuzz campaign", "",
                     "\(outcome.checked) programs checked from seed \(firstSeed) in \(Int(outcome.seconds)) s; "
                     + "\(Set(outcome.findings.map(\.program)).count) failed; \(outcome.unchecked.count) unchecked.", "",
                     "| class | programs |", "|---|---|"]
        for kind in FuzzFinding.Kind.allCases {
            let programs = Set(outcome.findings.filter { $0.kind == kind }.map(\.program))
            if !programs.isEmpty { lines.append("| \(kind.rawValue) | \(programs.count) |") }
        }
        lines += ["", "## Distinct signatures (first program of each)", ""]
        for finding in firstOfEachSignature {
            let count = outcome.findings.filter { $0.signature == finding.signature }.count
            lines.append("- `\(finding.signature)` — \(count) programs, first \(finding.program)")
        }
        lines += ["", "## Reduced", ""]
        for (index, entry) in reduced.enumerated() {
            let name = Self.fileName(entry.finding, index)
            let header = "\(entry.finding.kind.rawValue): \(entry.finding.detail.split(separator: "\n").first ?? "") "
                + "(reduced from \(entry.finding.program) in \(entry.rounds) rounds)"
            try entry.program.render(header: header).write(to: directory.appendingPathComponent(name),
                                                           atomically: true, encoding: .utf8)
            lines.append("- `\(name)`: \(header)")
        }
        lines += ["", "## All findings", ""]
        lines += outcome.findings.map { "- \($0.program): \($0.kind.rawValue): \($0.detail.split(separator: "\n").first ?? "")" }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("summary.md"),
                                                         atomically: true, encoding: .utf8)
    }
}
