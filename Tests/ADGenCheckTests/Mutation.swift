import Foundation

/// A deliberate mistake put into one generated function's text, to prove the checker
/// flags wrong derivatives.
struct Mutation {
    enum Edit {
        /// `+=` → `-=` on the last line of the body that accumulates into a variable
        /// whose name starts with `prefix`.
        case flipLastAccumulation(prefix: String)
        /// The first `old` in the body becomes `new`.
        case replaceFirst(String, String)
        /// `tangent: e` → `tangent: factor * (e)` on the return line.
        case scaleTangent(String)
    }

    var fixture: String
    /// The DSL function whose checks should fail.
    var function: String
    /// The generated function edited, e.g. `lossVJP`.
    var generated: String
    var edit: Edit
    /// The mode whose row must fail.
    var mode: String
    var label: String
    /// The entry the report must name first among its worst entries, when the edit
    /// changes one entry only: its index among the active inputs and its name.
    var worstEntry: (index: Int, name: String)? = nil

    /// `swift` with the edit applied inside `func generated(`; nil when it does not apply.
    func apply(to swift: String) -> String? {
        var lines = swift.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("func \(generated)(") }) else { return nil }
        let indent = String(lines[start].prefix { $0 == " " })
        guard let end = lines[(start + 1)...].firstIndex(where: { $0 == indent + "}" }) else { return nil }
        let body = (start + 1)..<end
        switch edit {
        case .flipLastAccumulation(let prefix):
            let pattern = #"^\s+"# + prefix + #"[\w\[\] +\-]* \+= "#
            guard let index = body.reversed().first(where: { lines[$0].range(of: pattern, options: .regularExpression) != nil })
            else { return nil }
            lines[index] = lines[index].replacingOccurrences(of: " += ", with: " -= ")
        case let .replaceFirst(old, new):
            guard let index = body.first(where: { lines[$0].contains(old) }),
                  let range = lines[index].range(of: old) else { return nil }
            lines[index].replaceSubrange(range, with: new)
        case .scaleTangent(let factor):
            guard let index = body.first(where: { lines[$0].contains("return (value: ") && lines[$0].contains("tangent: ") }),
                  let range = lines[index].range(of: "tangent: "), lines[index].hasSuffix(")") else { return nil }
            lines[index].replaceSubrange(range, with: "tangent: \(factor) * (")
            lines[index] += ")"
        }
        return lines.joined(separator: "\n")
    }

    /// The mutants the tests compile next to the fixtures.
    static let all: [Mutation] = [
        Mutation(fixture: "exp_log", function: "expLogMix", generated: "expLogMixVJP", edit: .flipLastAccumulation(prefix: "d"),
                 mode: "vjp", label: "sign of an adjoint accumulation in a VJP"),
        Mutation(fixture: "scalar_math", function: "trigMix", generated: "trigMixJVP", edit: .replaceFirst("cos(", "sin("),
                 mode: "jvp", label: "wrong derivative rule (sin for cos) in a JVP"),
        Mutation(fixture: "welford_stats", function: "welfordVariance", generated: "welfordVarianceJVP",
                 edit: .scaleTangent("1.00000001"), mode: "jvp",
                 label: "JVP tangent off by 1e-8 (below what finite differences can see)"),
        Mutation(fixture: "logistic_regression", function: "logisticLoss", generated: "logisticLossGradient",
                 edit: .replaceFirst("seed: 1.0", "seed: 1.5"), mode: "gradient", label: "gradient seeded with 1.5"),
        Mutation(fixture: "exp_log", function: "powerMix", generated: "powerMixHVP", edit: .flipLastAccumulation(prefix: "vd"),
                 mode: "hvp", label: "sign of a second-order accumulation in an HVP"),
        Mutation(fixture: "cumsum_inplace", function: "prefixSum", generated: "prefixSumVJP", edit: .flipLastAccumulation(prefix: "d"),
                 mode: "vjp", label: "sign in a loop's reverse sweep ([Double] result)"),
        Mutation(fixture: "rnn_step", function: "rnnLoss", generated: "rnnLossVJP", edit: .flipLastAccumulation(prefix: "d"),
                 mode: "vjp", label: "sign in a taped reverse sweep with calls"),
        Mutation(fixture: "special_functions", function: "logBeta", generated: "logBetaVJP",
                 edit: .replaceFirst("adgenPolygamma(0, b)", "adgenPolygamma(1, b)"), mode: "gradient",
                 label: "trigamma for digamma in one adjoint (only b's)", worstEntry: (1, "b")),
    ]
}
