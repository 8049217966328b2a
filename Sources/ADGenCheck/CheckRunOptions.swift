import ADGenDriver
import ADGenCheckSupport
import Foundation

/// How `adgen check` compiles and runs its program.
public struct CheckRunOptions: Sendable {
    /// Random points per spec.
    public var points: Int
    public var seed: UInt64
    public var tolerances: CheckTolerances
    /// `-O` (the default) or `-Onone`, which compiles faster and runs slower.
    public var optimization: String
    /// Seconds the program may run without reporting progress (a point's results)
    /// before it is stopped.
    public var timeout: Double
    /// Where compiled programs are cached; `SwiftToolchain.defaultCacheDirectory` when nil.
    public var cacheDirectory: URL?

    public init(points: Int = 3, seed: UInt64 = 1, tolerances: CheckTolerances = .standard,
                optimization: String = "-O", timeout: Double = 60, cacheDirectory: URL? = nil) {
        self.points = points
        self.seed = seed
        self.tolerances = tolerances
        self.optimization = optimization
        self.timeout = timeout
        self.cacheDirectory = cacheDirectory
    }

    /// The program's arguments for the checks `ids`, with the sizes of those that have some.
    func programArguments(_ ids: [Int], sizes: [Int: [Int]]) -> [String] {
        let t = tolerances
        var arguments = ["--points", String(points), "--seed", String(seed),
                         "--tolerances", "\(t.finiteDifference),\(t.complexStep),\(t.dotProduct),\(t.value)",
                         "--only", ids.map(String.init).joined(separator: ",")]
        let given = sizes.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        if !given.isEmpty {
            arguments += ["--sizes", given.map { "\($0.key):" + $0.value.map(String.init).joined(separator: ",") }
                .joined(separator: ";")]
        }
        return arguments
    }
}

/// What a check run reports while it works (``CheckRunner``).
public enum CheckProgress: Sendable {
    case compiling(files: Int, lines: Int)
    case compiled(seconds: Double, cached: Bool)
    /// `finished` of `total` checks are done; `current` names the one running.
    case running(finished: Int, total: Int, current: String)
}
