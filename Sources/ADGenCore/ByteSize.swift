/// A size in bytes as users write it: `65536`, `64KB`, `64 MiB`, `1.5GB`; units are
/// binary (1 KB = 1024 bytes, as memory is counted) and case-insensitive.
///
/// For example: `ByteSize.parse("64MB")` is 67,108,864, and `ByteSize.describe(67_108_864)`
/// is `67108864 bytes (64.0 MB)`.
public enum ByteSize {
    static let units: [(suffix: String, factor: Double)] = [
        ("kib", 1024), ("mib", 1_048_576), ("gib", 1_073_741_824),
        ("kb", 1024), ("mb", 1_048_576), ("gb", 1_073_741_824),
        ("k", 1024), ("m", 1_048_576), ("g", 1_073_741_824), ("b", 1),
    ]

    /// The bytes `text` names, nil when it is not a positive size.
    public static func parse(_ text: String) -> Int? {
        var number = text.lowercased().filter { $0 != " " && $0 != "_" }
        var factor = 1.0
        if let unit = units.first(where: { number.hasSuffix($0.suffix) }) {
            number.removeLast(unit.suffix.count)
            factor = unit.factor
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value > 0, value * factor < 9e18 else { return nil }
        let bytes = Int((value * factor).rounded(.down))
        return bytes > 0 ? bytes : nil
    }

    /// `160800000 bytes (153.4 MB)`: the exact count, and from 1 KB on the binary size.
    static func describe(_ bytes: Int) -> String {
        let exact = "\(bytes) bytes"
        guard let unit = [("GB", 1_073_741_824.0), ("MB", 1_048_576.0), ("KB", 1024.0)]
            .first(where: { Double(bytes) >= $0.1 }) else { return exact }
        let scaled = (Double(bytes) / unit.1 * 10).rounded() / 10
        return "\(exact) (\(scaled) \(unit.0))"
    }

    public static let example = "such as 65536, 64KB or 64MB"
}
