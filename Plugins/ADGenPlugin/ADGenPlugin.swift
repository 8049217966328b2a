import Foundation
import PackagePlugin

/// Runs `adgen generate` on every `.adg` file of a target at build time and adds the
/// generated Swift to the target.
///
/// - Each `DIR/NAME.adg` becomes `DIR_NAME.swift` in the plugin's work directory, so
///   files with the same name in different folders cannot collide.
/// - The inputs of each command are the `.adg` file, the target's
///   `adgen-config.json` (if any) and the adgen executable itself, so editing either,
///   or building a new adgen, regenerates; nothing else does.
/// - adgen reports errors as `/absolute/path/NAME.adg:line:col: error: ...`, which
///   `swift build` shows at the `.adg` line, and exits non-zero, failing the build.
@main
struct ADGenPlugin: BuildToolPlugin {
    static let configFileName = "adgen-config.json"

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "adgen")
        let files = module.sourceFiles.map(\.url)
        let config = files.first { $0.lastPathComponent == Self.configFileName }
        let inputs = files.filter { $0.pathExtension == "adg" }.sorted { $0.path < $1.path }
        let targetDirectory = module.directoryURL.standardizedFileURL.path
        return inputs.map { input in
            let output = context.pluginWorkDirectoryURL.appendingPathComponent(Self.outputName(for: input, in: targetDirectory))
            var arguments = ["generate", input.path, "-o", output.path]
            if let config { arguments += ["--config", config.path] }
            return .buildCommand(
                displayName: "adgen: generating \(output.lastPathComponent) from \(input.lastPathComponent)",
                executable: tool.url,
                arguments: arguments,
                inputFiles: [input, tool.url] + (config.map { [$0] } ?? []),
                outputFiles: [output])
        }
    }

    /// `Models/Loss.adg` → `Models_Loss.swift`.
    static func outputName(for input: URL, in targetDirectory: String) -> String {
        var relative = input.standardizedFileURL.path
        if relative.hasPrefix(targetDirectory + "/") { relative.removeFirst(targetDirectory.count + 1) }
        let stem = relative.hasSuffix(".adg") ? String(relative.dropLast(4)) : relative
        let safe = stem.map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(safe) + ".swift"
    }
}
