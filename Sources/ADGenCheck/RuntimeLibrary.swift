import Foundation

/// The built libraries that check programs link, found in one build directory:
/// `Modules/` (the modules of ADGenRuntime, which generated code imports, of
/// ADGenCheckSupport, which the checks call, and of swift-numerics), the module map of
/// swift-numerics' C shims in the package checkout, and either `libADGenCheckSupport.so`
/// (the dynamic product, with the runtime inside, which `make build` builds) or, failing
/// that, the object files SwiftPM left for those targets (always there once adgen is
/// built, so `swift build --product adgen` alone is enough).
///
/// The directory is `$ADGEN_RUNTIME_DIR` when set, else the one holding the running
/// executable (`adgen`, or the test bundle), which is where `swift build` puts both.
public struct RuntimeLibrary: Sendable, Equatable {
    public enum Linkage: Sendable, Equatable {
        /// `-lADGenCheckSupport`, with an rpath to the directory.
        case dynamic
        /// These object files, linked into the program.
        case objects([URL])
    }

    public var directory: URL
    public var shimsModuleMap: URL
    public var linkage: Linkage

    public init(directory: URL, shimsModuleMap: URL, linkage: Linkage = .dynamic) {
        self.directory = directory
        self.shimsModuleMap = shimsModuleMap
        self.linkage = linkage
    }

    public static let libraryName = "ADGenCheckSupport"
    /// The module generated code imports, which the library holds too.
    public static let runtimeModule = "ADGenRuntime"
    static var libraryFile: String {
        #if os(macOS)
        return "lib\(libraryName).dylib"
        #else
        return "lib\(libraryName).so"
        #endif
    }

    /// The targets whose object files make up the runtime when the library is missing.
    static let objectTargets = [libraryName, runtimeModule, "ComplexModule", "RealModule", "Numerics", "_NumericsShims"]

    /// The swiftc flags that import and link the runtime.
    public var flags: [String] {
        let imports = ["-I", directory.appendingPathComponent("Modules").path,
                       "-Xcc", "-fmodule-map-file=\(shimsModuleMap.path)"]
        switch linkage {
        case .dynamic:
            return imports + ["-L", directory.path, "-l\(Self.libraryName)",
                              "-Xlinker", "-rpath", "-Xlinker", directory.path]
        case .objects(let files):
            return imports + files.map(\.path)
        }
    }

    /// Sizes and modification times of what is linked, so a rebuilt runtime invalidates
    /// cached programs.
    public var fingerprint: String {
        let files: [URL]
        switch linkage {
        case .dynamic: files = [directory.appendingPathComponent(Self.libraryFile)]
        case .objects(let objects): files = objects
        }
        return files.map { file in
            let attributes = (try? FileManager.default.attributesOfItem(atPath: file.path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file.path):\(size):\(date)"
        }.joined(separator: ";")
    }

    /// The object files of ``objectTargets`` in `directory`, or nil when the runtime's are missing.
    static func objectFiles(in directory: URL) -> [URL]? {
        var files: [URL] = []
        for target in objectTargets {
            let folder = directory.appendingPathComponent("\(target).build")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".o") }.sorted().map { folder.appendingPathComponent($0) }
        }
        let folders = Set(files.map { $0.deletingLastPathComponent().lastPathComponent })
        return [libraryName, runtimeModule].allSatisfy { folders.contains("\($0).build") } ? files : nil
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
            let modules = [libraryName, runtimeModule].map { directory.appendingPathComponent("Modules/\($0).swiftmodule") }
            looked.append("\(library.path) or \(libraryName).build/*.o")
            guard modules.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else { continue }
            let linkage: Linkage
            if FileManager.default.fileExists(atPath: library.path) {
                linkage = .dynamic
            } else if let objects = objectFiles(in: directory) {
                linkage = .objects(objects)
            } else {
                continue
            }
            if let shims = shimsModuleMap(near: directory) {
                return RuntimeLibrary(directory: directory, shimsModuleMap: shims, linkage: linkage)
            }
            looked.append("swift-numerics' _NumericsShims module map near \(directory.path)")
        }
        throw CheckInputError(
            "adgen check needs the ADGenCheckSupport library built next to adgen; not found: "
            + looked.joined(separator: ", ")
            + ". Build it with `make build` (or `swift build --product ADGenCheckSupport`), or set ADGEN_RUNTIME_DIR.")
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
