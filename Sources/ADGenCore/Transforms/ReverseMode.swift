/// Reverse mode: IR function → its VJP, a forward sweep followed by a reverse sweep.
///
/// **Forward sweep**: the primal, with declarations from loops and branches hoisted to
/// the top, and, before every overwrite of a variable the reverse sweep reads, its
/// old value pushed on a tape (one tape per element type).
/// **Reverse sweep**: statements in reverse order; each pops what its forward twin
/// pushed, then accumulates adjoints. Intermediate values of an expression are
/// recomputed from its (restored) operands instead of stored.
/// **Control flow**: an `if` re-evaluates its condition, and a `for` its bounds, when
/// the body cannot change them; otherwise they are saved. `while` loops and strides
/// count their trips. Which overwrites need taping is decided by ``SaveAnalysis``.
/// See Docs/ReverseMode.md for the cost model.
struct ReverseMode {
    let source: IR.Function
    let registry: DerivedFunctions
    let types: [String: IRType]
    let activity: Activity
    var names: NameAllocator
    /// Adjoint variable of each active variable.
    var adjoints: [String: String] = [:]
    /// How each write is restored and each loop reversed (see ``SaveAnalysis``).
    var plan = ReversePlan()
    /// Loop-local `let`s recomputed by the reverse sweep instead of taped.
    var untaped: Set<String> = []
    /// Accumulators whose adjoints are final inside the fused loop being swept (nil
    /// outside fused loops).
    var fusedAccumulators: Set<String>?
    /// Adjoints declared inside fused bodies rather than at the reverse sweep's start.
    var locallyDeclaredAdjoints: Set<String> = []
    /// Accumulators whose forward updates a recompute-fused re-run leaves out.
    var skippedUpdates: Set<String> = []
    /// Arrays whose length never changes (for the scratch-array rule).
    let fixedLengths: [String: IR.Expression]
    /// Arrays the function appends to: an assignment's reverse re-sizes their adjoint
    /// to the restored array instead of zeroing it in place.
    let appended: Set<String>
    /// Variables declared inside loops or branches, declared once at the top instead.
    var hoisted: [(name: String, type: IRType)] = []
    var hoistedNames: Set<String> = []
    var loopDepth = 0
    var blockDepth = 0
    /// Tapes used, by element type.
    var tapes: Set<IRType> = []
    var valueName: String
    var seedName: String
    /// `--tape-report`: the top-level loops, as swept.
    var report: [TapeReport.Loop] = []
    /// The tape budget in bytes: top-level loops that tape are checkpointed (nil: none).
    let tapeBudget: Int?

    static func transform(_ source: IR.Function, wrt: [String], name: String, registry: DerivedFunctions,
                          tapeBudget: Int? = nil) -> IR.Function {
        let source = StatementNumbering.run(ExpensiveValueNaming.run(Inlining.run(source, functions: registry.functions)))
        var names = NameAllocator(reserving: Naming.names(in: source))
        let valueName = names.fresh(Naming.value)
        let seedName = names.fresh(Naming.seed)
        var pass = ReverseMode(source: source, wrt: wrt, registry: registry, names: names,
                               valueName: valueName, seedName: seedName, tapeBudget: tapeBudget)
        return pass.run(name: name, wrt: wrt)
    }

    init(source: IR.Function, wrt: [String], registry: DerivedFunctions, names: NameAllocator,
         valueName: String, seedName: String, tapeBudget: Int? = nil) {
        self.tapeBudget = tapeBudget
        self.source = source
        self.registry = registry
        self.names = names
        self.valueName = valueName
        self.seedName = seedName
        types = source.variableTypes
        fixedLengths = Self.fixedLengths(in: source)
        var appended: Set<String> = []
        IRWalk.forEachStatement(source.body) { statement in
            if case .append(let array, _) = statement.kind { appended.insert(array) }
        }
        self.appended = appended
        var activeSource = source
        activeSource.wrt = wrt
        activity = Activity(activeSource, types: types)
        for name in types.keys.sorted() where activity.isActive(name) {
            adjoints[name] = self.names.fresh(Naming.derivative(of: name))
        }
    }

