import ADGenCore
import CLibClang

/// adgen's C front end (contract, section 8): libclang parses the file, and the subset
/// adgen accepts is lowered into the same ``Syntax/File`` a `.adg` file parses into, so
/// sema, the transforms and the renderers are the ones `.adg` input goes through.
///
/// For example: `double sq(double x) { return x * x; }` becomes `func sq(x: Double) -> Double { return x * x }`.
public enum CFrontEnd {
    /// Whether `path` names C source (`.c` or `.h`).
    public static func isC(_ path: String) -> Bool { path.hasSuffix(".c") || path.hasSuffix(".h") }

    /// Whether libclang could be opened; without it, ``missingLibClangMessage`` says how to install it.
    public static var isAvailable: Bool { LibClang.load() }

    public static let missingLibClangMessage = LibClang.missingMessage

    /// Reads `file`: clang's diagnostics and adgen's own go to `diagnostics`; nil when any is an error.
    public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticEngine) -> Syntax.File? {
        guard LibClang.load() else {
            diagnostics.error(missingLibClangMessage, at: SourceLocation(line: 1, column: 1, offset: 0))
            return nil
        }
        if let location = SourceLimits.overlongStatement(in: file.bytes) {
            diagnostics.error("statement has more than \(SourceLimits.maxOperators) operators; split it into several statements",
                              at: location)
            return nil
        }
        guard let unit = TranslationUnit(file) else {
            diagnostics.error("libclang could not parse this file", at: SourceLocation(line: 1, column: 1, offset: 0))
            return nil
        }
        for diagnostic in ClangDiagnostics.convert(unit.diagnostics) { diagnostics.emit(diagnostic) }
        if diagnostics.hasErrors { return nil }
        var lowering = CLowering(unit: unit)
        let syntax = lowering.lowerFile()
        for diagnostic in lowering.diagnostics.diagnostics { diagnostics.emit(diagnostic) }
        return diagnostics.hasErrors ? nil : syntax
    }
}

/// clang's own warnings and errors, in section 6's format.
enum ClangDiagnostics {
    static func convert(_ raw: [(severity: Int, position: ADGenPosition, message: String)]) -> [Diagnostic] {
        raw.compactMap { severity, position, message in
            let kind: Diagnostic.Severity
            switch severity {
            case 2: kind = .warning
            case 3, 4: kind = .error
            default: return nil
            }
            var location = Cursor.location(position)
            var text = message
            if position.inMainFile == 0 {
                // A problem inside an included header: shown at the top of the file.
                text = "in an included file: " + message
                location = SourceLocation(line: 1, column: 1, offset: 0)
            }
            return Diagnostic(kind, text, at: location)
        }
    }
}

/// libclang's parser recurses on long operator chains and, with tens of thousands of
/// operators in one expression, overflows its stack and takes the process with it; such
/// input is refused before libclang sees it.
enum SourceLimits {
    static let maxOperators = 5_000

    /// Where a statement with more than ``maxOperators`` operator characters starts.
    static func overlongStatement(in bytes: [UInt8]) -> SourceLocation? {
        var count = 0
        var line = 1
        var lineStart = 0
        var start = SourceLocation(line: 1, column: 1, offset: 0)
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                count = 0
                start = SourceLocation(line: line, column: offset - lineStart + 2, offset: offset + 1)
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "?"),
                 UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "!"), UInt8(ascii: "~"),
                 UInt8(ascii: "["):
                count += 1
                if count > maxOperators { return start }
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = offset + 1
            default:
                break
            }
        }
        return nil
    }
}
