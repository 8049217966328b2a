/// Where each value of a JSON text starts, by path: `training` for the value of key
/// `training`, `training[0]` for its first element, `training[0].loss` for a key of
/// that element. Only for text `JSONSerialization` accepted; used to place errors.
///
/// For example: in `{"training": [{"loss": "L"}]}` the path `training[0].loss` is at
/// the UTF-8 offset of `"L"`.
struct JSONPositions {
    private(set) var offsets: [String: Int] = [:]
    /// Offsets of the keys themselves (`training[0].loss` → the offset of `"loss"`).
    private(set) var keyOffsets: [String: Int] = [:]
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
        skipWhitespace()
        value(path: "")
    }

    private mutating func value(path: String) {
        skipWhitespace()
        guard index < bytes.count else { return }
        offsets[path] = index
        switch bytes[index] {
        case UInt8(ascii: "{"): object(path: path)
        case UInt8(ascii: "["): array(path: path)
        case UInt8(ascii: "\""): _ = string()
        default:
            while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
        }
    }

    private mutating func object(path: String) {
        index += 1
        while index < bytes.count {
            skipWhitespace()
            guard index < bytes.count, bytes[index] != UInt8(ascii: "}") else { break }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            let keyOffset = index
            let key = string()
            let child = path.isEmpty ? key : path + "." + key
            keyOffsets[child] = keyOffset
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
            value(path: child)
        }
        index += 1
    }

    private mutating func array(path: String) {
        index += 1
        var element = 0
        while index < bytes.count {
            skipWhitespace()
            guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { break }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            value(path: "\(path)[\(element)]")
            element += 1
        }
        index += 1
    }

    /// A string literal at `index`, returned undecoded but for `\"` and `\\`.
    private mutating func string() -> String {
        var result: [UInt8] = []
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
            }
            result.append(bytes[index])
            index += 1
        }
        index += 1
        return String(decoding: result, as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, " \t\r\n".utf8.contains(bytes[index]) { index += 1 }
    }
}
