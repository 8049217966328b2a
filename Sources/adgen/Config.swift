import ADGenCore
import Foundation

/// `adgen-config.json`: per-target settings for the build plugin (or `--config`).
///
///     {
///       "modes": ["primal", "gradient"],
///       "wrt": { "loss": ["w", "b"] },
///       "namespace": "Model"
///     }
///
/// Every key is optional. Unknown keys, unknown modes and wrong types are errors,
/// reported as `path:line:col: error: message` at the offending text (Docs/Configuration.md).
struct Config {
    var modes: Set<Pipeline.Mode>?
    var wrt: [Sema.WrtOverride] = []
    var namespace: String?
    /// Generated tapes report pushes to `adgenTapeDidPush(bytes:)` (the benchmark's tape column).
    var tapeStatistics = false
    /// `"tapeBudget": "64MB"` (or a number of bytes): `--tape-budget`.
    var tapeBudget: Int?
    /// Training declarations (`"training"`, see Config+Training.swift).
    var training: [TrainingDeclaration] = []
    /// The file's path and text, for positioning errors found after loading.
    var path: String = ""
    var text: String = ""

    struct Invalid: Error, CustomStringConvertible {
        var path: String
        /// 1-based line and column of the offending text, when it could be found.
        var position: (line: Int, column: Int)?
        var message: String
        var description: String {
            guard let position else { return "\(path): error: \(message)" }
            return "\(path):\(position.line):\(position.column): error: \(message)"
        }
    }

    static let keys = ["modes", "wrt", "namespace", "tapeStatistics", "tapeBudget", "training"]

