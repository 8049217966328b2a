/// The registry of derived functions: generates each (function, transform, activity)
/// combination once, on first request, and names it.
///
/// Transforms ask it for the derivative of a callee; because derived functions are
/// registered like any other, a transform can be applied to another's output: the HVP
/// is the JVP of the VJP, and the VJP's calls to callee VJPs become calls to their JVPs.
final class DerivedFunctions {
    enum Kind: Hashable { case jvp, vjp }

    struct Key: Hashable {
        var function: String
        var kind: Kind
        var wrt: [String]
        /// A VJP whose loops are checkpointed under ``DerivedFunctions/tapeBudget``.
        var checkpointed = false
    }

    private(set) var functions: [String: IR.Function] = [:]
    /// `--tape-budget`: the bytes a checkpointed VJP's loop snapshots may take (nil: no budget).
    let tapeBudget: Int?
    /// `--dump-after plan`: each reverse-mode function's plan, in the order generated.
    var planDumps: [String] = []
    /// `--tape-report`: each reverse-mode function's loops and strategies, in the order generated.
    var tapeReports: [TapeReport] = []
    private var generated: [Key: String] = [:]
    /// Derived functions in the order they were finished (callees first).
    private(set) var emitted: [IR.Function] = []
    /// The publicly named function for a key, fixed before generation.
    private var publicNames: [Key: String] = [:]
    /// The tangents of each generated JVP, and its vector-mode twin once generated.
    private(set) var forwardTangents: [String: VectorForwardMode.Tangents] = [:]
    private var lanesGenerated: [String: String] = [:]

    init(module: IR.Module, tapeBudget: Int? = nil) {
        self.tapeBudget = tapeBudget
        for function in module.functions { functions[function.name] = CallHoisting.run(UniqueNames.run(function)) }
    }

    func publish(_ key: Key, as name: String) { publicNames[key] = name }

    /// The name of the JVP of `function` with respect to `wrt`, generating it if needed.
    func jvp(of function: String, wrt: [String]) -> String {
        derive(Key(function: function, kind: .jvp, wrt: wrt))
    }

    /// The name of the VJP of `function`; `checkpointed` (with a budget) checkpoints its loops.
    func vjp(of function: String, wrt: [String], checkpointed: Bool = false) -> String {
        derive(Key(function: function, kind: .vjp, wrt: wrt, checkpointed: checkpointed && tapeBudget != nil))
    }

    func derive(_ key: Key) -> String {
        if let name = generated[key] { return name }
        guard let source = functions[key.function] else { preconditionFailure("unknown function \(key.function)") }
        let base = key.kind == .jvp ? Naming.jvp(key.function) : Naming.vjp(key.function)
        var name = publicNames[key] ?? (key.wrt == source.wrt ? base : Naming.variant(base, wrt: key.wrt))
        // With a budget, the VJPs HVPs differentiate are the fully taped twins of the checkpointed ones.
        if publicNames[key] == nil, key.kind == .vjp, tapeBudget != nil, !key.checkpointed { name = Naming.taped(name) }
        generated[key] = name
        var derived: IR.Function
        switch key.kind {
        case .jvp:
            // The JVP of a VJP serves an HVP: its tangents take the HVP's prefix (`vdx`,
            // not `ddx` beside `dx_`).
            let ofDerived = generated.values.contains(key.function)
            let forward = ForwardMode.transformRecordingTangents(source, wrt: key.wrt, name: name, registry: self,
                                                                 prefix: ofDerived ? "v" : "d")
            derived = forward.function
            forwardTangents[name] = forward.lanes
        case .vjp:
            derived = ReverseMode.transform(source, wrt: key.wrt, name: name, registry: self,
                                            tapeBudget: key.checkpointed ? tapeBudget : nil)
        }
        derived.isInternal = publicNames[key] == nil
        functions[name] = derived
        emitted.append(derived)
        return name
    }

    /// The vector-mode twin of the JVP `jvp` (``VectorForwardMode``), generated once,
    /// `fileprivate`, after the twins of the JVPs it calls.
    func lanes(of jvp: String) -> String {
        if let name = lanesGenerated[jvp] { return name }
        let name = Naming.lanes(jvp)
        lanesGenerated[jvp] = name
        var derived = VectorForwardMode.transform(functions[jvp]!, tangents: forwardTangents[jvp]!, name: name,
                                                  registry: self)
        derived.isInternal = true
        functions[name] = derived
        emitted.append(derived)
        return name
    }
}
