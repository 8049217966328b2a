import Foundation
import XCTest

/// The random-program check can fail: generated `f0JVP` of sample programs with the
/// tangent scaled by 1.5 on every return line, and `f0VJP` with its seed scaled by 1.5,
/// must be flagged as a wrong JVP or a wrong VJP (all but a program whose derivative is
/// zero, which no scaling changes).
final class RandomProgramMutationTests: XCTestCase {
    func testScaledDerivativesAreFlagged() throws {
        let seeds = RandomProgramTests.sampleSeeds.filter { RandomProgramTests.pendingSeeds[$0] == nil }.prefix(12)
        var programs: [FixtureProgram] = []
        var expected: [String: FuzzFinding.Kind] = [:]
        for seed in seeds where programs.count < 8 {
            let text = RandomProgramRunner.text(seed: seed)
            for (suffix, kind) in [("jvp", FuzzFinding.Kind.wrongJVP), ("vjp", .wrongVJP)] {
                guard var program = FixtureProgram.compile(name: "rand_\(seed)_m\(suffix)", text: text).0,
                      let mutated = suffix == "jvp" ? Self.scale(program.generatedSwift, in: "f0JVP", label: "tangent")
                                                    : Self.scaleSeed(program.generatedSwift, in: "f0VJP")
                else { continue }
                program.generatedSwift = mutated
                programs.append(program)
                expected[program.name] = kind
            }
        }
        XCTAssertGreaterThanOrEqual(programs.count, 6)
        let evaluation = try CompiledFixturesTests.evaluate(programs, testedModes: CompiledFixturesTests.testedModes,
                                                            keepOnFailure: false)
        var missed: [String] = []
        for program in programs where !FuzzFinding.classify(program.name, in: evaluation).map(\.kind)
            .contains(expected[program.name]!) {
            missed.append(program.name)
        }
        XCTAssertLessThanOrEqual(missed.count, programs.count / 4, "not flagged: \(missed)")
    }

    /// `let seed = 1.5 * seed` as the first line of `func name(` when its seed is a `Double`.
    static func scaleSeed(_ swift: String, in name: String) -> String? {
        var lines = swift.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("func \(name)(") && $0.contains("seed: Double)") })
        else { return nil }
        let indent = String(lines[start].prefix { $0 == " " })
        lines.insert(indent + "    let seed = 1.5 * seed", at: start + 1)
        return lines.joined(separator: "\n")
    }

    /// `label: e` → `label: 1.5 * (e)` on each return line of `func name(`; nil when absent.
    static func scale(_ swift: String, in name: String, label: String) -> String? {
        var lines = swift.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("func \(name)(") }) else { return nil }
        let indent = String(lines[start].prefix { $0 == " " })
        guard let end = lines[(start + 1)...].firstIndex(where: { $0 == indent + "}" }) else { return nil }
        var changed = false
        for index in (start + 1)..<end where lines[index].contains("return (value: ") {
            let pattern = label + #": ([^,]+?)(, [a-z]+: |\)$)"#
            guard let range = lines[index].range(of: pattern, options: .regularExpression) else { continue }
            let match = String(lines[index][range])
            let value = match.dropFirst(label.count + 2)
            let tail = value.hasSuffix(")") && !value.contains(", ") ? ")" : String(value[value.range(of: ", ")!.lowerBound...])
            let expression = value.dropLast(tail.count)
            lines[index].replaceSubrange(range, with: "\(label): 1.5 * (\(expression))\(tail)")
            changed = true
        }
        return changed ? lines.joined(separator: "\n") : nil
    }
}
