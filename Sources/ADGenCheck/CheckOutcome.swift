import ADGenCheckSupport

/// Everything a check run produced, per item, before aggregation (``CheckReport``).
public struct CheckOutcome {
    public struct PointResult: Sendable {
        public var point: Int
        public var check: ModeCheck
        /// The point's arguments, when the check failed.
        public var arguments: String?

        public init(point: Int, check: ModeCheck, arguments: String? = nil) {
            self.point = point
            self.check = check
            self.arguments = arguments
        }
    }

    public struct ItemResult: Sendable {
        public var item: CheckItem
        public var results: [PointResult] = []
        /// Notes of points where no draw gave a finite value.
        public var invalidPoints: [String] = []
        /// Why the check did not finish: a crash or a time-out.
        public var failure: String?

        public init(item: CheckItem) { self.item = item }

        /// A later candidate of the group should be tried instead.
        public var needsAnotherCandidate: Bool {
            failure != nil || (results.isEmpty && !invalidPoints.isEmpty)
        }
    }

    public var plan: CheckPlan
    /// Per group (unit, group), the candidates tried, in order, with their results.
    public var groups: [[[ItemResult]]]
    public var compileSeconds: Double
    public var runSeconds: Double
    public var wasCached: Bool
    public var programRuns: Int

    public init(plan: CheckPlan, groups: [[[ItemResult]]], compileSeconds: Double, runSeconds: Double,
                wasCached: Bool, programRuns: Int) {
        self.plan = plan
        self.groups = groups
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
        self.wasCached = wasCached
        self.programRuns = programRuns
    }

    /// The result that stands for a group: its last tried candidate's.
    public func finalResult(unit: Int, group: Int) -> ItemResult? { groups[unit][group].last }
}

/// swiftc rejected the check program; `messages` are mapped to `.adg` lines where possible.
public struct CheckCompileError: Error, CustomStringConvertible {
    public var messages: [String]
    public var diagnosticsText: String
    /// The paths of the units whose files have errors.
    public var brokenUnits: [String]
    public var description: String { messages.joined(separator: "\n") }
}
