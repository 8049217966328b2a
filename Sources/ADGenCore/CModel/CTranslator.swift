/// Translates emitted IR functions into ``CModel`` (contract, section 8).
///
/// The first result is the C return value; every further result is a pointer parameter
/// named by its label. A JVP's `tangent` is stored (`*tangent = t`); every other result is
/// **added** into the caller's storage (`*dy += ...`, `dx[i] += ...`, the caller zeroes it),
/// Tapenade's convention, so an adjoint array never needs its length: the array a VJP
/// accumulates into is the caller's own. A call of a derived function passes on the
/// arrays its results are accumulated into. What C cannot express (an array whose length
/// only the caller knows) is reported as a problem of the function.
struct CTranslator {
    /// IR names of the generated API → C names: `fVJP` → `f_vjp`.
    let names: [String: String]
    let functions: [String: IR.Function]
    /// `.adg` input reads `a.count`: every array parameter is followed by `int a_count`.
    /// C input never does, and keeps section 8's signatures.
    var arrayLengths = false
    var support: Set<CSupport> = []
    var problems: [(message: String, function: String)] = []

    // Per function:
    var current = ""
    /// Local arrays that are the caller's storage: IR name → pointer parameter.
    var aliases: [String: String] = [:]
    /// Out-parameter names, and the result index of each.
    var outputs: [(name: String, type: IRType, stores: Bool)] = []
    /// Locals renamed because a parameter of the C signature has their name.
    var renamed: [String: String] = [:]
    /// Lengths of local arrays.
    var counts: [String: CModel.Expression] = [:]
    var tapes: [(name: String, element: IRType)] = []
    var variableTypes: [String: IRType] = [:]
    var fresh = 0
    /// C names in use in the function, which fresh names avoid.
    var taken: Set<String> = []

    /// The C name of an API function of primal `p`: `p`, `p_jvp`, `p_vjp`, `p_gradient`, `p_hvp`.
    static func apiNames(primals: [String]) -> [String: String] {
        var names: [String: String] = [:]
        for primal in primals {
            names[primal] = primal
            for mode in [Pipeline.Mode.jvp, .vjp, .gradient, .hvp] { names[primal + mode.suffix] = primal + "_" + mode.rawValue }
        }
        return names
    }

    static func translate(_ functions: [IR.Function], primals: [String], arrayLengths: Bool)
        -> (functions: [CModel.Function], support: Set<CSupport>, problems: [(message: String, function: String)]) {
        var translator = CTranslator(names: apiNames(primals: primals),
                                     functions: Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
                                     arrayLengths: arrayLengths)
        let emitted = reachable(functions)
        let result = emitted.map { translator.function($0) }
        return (result, translator.support, translator.problems)
    }

    /// The public functions and the internal ones they call (an unused static function is a warning).
    static func reachable(_ functions: [IR.Function]) -> [IR.Function] {
        let byName = Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var used = Set(functions.filter { !$0.isInternal }.map(\.name))
        var stack = Array(used)
        while let name = stack.popLast() {
            guard let function = byName[name] else { continue }
            for callee in calls(in: function.body) where used.insert(callee).inserted { stack.append(callee) }
        }
        return functions.filter { used.contains($0.name) }
    }

    static func calls(in body: [IR.Statement]) -> Set<String> {
        var result: Set<String> = []
        IRWalk.forEachStatement(body) { statement in
            if case .destructure(_, _, let call) = statement.kind { result.insert(call.function) }
            for expression in statement.ownExpressions {
                expression.forEachSubexpression { if case .call(let call) = $0.kind { result.insert(call.function) } }
            }
        }
        return result
    }

    func functionName(_ name: String) -> String { names[name] ?? name }

    mutating func problem(_ message: String) {
        problems.append((message, current))
    }

