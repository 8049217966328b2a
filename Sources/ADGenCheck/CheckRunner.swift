import ADGenDriver
import ADGenCheckSupport
import Foundation

/// Compiles the program for a ``CheckPlan`` (cached by content) and runs it until every
/// group has a result: after a crash or time-out the program runs again for the checks
/// not reached, and a group whose candidate crashed or found no finite point moves on
/// to its next candidate.
public struct CheckRunner {
    public var options: CheckRunOptions
    public var runtime: RuntimeLibrary
    public var toolchain: SwiftToolchain
    /// At most this many runs of the program (each crash costs one).
    public static let maxRuns = 500

    public init(options: CheckRunOptions, runtime: RuntimeLibrary, toolchain: SwiftToolchain) {
        self.options = options
        self.runtime = runtime
        self.toolchain = toolchain
    }

    /// Locates the runtime and `swiftc` itself.
    public init(options: CheckRunOptions) throws {
        let runtime = try RuntimeLibrary.locate()
        guard let swiftc = SwiftcLocator.locate() else {
            throw CheckInputError("adgen check needs swiftc: set SWIFT_EXEC or put swiftc on PATH")
        }
        self.init(options: options, runtime: runtime,
                  toolchain: SwiftToolchain(swiftc: swiftc,
                                            cacheDirectory: options.cacheDirectory ?? SwiftToolchain.defaultCacheDirectory))
    }

    public func run(_ plan: CheckPlan, progress: (CheckProgress) -> Void = { _ in }) throws -> CheckOutcome {
        let sources = CheckProgramWriter.sources(for: plan)
        progress(.compiling(files: sources.count, lines: sources.reduce(0) { $0 + $1.text.split(separator: "\n").count }))
        let started = Date()
        let compiled = try toolchain.compile(sources, flags: [options.optimization] + runtime.flags,
                                             salt: runtime.fingerprint)
        let compileSeconds = Date().timeIntervalSince(started)
        let program: CompiledExecutable
        switch compiled {
        case .success(let executable): program = executable
        case .failure(let failure): throw CompileErrorMapping.map(failure, plan: plan)
        }
        progress(.compiled(seconds: compileSeconds, cached: program.wasCached))
        let runStarted = Date()
        var state = RunState(plan: plan)
        var runs = 0
        while !state.queue.isEmpty && runs < Self.maxRuns {
            runs += 1
            try runOnce(program, &state, progress)
        }
        for item in state.queue {
            state.record(item) { $0.failure = "not run: the program stopped \(Self.maxRuns) times" }
        }
        return CheckOutcome(plan: plan, groups: state.groups, compileSeconds: compileSeconds,
                            runSeconds: Date().timeIntervalSince(runStarted), wasCached: program.wasCached,
                            programRuns: runs)
    }

    /// One run of the program for the queued checks; updates the queue.
    func runOnce(_ program: CompiledExecutable, _ state: inout RunState, _ progress: (CheckProgress) -> Void) throws {
        let queued = state.queue
        var started: [CheckItem] = []
        var done: Set<Int> = []
        let byID = Dictionary(uniqueKeysWithValues: queued.map { ($0.id, $0) })
        let sizes = Dictionary(uniqueKeysWithValues: queued.map { ($0.id, state.plan.sizes(of: $0)) })
        let run = try toolchain.stream(program, arguments: options.programArguments(queued.map(\.id), sizes: sizes),
                                       timeout: options.timeout) { line in
            guard let event = CheckEvent.decode(line: line), let id = event.id, let item = byID[id] else { return }
            switch event.event {
            case .start:
                started.append(item)
                progress(.running(finished: state.finishedCount, total: state.totalCount,
                                  current: "\(state.plan.unit(of: item).fileName): \(state.plan.spec(of: item))"))
            case .result:
                if let check = event.result {
                    state.record(item) {
                        $0.results.append(.init(point: event.point ?? 0, check: check, arguments: event.arguments))
                    }
                }
            case .invalid:
                state.record(item) { $0.invalidPoints.append(event.note ?? "no valid point") }
            case .done:
                done.insert(id)
                state.finishedCount += 1
            case .finished:
                break
            }
        }
        let unfinished = started.filter { !done.contains($0.id) }
        if let stopped = unfinished.last {
            let reason = run.timedOut ? "timed out: no point finished in \(Int(options.timeout)) s"
                : "crashed: " + Self.crashSummary(run)
            state.record(stopped) { $0.failure = reason }
            state.finishedCount += 1
        } else if !run.succeeded, started.isEmpty {
            for item in queued { state.record(item) { $0.failure = "the program failed: " + Self.crashSummary(run) } }
            state.queue = []
            return
        }
        let startedIDs = Set(started.map(\.id))
        state.queue = queued.filter { !startedIDs.contains($0.id) }
        for item in started where state.result(item)?.needsAnotherCandidate == true {
            if let next = state.nextCandidate(after: item) {
                state.queue.append(next)
                state.totalCount += 1
            }
        }
        state.queue.sort { $0.id < $1.id }
    }

