/// Semantic analysis: resolves names and types in a ``Syntax/File`` and lowers it to
/// the typed ``IR/Module``. Reports every problem it can find as a diagnostic.
public struct Sema {
    /// `--wrt` overrides: function name (or nil for every function) → parameter names.
    public struct WrtOverride: Sendable {
        public var function: String?
        public var parameters: [String]

        public init(function: String?, parameters: [String]) {
            self.function = function
            self.parameters = parameters
        }
    }

    struct Signature {
        var syntax: Syntax.Function
        var parameters: [IR.Parameter]
        var result: IRType
        /// A function with `inout` parameters: inlined where it is called
        /// (``FunctionLowering+InoutCalls``), not emitted itself. It may return a value too.
        var isHelper = false
        var inoutParameters: Set<String> = []

        /// Whether the function declares a result (every function but a helper does).
        var returnsValue: Bool { syntax.result != nil }
    }

    var diagnostics: DiagnosticEngine
    var signatures: [String: Signature] = [:]
    /// Call edges found while lowering, for the recursion check.
    var calls: [String: [(callee: String, location: SourceLocation)]] = [:]
    /// The `inout` helpers some function inlines (a helper nothing calls gets a warning).
    var inlinedHelpers: Set<String> = []

    public static func analyze(_ file: Syntax.File, wrt overrides: [WrtOverride] = [],
                               diagnostics: inout DiagnosticEngine) -> IR.Module {
        var sema = Sema(diagnostics: diagnostics)
        let module = sema.lower(file, overrides: overrides)
        diagnostics = sema.diagnostics
        return module
    }

    mutating func lower(_ file: Syntax.File, overrides: [WrtOverride]) -> IR.Module {
        for function in file.functions {
            declareSignature(function)
        }
        var functions: [IR.Function] = []
        for function in file.functions where signatures[function.name]?.syntax.location == function.location {
            guard var signature = signatures[function.name] else { continue }
            var initialized = function
            initialized.body = DeferredInitialization.lower(function, diagnostics: &diagnostics)
            signature.syntax.body = EarlyExitLowering.lower(initialized, diagnostics: &diagnostics)
            // The lowering works on a copy of sema; keep the call table out of that copy so
            // adding to it never copies it (which made many-function files quadratic).
            var table: [String: [(callee: String, location: SourceLocation)]] = [:]
            swap(&table, &calls)
            var lowering = FunctionLowering(sema: self, signature: signature)
            let body = lowering.lowerBody()
            self = lowering.sema
            swap(&table, &calls)
            calls[function.name, default: []] += lowering.calls
            if signature.isHelper { continue }  // checked here, inlined where called
            let wrt = resolveWrt(function, signature: signature, overrides: overrides)
            functions.append(IR.Function(name: function.name, docComment: function.docComment,
                                         parameters: signature.parameters,
                                         results: [IR.Result(label: nil, type: signature.result)], wrt: wrt,
                                         body: body, location: function.location))
        }
        checkOverridesMatched(overrides, file: file)
        checkRecursion(file)
        warnUncalledHelpers(file)
        return IR.Module(functions: functions)
    }

    /// A helper with `inout` parameters gets no derivatives of its own (it is inlined where
    /// called), so one that nothing calls would silently produce nothing.
    mutating func warnUncalledHelpers(_ file: Syntax.File) {
        guard !diagnostics.hasErrors else { return }
        for function in file.functions where signatures[function.name]?.isHelper == true && !inlinedHelpers.contains(function.name) {
            diagnostics.emit(Diagnostic(.warning, "'\(function.name)' has 'inout' parameters, so adgen inlines it where it is called and generates no derivatives of it; nothing in this file calls it (to differentiate it, return the result instead: '-> Double' or '-> [Double]')",
                                        at: function.location))
        }
    }

    mutating func declareSignature(_ function: Syntax.Function) {
        if let existing = signatures[function.name] {
            diagnostics.error("invalid redeclaration of '\(function.name)' (first declared at \(existing.syntax.location))",
                              at: function.location)
            return
        }
        if Builtin(callee: function.name) != nil || ["Double", "Int", "Bool", "stride"].contains(function.name) {
            diagnostics.error("function name '\(function.name)' is reserved for a builtin", at: function.location)
        }
        var parameters: [IR.Parameter] = []
        var seen: Set<String> = []
        for parameter in function.parameters {
            if !seen.insert(parameter.name).inserted {
                diagnostics.error("invalid redeclaration of parameter '\(parameter.name)'", at: parameter.location)
            }
            let type = resolveType(parameter.type) ?? .double
            parameters.append(IR.Parameter(label: parameter.label, name: parameter.name, type: type))
        }
        var result = IRType.double
        let inoutNames = Set(function.parameters.filter(\.isInout).map(\.name))
        if !inoutNames.isEmpty {
            if let resultType = function.result, let type = resolveResult(resultType) { result = type }
            signatures[function.name] = Signature(syntax: function, parameters: parameters, result: result, isHelper: true,
                                                  inoutParameters: inoutNames)
            return
        }
        if let resultType = function.result {
            if let type = resolveResult(resultType) { result = type }
        } else {
            diagnostics.error("function '\(function.name)' must return Double or [Double]; add '-> Double'",
                              at: function.resultLocation)
        }
        signatures[function.name] = Signature(syntax: function, parameters: parameters, result: result)
    }

