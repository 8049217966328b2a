import ADGenCore
import ADGenDriver

/// Turns swiftc's errors on a check program into messages about the `.adg` files:
/// errors in the reference already carry `.adg` lines (`#sourceLocation`); an error in
/// generated code names the generated function and the `.adg` function it came from;
/// an error in a check function names its spec.
enum CompileErrorMapping {
    static func map(_ failure: CompileFailure, plan: CheckPlan) -> CheckCompileError {
        var messages: [String] = []
        for error in failure.errors {
            messages.append(message(for: error, plan: plan))
        }
        if messages.isEmpty {
            messages.append("swiftc failed (status \(failure.exitStatus)):\n" + failure.diagnosticsText)
        }
        let files = Set(failure.errors.map { $0.file.split(separator: "/").last.map(String.init) ?? $0.file })
        let broken = plan.units.filter { unit in
            files.contains(CheckProgramWriter.genFileName(unit)) || files.contains(CheckProgramWriter.checksFileName(unit))
                || failure.errors.contains { $0.file == unit.path }
        }
        return CheckCompileError(messages: messages, diagnosticsText: failure.diagnosticsText,
                                 brokenUnits: broken.map(\.path))
    }

    static func message(for error: SwiftDiagnostic, plan: CheckPlan) -> String {
        let file = error.file.split(separator: "/").last.map(String.init) ?? error.file
        for unit in plan.units {
            if file == CheckProgramWriter.genFileName(unit) {
                let generated = enclosingFunction(in: unit.generatedSwift, line: error.line)
                let origin = generated.flatMap { sourceFunction(of: $0, in: unit) }
                let place = origin.map { "\(unit.path):\($0.location.line)" } ?? unit.path
                return "\(place): error: adgen generated Swift that does not compile (a bug in adgen): "
                    + "in \(generated ?? "generated code"), line \(error.line): \(error.message)"
            }
            if file == CheckProgramWriter.checksFileName(unit) {
                return "\(unit.path): error: the check program does not compile (a bug in adgen check): "
                    + "\(file):\(error.line): \(error.message)"
            }
        }
        return "\(error.file):\(error.line):\(error.column): error: \(error.message)"
    }

    /// The name of the `func` whose body holds `line` (1-based) of `text`.
    static func enclosingFunction(in text: String, line: Int) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = min(line, lines.count) - 1
        while index >= 0 {
            if let range = lines[index].range(of: "func ") {
                let rest = lines[index][range.upperBound...]
                return String(rest.prefix { $0 != "(" && $0 != "<" })
            }
            index -= 1
        }
        return nil
    }

    /// The DSL function a generated function was derived from: the longest name that
    /// prefixes it (`lossVJP` → `loss`).
    static func sourceFunction(of generated: String, in unit: CheckUnit) -> IR.Function? {
        unit.module.functions.filter { generated.hasPrefix($0.name) }.max { $0.name.count < $1.name.count }
    }
}

extension CheckCompileError {
    /// swiftc's errors on the program for `plan`, mapped to `.adg` lines where possible.
    public static func mapped(_ failure: CompileFailure, plan: CheckPlan) -> CheckCompileError {
        CompileErrorMapping.map(failure, plan: plan)
    }
}
