/// "Did you mean" hints for misspelled names.
///
/// For example: `Suggestion.text(for: "adamm", among: ["adam", "sgd"])` is
/// ` (did you mean 'adam'?)`.
public enum Suggestion {
    /// ` (did you mean 'candidate'?)` when a candidate is within two edits of `word`
    /// (and fewer edits than `word` has characters), else empty.
    public static func text(for word: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (candidate, distance) = best, distance <= 2, distance < word.count, candidate != word else { return "" }
        return " (did you mean '\(candidate)'?)"
    }

    /// Levenshtein distance.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
