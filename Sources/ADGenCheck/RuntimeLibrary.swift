import Foundation

/// The built ADGenRuntime that check programs link: `libADGenRuntime.so` and
/// `Modules/` (its module and swift-numerics') in one build directory, plus the module
/// map of swift-numerics' C shims in the package checkout.
///
/// The directory is `$ADGEN_RUNTIME_DIR` when set, else the one holding the running
/// executable (`adgen`, or the test bundle), which is where `swift build` puts both.
public struct RuntimeLibrary: Sendable, Equatable {
    public var directory: URL
    public var shimsModuleMap: URL

    public init(directory: URL, shimsModuleMap: URL) {
        self.directory = directory
        self.shimsModuleMap = shimsModuleMap
    }

    public static let libraryName = "ADGenRuntime"
    static var libraryFile: String {
        #if os(macOS)
        return "lib\(libraryName).dylib"
        #else
        return "lib\(libraryName).so"
        #endif
    }

    /// The swiftc flags that import and link the runtime, with an rpath to it.
    public var flags: [String] {
        ["-I", directory.appendingPathComponent("Modules").path,
         "-Xcc", "-fmodule-map-file=\(shimsModuleMap.path)",
         "-L", directory.path, "-l\(Self.libraryName)",
         "-Xlinker", "-rpath", "-Xlinker", directory.path]
    }

    /// Size and modification time of the library, so a rebuilt runtime invalidates cached programs.
    public var fingerprint: String {
        let path = directory.appendingPathComponent(Self.libraryFile).path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path):\(size):\(date)"
    }

    /// Finds the runtime, or explains what is missing.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Bundle.main.executableURL
    ) throws -> RuntimeLibrary {
        var directories: [URL] = []
        if let explicit = environment["ADGEN_RUNTIME_DIR"], !explicit.isEmpty {
            directories.append(URL(fileURLWithPath: explicit, isDirectory: true))
        } else if let executable {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var looked: [String] = []
        for directory in directories.map({ $0.resolvingSymlinksInPath() }) {
            let library = directory.appendingPathComponent(libraryFile)
            let module = directory.appendingPathComponent("Modules/\(libraryName).swiftmodule")
            looked.append(library.path)
            guard FileManager.default.fileExists(atPath: library.path),
                  FileManager.default.fileExists(atPath: module.path) else { continue }
            if let shims = shimsModuleMap(near: directory) {
                return RuntimeLibrary(directory: directory, shimsModuleMap: shims)
            }
            looked.append("swift-numerics' _NumericsShims module map near \(directory.path)")
        }
        throw CheckInputError(
            "adgen check needs the ADGenRuntime library built next to adgen; not found: "
            + looked.joined(separator: ", ")
            + ". Build it with `make build` (or `swift build --product ADGenRuntime`), or set ADGEN_RUNTIME_DIR.")
    }

    /// `<scratch>/checkouts/swift-numerics/Sources/_NumericsShims/include/module.modulemap`,
    /// the build directory being `<scratch>/<triple>/<configuration>`.
    static func shimsModuleMap(near directory: URL) -> URL? {
        var base = directory
        for _ in 0..<3 {
            base = base.deletingLastPathComponent()
            let candidate = base.appendingPathComponent(
                "checkouts/swift-numerics/Sources/_NumericsShims/include/module.modulemap")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
