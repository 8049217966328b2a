import Foundation

/// The compiled program's stdout, parsed (protocol in `HarnessRuntime`).
struct DriverOutput {
    struct Result {
        var fixture: String
        var function: String
        var line: Int
        var point: Int
        var mode: String
        var metric: String
        var value: Double
        var tolerance: Double
        var passed: Bool
        var arguments: String?

        var location: String { "\(fixture).adg:\(line) \(function) point \(point)" }
    }

    var results: [Result] = []
    /// Fields of each START line: fixture, function, line, point.
    var starts: [[String]] = []
    /// (results, failures) from the final line; nil when the program stopped early.
    var summary: (results: Int, failures: Int)?
    var malformed: [String] = []

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "START":
                guard fields.count == 5 else {
                    malformed.append(String(line))
                    continue
                }
                starts.append(Array(fields.dropFirst()))
            case "RESULT":
                guard fields.count >= 10, let sourceLine = Int(fields[3]), let point = Int(fields[4]),
                      let value = Double(fields[7]), let tolerance = Double(fields[8]) else {
                    malformed.append(String(line))
                    continue
                }
                results.append(Result(fixture: fields[1], function: fields[2], line: sourceLine, point: point,
                                      mode: fields[5], metric: fields[6], value: value, tolerance: tolerance,
                                      passed: fields[9] == "pass", arguments: fields.count > 10 ? fields[10] : nil))
            case "SUMMARY":
                if fields.count == 3, let count = Int(fields[1]), let failures = Int(fields[2]) {
                    summary = (count, failures)
                } else {
                    malformed.append(String(line))
                }
            default:
                malformed.append(String(line))
            }
        }
    }

    /// Adds the output of a later run.
    mutating func append(_ other: DriverOutput) {
        results += other.results
        starts += other.starts
        malformed += other.malformed
        if let mine = summary, let theirs = other.summary {
            summary = (mine.results + theirs.results, mine.failures + theirs.failures)
        } else {
            summary = summary ?? other.summary
        }
    }

    static let modeOrder = ["primal", "jvp", "vjp", "gradient", "hvp"]

    /// The largest error per (mode, metric), NaN counted as infinite, in mode order.
    var worstByMetric: [(mode: String, metric: String, worst: Result, count: Int)] {
        var table: [String: (worst: Result, count: Int)] = [:]
        var order: [String] = []
        for result in results {
            let key = result.mode + "\t" + result.metric
            let value = result.value.isNaN ? .infinity : result.value
            if let entry = table[key] {
                let old = entry.worst.value.isNaN ? .infinity : entry.worst.value
                table[key] = (value > old ? result : entry.worst, entry.count + 1)
            } else {
                table[key] = (result, 1)
                order.append(key)
            }
        }
        let rank = { (mode: String) in Self.modeOrder.firstIndex(of: mode) ?? Self.modeOrder.count }
        let keys = order.enumerated().sorted { (rank(table[$0.1]!.worst.mode), $0.0) < (rank(table[$1.1]!.worst.mode), $1.0) }
        return keys.map { _, key in
            let entry = table[key]!
            return (entry.worst.mode, entry.worst.metric, entry.worst, entry.count)
        }
    }

    /// Failures grouped by fixture line, mode and metric (all points of one check together).
    var failureReport: [String] {
        var groups: [String: [Result]] = [:]
        var order: [String] = []
        for result in results where !result.passed {
            let key = "\(result.fixture).adg:\(result.line) \(result.function) [\(result.mode) \(result.metric)]"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(result)
        }
        return order.map { key in
            let failures = groups[key]!
            let worst = failures.max { ($0.value.isNaN ? .infinity : $0.value) < ($1.value.isNaN ? .infinity : $1.value) }!
            let points = failures.map { String($0.point) }.joined(separator: ",")
            return "\(key): error \(format(worst.value)) > tolerance \(format(worst.tolerance)) at point(s) \(points); "
                + "worst at point \(worst.point): \(worst.arguments ?? "")"
        }
    }
}

func format(_ value: Double) -> String {
    value == 0 ? "0" : String(format: "%.2e", value)
}
