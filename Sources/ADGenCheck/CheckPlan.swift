import ADGenCore

/// Everything one `adgen check` run compiles into one program: the files, and for
/// each function the groups of points to check.
public struct CheckPlan {
    public var units: [CheckUnit]

    public init(units: [CheckUnit]) { self.units = units }

    /// Every candidate of every group. The `id` is the group's number, which is the
    /// program's check id (candidates of one group differ only in the sizes passed).
    public var items: [CheckItem] {
        var items: [CheckItem] = []
        var id = 0
        for (unitIndex, unit) in units.enumerated() {
            for (groupIndex, group) in unit.groups.enumerated() {
                for candidateIndex in group.candidates.indices {
                    items.append(CheckItem(id: id, unit: unitIndex, group: groupIndex, candidate: candidateIndex))
                }
                id += 1
            }
        }
        return items
    }

    /// The sizes passed to the program for `item` (empty for a fixed spec).
    public func sizes(of item: CheckItem) -> [Int] {
        let group = self.group(of: item)
        return group.sizes.isEmpty ? [] : group.sizes[item.candidate]
    }

    public func unit(of item: CheckItem) -> CheckUnit { units[item.unit] }
    public func group(of item: CheckItem) -> CheckGroup { units[item.unit].groups[item.group] }
    public func spec(of item: CheckItem) -> PointSpec { group(of: item).candidates[item.candidate] }
}

/// One `.adg` file prepared for checking.
public struct CheckUnit {
    /// The path as given (diagnostics and reports use it).
    public var path: String
    /// An identifier unique in the plan, used for the program's namespaces.
    public var name: String
    public var text: String
    /// `Pipeline.compile` output: all standard modes and complex step, in `enum genNamespace`.
    public var generatedSwift: String
    public var module: IR.Module
    public var groups: [CheckGroup]
    /// The training declarations with a validation function, by `LOptHypergradient` name.
    public var trainingPlans: [String: TrainingPlan]
    /// The validation function's point for each plan, by `LOptHypergradient` name.
    public var validationSpecs: [String: PointSpec]
    /// The `--param` values (for training checks: `steps` and hyperparameters).
    public var parameters: [ParameterValue] = []

    public init(path: String, name: String, text: String, generatedSwift: String, module: IR.Module,
                groups: [CheckGroup], trainingPlans: [String: TrainingPlan] = [:],
                validationSpecs: [String: PointSpec] = [:]) {
        self.path = path
        self.name = name
        self.text = text
        self.generatedSwift = generatedSwift
        self.module = module
        self.groups = groups
        self.trainingPlans = trainingPlans
        self.validationSpecs = validationSpecs
    }

    public var genNamespace: String { "Gen_" + name }
    public var refType: String { "Ref_" + name }
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The modes whose function the generated file declares for `function`.
    public func presentModes(of function: IR.Function) -> [Pipeline.Mode] {
        Pipeline.Mode.allCases.filter { generatedSwift.contains("func \(function.name)\($0.suffix)(") }
    }
}

/// The points of one function: a `// check:` line, a `--point`, or the defaults, whose
/// candidates are tried in order until one runs (see ``DefaultPoints``).
///
/// A group is one check function of the program. For defaults, `sizes` holds per
/// candidate the numbers passed to the program at run time (one per parameter), and
/// `sized` the parameters that read them; `candidates` shows each as a spec.
public struct CheckGroup {
    public enum Origin: Equatable, Sendable {
        /// A `// check:` line of the file.
        case directive(line: Int)
        /// `--point` on the command line.
        case option
        case defaults
        /// The hypergradient of a training declaration with a validation function: the
        /// group's function is `LOptHypergradient`, its spec the loss's point.
        case training
    }

    public var function: String
    public var origin: Origin
    public var candidates: [PointSpec]
    public var sizes: [[Int]]
    public var sized: Set<Int>

    public init(function: String, origin: Origin, candidates: [PointSpec], sizes: [[Int]] = [], sized: Set<Int> = []) {
        self.function = function
        self.origin = origin
        self.candidates = candidates
        self.sizes = sizes
        self.sized = sized
    }
}

/// One candidate of one group: a check the program can run.
public struct CheckItem: Hashable, Sendable {
    public var id: Int
    public var unit: Int
    public var group: Int
    public var candidate: Int

    public init(id: Int, unit: Int, group: Int, candidate: Int) {
        self.id = id
        self.unit = unit
        self.group = group
        self.candidate = candidate
    }
}

