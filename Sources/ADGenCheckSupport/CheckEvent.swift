import Foundation

/// One line of a check program's standard output (JSON), read by `adgen check`.
///
/// The events of one check are `start`, then per point either a `result` per mode or
/// one `invalid` (no point where the function is finite), then `done`; `finished`
/// ends the run. A check whose `start` has no `done` crashed the program.
public struct CheckEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case start, result, invalid, done, finished
    }

    public var event: Kind
    /// The check's number in the program.
    public var id: Int?
    public var point: Int?
    public var result: ModeCheck?
    /// The point's arguments, given for failing results and invalid points.
    public var arguments: String?
    public var note: String?

    public init(event: Kind, id: Int? = nil, point: Int? = nil, result: ModeCheck? = nil,
                arguments: String? = nil, note: String? = nil) {
        self.event = event
        self.id = id
        self.point = point
        self.result = result
        self.arguments = arguments
        self.note = note
    }

    /// Non-finite errors travel as the strings `inf`, `-inf` and `nan`.
    static let floatStrategy = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// The event as one line of JSON, without the newline.
    public func encodedLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: Self.floatStrategy.positiveInfinity,
            negativeInfinity: Self.floatStrategy.negativeInfinity,
            nan: Self.floatStrategy.nan)
        let data = (try? encoder.encode(self)) ?? Data(#"{"event":"finished","note":"unencodable event"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses one line; nil when it is not an event.
    public static func decode(line: Substring) -> CheckEvent? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: floatStrategy.positiveInfinity,
            negativeInfinity: floatStrategy.negativeInfinity,
            nan: floatStrategy.nan)
        return try? decoder.decode(CheckEvent.self, from: Data(line.utf8))
    }
}