    mutating func function(_ function: IR.Function) -> CModel.Function {
        current = function.name
        aliases = [:]
        renamed = [:]
        counts = [:]
        tapes = []
        fresh = 0
        variableTypes = function.variableTypes
        taken = Set(Naming.names(in: function).map(CNames.safe))
        if function.results.first?.type != .double {
            problem("C output needs functions returning double; '\(function.name)' returns \(function.results.first?.type.description ?? "nothing")")
        }
        outputs = function.results.dropFirst().enumerated().map { offset, result in
            (CNames.safe(result.label ?? "result\(offset + 1)"), result.type, result.label == "tangent")
        }
        let outputNames = Set(outputs.map(\.name))
        findAliases(function)
        for name in Naming.names(in: function) where outputNames.contains(CNames.safe(name)) && aliases[name] == nil {
            var candidate = CNames.safe(name) + "_"
            while taken.contains(candidate) { candidate += "_" }
            taken.insert(candidate)
            renamed[name] = candidate
        }
        var parameters: [CModel.Parameter] = []
        for parameter in function.parameters {
            parameters.append(CModel.Parameter(type: Self.parameterType(parameter.type), name: cName(parameter.name)))
            if arrayLengths, parameter.type.isArray {
                let length = cName(parameter.name) + "_count"
                parameters.append(CModel.Parameter(type: "int", name: length))
                counts[parameter.name] = .name(length)
            }
        }
        parameters += outputs.map { CModel.Parameter(type: $0.type == .double ? "double *" : Self.parameterType($0.type).replacingOccurrences(of: "const ", with: ""), name: $0.name) }
        var body = block(function.body)
        let used = CModelNames.used(in: body)
        let unusedNames = parameters.map(\.name).filter { !used.contains($0) }
        body = unusedNames.map { CModel.Statement.expression(.cast("void", .name($0))) } + body
        return CModel.Function(docComment: function.docComment, isStatic: function.isInternal, returnType: "double",
                               name: functionName(function.name), parameters: parameters, body: body)
    }

    static func parameterType(_ type: IRType) -> String {
        switch type {
        case .double: return "double"
        case .int, .bool: return "int"
        case .doubleArray, .lanes: return "const double *"
        case .intArray, .boolArray: return "const int *"
        case .tape: return "adgen_tape *"
        // Complex-step variants are Swift only (`--emit c` refuses the mode); C99's spelling.
        case .complex: return "double _Complex"
        case .complexArray: return "const double _Complex *"
        }
    }

    static func elementType(_ type: IRType) -> String {
        switch type {
        case .double, .doubleArray, .lanes: return "double"
        default: return "int"
        }
    }

    func cName(_ name: String) -> String { aliases[name] ?? renamed[name] ?? CNames.safe(name) }

    /// The locals returned as array results: they become the caller's arrays.
    mutating func findAliases(_ function: IR.Function) {
        IRWalk.forEachStatement(function.body) { statement in
            guard case .returnValues(let values) = statement.kind else { return }
            for (value, output) in zip(values.dropFirst(), outputs) where output.type.isArray {
                // A zero array (a Hessian row that vanishes): adding it changes nothing.
                if case .repeating(let element, _) = value.kind, Self.isZero(element) { continue }
                guard case .variable(let name) = value.kind else {
                    problem("C output cannot return this array expression")
                    continue
                }
                if let existing = aliases[name], existing != output.name { problem("C output: '\(name)' is returned twice") }
                aliases[name] = output.name
            }
        }
        // Such an array may only be accumulated into: the caller's array starts wherever it is.
        IRWalk.forEachStatement(function.body) { statement in
            switch statement.kind {
            case .store(let array, _, let op, _) where aliases[array] != nil && op != .add:
                problem("C output: '\(array)' is overwritten, not accumulated into")
            case .assign(let name, _, _) where aliases[name] != nil:
                problem("C output: '\(name)' is reassigned")
            default:
                for expression in statement.ownExpressions {
                    expression.forEachSubexpression { expression in
                        if case .element(let name, _) = expression.kind, aliases[name] != nil {
                            problem("C output: '\(name)' is read while accumulated into")
                        }
                    }
                }
            }
        }
    }

    static func isZero(_ expression: IR.Expression) -> Bool {
        switch expression.kind {
        case .double(let value, _): return value == 0
        case .int(let value, _): return value == 0
        default: return false
        }
    }

    mutating func freshName(_ base: String) -> String {
        var name: String
        repeat {
            fresh += 1
            name = "\(base)\(fresh)"
        } while taken.contains(name) || CNames.safe(name) != name
        taken.insert(name)
        return name
    }
}

/// C spellings of IR names: C keywords and `<math.h>` names get a trailing underscore.
enum CNames {
    static let reserved: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
        "fabs", "fmin", "fmax", "abort", "free", "realloc", "NULL", "main",
    ]

    static func safe(_ name: String) -> String {
        reserved.contains(name) || Builtin(rawValue: name) != nil || name.hasPrefix("adgen_") ? name + "_" : name
    }
}
