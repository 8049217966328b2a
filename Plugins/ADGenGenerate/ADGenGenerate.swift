import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory adgen-generate [--target NAME ...]`
///
/// For users who commit the generated code instead of generating it at build time:
/// writes `NAME.adg.swift` next to every `NAME.adg` in the chosen targets (all targets
/// by default), with the target's `adgen-config.json` applied as the build plugin
/// applies it. Do not also apply the `ADGenPlugin` build plugin to those targets, and
/// exclude the `.adg` files from them (`exclude: ["Model.adg"]`) so SwiftPM does not
/// warn about unhandled files (Docs/Configuration.md).
@main
struct ADGenGenerate: CommandPlugin {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        if let unknown = extractor.remainingArguments.first {
            throw Failed(description: "unexpected argument '\(unknown)'; usage: adgen-generate [--target NAME ...]")
        }
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let tool = try context.tool(named: "adgen")
        var written = 0
        for case let module as SourceModuleTarget in targets {
            let directory = module.directoryURL.standardizedFileURL
            let inputs = Self.adgFiles(under: directory)
            let config = directory.appendingPathComponent("adgen-config.json")
            let hasConfig = FileManager.default.fileExists(atPath: config.path)
            for input in inputs {
                var arguments = ["generate", input.path, "-o", input.path + ".swift"]
                if hasConfig {
                    arguments += ["--config", config.path]
                    for peer in inputs where peer != input { arguments += ["--config-scope", peer.path] }
                }
                let process = try Process.run(tool.url, arguments: arguments)
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw Failed(description: "adgen failed on \(input.path) (see the errors above)")
                }
                print("adgen-generate: wrote \(input.path).swift")
                written += 1
            }
        }
        if written == 0 { print("adgen-generate: no .adg files in the chosen targets") }
    }

    /// Every `.adg` file under `directory`, sorted, including ones the target excludes.
    static func adgFiles(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "adg" }
            .map(\.standardizedFileURL).sorted { $0.path < $1.path }
    }
}
