/// What one compiled-harness run found, per program: the failures as messages for a
/// test, and the same facts by program for the fuzz campaign's classification.
struct HarnessEvaluation {
    /// Messages that fail a test (compile failures, crashes, failing checks).
    var failures: [String] = []
    /// Problems with the programs or the run (missing modes, bad directives, counts).
    var problems: [String] = []
    /// The worst error per mode and metric, and timings.
    var summary = ""
    /// swiftc's error lines per program name, each `[role] message`.
    var compileErrors: [String: [String]] = [:]
    /// Programs whose run stopped (trap or time-out), with the state and stderr.
    var crashes: [String: String] = [:]
    /// Programs left unchecked because the batch as a whole did not compile.
    var notCompiled: [String] = []
    var results: [DriverOutput.Result] = []

    var passed: Bool { failures.isEmpty && problems.isEmpty }
}
