/// The 64-bit FNV-1a hash: stable across runs and platforms (unlike `Hasher`), used
/// for cache keys.
///
/// For example: `FNV1a64().hexDigest` is `"cbf29ce484222325"` (the offset basis), and
/// hashing the bytes of `"a"` gives `"af63dc4c8601ec8c"`.
public struct FNV1a64: Sendable, Equatable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The FNV 64-bit prime.
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// An empty hash (the offset basis).
    public init() {}

    /// Mixes in `bytes`.
    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* Self.prime
        }
    }

    /// Mixes in a string as its UTF-8 bytes preceded by its byte count, so that
    /// `("ab", "c")` and `("a", "bc")` hash differently.
    public mutating func combine(field: String) {
        let utf8 = Array(field.utf8)
        combine(bytes: withUnsafeBytes(of: UInt64(utf8.count).littleEndian, Array.init))
        combine(bytes: utf8)
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hexDigest: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
