// adgen benchmark: for each kernel, checks every gradient against the hand-written
// one (and that against finite differences), then times the primal, adgen's
// gradient, the hand-written gradient and Swift's `_Differentiation` side by side.
//
// Usage: ADGenBench [--repetitions N] [--min-ms MS] [--only KERNEL]... [--json FILE]
// `--json FILE` also writes inputs, adgen's gradients and the timings for
// `make bench-peers` (PeerExport.swift).
import Foundation

struct KernelTimings {
    let kernel: KernelCase
    let primal: Timing
    let adgen: Timing
    let hand: Timing
    let swiftAD: Timing?
}

struct BenchArguments {
    var timing = TimingOptions()
    var only = Set<String>()
    var jsonPath: String?
}

func parseOptions(_ arguments: [String]) -> BenchArguments {
    var parsed = BenchArguments()
    var index = 0
    func value(of flag: String) -> String {
        index += 1
        guard index < arguments.count else {
            print("error: \(flag) needs a value")
            exit(2)
        }
        return arguments[index]
    }
    while index < arguments.count {
        let argument = arguments[index]
        switch argument {
        case "--repetitions":
            guard let n = Int(value(of: argument)), n > 0 else {
                print("error: --repetitions needs a positive integer")
                exit(2)
            }
            parsed.timing.repetitions = n
        case "--min-ms":
            guard let ms = Double(value(of: argument)), ms > 0 else {
                print("error: --min-ms needs a positive number")
                exit(2)
            }
            parsed.timing.minimumRepetitionNanoseconds = UInt64(ms * 1e6)
        case "--only":
            parsed.only.insert(value(of: argument))
        case "--json":
            parsed.jsonPath = value(of: argument)
        case "-h", "--help":
            print("usage: ADGenBench [--repetitions N] [--min-ms MS] [--only KERNEL]... [--json FILE]")
            exit(0)
        default:
            print("error: unknown argument \(argument)")
            exit(2)
        }
        index += 1
    }
    return parsed
}

let arguments = parseOptions(Array(CommandLine.arguments.dropFirst()))
let options = arguments.timing
let only = arguments.only
let cases = allCases().filter { only.isEmpty || only.contains($0.name) }

print("== Checks (gradients agree with the hand-written one to 1e-8 relative) ==")
for kernel in cases {
    print("\(kernel.name) (\(kernel.sizes)):")
    guard verify(kernel) else {
        print("error: \(kernel.name): a gradient is wrong; not timing anything")
        exit(1)
    }
}

print()
print("== Timing: \(options.repetitions) repetitions of ≥ \(options.minimumRepetitionNanoseconds / 1_000_000) ms each, per call ==")
var results: [KernelTimings] = []
for kernel in cases {
    let primal = measure(kernel.primal, options: options)
    let adgen = measure(kernel.adgen.timed, options: options)
    let hand = measure(kernel.hand.timed, options: options)
    let swiftAD = kernel.swiftAD.map { measure($0.timed, options: options) }
    results.append(KernelTimings(kernel: kernel, primal: primal, adgen: adgen, hand: hand, swiftAD: swiftAD))
    print("  timed \(kernel.name)")
}

for (title, pick) in [("minimum", \Timing.minimum), ("median", \Timing.median)] {
    print()
    print("Time per call, \(title) over repetitions:")
    print()
    let header = [
        "kernel", "primal", "adgen grad", "hand grad", "Swift AD",
        "adgen/primal", "adgen/hand", "SwiftAD/hand", "tape bytes",
    ]
    let rows = results.map { r -> [String] in
        let primal = r.primal[keyPath: pick]
        let adgen = r.adgen[keyPath: pick]
        let hand = r.hand[keyPath: pick]
        let swiftAD = r.swiftAD?[keyPath: pick]
        return [
            r.kernel.name,
            formatDuration(primal),
            formatDuration(adgen),
            formatDuration(hand),
            swiftAD.map(formatDuration) ?? "n/a",
            formatRatio(adgen, primal),
            formatRatio(adgen, hand),
            formatRatio(swiftAD, hand),
            String(adgenTapeBytes(of: r.kernel)),
        ]
    }
    printTable(header: header, rows: rows)
}
if only.isEmpty || only.contains("training") { runTrainingBench(options: options) }
if only.isEmpty || only.contains("hypergradient") { runHypergradientBench() }
print()
print("hand/primal (minimum): " + results.map {
    "\($0.kernel.name) \(formatRatio($0.hand.minimum, $0.primal.minimum))"
}.joined(separator: ", "))
print("(sink \(benchmarkSink.isFinite ? "finite" : "not finite"))")

if let path = arguments.jsonPath {
    do {
        try writePeerExport(peerExport(of: results, options: options), to: path)
        print("wrote inputs, adgen gradients and timings to \(path)")
    } catch {
        print("error: cannot write \(path): \(error)")
        exit(1)
    }
}
