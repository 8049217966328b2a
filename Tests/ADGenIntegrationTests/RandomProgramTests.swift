import ADGenRandomPrograms
import Foundation
import XCTest

/// `make test`'s fixed-seed sample of random programs through every mode (issue 14).
/// Seeds whose programs fail on today's compiler are listed in `pendingSeeds`
/// (RandomProgramPendingSeeds.swift) with their findings; they are skipped here and run
/// by `ADGEN_RANDOM_PENDING=1`.
final class RandomProgramTests: XCTestCase {
    /// The first seeds of the default `make fuzz` campaign, so its summary names the failures.
    static let sampleSeeds: [UInt64] = Array(1_000_000..<1_000_150)
    static let batchSize = 50

    func testFixedSeedSample() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["ADGEN_RANDOM_SAMPLE"].flatMap(Int.init) ?? Self.sampleSeeds.count
        let pending = environment["ADGEN_RANDOM_PENDING"] != nil
        let seeds = Self.sampleSeeds.prefix(count).filter { pending == (Self.pendingSeeds[$0] != nil) }
        let programs = seeds.map { (RandomProgramRunner.name(seed: $0), RandomProgramRunner.text(seed: $0)) }
        let outcome = try RandomProgramRunner.check(programs, batchSize: Self.batchSize) { print("random programs: " + $0) }
        print("random programs: \(outcome.checked) checked in \(String(format: "%.1f", outcome.seconds)) s, "
              + "\(outcome.findings.count) findings, \(Self.pendingSeeds.count) pending seeds skipped")
        for finding in outcome.findings.prefix(20) {
            XCTFail("\(finding.program): \(finding.kind.rawValue): \(finding.detail)")
        }
        XCTAssertEqual(outcome.findings.count, 0)
        XCTAssertEqual(outcome.unchecked, [])
    }
}
