/// One entry of a vector comparison: where a derivative disagrees with its reference.
///
/// `error` is the entry's share of the comparison's normwise error,
/// `|got − expected| / max(‖got‖∞, ‖expected‖∞, floor)`, so the worst entry's error is
/// the comparison's (``normwiseRelativeError(_:_:floor:)``).
///
/// For example: comparing a gradient `[1, 2.5]` with `[1, 2]` gives the entry
/// `EntryError(index: 1, name: "x[1]", got: 2.5, expected: 2, error: 0.2)`.
public struct EntryError: Codable, Sendable, Equatable {
    /// The entry's position in the compared vector (flat, row-major for matrices).
    public var index: Int
    /// The entry in the user's terms, e.g. `w[3]`, when there is one.
    public var name: String?
    public var got: Double
    public var expected: Double
    public var error: Double

    public init(index: Int, name: String? = nil, got: Double, expected: Double, error: Double) {
        self.index = index
        self.name = name
        self.got = got
        self.expected = expected
        self.error = error
    }

    /// How many entries a comparison reports.
    public static let reported = 3

    /// The `count` entries with the largest errors, largest first (NaN counts as
    /// largest; equal errors keep index order); none when the counts differ.
    public static func worst(got: [Double], expected: [Double], floor: Double = 0, count: Int = reported,
                             name: (Int) -> String? = { _ in nil }) -> [EntryError] {
        guard got.count == expected.count else { return [] }
        // The largest magnitude that is a number, so one NaN entry does not hide the others.
        let scale = (got + expected).reduce(floor) { $1.isNaN ? $0 : Swift.max($0, Swift.abs($1)) }
        let entries = got.indices.map { i -> EntryError in
            let difference = got[i] == expected[i] ? 0 : Swift.abs(got[i] - expected[i])
            let error = difference == 0 ? 0 : difference / scale
            return EntryError(index: i, name: name(i), got: got[i], expected: expected[i], error: error)
        }
        let ranked = entries.sorted { a, b in
            if a.error.isNaN != b.error.isNaN { return a.error.isNaN }
            return a.error != b.error && !a.error.isNaN ? a.error > b.error : a.index < b.index
        }
        return Array(ranked.prefix(count).filter { $0.error != 0 || $0.error.isNaN })
    }
}
