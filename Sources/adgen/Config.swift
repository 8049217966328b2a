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
/// Every key is optional. Unknown keys and wrong types are errors, reported as
/// `path: error: message`.
struct Config {
    var modes: Set<Pipeline.Mode>?
    var wrt: [Sema.WrtOverride] = []
    var namespace: String?

    struct Invalid: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path): error: \(message)" }
    }

    static let keys: Set<String> = ["modes", "wrt", "namespace"]

    static func load(_ path: String) throws -> Config {
        func invalid(_ message: String) -> Invalid { Invalid(path: path, message: message) }
        guard let data = FileManager.default.contents(atPath: path) else { throw invalid("cannot read the configuration file") }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw invalid("not valid JSON (\(error.localizedDescription))")
        }
        guard let object = json as? [String: Any] else { throw invalid("expected a JSON object at the top level") }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw invalid("unknown key '\(unknown)'; keys are \(keys.sorted().joined(separator: ", "))")
        }
        var config = Config()
        if let modes = object["modes"] {
            guard let names = modes as? [String], !names.isEmpty else { throw invalid("'modes' must be a non-empty array of strings") }
            config.modes = try Set(names.map { name in
                guard let mode = Pipeline.Mode(rawValue: name) else {
                    throw invalid("unknown mode '\(name)' in 'modes'; modes are \(Pipeline.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return mode
            })
        }
        if let wrt = object["wrt"] {
            guard let table = wrt as? [String: Any] else { throw invalid("'wrt' must map function names to arrays of parameter names") }
            for function in table.keys.sorted() {
                guard let names = table[function] as? [String], !names.isEmpty else {
                    throw invalid("'wrt.\(function)' must be a non-empty array of parameter names")
                }
                config.wrt.append(Sema.WrtOverride(function: function, parameters: names))
            }
        }
        if let namespace = object["namespace"] {
            guard let name = namespace as? String, Generate.isIdentifier(name) else {
                throw invalid("'namespace' must be a Swift identifier")
            }
            config.namespace = name
        }
        return config
    }
}