    mutating func run(name: String, wrt: [String]) -> IR.Function {
        let resultType = source.resultType
        let sourceBody = reorderedForFusion(source.body)
        var saves = makeSaveAnalysis()
        plan = saves.run(sourceBody)
        let planDump = plan
        var forward: [IR.Statement]
        var reverse: [IR.Statement]
        var fusedTail: [IR.Statement] = []
        var fusedLoops: Set<Int> = []
        if let split = fusionSplit(sourceBody) {
            fusedLoops = Set(sourceBody[split.before.count..<(split.before.count + split.loops.count)].map(\.id))
            for statement in sourceBody[split.before.count..<(split.before.count + split.loops.count)] {
                report.append(TapeReport.Loop(header: TapeReport.header(of: statement), line: statement.location.line,
                                              tripCount: TapeReport.tripCount(of: statement), terms: [],
                                              strategy: "fused: each iteration reversed right after it runs; nothing taped"))
            }
            // forward(before) ; reverse(after) ; fused(loops) ; forward(after) ; reverse(before)
            (forward, reverse) = sweep(split.before)
            let (afterForward, afterReverse) = sweep(split.after)
            fusedTail = afterReverse + split.loops.map { fusedLoop($0.0, accumulators: $0.1) } + afterForward
        } else {
            (forward, reverse) = sweep(sourceBody)
        }
        var body: [IR.Statement] = []
        for (name, type) in hoisted {
            body.append(IR.Statement(.declare(name: name, type: type, mutable: true, value: IR.Expression.placeholder(type),
                                              annotated: true)))
        }
        for type in tapes.sorted(by: { $0.description < $1.description }) {
            body.append(IR.Statement(.declare(name: Naming.tape(type), type: .tape(type), mutable: true,
                                              value: IR.Expression(.newTape, .tape(type)), annotated: false)))
        }
        body += forward
        // Adjoints start at zero; the result's adjoint is the seed.
        for variable in adjoints.keys.sorted() where !source.parameters.contains(where: { $0.name == variable })
            && !locallyDeclaredAdjoints.contains(adjoints[variable]!) {
            body.append(declareAdjoint(of: variable))
        }
        for parameter in source.parameters where adjoints[parameter.name] != nil {
            body.append(declareAdjoint(of: parameter.name))
        }
        body += fusedTail + reverse
        let active = source.parameters.filter { wrt.contains($0.name) }
        var results = [IR.Expression.variable(valueName, resultType)]
        for parameter in active {
            if let adjoint = adjoints[parameter.name] {
                results.append(.variable(adjoint, parameter.type))
            } else {
                results.append(zero(like: parameter.name, type: parameter.type))
            }
        }
        body.append(IR.Statement(.returnValues(results)))
        var function = IR.Function(
            name: name,
            docComment: ["Reverse mode of `\(source.name)`: its value and the seed pulled back to",
                         "(\(wrt.joined(separator: ", "))). Generated by adgen."],
            parameters: source.parameters + [IR.Parameter(label: Naming.seed, name: seedName, type: resultType)],
            results: [IR.Result(label: Naming.value, type: resultType)]
                + active.map { IR.Result(label: Naming.adjointLabel($0.name), type: $0.type) },
            wrt: wrt, body: body, location: source.location)
        function.isInternal = true
        var planned = source
        planned.body = sourceBody
        registry.planDumps.append(planDump.dump(planned, vjp: name, fused: fusedLoops, types: types))
        registry.tapeReports.append(TapeReport(vjp: name, function: source.name,
                                               location: "line \(source.location.line)",
                                               loops: report.sorted { $0.line < $1.line }))
        return function
    }

    func declareAdjoint(of variable: String) -> IR.Statement {
        let type = types[variable]!
        return IR.Statement(.declare(name: adjoints[variable]!, type: type, mutable: true,
                                     value: zero(like: variable, type: type), annotated: false))
    }

    /// `0.0`, or an array of zeros as long as `array`.
    func zero(like array: String, type: IRType) -> IR.Expression {
        guard type.isArray else { return .lit(0) }
        return IR.Expression(.repeating(value: .lit(0), count: IR.Expression(.count(array: array), .int)), type)
    }

    func isActive(_ name: String) -> Bool { adjoints[name] != nil }

    /// Whether an expression reads an active variable (so it has an adjoint to pass on).
    func isActive(_ expression: IR.Expression) -> Bool {
        Activity.differentiableReads(expression).contains { adjoints[$0] != nil }
    }
}