    static func load(_ path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Invalid(path: path, message: "cannot read the configuration file")
        }
        var config = Config()
        config.path = path
        config.text = String(decoding: data, as: UTF8.self)
        func invalid(_ message: String, at token: String? = nil) -> Invalid {
            config.invalid(message, at: token)
        }
        if config.text.allSatisfy(\.isWhitespace) {
            throw invalid("the configuration file is empty; write {} for no settings")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw config.syntaxError(error)
        }
        guard let object = json as? [String: Any] else { throw invalid("expected a JSON object ({ ... }) at the top level") }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw invalid("unknown key '\(key)'\(suggestion(for: key, among: keys)); keys are \(keys.joined(separator: ", "))",
                          at: key)
        }
        if let modes = object["modes"] {
            guard let names = modes as? [String], !names.isEmpty else {
                throw invalid("'modes' must be a non-empty array of strings, such as [\"primal\", \"gradient\"]", at: "modes")
            }
            let all = Pipeline.Mode.allCases.map(\.rawValue)
            config.modes = try Set(names.map { name in
                guard let mode = Pipeline.Mode(rawValue: name) else {
                    throw invalid("unknown mode '\(name)' in 'modes'\(suggestion(for: name, among: all)); modes are \(all.joined(separator: ", "))",
                                  at: name)
                }
                return mode
            })
        }
        if let wrt = object["wrt"] {
            guard let table = wrt as? [String: Any] else {
                throw invalid("'wrt' must map function names to arrays of parameter names, such as {\"loss\": [\"w\", \"b\"]}",
                              at: "wrt")
            }
            for function in table.keys.sorted() {
                guard let names = table[function] as? [String], !names.isEmpty else {
                    throw invalid("'wrt.\(function)' must be a non-empty array of parameter names", at: function)
                }
                if let bad = names.first(where: { !Generate.isIdentifier($0) }) {
                    throw invalid("'wrt.\(function)' holds '\(bad)', which is not a parameter name", at: bad)
                }
                config.wrt.append(Sema.WrtOverride(function: function, parameters: names))
            }
        }
        if let statistics = object["tapeStatistics"] {
            guard let flag = statistics as? Bool else {
                throw invalid("'tapeStatistics' must be true or false", at: "tapeStatistics")
            }
            config.tapeStatistics = flag
        }
        if let budget = object["tapeBudget"] {
            let bytes = (budget as? String).flatMap(ByteSize.parse)
                ?? (budget is Bool ? nil : (budget as? Int).flatMap { $0 > 0 ? $0 : nil })
            guard let bytes else {
                throw invalid("'tapeBudget' must be a size in bytes, \(ByteSize.example)", at: "tapeBudget")
            }
            config.tapeBudget = bytes
        }
        if let training = object["training"] { config.training = try config.trainingDeclarations(training) }
        if let namespace = object["namespace"] {
            guard let name = namespace as? String, Generate.isIdentifier(name) else {
                throw invalid("'namespace' must be a Swift identifier, such as \"Model\"", at: "namespace")
            }
            config.namespace = name
        }
        return config
    }

    /// An error at the first occurrence of `"token"` in the file, or at the file as a whole.
    func invalid(_ message: String, at token: String? = nil) -> Invalid {
        Invalid(path: path, position: token.flatMap { position(ofOffset: offset(of: "\"\($0)\"")) }, message: message)
    }

    /// JSONSerialization's error, with its "around character N" turned into a line and column.
    func syntaxError(_ error: Error) -> Invalid {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
        var message = "not valid JSON"
        var position: (line: Int, column: Int)?
        if let range = detail.range(of: "character "),
           let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
            position = self.position(ofOffset: offset)
            message += ": \(detail.prefix { $0 != " " }.lowercased() == "invalid" ? "unexpected text here" : detail)"
        } else if detail.localizedCaseInsensitiveContains("end of file") {
            message += ": the file ends too early (a missing '}', ']' or '\"'?)"
        } else {
            message += " (\(detail))"
        }
        return Invalid(path: path, position: position, message: message)
    }

    /// The UTF-8 offset of the first occurrence of `needle`.
    func offset(of needle: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
    }

    /// Line and column (in bytes, as compilers count) of a UTF-8 offset.
    func position(ofOffset offset: Int?) -> (line: Int, column: Int)? {
        guard let offset, offset <= text.utf8.count else { return nil }
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// ` (did you mean 'gradient'?)` when a candidate is within two edits of `word` (``Suggestion``).
    static func suggestion(for word: String, among candidates: [String]) -> String {
        Suggestion.text(for: word, among: candidates)
    }

    /// The `wrt` entries for one `.adg` file: those naming functions the file defines.
    /// In a target with several `.adg` files, each entry applies to the file that has the function.
    func wrt(forFileDefining functions: [String: [Syntax.Parameter]]) -> [Sema.WrtOverride] {
        wrt.filter { $0.function.map { functions[$0] != nil } ?? true }
    }

    /// Every `wrt` entry must name a function of some `.adg` file of the target, and
    /// Double or [Double] parameters of it, by their internal names.
    func checkWrt(against signatures: [String: [Syntax.Parameter]]) throws {
        for override in wrt {
            guard let function = override.function else { continue }
            guard let parameters = signatures[function] else {
                throw invalid("'wrt' names function '\(function)', which no .adg file of this target defines"
                                  + Self.suggestion(for: function, among: signatures.keys.sorted()), at: function)
            }
            for name in override.parameters {
                guard let parameter = parameters.first(where: { $0.name == name }) else {
                    let hint = parameters.first { $0.label == name }.map { " ('\(name)' is the label of '\($0.name)'; 'wrt' uses parameter names)" }
                        ?? "; its parameters are \(parameters.map(\.name).joined(separator: ", "))"
                    throw invalid("'wrt.\(function)' names '\(name)', which is not a parameter of '\(function)'\(hint)", at: name)
                }
                guard parameter.type.name == "Double" else {
                    throw invalid("'wrt.\(function)' names '\(name)' of type '\(parameter.type.spelling)'; "
                                      + "only Double and [Double] parameters are differentiable", at: name)
                }
            }
        }
    }

    /// One `public enum` per generated file cannot be split over several files.
    func checkNamespace(fileCount: Int) throws {
        guard let namespace, fileCount > 1 else { return }
        throw invalid("'namespace' needs every function in one .adg file: this target has \(fileCount) .adg files, "
                          + "and each generated file would declare 'public enum \(namespace)'", at: "namespace")
    }
}
