extension Pipeline.Mode {
    /// The modes of a source text's `// adgen: --modes a,b` line (fixtures and the
    /// docs' examples, read as `make golden` passes them to `adgen generate`); nil
    /// without one. Unknown names are left out.
    public static func modes(inHeaderOf text: String) -> Set<Pipeline.Mode>? {
        for line in text.split(separator: "\n") where line.hasPrefix(TrainingDeclaration.headerPrefix) {
            let words = line.dropFirst(TrainingDeclaration.headerPrefix.count).split(separator: " ")
            guard let flag = words.firstIndex(of: "--modes"), flag + 1 < words.count else { continue }
            return Set(words[flag + 1].split(separator: ",").compactMap { Pipeline.Mode(rawValue: String($0)) })
        }
        return nil
    }
}

extension Pipeline {
    /// The budget of a source text's `// adgen: --tape-budget SIZE` line (fixtures and the
    /// docs' examples, as `make golden` passes it to `adgen generate`); nil without one.
    public static func tapeBudget(inHeaderOf text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(TrainingDeclaration.headerPrefix) {
            let words = line.dropFirst(TrainingDeclaration.headerPrefix.count).split(separator: " ")
            guard let flag = words.firstIndex(of: "--tape-budget"), flag + 1 < words.count else { continue }
            return ByteSize.parse(String(words[flag + 1]))
        }
        return nil
    }
}
