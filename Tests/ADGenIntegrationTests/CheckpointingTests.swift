import ADGenCore
import Foundation
import XCTest

/// Reverse mode under a tape budget (Docs/ReverseMode.md, "Checkpointing under a budget"),
/// on the programs of `Fixtures/checkpointed_loops.adg` generated three times — without a
/// budget (`Plain`), with 1 MB (`Budget`) and with 200 bytes (`Tiny`: two to twelve snapshots) —
/// and compiled with the runtime in ONE swiftc call:
///
/// - bits: every checkpointed gradient equals the fully taped one bit for bit (a stiff ODE,
///   a long RNN, a `while` loop with a data-dependent trip count, a stride loop);
/// - memory: the stiff ODE with a 100-element state over 100,000 steps, in its own process
///   for each of `Plain` and `Budget`: the peak resident set of the gradient call (VmHWM
///   after it, less VmRSS before it) stays within the budget plus the state's arrays, while
///   the taped gradient's grows with the 100,000 steps; and both give the same bits.
final class CheckpointingTests: XCTestCase {
    static let steps = 100_000
    static let budget = 1 << 20

    struct Built {
        var directory: URL
        var executable: String
    }

    static let built: Result<Built, Error> = Result {
        let url = CompiledFixturesTests.fixturesDirectory.appendingPathComponent("checkpointed_loops.adg")
        let text = try String(contentsOf: url, encoding: .utf8)
        var files: [String: String] = ["main.swift": driver]
        for (namespace, budget) in [("Plain", nil), ("Budget", CheckpointingTests.budget), ("Tiny", 200)] as [(String, Int?)] {
            var options = Pipeline.Options(modes: [.primal, .gradient], namespace: namespace)
            options.tapeBudget = budget
            let output = Pipeline.compile(SourceFile(path: "checkpointed_loops.adg", text: text), options: options)
            guard let swift = output.swift else { throw Failure(output.diagnostics.map(\.message).joined(separator: "\n")) }
            files["\(namespace).swift"] = swift
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adgen-checkpointing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        guard let swiftc = Toolchain.swiftc() else { throw XCTSkip("swiftc not found") }
        let compile = try Toolchain.run(swiftc, ["-O", "-warnings-as-errors", "-module-name", "Checkpointing", "-o", "checkpointing"]
                                            + Toolchain.runtimeFlags + files.keys.sorted(),
                                        in: directory, timeout: 300, label: "swiftc")
        guard compile.status == 0 else { throw Failure("swiftc failed:\n\(compile.stdout)\(compile.stderr)") }
        return Built(directory: directory, executable: directory.appendingPathComponent("checkpointing").path)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func run(_ argument: String) throws -> [String] {
        let built = try Self.built.get()
        let run = try Toolchain.run(built.executable, [argument], in: built.directory, timeout: 300, label: argument)
        guard run.status == 0 else { throw Failure("\(argument): status \(run.status)\n\(run.stdout)\n\(run.stderr)") }
        return run.stdout.split(separator: "\n").map(String.init)
    }

    func testCheckpointedGradientsEqualTapedOnesBitForBit() throws {
        let lines = try run("bits")
        XCTAssertEqual(lines.filter { $0.hasPrefix("BITS ") }.count, 2 * 16, lines.joined(separator: "\n"))
        for line in lines where line.contains("MISMATCH") { XCTFail(line) }
    }

    func testPeakMemoryStaysWithinTheBudget() throws {
        func measure(_ variant: String) throws -> (kilobytes: Int, hash: String) {
            let line = try run(variant).first { $0.hasPrefix("RSS ") } ?? ""
            let words = line.split(separator: " ")
            guard words.count == 4, let kilobytes = Int(words[1]) else { throw Failure("\(variant): '\(line)'") }
            return (kilobytes, String(words[3]))
        }
        let taped = try measure("plain")
        let checkpointed = try measure("budget")
        print("peak resident set of the gradient call: taped \(taped.kilobytes) kB, checkpointed \(checkpointed.kilobytes) kB "
              + "(budget \(Self.budget / 1024) kB), \(Self.steps) steps of a 100-element state")
        XCTAssertEqual(taped.hash, checkpointed.hash, "the gradients differ")
        // The state's arrays, the adjoints, one step's tape and the frames' array headers are
        // a few hundred kB (measured: 1,412 kB in all for the 1,024 kB budget).
        XCTAssertLessThanOrEqual(checkpointed.kilobytes, Self.budget / 1024 + 512)
        // The taped loop stores 1,608 bytes per step: 157,000 kB.
        XCTAssertGreaterThan(taped.kilobytes, 100_000)
    }

    static let driver = """
    import Foundation

    func bits(_ values: [Double]) -> [UInt64] { values.map(\\.bitPattern) }

    func report(_ name: String, _ plain: [Double], _ budget: [Double], _ tiny: [Double]) {
        print("BITS \\(name) budget \\(bits(plain) == bits(budget) ? "ok" : "MISMATCH \\(plain) \\(budget)")")
        print("BITS \\(name) tiny \\(bits(plain) == bits(tiny) ? "ok" : "MISMATCH \\(plain) \\(tiny)")")
    }

    /// Kilobytes of a /proc/self/status field.
    func status(_ field: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\\n").first { $0.hasPrefix(field + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    func fnv(_ values: [Double]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values { hash = (hash ^ value.bitPattern) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    let y0 = (0..<100).map { 0.5 + 0.01 * Double($0) }
    let rates = (0..<100).map { 1.0 + 9.0 * Double($0) }

    switch CommandLine.arguments[1] {
    case "bits":
        for steps in [0, 1, 2, 3, 50] {
            let small = Array(y0.prefix(8)), smallRates = Array(rates.prefix(8))
            let a = Plain.stiffDecayGradient(y0: small, rates: smallRates, steps: steps, h: 0.01)
            let b = Budget.stiffDecayGradient(y0: small, rates: smallRates, steps: steps, h: 0.01)
            let c = Tiny.stiffDecayGradient(y0: small, rates: smallRates, steps: steps, h: 0.01)
            report("stiff \\(steps)", [a.value] + a.dy0 + a.drates, [b.value] + b.dy0 + b.drates, [c.value] + c.dy0 + c.drates)
        }
        let w = (0..<16).map { 0.3 * sin(Double($0)) }
        let h0 = [0.1, -0.2, 0.3, 0.05]
        let xs = (0..<7).map { cos(Double($0)) }
        for steps in [1, 17, 400, 2000] {
            let a = Plain.elmanGradient(w: w, h0: h0, xs: xs, steps: steps)
            let b = Budget.elmanGradient(w: w, h0: h0, xs: xs, steps: steps)
            let c = Tiny.elmanGradient(w: w, h0: h0, xs: xs, steps: steps)
            report("rnn \\(steps)", [a.value] + a.dw + a.dh0, [b.value] + b.dw + b.dh0, [c.value] + c.dw + c.dh0)
        }
        for tEnd in [0.0, 0.005, 0.5, 40.0] {
            let a = Plain.growingStepsGradient(y0: 0.7, rate: 1.2, tEnd: tEnd)
            let b = Budget.growingStepsGradient(y0: 0.7, rate: 1.2, tEnd: tEnd)
            let c = Tiny.growingStepsGradient(y0: 0.7, rate: 1.2, tEnd: tEnd)
            report("while \\(tEnd)", [a.value, a.dy0, a.drate], [b.value, b.dy0, b.drate], [c.value, c.dy0, c.drate])
        }
        for n in [0, 2, 100] {
            let a = Plain.stridedMapGradient(a: w, n: n)
            let b = Budget.stridedMapGradient(a: w, n: n)
            let c = Tiny.stridedMapGradient(a: w, n: n)
            report("stride \\(n)", [a.value] + a.da, [b.value] + b.da, [c.value] + c.da)
        }
    case let variant:
        // A short run first, so the code and runtime metadata it touches count before the measurement.
        _ = Plain.stiffDecayGradient(y0: y0, rates: rates, steps: 10, h: 1e-4)
        _ = Budget.stiffDecayGradient(y0: y0, rates: rates, steps: 10, h: 1e-4)
        let before = status("VmRSS")
        let g = variant == "plain"
            ? Plain.stiffDecayGradient(y0: y0, rates: rates, steps: \(steps), h: 1e-4)
            : Budget.stiffDecayGradient(y0: y0, rates: rates, steps: \(steps), h: 1e-4)
        let peak = status("VmHWM")
        print("RSS \\(peak - before) HASH \\(fnv([g.value] + g.dy0 + g.drates))")
    }
    """
}
