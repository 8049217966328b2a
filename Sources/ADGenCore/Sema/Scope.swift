/// What sema knows about a name visible in the current scope.
struct VariableInfo {
    /// The unique IR name (the DSL name unless it shadows another variable).
    var irName: String
    var type: IRType
    var mutable: Bool
    var location: SourceLocation
    /// Declared with an initializer that was already reported as wrong: uses of the
    /// variable report nothing more (no knock-on errors).
    var poisoned = false
}

/// Nested lexical scopes of one function body, and the unique-name policy of the IR:
/// a declaration keeps its DSL name unless that name is visible from an enclosing scope
/// or was used in the function with another type; then it becomes `name_2`, `name_3`, ...
struct ScopeStack {
    private var scopes: [[String: VariableInfo]] = [[:]]
    /// Every IR name declared in the function so far, with its type.
    private(set) var declared: [String: IRType] = [:]
    /// Every identifier that appears in the function's source: fresh names avoid them.
    var reserved: Set<String> = []
    /// Above 0 while an `inout` helper is inlined: its statements join the caller's
    /// block, so every name it declares must be new to the function, and a later
    /// declaration of the same name in the caller is renamed as well.
    var inlining = 0
    private var inlinedNames: Set<String> = []

    /// `base`, or `base2`, `base3`, … : the first that no name of the function uses, for a
    /// variable adgen introduces (`literal`, `sequence`, `normalizeResult`).
    func unreserved(_ base: String) -> String {
        var name = base
        var number = 2
        while reserved.contains(name) {
            name = base + String(number)
            number += 1
        }
        return name
    }

    mutating func push() { scopes.append([:]) }
    mutating func pop() { scopes.removeLast() }

    func lookup(_ name: String) -> VariableInfo? {
        for scope in scopes.reversed() {
            if let info = scope[name] { return info }
        }
        return nil
    }

    func isDeclaredInInnermostScope(_ name: String) -> Bool { scopes.last?[name] != nil }

    /// Declares `name` in the innermost scope and returns its unique IR name.
    mutating func poison(_ name: String) {
        guard let scope = scopes.indices.last(where: { scopes[$0][name] != nil }) else { return }
        scopes[scope][name]?.poisoned = true
    }

    /// Makes `name` in the innermost scope another name for `info`'s variable (the
    /// `inout` parameter of an inlined call, for the caller's variable).
    mutating func alias(_ name: String, to info: VariableInfo) {
        scopes[scopes.count - 1][name] = info
    }

    mutating func declare(_ name: String, type: IRType, mutable: Bool, at location: SourceLocation) -> String {
        var irName = name
        let clashes = declared[name] != nil && (inlining > 0 || inlinedNames.contains(name))
        if lookup(name) != nil || clashes || (declared[name].map { $0 != type } ?? false) {
            var suffix = 2
            while declared[name + "_\(suffix)"] != nil || reserved.contains(name + "_\(suffix)") { suffix += 1 }
            irName = name + "_\(suffix)"
        }
        declared[irName] = type
        if inlining > 0 { inlinedNames.insert(irName) }
        scopes[scopes.count - 1][name] = VariableInfo(irName: irName, type: type, mutable: mutable, location: location)
        return irName
    }
}
