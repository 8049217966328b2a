import ADGenCore
import ADGenCheckSupport

/// The result of `adgen check`: one row per function and mode with the worst errors
/// over all its points (NaN when any point's error was not finite).
public struct CheckReport {
    public struct Row: Sendable {
        public var file: String
        public var function: String
        public var mode: String
        public var finiteDifferenceError: Double?
        public var complexStepError: Double?
        public var dotProductError: Double?
        public var valueError: Double?
        public var worstInput: String?
        /// The worst entries of the complex-step comparison at the point with the
        /// largest complex-step error (``ModeCheck/worstEntries``).
        public var worstEntries: [EntryError] = []
        public var passed = true
        /// Points checked.
        public var points = 0
        /// The specs the points were drawn from.
        public var specs: [String] = []
        public var notes: [String] = []
    }

    public var rows: [Row]
    public var outcome: CheckOutcome

    public var passed: Bool { rows.allSatisfy(\.passed) }
    public var failedRows: [Row] { rows.filter { !$0.passed } }

    /// The modes reported for a function: those of the standard and further modes the
    /// generated file has for it (a function without active parameters has only its primal).
    static func modes(of function: IR.Function, in unit: CheckUnit) -> [Pipeline.Mode] {
        let present = unit.presentModes(of: function)
        return (Pipeline.Mode.standard + Pipeline.Mode.further).filter { present.contains($0) }
    }

    public init(_ outcome: CheckOutcome) {
        self.outcome = outcome
        var rows: [Row] = []
        for (unitIndex, unit) in outcome.plan.units.enumerated() {
            for function in unit.module.functions {
                let groups = unit.groups.indices.filter { unit.groups[$0].function == function.name }
                guard !groups.isEmpty else { continue }
                var functionRows = Self.modes(of: function, in: unit).map {
                    Row(file: unit.path, function: function.name, mode: $0.rawValue)
                }
                for group in groups {
                    guard let result = outcome.finalResult(unit: unitIndex, group: group) else { continue }
                    let spec = outcome.plan.units[unitIndex].groups[group].candidates[result.item.candidate]
                    let tried = outcome.groups[unitIndex][group]
                    for index in functionRows.indices {
                        Self.add(result, spec: spec, tried: tried, to: &functionRows[index])
                    }
                }
                rows += functionRows
            }
            rows += Self.trainingRows(unit, unitIndex: unitIndex, outcome: outcome)
        }
        self.rows = rows
    }

    /// One row per method of each hypergradient group (mode `hypergradient .unrolled`, ...).
    static func trainingRows(_ unit: CheckUnit, unitIndex: Int, outcome: CheckOutcome) -> [Row] {
        var rows: [Row] = []
        for (index, group) in unit.groups.enumerated() where group.origin == .training {
            guard let result = outcome.finalResult(unit: unitIndex, group: index) else { continue }
            var modes: [String] = []
            for pointResult in result.results where !modes.contains(pointResult.check.mode) { modes.append(pointResult.check.mode) }
            var groupRows = (modes.isEmpty ? ["hypergradient"] : modes).map { Row(file: unit.path, function: group.function, mode: $0) }
            for row in groupRows.indices {
                add(result, spec: group.candidates[0], tried: outcome.groups[unitIndex][index], to: &groupRows[row])
            }
            rows += groupRows
        }
        return rows
    }

    /// Folds one group's final result into a row.
    static func add(_ result: CheckOutcome.ItemResult, spec: PointSpec, tried: [CheckOutcome.ItemResult],
                    to row: inout Row) {
        row.specs.append(spec.description)
        if let failure = result.failure {
            row.passed = false
            row.notes.append("\(spec): \(failure)" + triedNote(tried))
            return
        }
        if result.results.isEmpty || !result.invalidPoints.isEmpty {
            row.passed = false
            row.notes.append("\(spec): " + (result.invalidPoints.first ?? "no results") + triedNote(tried))
        }
        var points: Set<Int> = []
        for pointResult in result.results where pointResult.check.mode == row.mode {
            let check = pointResult.check
            points.insert(pointResult.point)
            row.finiteDifferenceError = worst(row.finiteDifferenceError, check.finiteDifferenceError)
            row.complexStepError = worst(row.complexStepError, check.complexStepError)
            if row.complexStepError == check.complexStepError, check.worstInput != nil { row.worstInput = check.worstInput }
            if row.complexStepError == check.complexStepError, !check.worstEntries.isEmpty { row.worstEntries = check.worstEntries }
            row.dotProductError = worst(row.dotProductError, check.dotProductError)
            row.valueError = worst(row.valueError, check.valueError)
            row.notes += check.notes.filter { !row.notes.contains($0) }
            if !check.passed {
                if row.passed, let arguments = pointResult.arguments { row.notes.append("fails at \(arguments)") }
                row.passed = false
            }
        }
        row.points += points.count
    }

    static func triedNote(_ tried: [CheckOutcome.ItemResult]) -> String {
        tried.count > 1 ? " (after \(tried.count - 1) other default size(s) failed too)" : ""
    }

    /// The larger error; NaN wins, nil means "not measured".
    static func worst(_ a: Double?, _ b: Double?) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        if a.isNaN || b.isNaN { return .nan }
        return Swift.max(a, b)
    }
}
