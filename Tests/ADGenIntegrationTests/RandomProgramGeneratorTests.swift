import ADGenCore
import ADGenRandomPrograms
import Foundation
import XCTest

/// The generator's own promises: deterministic, and every program accepted by adgen.
final class RandomProgramGeneratorTests: XCTestCase {
    func testSameSeedSameProgram() {
        XCTAssertEqual(ProgramGenerator.program(seed: 42).render(), ProgramGenerator.program(seed: 42).render())
        XCTAssertNotEqual(ProgramGenerator.program(seed: 42).render(), ProgramGenerator.program(seed: 43).render())
    }

    /// adgen rejecting a generated program is a generator bug (or an adgen bug): none may be rejected.
    func testAdgenAcceptsGeneratedPrograms() {
        var rejected: [String] = []
        let count = ProcessInfo.processInfo.environment["ADGEN_RANDOM_ACCEPT"].flatMap(Int.init) ?? 300
        for seed in 0..<UInt64(count) {
            let text = ProgramGenerator.program(seed: seed).render()
            let source = SourceFile(path: "seed\(seed).adg", text: text)
            let output = Pipeline.compile(source, options: Pipeline.Options(modes: [.primal]))
            if !output.succeeded {
                rejected.append("seed \(seed): " + output.diagnostics.map { $0.rendered(in: source) }.joined(separator: "\n")
                                + "\n" + text)
            }
        }
        XCTAssertEqual(rejected.count, 0, "\(rejected.count) of \(count) programs rejected; first:\n"
                       + rejected.prefix(3).joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["ADGEN_RANDOM_PRINT"] != nil {
            print(ProgramGenerator.program(seed: 1).render())
        }
    }
}

extension RandomProgramGeneratorTests {
    /// `ADGEN_RANDOM_DUMP=DIR ADGEN_RANDOM_FROM=1000 ADGEN_RANDOM_COUNT=50`: writes the programs
    /// of those seeds as DIR/rand_SEED.adg (for reading them or running `adgen` on them).
    func testDumpPrograms() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["ADGEN_RANDOM_DUMP"] else { throw XCTSkip("set ADGEN_RANDOM_DUMP=DIR") }
        let from = environment["ADGEN_RANDOM_FROM"].flatMap(UInt64.init) ?? 0
        let count = environment["ADGEN_RANDOM_COUNT"].flatMap(UInt64.init) ?? 20
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for seed in from..<(from + count) {
            try RandomProgramRunner.text(seed: seed).write(toFile: "\(directory)/\(RandomProgramRunner.name(seed: seed)).adg",
                                                         atomically: true, encoding: .utf8)
        }
    }
}
