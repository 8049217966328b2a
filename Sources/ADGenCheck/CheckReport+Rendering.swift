import ADGenCheckSupport
import Foundation

extension CheckReport {
    /// A JSON array with one object per row; errors that were not measured, or were
    /// not finite, are `null` (a non-finite error also adds a note and fails the row).
    public func json() -> String {
        let objects = rows.map { row -> String in
            var notes = row.notes
            func number(_ name: String, _ value: Double?) -> String {
                guard let value else { return "null" }
                guard value.isFinite else {
                    notes.append("\(name) is \(value)")
                    return "null"
                }
                return "\(value)"
            }
            var fields: [(String, String)] = [
                ("file", Self.jsonString(row.file)),
                ("function", Self.jsonString(row.function)),
                ("mode", Self.jsonString(row.mode)),
            ]
            fields.append(("finiteDifferenceError", number("finiteDifferenceError", row.finiteDifferenceError)))
            fields.append(("complexStepError", number("complexStepError", row.complexStepError)))
            fields.append(("dotProductError", number("dotProductError", row.dotProductError)))
            fields.append(("valueError", number("valueError", row.valueError)))
            fields += [
                ("passed", row.passed ? "true" : "false"),
                ("points", String(row.points)),
                ("worstInput", row.worstInput.map(Self.jsonString) ?? "null"),
                ("worstEntries", "[" + row.worstEntries.map(Self.entryJSON).joined(separator: ", ") + "]"),
                ("specs", "[" + row.specs.map(Self.jsonString).joined(separator: ", ") + "]"),
                ("notes", "[" + notes.map(Self.jsonString).joined(separator: ", ") + "]"),
            ]
            return "  {" + fields.map { "\(Self.jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// `{"index": 3, "name": "w[3]", "got": 1.5, "expected": 1.25, "error": 0.2}`;
    /// a number that is not finite is a string, as in the check program's events.
    static func entryJSON(_ entry: EntryError) -> String {
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : jsonString(format(value)) }
        let name: String = entry.name.map(jsonString) ?? "null"
        let fields: [(String, String)] = [("index", String(entry.index)), ("name", name), ("got", number(entry.got)),
                                          ("expected", number(entry.expected)), ("error", number(entry.error))]
        return "{" + fields.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `w[3] got 1.5, expected 1.25 (error 2.0e-01)`.
    static func entryText(_ entry: EntryError) -> String {
        let place = entry.name ?? "entry \(entry.index)"
        return "\(place) got \(entry.got), expected \(entry.expected) (error \(format(entry.error)))"
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A table per file, failures' notes under it, and a summary line.
    public func text() -> String {
        var lines: [String] = []
        let header = ["function", "mode", "FD error", "CS error", "dot error", "value error", "result"]
        var files: [String] = []
        for row in rows where !files.contains(row.file) { files.append(row.file) }
        for file in files {
            let fileRows = rows.filter { $0.file == file }
            let table = [header] + fileRows.map { row in
                [row.function, row.mode, Self.format(row.finiteDifferenceError), Self.format(row.complexStepError),
                 Self.format(row.dotProductError), Self.format(row.valueError), row.passed ? "ok" : "FAIL"]
            }
            let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            lines.append(file)
            for cells in table {
                let padded = cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                lines.append("  " + padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
            for row in fileRows where !row.passed || !row.notes.isEmpty {
                for note in row.notes { lines.append("  \(row.function) \(row.mode): \(note)") }
                if !row.passed, !row.worstEntries.isEmpty {
                    lines.append("  \(row.function) \(row.mode): worst entries: "
                                 + row.worstEntries.map(Self.entryText).joined(separator: "; "))
                }
            }
        }
        let functions = Set(rows.map { "\($0.file)#\($0.function)" }).count
        let failed = failedRows.count
        let partial = rows.filter { $0.notes.contains { $0.hasSuffix("not compared") } }.count
        lines.append("")
        lines.append("\(functions) function(s), \(rows.count) checks, \(outcome.plan.units.count) file(s): "
                     + (failed == 0 ? "all passed" : "\(failed) FAILED")
                     + (partial == 0 ? "" : ", \(partial) with an oracle not finite at the point (see the notes)")
                     + String(format: " (swiftc %.1f s%@, run %.1f s)", outcome.compileSeconds,
                              outcome.wasCached ? " cached" : "", outcome.runSeconds))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1.2e-11`, `0`, `-` for not measured, `nan`/`inf`.
    static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value == 0 { return "0" }
        if !value.isFinite { return value.isNaN ? "nan" : "inf" }
        return String(format: "%.1e", value)
    }
}
