// Timing: warm up, calibrate a batch to last at least the minimum repetition time,
// then time several such batches and keep the minimum and the median per call.
import Dispatch
import Foundation

/// Every timed result is added here, so the optimiser cannot drop a call.
nonisolated(unsafe) var benchmarkSink = 0.0

struct TimingOptions {
    var repetitions = 11
    var minimumRepetitionNanoseconds: UInt64 = 20_000_000
    var warmupNanoseconds: UInt64 = 50_000_000
}

/// Nanoseconds per call.
struct Timing {
    let minimum: Double
    let median: Double
    let callsPerRepetition: Int
}

/// Times `calls` back-to-back calls of `body`. Not inlined, and `body` arrives as a
/// stored closure, so the compiler cannot hoist the kernel out of the loop.
@inline(never)
func timeBatch(_ body: () -> Double, calls: Int) -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    var accumulator = 0.0
    for _ in 0..<calls {
        accumulator += body()
    }
    let end = DispatchTime.now().uptimeNanoseconds
    benchmarkSink += accumulator
    return end - start
}

func measure(_ body: () -> Double, options: TimingOptions) -> Timing {
    // Warm-up doubles as calibration: grow the batch until it lasts long enough,
    // and keep running until the warm-up time is spent.
    var calls = 1
    var spent: UInt64 = 0
    while true {
        let elapsed = timeBatch(body, calls: calls)
        spent += elapsed
        let longEnough = elapsed >= options.minimumRepetitionNanoseconds
        if longEnough && spent >= options.warmupNanoseconds { break }
        if !longEnough {
            let wanted = Double(options.minimumRepetitionNanoseconds) * 1.2
            let factor = elapsed == 0 ? 10.0 : min(10.0, max(1.5, wanted / Double(elapsed)))
            calls = Int((Double(calls) * factor).rounded(.up))
        }
    }
    var perCall: [Double] = []
    for _ in 0..<max(1, options.repetitions) {
        perCall.append(Double(timeBatch(body, calls: calls)) / Double(calls))
    }
    perCall.sort()
    let middle = perCall.count / 2
    let median = perCall.count % 2 == 1 ? perCall[middle] : 0.5 * (perCall[middle - 1] + perCall[middle])
    return Timing(minimum: perCall[0], median: median, callsPerRepetition: calls)
}

/// "812 ns", "12.3 µs", "4.56 ms", "1.23 s".
func formatDuration(_ nanoseconds: Double) -> String {
    switch nanoseconds {
    case ..<1_000: return String(format: "%.0f ns", nanoseconds)
    case ..<10_000: return String(format: "%.2f µs", nanoseconds / 1e3)
    case ..<1_000_000: return String(format: "%.1f µs", nanoseconds / 1e3)
    case ..<10_000_000: return String(format: "%.2f ms", nanoseconds / 1e6)
    case ..<1_000_000_000: return String(format: "%.1f ms", nanoseconds / 1e6)
    default: return String(format: "%.2f s", nanoseconds / 1e9)
    }
}

func formatRatio(_ numerator: Double?, _ denominator: Double?) -> String {
    guard let numerator, let denominator, denominator > 0 else { return "-" }
    let ratio = numerator / denominator
    return ratio < 100 ? String(format: "%.2f×", ratio) : String(format: "%.0f×", ratio)
}

/// Prints rows as a Markdown table with padded columns.
func printTable(header: [String], rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows {
        for (column, cell) in row.enumerated() {
            widths[column] = max(widths[column], cell.count)
        }
    }
    func line(_ cells: [String]) -> String {
        let padded = cells.enumerated().map { column, cell in
            column == 0
                ? cell + String(repeating: " ", count: widths[column] - cell.count)
                : String(repeating: " ", count: widths[column] - cell.count) + cell
        }
        return "| " + padded.joined(separator: " | ") + " |"
    }
    print(line(header))
    print("|" + widths.enumerated().map { column, width in
        column == 0 ? String(repeating: "-", count: width + 2)
            : String(repeating: "-", count: width + 1) + ":"
    }.joined(separator: "|") + "|")
    for row in rows {
        print(line(row))
    }
}
