import Foundation

/// The main loop of a check program that `adgen check` writes: runs the selected
/// checks at seeded random points and prints ``CheckEvent`` lines.
///
/// Arguments: `--points N` (default 3), `--seed S` (default 1), `--only 3,7,8` (check
/// numbers; all when absent), `--tolerances FD,CS,DOT,VALUE`, `--sizes 3:3,9,3;7:2`
/// (per check, one number per parameter, read by ``size(_:_:)``).
///
/// For example, a program's `main.swift`:
///
///     let session = CheckSession(arguments: CommandLine.arguments)
///     session.check(id: 0, key: "model.adg#f#0") { rng in CheckSubject(...) }
///     session.finish()
public final class CheckSession {
    public let points: Int
    public let seed: UInt64
    public let selected: Set<Int>?
    public let tolerances: CheckTolerances
    /// Per check, the sizes given with `--sizes`.
    public let sizes: [Int: [Int]]
    /// Draws per point before giving up on finding one where the function is finite.
    public static let maxAttempts = 100

    public init(points: Int = 3, seed: UInt64 = 1, selected: Set<Int>? = nil,
                tolerances: CheckTolerances = .standard, sizes: [Int: [Int]] = [:]) {
        self.points = points
        self.seed = seed
        self.selected = selected
        self.tolerances = tolerances
        self.sizes = sizes
    }

    /// Size number `parameter` of check `id` (an array's length or an `Int`'s value);
    /// 3 when none was given.
    public func size(_ id: Int, _ parameter: Int) -> Int {
        guard let given = sizes[id], parameter < given.count else { return 3 }
        return given[parameter]
    }

    /// A session from `--points`, `--seed`, `--only` and `--tolerances`.
    public convenience init(arguments: [String]) {
        var options: [String: String] = [:]
        var index = 1
        while index + 1 < arguments.count {
            options[arguments[index]] = arguments[index + 1]
            index += 2
        }
        let only = options["--only"].map { Set($0.split(separator: ",").compactMap { Int($0) }) }
        var tolerances = CheckTolerances.standard
        if let values = options["--tolerances"]?.split(separator: ",").compactMap({ Double($0) }), values.count == 4 {
            tolerances = CheckTolerances(finiteDifference: values[0], complexStep: values[1],
                                         dotProduct: values[2], value: values[3])
        }
        var sizes: [Int: [Int]] = [:]
        for entry in (options["--sizes"] ?? "").split(separator: ";") {
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let id = Int(parts[0]) else { continue }
            sizes[id] = parts[1].split(separator: ",").compactMap { Int($0) }
        }
        self.init(points: options["--points"].flatMap { Int($0) } ?? 3,
                  seed: options["--seed"].flatMap { UInt64($0) } ?? 1,
                  selected: only, tolerances: tolerances, sizes: sizes)
    }

    /// Runs check `id` (when selected) at ``points`` points. `makeSubject` draws the
    /// arguments from the generator it is given; draws where the primal is not finite
    /// are repeated. `key` seeds the points, so they do not depend on other checks.
    public func check(id: Int, key: String, _ makeSubject: (inout SplitMix64) -> CheckSubject) {
        guard selected?.contains(id) ?? true else { return }
        emit(CheckEvent(event: .start, id: id))
        var hash = FNV1a64()
        hash.combine(field: key)
        hash.combine(field: String(seed))
        if let given = sizes[id] { hash.combine(field: given.map(String.init).joined(separator: ",")) }
        for point in 0..<points {
            var rng = SplitMix64(seed: hash.value &+ UInt64(point) &* 0x9E37_79B9_7F4A_7C15)
            guard let subject = finiteSubject(makeSubject, &rng) else {
                emit(CheckEvent(event: .invalid, id: id, point: point,
                                note: "no point where the function is finite in \(Self.maxAttempts) draws"))
                continue
            }
            for result in DerivativeCheck(subject, tolerances: tolerances, rng: &rng).run() {
                emit(CheckEvent(event: .result, id: id, point: point, result: result,
                                arguments: result.passed ? nil : subject.arguments))
            }
        }
        emit(CheckEvent(event: .done, id: id))
    }

    /// Ends the output.
    public func finish() {
        emit(CheckEvent(event: .finished))
    }

    func finiteSubject(_ makeSubject: (inout SplitMix64) -> CheckSubject, _ rng: inout SplitMix64) -> CheckSubject? {
        for _ in 0..<Self.maxAttempts {
            let subject = makeSubject(&rng)
            let value = (subject.reference ?? subject.primal)(subject.inputs)
            if value.allSatisfy(\.isFinite) { return subject }
        }
        return nil
    }

    /// Writes one line, unbuffered, so a crash loses nothing already checked.
    func emit(_ event: CheckEvent) {
        FileHandle.standardOutput.write(Data((event.encodedLine() + "\n").utf8))
    }
}