    /// A result type: `Double` or `[Double]`, or nil after reporting another.
    mutating func resolveResult(_ resultType: Syntax.TypeName) -> IRType? {
        guard let type = resolveType(resultType) else { return nil }
        guard type == .double || type == .doubleArray else {
            diagnostics.error("unsupported in adgen: result type '\(type)'; results are Double or [Double]", at: resultType.location)
            return nil
        }
        return type
    }

    /// Maps a written type to an IR type, or reports it.
    mutating func resolveType(_ type: Syntax.TypeName) -> IRType? {
        switch (type.name, type.isArray) {
        case ("Double", false): return .double
        case ("Int", false): return .int
        case ("Bool", false): return .bool
        case ("Double", true): return .doubleArray
        case ("Int", true): return .intArray
        case ("Float", _), ("Float32", _), ("Float64", _), ("CGFloat", _):
            diagnostics.error("unsupported in adgen: type '\(type.spelling)'; use Double", at: type.location)
            return nil
        default:
            diagnostics.error("unsupported in adgen: type '\(type.spelling)'; adgen has Double, Int, Bool, [Double] and [Int]",
                              at: type.location)
            return nil
        }
    }

    /// The active parameters: `--wrt` override, else the attribute, else every Double and [Double].
    mutating func resolveWrt(_ function: Syntax.Function, signature: Signature, overrides: [WrtOverride]) -> [String] {
        let byName = Dictionary(signature.parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        if let override = overrides.first(where: { $0.function == function.name }) {
            return validateWrt(override.parameters.map { ($0, function.location) }, byName: byName, function: function)
        }
        if let global = overrides.first(where: { $0.function == nil }) {
            let present = global.parameters.filter { byName[$0] != nil }
            if !present.isEmpty {
                return validateWrt(present.map { ($0, function.location) }, byName: byName, function: function)
            }
        }
        if let attribute = function.attribute, let names = attribute.wrt {
            return validateWrt(names.map { ($0.name, $0.location) }, byName: byName, function: function)
        }
        return signature.parameters.filter { $0.type.isDifferentiable }.map(\.name)
    }

    mutating func validateWrt(_ names: [(String, SourceLocation)], byName: [String: IR.Parameter],
                              function: Syntax.Function) -> [String] {
        var result: Set<String> = []
        for (name, location) in names {
            guard let parameter = byName[name] else {
                diagnostics.error("'\(name)' in 'wrt:' is not a parameter of '\(function.name)'", at: location)
                continue
            }
            guard parameter.type.isDifferentiable else {
                diagnostics.error("'\(name)' in 'wrt:' has type '\(parameter.type)'; only Double and [Double] parameters are differentiable",
                                  at: location)
                continue
            }
            if !result.insert(name).inserted {
                diagnostics.error("'\(name)' appears twice in 'wrt:'", at: location)
            }
        }
        // Parameter order, whatever order the list was written in.
        return function.parameters.map(\.name).filter { result.contains($0) }
    }

    mutating func checkOverridesMatched(_ overrides: [WrtOverride], file: Syntax.File) {
        for override in overrides {
            if let name = override.function {
                if signatures[name] == nil {
                    diagnostics.error("--wrt names function '\(name)', which this file does not define",
                                      at: SourceLocation(line: 1, column: 1, offset: 0))
                }
            } else {
                for parameter in override.parameters
                where !file.functions.contains(where: { $0.parameters.contains { $0.name == parameter } }) {
                    diagnostics.error("--wrt names '\(parameter)', which is no function's parameter in this file",
                                      at: SourceLocation(line: 1, column: 1, offset: 0))
                }
            }
        }
    }

    /// adgen generates straight-line derivative code, so the call graph must be acyclic.
    /// Depth-first search with an explicit stack: call chains can be thousands of functions long.
    mutating func checkRecursion(_ file: Syntax.File) {
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var reported: Set<String> = []
        // Longest call chain below each function (derivatives of callees are generated
        // recursively, so the depth is bounded like expression nesting).
        var depth: [String: Int] = [:]
        for function in file.functions where state[function.name] == nil {
            var stack: [(name: String, next: Int)] = [(function.name, 0)]
            state[function.name] = 1
            while let (name, next) = stack.last {
                let edges = calls[name] ?? []
                guard next < edges.count else {
                    state[name] = 2
                    depth[name] = 1 + (edges.compactMap { depth[$0.callee] }.max() ?? 0)
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let (callee, location) = edges[next]
                if state[callee] == 1 {
                    if reported.insert(callee).inserted {
                        let cycle = (stack.map(\.name).drop { $0 != callee } + [callee]).joined(separator: " -> ")
                        let text = callee == name ? "'\(name)' calls itself" : "call cycle \(cycle)"
                        diagnostics.error("unsupported in adgen: recursion (\(text))", at: location)
                    }
                } else if state[callee] == nil {
                    state[callee] = 1
                    stack.append((callee, 0))
                }
            }
        }
        guard reported.isEmpty else { return }
        for function in file.functions where (depth[function.name] ?? 0) > Self.maxCallDepth {
            if (calls[function.name] ?? []).allSatisfy({ (depth[$0.callee] ?? 0) <= Self.maxCallDepth }) {
                diagnostics.error("call chain from '\(function.name)' is \(depth[function.name]!) functions deep; adgen supports at most \(Self.maxCallDepth)",
                                  at: function.location)
            }
        }
    }

    static let maxCallDepth = 128
}
