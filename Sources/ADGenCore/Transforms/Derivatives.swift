/// Generates the derived functions of every DSL function, as the contract names them:
/// `fJVP` (forward mode), `fVJP` (reverse mode), `fGradient` (`fVJP` with seed 1) and
/// `fHVP` (forward mode applied to `fVJP` with seed 1 — no second-order rules).
/// Derivatives of callees for other activity patterns are generated on demand and
/// emitted `fileprivate`, callees first. A function with no active parameter has no
/// derivative to offer and gets none (a `(value:)` tuple is not even valid Swift).
public enum Derivatives {
    /// A gradient or HVP other generated code calls (a training loop's, a hypergradient's),
    /// emitted whatever the modes: `fGradient`/`fHVP` when `wrt` is the function's own, else
    /// `fGradient_wrt_…`/`fHVP_wrt_…`; `fileprivate` unless the modes ask for it anyway.
    public struct GradientRequest: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case gradient, hvp }
        public var function: String
        public var wrt: [String]
        public var kind: Kind

        public init(function: String, wrt: [String], kind: Kind = .gradient) {
            self.function = function
            self.wrt = wrt
            self.kind = kind
        }
    }

    public static func generate(for module: IR.Module, modes: Set<Pipeline.Mode>, dumpAfter: Pipeline.Stage?,
                                dump: inout String?, gradients: [GradientRequest] = [],
                                tapeBudget: Int? = nil, tapeReport: Bool = false,
                                tapeSizes: TapeSizes? = nil) -> [IR.Function] {
        let registry = DerivedFunctions(module: module, tapeBudget: tapeBudget)
        var requested: [IR.Function] = []
        var jvps: [IR.Function] = []
        var vjps: [IR.Function] = []
        var hvps: [IR.Function] = []
        var wholeMatrices: [IR.Function] = []
        let differentiable = module.functions.filter { !$0.wrt.isEmpty }
        for function in differentiable {
            let jvpKey = DerivedFunctions.Key(function: function.name, kind: .jvp, wrt: function.wrt)
            let vjpKey = DerivedFunctions.Key(function: function.name, kind: .vjp, wrt: function.wrt,
                                              checkpointed: tapeBudget != nil)
            if modes.contains(.jvp) { registry.publish(jvpKey, as: Naming.jvp(function.name)) }
            if modes.contains(.vjp) || modes.contains(.gradient) || modes.contains(.hvp) {
                registry.publish(vjpKey, as: Naming.vjp(function.name))
            }
        }
        for function in differentiable {
            if modes.contains(.jvp) {
                let name = registry.jvp(of: function.name, wrt: function.wrt)
                jvps.append(registry.functions[name]!)
            }
            wholeMatrices += matrices(of: function, modes: modes, registry: registry)
            let needsVJP = modes.contains(.vjp) || (function.resultType == .double && (modes.contains(.gradient) || modes.contains(.hvp)))
            guard needsVJP else { continue }
            let vjpName = registry.vjp(of: function.name, wrt: function.wrt, checkpointed: true)
            let vjp = registry.functions[vjpName]!
            vjps.append(vjp)
            guard function.resultType == .double else { continue }
            if modes.contains(.gradient) { requested.append(gradient(of: function, vjp: vjp)) }
            if modes.contains(.hvp) { hvps.append(hvp(of: function, vjp: tapedVJP(of: function, registry), registry: registry)) }
        }
        requested += requestedGradients(gradients, module: module, modes: modes, registry: registry)
        switch dumpAfter {
        case .jvp?: dump = IRPrinter.print(IR.Module(functions: jvps))
        case .vjp?: dump = IRPrinter.print(IR.Module(functions: vjps))
        case .hvp?: dump = IRPrinter.print(IR.Module(functions: hvps))
        case .plan?: dump = registry.planDumps.joined(separator: "\n")
        default: if tapeReport { dump = registry.tapeReports.map { $0.render(sizes: tapeSizes) }.joined(separator: "\n") }
        }
        // Public VJPs requested only for Gradient/HVP stay private.
        let emitted = registry.emitted.map { function -> IR.Function in
            var function = function
            if !modes.contains(.vjp), vjps.contains(where: { $0.name == function.name }) { function.isInternal = true }
            return function
        }
        return emitted + requested + hvps + wholeMatrices
    }

    /// The VJP an HVP differentiates: `fVJP`, or with a tape budget its fully taped twin
    /// (forward mode does not differentiate a checkpointed loop's schedule).
    static func tapedVJP(of function: IR.Function, _ registry: DerivedFunctions, wrt: [String]? = nil) -> IR.Function {
        let name = registry.vjp(of: function.name, wrt: wrt ?? function.wrt)
        return registry.functions[name]!
    }

    /// `fJacobian` (with `fJacobianForward` and `fJacobianReverse`), `fHessian` and
    /// `fHessianTrace`, as the modes ask; their vector-mode helpers go to the registry.
    static func matrices(of function: IR.Function, modes: Set<Pipeline.Mode>,
                         registry: DerivedFunctions) -> [IR.Function] {
        var functions: [IR.Function] = []
        // The name first: `registry.functions[registry.vjp(…)]` would read the dictionary
        // before the call adds to it.
        let vjp = { () -> IR.Function in
            let name = registry.vjp(of: function.name, wrt: function.wrt)
            return registry.functions[name]!
        }
        if modes.contains(.jacobian) {
            let lanes = registry.lanes(of: registry.jvp(of: function.name, wrt: function.wrt))
            let jvpLanes = registry.functions[lanes]!
            functions += JacobianDrivers.functions(of: function, jvpLanes: jvpLanes, vjp: vjp())
        }
        guard function.resultType == .double, modes.contains(.hessian) || modes.contains(.hessianTrace) else {
            return functions
        }
        let hvpLanes = self.hvpLanes(of: function, vjp: vjp(), registry: registry)
        functions.append(hvpLanes)
        if modes.contains(.hessian) { functions.append(HessianDrivers.hessian(of: function, hvpLanes: hvpLanes)) }
        if modes.contains(.hessianTrace) { functions.append(HessianTraceDriver.function(of: function, hvpLanes: hvpLanes)) }
        return functions
    }

    /// `fHVPLanes`: vector forward mode (prefix `v`) of `fVJP` with its seed fixed to 1;
    /// results `(value, dw…, vvalue, vdw…)`, the last with lanes.
    static func hvpLanes(of function: IR.Function, vjp: IR.Function, registry: DerivedFunctions) -> IR.Function {
        let forward = ForwardMode.transformRecordingTangents(seeded(vjp), wrt: function.wrt, name: Naming.hvp(function.name),
                                                            registry: registry, prefix: "v")
        var lanes = VectorForwardMode.transform(forward.function, tangents: forward.lanes,
                                                name: Naming.lanes(Naming.hvp(function.name)), registry: registry)
        lanes.isInternal = true
        return lanes
    }

    /// `fVJP` with its seed parameter replaced by `let seed = 1`.
    static func seeded(_ vjp: IR.Function) -> IR.Function {
        var seeded = vjp
        let seed = seeded.parameters.removeLast()
        seeded.body.insert(IR.Statement(.declare(name: seed.name, type: .double, mutable: false, value: .lit(1),
                                                 annotated: false)), at: 0)
        return seeded
    }

    /// The requested gradients the modes do not emit already, each once.
    static func requestedGradients(_ requests: [GradientRequest], module: IR.Module, modes: Set<Pipeline.Mode>,
                                   registry: DerivedFunctions) -> [IR.Function] {
        var done: Set<GradientRequest> = []
        var functions: [IR.Function] = []
        for request in requests where done.insert(request).inserted {
            guard let function = module.function(named: request.function), function.resultType == .double else { continue }
            let own = request.wrt == function.wrt
            if own, modes.contains(request.kind == .gradient ? .gradient : .hvp) { continue }
            var derived: IR.Function
            if request.kind == .gradient {
                let vjpName = registry.vjp(of: function.name, wrt: request.wrt, checkpointed: true)
                derived = gradient(of: function, vjp: registry.functions[vjpName]!, wrt: request.wrt)
            } else {
                derived = hvp(of: function, vjp: tapedVJP(of: function, registry, wrt: request.wrt), registry: registry,
                              wrt: request.wrt)
            }
            if !own { derived.name = Naming.variant(derived.name, wrt: request.wrt) }
            derived.isInternal = true
            functions.append(derived)
        }
        return functions
    }

    /// `fGradient(p…) = fVJP(p…, seed: 1)`.
    static func gradient(of function: IR.Function, vjp: IR.Function, wrt: [String]? = nil) -> IR.Function {
        let wrt = wrt ?? function.wrt
        var names = NameAllocator(reserving: Set(function.parameters.map(\.name)))
        let results = vjp.results
        let targets = results.map { names.fresh($0.label ?? Naming.value) }
        let arguments = function.parameters.map { IR.Argument(label: $0.label, value: .variable($0.name, $0.type)) }
            + [IR.Argument(label: Naming.seed, value: .lit(1))]
        let body = [
            IR.Statement(.destructure(names: targets, types: results.map(\.type),
                                      call: IR.Call(function: vjp.name, arguments: arguments))),
            IR.Statement(.returnValues(zip(targets, results).map { .variable($0, $1.type) })),
        ]
        return IR.Function(name: Naming.gradient(function.name),
                           docComment: ["The value of `\(function.name)` and its gradient with respect to",
                                        "(\(wrt.joined(separator: ", "))). Generated by adgen."],
                           parameters: function.parameters, results: results, wrt: wrt, body: body,
                           location: function.location)
    }

    /// `fHVP`: forward mode (tangent prefix `v`) of `fVJP` with its seed fixed to 1.
    static func hvp(of function: IR.Function, vjp: IR.Function, registry: DerivedFunctions,
                    wrt: [String]? = nil) -> IR.Function {
        let wrt = wrt ?? function.wrt
        var hvp = ForwardMode.transform(seeded(vjp), wrt: wrt, name: Naming.hvp(function.name), registry: registry,
                                        prefix: "v")
        // Results are (value, dw…, vvalue, vdw…): keep the value and gradient, rename
        // the gradient's tangents to hv…, drop the value's tangent.
        let k = wrt.count
        hvp.results = Array(vjp.results) + wrt.map { name in
            IR.Result(label: Naming.hvpLabel(name), type: function.parameters.first { $0.name == name }!.type)
        }
        hvp.body = dropResult(at: k + 1, from: hvp.body)
        hvp.isInternal = false
        hvp.docComment = ["The value and gradient of `\(function.name)` and the Hessian times the direction",
                          "(\(wrt.map { "v" + $0 }.joined(separator: ", "))): forward mode over reverse mode. Generated by adgen."]
        return hvp
    }

    static func dropResult(at position: Int, from body: [IR.Statement]) -> [IR.Statement] {
        body.map { statement in
            guard case .returnValues(var values) = statement.kind else {
                return statement.mappingBodies { dropResult(at: position, from: $0) }
            }
            values.remove(at: position)
            return IR.Statement(.returnValues(values), at: statement.location)
        }
    }
}
