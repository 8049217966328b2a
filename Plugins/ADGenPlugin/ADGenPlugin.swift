import Foundation
import PackagePlugin

/// Runs `adgen generate` on every `.adg` file of a target at build time and adds the
/// generated Swift to the target (Docs/Configuration.md).
///
/// - Each `.adg` file gets its own build command, whose output is named after the
///   file's path inside the target (`Models/Loss.adg` → `Models+Loss.adg.swift`), so
///   no two outputs collide and no output collides with a hand-written `Loss.swift`.
/// - The inputs of each command are the `.adg` file, the target's
///   `adgen-config.json` (if any) and the adgen executable itself, so editing either,
///   or building a new adgen, regenerates that file; nothing else does.
/// - adgen reports errors as `/absolute/path/NAME.adg:line:col: error: ...`, which
///   `swift build` shows at the `.adg` line, and exits non-zero, failing the build.
@main
struct ADGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "adgen")
        let inputs = module.sourceFiles.map(\.url).filter { $0.pathExtension == "adg" }.sorted { $0.path < $1.path }
        let config = ADGenPlugin.configFile(in: module)
        let targetDirectory = module.directoryURL.standardizedFileURL.path
        return inputs.map { input in
            let outputName = ADGenPlugin.outputName(for: input, in: targetDirectory)
            let output = context.pluginWorkDirectoryURL.appendingPathComponent(outputName)
            var arguments = ["generate", input.path, "-o", output.path]
            if let config {
                arguments += ["--config", config.path]
                // The config's `wrt` may name functions of any .adg file of the target.
                for peer in inputs where peer != input { arguments += ["--config-scope", peer.path] }
            }
            return .buildCommand(
                displayName: "adgen: generating \(outputName) from \(input.lastPathComponent)",
                executable: tool.url,
                arguments: arguments,
                inputFiles: [input, tool.url] + (config.map { [$0] } ?? []),
                outputFiles: [output])
        }
    }

    static let configFileName = "adgen-config.json"

    /// The target's `adgen-config.json`: the one at the root of the target's folder.
    static func configFile(in module: SourceModuleTarget) -> URL? {
        let root = module.directoryURL.standardizedFileURL.path
        return module.sourceFiles.map(\.url).first { file in
            file.lastPathComponent == configFileName
                && file.deletingLastPathComponent().standardizedFileURL.path == root
        }
    }

    /// The generated file's name: the `.adg` file's path inside the target, with `/` as `+`
    /// and any byte other than a letter, digit, `.`, `-` or `_` as `%XX`, then `.swift`.
    /// The encoding is reversible, so two inputs never share an output:
    /// `Model.adg` → `Model.adg.swift`, `Models/Loss.adg` → `Models+Loss.adg.swift`.
    static func outputName(for input: URL, in targetDirectory: String) -> String {
        var relative = input.standardizedFileURL.path
        if relative.hasPrefix(targetDirectory + "/") { relative.removeFirst(targetDirectory.count + 1) }
        var name = ""
        for byte in relative.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.append(Character(Unicode.Scalar(byte)))
            case UInt8(ascii: "/"):
                name.append("+")
            default:
                name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return name + ".swift"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
