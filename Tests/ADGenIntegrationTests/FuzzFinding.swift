import Foundation

/// One random program's failure, classified (Docs/FuzzFindings.md uses these classes).
struct FuzzFinding: Equatable {
    enum Kind: String, CaseIterable {
        /// adgen reported a diagnostic: the generator wrote something outside the language.
        case adgenRejected = "adgen rejects a generated program"
        case adgenCrash = "adgen crashes"
        case generatedCodeDoesNotCompile = "generated Swift does not compile"
        /// The DSL itself compiled as Swift failed (a generator bug: warnings count).
        case referenceDoesNotCompile = "the program is not valid Swift"
        case trap = "trap at run time"
        case primalMismatch = "primal differs from the DSL compiled as Swift"
        /// The primal is NaN or infinite at a sampled point (a generator bug: out of domain).
        case nonFinite = "non-finite primal"
        case wrongJVP = "wrong JVP"
        case wrongVJP = "wrong VJP"
        case wrongGradient = "wrong gradient"
        case wrongHVP = "wrong HVP"

        /// Bugs of the generator rather than of adgen.
        var isGeneratorBug: Bool { [.adgenRejected, .referenceDoesNotCompile, .nonFinite].contains(self) }
    }

    var program: String
    var kind: Kind
    /// What failed: the first error message, or the failing `mode metric` pairs.
    var detail: String
    /// What the reducer keeps constant: the kind and a name-free form of the detail.
    var signature: String
}

extension FuzzFinding {
    /// Every finding of `program` in `evaluation`, most specific first; empty when it passed.
    static func classify(_ program: String, in evaluation: HarnessEvaluation) -> [FuzzFinding] {
        if let errors = evaluation.compileErrors[program], !errors.isEmpty {
            let generated = errors.filter { $0.hasPrefix("[generated code]") }
            let kind: Kind = generated.isEmpty ? .referenceDoesNotCompile : .generatedCodeDoesNotCompile
            let first = (generated.first ?? errors[0]).components(separatedBy: "] ").dropFirst().joined(separator: "] ")
            return [FuzzFinding(program: program, kind: kind, detail: first, signature: kind.rawValue + ": " + nameless(first))]
        }
        if let crash = evaluation.crashes[program] {
            return [FuzzFinding(program: program, kind: .trap, detail: crash, signature: Kind.trap.rawValue)]
        }
        let failed = evaluation.results.filter { $0.fixture == program && !$0.passed }
        let metrics = Set(failed.map { "\($0.mode) \($0.metric)" })
        var findings: [FuzzFinding] = []
        func add(_ kind: Kind, _ keys: [String]) {
            let hit = keys.filter(metrics.contains)
            if !hit.isEmpty {
                findings.append(FuzzFinding(program: program, kind: kind, detail: hit.joined(separator: ", "),
                                            signature: kind.rawValue + ": " + hit.joined(separator: ", ")))
            }
        }
        add(.nonFinite, ["primal finite"])
        add(.primalMismatch, ["primal bits", "jvp value-bits", "vjp value", "gradient value", "hvp value"])
        add(.wrongVJP, ["vjp dot-product", "vjp vs-FD", "vjp shape"])
        add(.wrongJVP, ["jvp tangent-vs-FD"])
        add(.wrongGradient, ["gradient vs-VJP", "gradient vs-FD", "gradient shape"])
        add(.wrongHVP, ["hvp gradient-vs-fGradient", "hvp vs-FD-of-gradient", "hvp symmetry", "hvp shape"])
        return findings
    }

    /// `cannot find 'dsumQ' in scope` → `cannot find '…' in scope`.
    static func nameless(_ message: String) -> String {
        message.replacingOccurrences(of: #"'[^']*'"#, with: "'…'", options: .regularExpression)
    }
}
