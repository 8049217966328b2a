// `--json FILE`: what `make bench-peers` hands to Benchmarks/peers/jax_kernels.py —
// every kernel's inputs (so JAX runs on the same numbers), adgen's value and
// gradients (so JAX's are checked against them before timing) and this run's timings.
import Foundation

/// A kernel's arguments by parameter name, as the .adg signature spells them.
struct KernelInputs: Encodable {
    var arrays: [String: [Double]] = [:]
    var integers: [String: Int] = [:]
    var reals: [String: Double] = [:]
}

struct PeerTiming: Encodable {
    let minimumNanoseconds: Double
    let medianNanoseconds: Double

    init(_ timing: Timing) {
        minimumNanoseconds = timing.minimum
        medianNanoseconds = timing.median
    }
}

struct PeerKernel: Encodable {
    let name: String
    let sizes: String
    let inputs: KernelInputs
    /// The active parameters, in the order of `adgenGradients`.
    let activeNames: [String]
    let adgenValue: Double
    let adgenGradients: [[Double]]
    /// Per variant ("primal", "adgen", "hand", "swiftAD"), time per call.
    let timings: [String: PeerTiming]
}

struct PeerExport: Encodable {
    let repetitions: Int
    let minimumRepetitionMilliseconds: Double
    let kernels: [PeerKernel]
}

func peerExport(of results: [KernelTimings], options: TimingOptions) -> PeerExport {
    let kernels = results.map { r -> PeerKernel in
        let gradient = r.kernel.adgen.compute()
        var timings = [
            "primal": PeerTiming(r.primal), "adgen": PeerTiming(r.adgen), "hand": PeerTiming(r.hand),
        ]
        timings["swiftAD"] = r.swiftAD.map(PeerTiming.init)
        return PeerKernel(
            name: r.kernel.name, sizes: r.kernel.sizes, inputs: r.kernel.inputs,
            activeNames: r.kernel.activeNames,
            adgenValue: gradient.value, adgenGradients: gradient.gradients,
            timings: timings)
    }
    return PeerExport(
        repetitions: options.repetitions,
        minimumRepetitionMilliseconds: Double(options.minimumRepetitionNanoseconds) / 1e6,
        kernels: kernels)
}

/// Writes the export as JSON; Foundation prints every Double in its shortest
/// round-trip form, so Python reads back exactly the same inputs.
func writePeerExport(_ export: PeerExport, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(export)
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}
