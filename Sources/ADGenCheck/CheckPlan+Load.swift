import Foundation

extension CheckPlan {
    /// Loads every file (``CheckUnit/load(path:text:name:request:)``) and checks that
    /// every function named by `--function` or `--point` is defined by some file.
    ///
    /// - Throws: ``CheckInputError`` with all problems of all files.
    public static func load(_ files: [(path: String, text: String)], request: CheckRequest) throws -> CheckPlan {
        var units: [CheckUnit] = []
        var problems: [String] = []
        for (index, file) in files.enumerated() {
            do {
                units.append(try CheckUnit.load(path: file.path, text: file.text,
                                                name: unitName(file.path, index: index), request: request))
            } catch let error as CheckInputError {
                problems += error.messages
            }
        }
        if problems.isEmpty {
            let defined = units.flatMap { $0.module.functions.map(\.name) + $0.trainingPlans.keys.sorted() }
            for function in request.functions where !defined.contains(function) {
                problems.append("error: no function '\(function)' in \(files.map(\.path).joined(separator: ", ")) "
                                + "(functions: \(defined.joined(separator: ", ")))")
            }
            for spec in request.points where !defined.contains(spec.function) {
                problems.append("--point '\(spec)': error: no function '\(spec.function)'")
            }
        }
        if !problems.isEmpty { throw CheckInputError(messages: problems) }
        return CheckPlan(units: units)
    }

    /// An identifier from the file's stem, numbered so that several files never clash:
    /// `models/loss-v2.adg` → `0_loss_v2`.
    static func unitName(_ path: String, index: Int) -> String {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let cleaned = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return "\(index)_\(cleaned)"
    }
}
