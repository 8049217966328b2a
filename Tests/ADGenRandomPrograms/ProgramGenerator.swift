import ADGenCheckSupport

/// Seeded random `.adg` programs (issue 14): the same seed always gives the same
/// program. Programs are well typed, warning-free as Swift, and smooth at every point
/// their `// check:` lines sample: domains and kinks are avoided by construction (see
/// `ProgramGenerator+Builtins`), indices are in range by construction (see
/// `ProgramGenerator+Integers`), and every loop's trip count is locally constant.
///
/// For example: `ProgramGenerator.program(seed: 7).render()` is a file with one to
/// four functions, helpers first.
public struct ProgramGenerator {
    enum LoopKind {
        case forLoop
        /// Counts up at the end of its body, so `continue` there would never end it.
        case whileLoop
        /// Appends to an array once per trip: no `break` or `continue` may skip that.
        case growing
    }

    struct Helper {
        var function: RandomProgram.Function
        var bound: Double
    }

    var random: SplitMix64
    /// The entry count of every array in the program.
    let count: Int
    var scopes: [GeneratorScope] = []
    /// Trip counts of the loops enclosing the statement being generated.
    var trips: [Int] = []
    /// The enclosing loops, innermost last.
    var loopKinds: [LoopKind] = []
    var budget = 0
    var helpers: [Helper] = []
    var reservedNames: Set<String> = []
    /// Whether the function being generated is a helper (its parameters have no fixed sign).
    var inHelper = false
    var returnsArray = false

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        count = 3 + random.below(3)
    }

    public static func program(seed: UInt64) -> RandomProgram {
        var generator = ProgramGenerator(seed: seed)
        var functions: [RandomProgram.Function] = []
        for index in 0..<(generator.random.chance(0.5) ? 1 : 0) {
            let helper = generator.helper(name: "h\(index)", array: generator.random.chance(0.4))
            generator.helpers.append(helper)
            functions.append(helper.function)
        }
        for index in 0..<(generator.random.chance(0.2) ? 2 : 1) {
            functions.append(generator.main(name: "f\(index)"))
        }
        return Normalizer.normalize(RandomProgram(functions: functions))
    }

    // MARK: - Functions

    mutating func helper(name: String, array: Bool) -> Helper {
        inHelper = true
        defer { inHelper = false }
        var parameters = [RandomProgram.Parameter(label: "_", name: "u", type: array ? .doubleArray : .double,
                                                  check: array ? "rand(\(count))" : "rand")]
        let labels: [String?] = [nil, "by", "_"]
        parameters.append(.init(label: random.pick(labels), name: "c", type: .double, check: "rand"))
        let (body, bound) = functionBody(parameters, result: array ? .doubleArray : .double, statements: 2 + random.below(5),
                                         resultArray: array ? "u" : nil)
        let function = RandomProgram.Function(name: name, parameters: parameters, result: array ? .doubleArray : .double,
                                              wrt: nil, body: body)
        return Helper(function: function, bound: bound)
    }

    mutating func main(name: String) -> RandomProgram.Function {
        var parameters: [RandomProgram.Parameter] = []
        let xLabel: String? = random.pick([nil, "_", "at"])
        parameters.append(.init(label: xLabel, name: "x", type: .double, check: signedRange()))
        if random.chance(0.5) { parameters.append(.init(label: nil, name: "y", type: .double, check: signedRange())) }
        if random.chance(0.8) {
            parameters.append(.init(label: nil, name: "a", type: .doubleArray, check: "rand(\(count))"))
        }
        if random.chance(0.3) {
            parameters.append(.init(label: nil, name: "b", type: .doubleArray, check: "rand(\(count), 0.5...1.5)"))
        }
        if random.chance(0.4) { parameters.append(.init(label: nil, name: "n", type: .int, check: "\(count)")) }
        if random.chance(0.25) {
            var table = Array(0..<count)
            for i in stride(from: count - 1, to: 0, by: -1) { table.swapAt(i, random.below(i + 1)) }
            parameters.append(.init(label: nil, name: "idx", type: .intArray,
                                    check: "[" + table.map(String.init).joined(separator: ", ") + "]"))
        }
        let active = parameters.filter { $0.type == .double || $0.type == .doubleArray }.map(\.name)
        var wrt: [String]? = nil
        if random.chance(0.25) && active.count > 1 {
            wrt = active.filter { _ in random.chance(0.6) }
            if wrt!.isEmpty { wrt = [active[0]] }
        }
        let arrayResult = random.chance(0.2)
        let (body, _) = functionBody(parameters, result: arrayResult ? .doubleArray : .double,
                                     statements: 5 + random.below(9), resultArray: arrayResult ? "" : nil)
        return .init(name: name, parameters: parameters, result: arrayResult ? .doubleArray : .double, wrt: wrt,
                     body: body)
    }

    /// `rand(0.5...1.5)` or `rand(-1.5...-0.5)`.
    mutating func signedRange() -> String {
        random.chance(0.5) ? "rand(0.5...1.5)" : "rand(-1.5...-0.5)"
    }

    /// The body: `var acc = …`, random statements, the result. `resultArray` names the
    /// array parameter to copy into the result `r` ("" for any), nil for a `Double` result.
    mutating func functionBody(_ parameters: [RandomProgram.Parameter], result: RandomProgram.ValueType,
                               statements: Int, resultArray: String?) -> ([RandomProgram.Stmt], Double) {
        scopes = [GeneratorScope()]
        trips = []
        budget = statements
        reservedNames = Set(parameters.map(\.name) + ["acc", "r"])
        returnsArray = result == .doubleArray
        for parameter in parameters {
            var local = GeneratorLocal(name: parameter.name, type: parameter.type, writable: false,
                                       bound: parameter.type == .double || parameter.type == .doubleArray ? 1.5 : 0,
                                       loopDepth: 0)
            if parameter.type == .int { (local.low, local.high) = (count, count) }
            if parameter.type == .double && !inHelper { local.sign = parameter.check.contains("-1.5") ? -1 : 1 }
            declare(local)
        }
        let initial = double(2)
        var body: [RandomProgram.Stmt] = [.declaration(mutable: true, name: "acc", annotation: nil, initial.expr)]
        declare(GeneratorLocal(name: "acc", type: .double, writable: true, bound: initial.bound, loopDepth: 0))
        if let resultArray {
            body.append(.declaration(mutable: true, name: "r", annotation: nil, resultInitializer(resultArray)))
            declare(GeneratorLocal(name: "r", type: .doubleArray, writable: true, bound: 1.5, loopDepth: 0))
        }
        while budget > 0 { body += statement() }
        body += consumeUnread()
        if resultArray != nil {
            markRead("acc")
            body.append(.assignment(.element("r", index()), "+=", .name("acc", .double)))
            body.append(.returnValue(.name("r", .doubleArray)))
        } else {
            body.append(.returnValue(.name("acc", .double)))
        }
        return (body, lookup("acc")!.1.bound)
    }

    mutating func resultInitializer(_ array: String) -> Expr {
        if !array.isEmpty {
            markRead(array)
            return .name(array, .doubleArray)
        }
        let arrays = visible { $0.type == .doubleArray }
        if !arrays.isEmpty && random.chance(0.7) {
            let source = random.pick(arrays).name
            markRead(source)
            return .name(source, .doubleArray)
        }
        return .repeating(small(1).expr, countExpr())
    }
}
