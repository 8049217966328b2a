/// Public initializers of the syntax tree, for front ends outside this module (the C
/// front end, `ADGenC`, builds a ``Syntax/File`` from libclang's tree and hands it to
/// ``Pipeline`` like a parsed `.adg` file).
extension Syntax.File {
    public init(_ functions: [Syntax.Function]) { self.init(functions: functions) }
}

extension Syntax.Function {
    public init(name: String, location: SourceLocation, docComment: [String], parameters: [Syntax.Parameter],
                result: Syntax.TypeName?, resultLocation: SourceLocation, body: [Syntax.Statement],
                closingBrace: SourceLocation) {
        self.init(name: name, location: location, docComment: docComment, attribute: nil, parameters: parameters,
                  result: result, resultLocation: resultLocation, body: body, closingBrace: closingBrace)
    }
}

extension Syntax.Parameter {
    public init(name: String, type: Syntax.TypeName, location: SourceLocation) {
        self.init(label: name, name: name, type: type, location: location)
    }
}

extension Syntax.TypeName {
    public init(name: String, isArray: Bool, at location: SourceLocation) {
        self.init(name: name, isArray: isArray, location: location)
    }
}

extension Syntax.Statement {
    public init(_ kind: Kind, at location: SourceLocation) {
        self.init(kind: kind, location: location)
    }
}

extension Syntax.Expression {
    public init(_ kind: Kind, at location: SourceLocation, height: Int = 1) {
        self.init(kind: kind, location: location, height: height)
    }
}

extension Syntax.Argument {
    public init(label: String?, value: Syntax.Expression) {
        self.init(label: label, value: value, location: value.location)
    }
}
