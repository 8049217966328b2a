import ADGenCore
import CLibClang
import Foundation

/// libclang, opened at run time: adgen links no part of it, so everything but reading C
/// works on a machine without it.
enum LibClang {
    /// The message when libclang cannot be opened.
    static let missingMessage = "reading C needs libclang; install it with `apt-get install libclang-dev`"

    /// Opens libclang once (`ADGEN_LIBCLANG` names the library to use instead of the usual places).
    static func load() -> Bool {
        let override = ProcessInfo.processInfo.environment["ADGEN_LIBCLANG"]
        return adgen_clang_load(override) == 1
    }

    static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// A parsed C file; its cursors are valid while it lives.
final class TranslationUnit {
    let handle: UnsafeMutableRawPointer
    /// The file's bytes: operators are read from them (see ``COperator``).
    let bytes: [UInt8]

    /// Parses `file` as C11; nil when libclang could not parse at all.
    init?(_ file: SourceFile) {
        // gnu11: C11 plus what glibc hides from strict C11 (M_PI in <math.h>); every comment
        // before a function is its doc comment.
        let arguments = ["-std=gnu11", "-x", "c", "-Wall", "-fparse-all-comments"]
        let cArguments = arguments.map { strdup($0) }
        defer { cArguments.forEach { free($0) } }
        var contents = file.bytes.map { CChar(bitPattern: $0) }
        contents.append(0)
        let pointers = cArguments.map { UnsafePointer($0) }
        guard let handle = pointers.withUnsafeBufferPointer({ arguments in
            adgen_clang_parse(file.path, contents, UInt(file.bytes.count), arguments.baseAddress, Int32(arguments.count))
        }) else { return nil }
        self.handle = handle
        self.bytes = file.bytes
    }

    deinit { adgen_clang_dispose(handle) }

    var root: Cursor { Cursor(raw: adgen_clang_root(handle), unit: self) }

    /// clang's own diagnostics (warnings and errors).
    var diagnostics: [(severity: Int, position: ADGenPosition, message: String)] {
        (0..<adgen_clang_diagnostic_count(handle)).map { index in
            var position = ADGenPosition()
            var message: UnsafeMutablePointer<CChar>?
            let severity = adgen_clang_diagnostic(handle, index, &position, &message)
            return (Int(severity), position, LibClang.string(message))
        }
    }
}
