import ADGenCore

/// Lowers a translation unit's functions into ``Syntax`` (one instance per file).
struct CLowering {
    let unit: TranslationUnit
    var diagnostics = DiagnosticEngine()
    /// The parameter names of every function the file defines, for the labels of calls.
    var signatures: [String: [String]] = [:]
    /// The current function's parameters, by name.
    var parameters: [String: CType.Shape] = [:]
    /// Nesting of the statement being lowered, bounded like the `.adg` parser's.
    var depth = 0
    /// The enclosing loops, innermost last: whether `continue` may be lowered in each.
    var loops: [Bool] = []
    /// Nesting of the expression being lowered: clang builds `x + x + ... + x` of any
    /// length, and lowering recurses, so it stops before the stack would run out.
    var expressionDepth = 0

    init(unit: TranslationUnit) { self.unit = unit }

    mutating func error(_ message: String, at cursor: Cursor) {
        diagnostics.error(message, at: cursor.location)
    }

    /// `unsupported in adgen: what`, the wording `.adg` diagnostics use.
    mutating func unsupported(_ what: String, at cursor: Cursor) {
        error("unsupported in adgen: \(what)", at: cursor)
    }

    mutating func lowerFile() -> Syntax.File {
        let declarations = unit.root.children.filter(\.isInMainFile)
        let definitions = declarations.filter { $0.kind == CursorKind.functionDecl && $0.isDefinition }
        for function in definitions {
            signatures[function.spelling] = function.children.filter { $0.kind == CursorKind.parmDecl }.map(\.spelling)
        }
        for declaration in declarations where declaration.kind != CursorKind.functionDecl {
            checkTopLevel(declaration)
        }
        return Syntax.File(definitions.map { lowerFunction($0) })
    }

    /// Declarations beside functions: typedefs and enums are fine, the rest is not.
    mutating func checkTopLevel(_ declaration: Cursor) {
        switch declaration.kind {
        case CursorKind.typedefDecl, CursorKind.enumDecl: break
        case CursorKind.structDecl: unsupported("structs", at: declaration)
        case CursorKind.unionDecl: unsupported("unions", at: declaration)
        case CursorKind.varDecl:
            unsupported("global variables; use a #define constant or a parameter", at: declaration)
        default: unsupported("this declaration", at: declaration)
        }
    }

    mutating func lowerFunction(_ function: Cursor) -> Syntax.Function {
        let location = function.location
        let children = function.children
        var syntaxParameters: [Syntax.Parameter] = []
        parameters = [:]
        for parameter in children where parameter.kind == CursorKind.parmDecl {
            syntaxParameters.append(lowerParameter(parameter))
        }
        if function.resultType.shape != .double {
            error("C functions adgen differentiates return double; '\(function.spelling)' returns '\(function.resultType.spelling)'",
                  at: function)
        }
        let body = children.last { $0.kind == CursorKind.compoundStmt }
        var statements = shadowWrittenParameters(body)
        if let body { statements += lowerBlock(body) }
        let result = Syntax.TypeName(name: "Double", isArray: false, at: location)
        return Syntax.Function(name: function.spelling, location: location, docComment: function.commentLines,
                               parameters: syntaxParameters,
                               result: result, resultLocation: location, body: statements,
                               closingBrace: location)
    }

    mutating func lowerParameter(_ parameter: Cursor) -> Syntax.Parameter {
        let shape = parameter.type.shape
        let location = parameter.location
        var name = parameter.spelling
        if name.isEmpty {
            error("parameters need names", at: parameter)
            name = "_unnamed\(parameters.count)"
        }
        parameters[name] = shape
        let type: Syntax.TypeName
        switch shape {
        case .double: type = Syntax.TypeName(name: "Double", isArray: false, at: location)
        case .int: type = Syntax.TypeName(name: "Int", isArray: false, at: location)
        case .doubleArray: type = Syntax.TypeName(name: "Double", isArray: true, at: location)
        case .intArray: type = Syntax.TypeName(name: "Int", isArray: true, at: location)
        case .void, .other:
            unsupported("parameter type '\(parameter.type.spelling)'; parameters are double, int, or arrays of them (const double *x, double x[])",
                        at: parameter)
            type = Syntax.TypeName(name: "Double", isArray: false, at: location)
        }
        return Syntax.Parameter(name: name, type: type, location: location)
    }

    /// C may assign a scalar parameter; Swift parameters are constants, so such a
    /// parameter gets a local copy of the same name (`var x = x`).
    func shadowWrittenParameters(_ body: Cursor?) -> [Syntax.Statement] {
        guard let body else { return [] }
        let written = CWrites.names(in: body)
        return parameters.keys.sorted().filter { written.contains($0) && !(parameters[$0]?.isArray ?? true) }.map { name in
            let location = body.location
            return Syntax.Statement(.declaration(isVar: true, name: name, nameLocation: location, type: nil,
                                                 initializer: Syntax.Expression(.name(name), at: location)), at: location)
        }
    }
}

extension CType.Shape {
    var isArray: Bool { self == .doubleArray || self == .intArray }
}
