import ADGenCore
import ADGenDriver

/// Writes the Swift program `adgen check` compiles: per unit the generated code
/// (`Gen_<name>.swift`), the `.adg` text itself as a reference (`Ref_<name>.swift`, with
/// `#sourceLocation` so errors point into the `.adg` file) and one function per check
/// item (`Checks_<name>.swift`); `main.swift` runs them through `CheckSession`.
public enum CheckProgramWriter {
    public static func sources(for plan: CheckPlan) -> [SwiftSourceFile] {
        var files: [SwiftSourceFile] = []
        var main = ["import ADGenCheckSupport", "", "let session = CheckSession(arguments: CommandLine.arguments)"]
        var id = 0
        for unit in plan.units {
            files.append(SwiftSourceFile(name: genFileName(unit), text: unit.generatedSwift))
            files.append(SwiftSourceFile(name: refFileName(unit), text: referenceSource(unit)))
            var checks: [String] = []
            for group in unit.groups {
                checks.append(group.origin == .training
                              ? HypergradientCheckWriter(unit: unit, group: group, id: id).source()
                              : CheckFunctionWriter(unit: unit, group: group, id: id).source())
                main.append("\(CheckFunctionWriter.functionName(id))(session)")
                id += 1
            }
            files.append(SwiftSourceFile(name: checksFileName(unit),
                                         text: (["import ADGenCheckSupport", "import ADGenRuntime", ""] + checks).joined(separator: "\n")))
        }
        main.append("session.finish()")
        files.append(SwiftSourceFile(name: "main.swift", text: main.joined(separator: "\n") + "\n"))
        return files
    }

    static func genFileName(_ unit: CheckUnit) -> String { unit.genNamespace + ".swift" }
    static func refFileName(_ unit: CheckUnit) -> String { unit.refType + ".swift" }
    static func checksFileName(_ unit: CheckUnit) -> String { "Checks_" + unit.name + ".swift" }

    /// The `.adg` text as the methods of a struct: every valid `.adg` file is Swift, and
    /// methods call each other unqualified. `@differentiable` lines become comments.
    static func referenceSource(_ unit: CheckUnit) -> String {
        var lines = ["import Foundation", "", "struct \(unit.refType) {",
                     "#sourceLocation(file: \(stringLiteral(unit.path)), line: 1)"]
        for line in unit.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            lines.append(trimmed.hasPrefix("@differentiable") ? "// " + trimmed : String(line))
        }
        lines += ["#sourceLocation()", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Swift string literal for `text`.
    static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