    /// What standard error says happened: Swift's `Fatal error: …` (kept in -Onone
    /// builds), else the backtracer's signal and the function that trapped.
    ///
    /// For example: `Illegal instruction (a trap: index out of range, integer overflow,
    /// division by zero, …) in fifth(x:)`.
    static func crashSummary(_ run: StreamedRun) -> String {
        let lines = run.standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        if let fatal = lines.first(where: { $0.contains("Fatal error") }) {
            return String(fatal[fatal.range(of: "Fatal error")!.lowerBound...])
        }
        if let crashed = lines.firstIndex(where: { $0.hasPrefix("*** Program crashed: ") }) {
            var signal = lines[crashed].dropFirst("*** Program crashed: ".count)
            if let at = signal.range(of: " at 0x") { signal = signal[..<at.lowerBound] }
            var summary = String(signal)
            if signal.hasPrefix("Illegal instruction") || signal.hasPrefix("Trace/breakpoint") {
                summary += " (a trap: index out of range, integer overflow, division by zero, …)"
            }
            if let frame = lines[crashed...].first(where: { $0.hasPrefix("0 ") }), let function = frameFunction(frame) {
                summary += " in \(function)"
            }
            return summary
        }
        if let first = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("***") }) { return first }
        return run.terminatedBySignal ? "signal \(run.exitStatus)" : "exit status \(run.exitStatus)"
    }

    /// `fifth(x:)` from `0      0x000055f1 Ref_0_fifth.fifth(x:) + 18 in program`.
    static func frameFunction(_ frame: String) -> String? {
        let words = frame.split(separator: " ")
        guard words.count >= 3, let plus = words.firstIndex(of: "+"), plus > 2 else { return nil }
        let symbol = words[2..<plus].joined(separator: " ")
        let name = symbol.split(separator: ".", maxSplits: 1).last.map(String.init) ?? symbol
        return symbol.hasPrefix("Gen_") || symbol.hasPrefix("Ref_") ? name : symbol
    }
}

/// The bookkeeping of ``CheckRunner``: what is queued and what each candidate produced.
struct RunState {
    let plan: CheckPlan
    var queue: [CheckItem]
    var groups: [[[CheckOutcome.ItemResult]]]
    var finishedCount = 0
    var totalCount: Int
    private let items: [CheckItem]

    init(plan: CheckPlan) {
        self.plan = plan
        items = plan.items
        queue = items.filter { $0.candidate == 0 }
        totalCount = queue.count
        groups = plan.units.map { $0.groups.map { _ in [] } }
    }

    func result(_ item: CheckItem) -> CheckOutcome.ItemResult? {
        groups[item.unit][item.group].first { $0.item == item }
    }

    mutating func record(_ item: CheckItem, _ update: (inout CheckOutcome.ItemResult) -> Void) {
        var tried = groups[item.unit][item.group]
        if let index = tried.firstIndex(where: { $0.item == item }) {
            update(&tried[index])
        } else {
            var result = CheckOutcome.ItemResult(item: item)
            update(&result)
            tried.append(result)
        }
        groups[item.unit][item.group] = tried
    }

    func nextCandidate(after item: CheckItem) -> CheckItem? {
        items.first { $0.unit == item.unit && $0.group == item.group && $0.candidate == item.candidate + 1 }
    }
}
