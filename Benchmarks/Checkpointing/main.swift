// `make bench-checkpointing`: the gradient of a 100-state stiff ODE over 100,000 steps,
// fully taped and checkpointed under several budgets (ode.adg generated once per budget
// into the namespaces below). Each variant runs in its own process, so that its peak
// resident set (VmHWM after the gradient call, less VmRSS before it) is its own; times are
// the minimum over repetitions. Beside each budget: the frames it holds, Revolve's
// recomputed steps for them, and the time that count predicts (the taped gradient plus
// one primal step for each step run again: T + recomputed).
import ADGenRuntime
import Foundation

let steps = 100_000
let y0 = (0..<100).map { 0.5 + 0.01 * Double($0) }
let rates = (0..<100).map { 1.0 + 9.0 * Double($0) }
let snapshotBytes = 8 * (2 + y0.count)

struct Variant {
    var name: String
    var budget: Int?
    var gradient: () -> (value: Double, dy0: [Double], drates: [Double])
}

let variants = [
    Variant(name: "taped", budget: nil) { Taped.stiffDecayGradient(y0: y0, rates: rates, steps: steps, h: 1e-4) },
    Variant(name: "16MB", budget: 16 << 20) { B16MB.stiffDecayGradient(y0: y0, rates: rates, steps: steps, h: 1e-4) },
    Variant(name: "1MB", budget: 1 << 20) { B1MB.stiffDecayGradient(y0: y0, rates: rates, steps: steps, h: 1e-4) },
    Variant(name: "64KB", budget: 64 << 10) { B64KB.stiffDecayGradient(y0: y0, rates: rates, steps: steps, h: 1e-4) },
    Variant(name: "8KB", budget: 8 << 10) { B8KB.stiffDecayGradient(y0: y0, rates: rates, steps: steps, h: 1e-4) },
]

func status(_ field: String) -> Int {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

func seconds(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

func fnv(_ values: [Double]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in values { hash = (hash ^ value.bitPattern) &* 0x100_0000_01b3 }
    return String(hash, radix: 16)
}

/// One variant, in this process: `peakKB seconds hash`.
func measure(_ variant: Variant) {
    _ = Taped.stiffDecay(y0: y0, rates: rates, steps: 10, h: 1e-4)
    let before = status("VmRSS")
    let g = variant.gradient()
    let peak = status("VmHWM") - before
    let time = seconds { _ = variant.gradient() }
    print(peak, time, fnv([g.value] + g.dy0 + g.drates))
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--variant" {
    measure(variants.first { $0.name == CommandLine.arguments[2] }!)
    exit(0)
}

func run(_ variant: Variant) -> (kilobytes: Int, seconds: Double, hash: String) {
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--variant", variant.name]
    process.standardOutput = pipe
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    return (Int(words[0])!, Double(words[1])!, String(words[2]))
}

let primal = seconds { _ = Taped.stiffDecay(y0: y0, rates: rates, steps: steps, h: 1e-4) }
let taped = run(variants[0])
print("Reverse mode under a tape budget: stiff ODE, 100 states, \(steps) steps (snapshot \(snapshotBytes) bytes); "
      + "primal \(String(format: "%.3f", primal)) s")
print("| variant | frames | peak RSS of the call | time | / taped | recomputed steps (Revolve) | predicted time | bits |")
print("|---|---|---|---|---|---|---|---|")
var failed = false
for variant in variants {
    let result = variant.budget == nil ? taped : run(variant)
    var frames = "—", recomputed = "—", predicted = "—"
    if let budget = variant.budget {
        let plan = LoopCheckpoints.plan(steps: steps, snapshotBytes: snapshotBytes, tapeBudget: budget)!
        let count = plan.recomputedSteps
        frames = "\(plan.frames)"
        recomputed = "\(count) (\(String(format: "%.2f", Double(count) / Double(steps)))·T)"
        let time = taped.seconds + primal * Double(steps + count) / Double(steps)
        predicted = String(format: "%.3f s", time)
    }
    print("| \(variant.name) | \(frames) | \(result.kilobytes) kB | \(String(format: "%.3f s", result.seconds)) | "
          + "\(String(format: "%.2f×", result.seconds / taped.seconds)) | \(recomputed) | \(predicted) | "
          + "\(result.hash == taped.hash ? "same" : "DIFFERENT") |")
    if result.hash != taped.hash { failed = true }
}
if failed {
    print("error: a checkpointed gradient differs from the taped one")
    exit(1)
}
