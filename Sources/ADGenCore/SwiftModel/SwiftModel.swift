/// A structured model of the Swift that adgen writes. Translators build these values;
/// ``SwiftRenderer`` is the only code that turns them into text.
public enum SwiftModel {
    public struct File: Equatable, Sendable {
        public var headerComment: [String]
        public var imports: [String]
        /// When set, every function is a `static func` of `enum <namespace>`.
        public var namespace: String?
        public var functions: [Function]
        /// Support declarations printed verbatim after the imports (``RuntimeSupport``).
        public var support: [String]
        /// Value types of the generated API (training state), printed before the functions.
        public var types: [Struct]

        public init(headerComment: [String], imports: [String], namespace: String?, functions: [Function],
                    support: [String] = [], types: [Struct] = []) {
            self.headerComment = headerComment
            self.imports = imports
            self.namespace = namespace
            self.functions = functions
            self.support = support
            self.types = types
        }
    }

    /// A value type: stored properties, initializers and methods, e.g. an optimizer's state,
    /// or the model a hypergradient differentiates through training.
    ///
    /// For example: `struct LossAdamState: Equatable { var m: [Double] ... init(count: Int) { ... } }`.
    public struct Struct: Equatable, Sendable {
        public var docComment: [String]
        /// `private`, or nil for the default.
        public var access: String?
        public var name: String
        public var conformances: [String]
        public var properties: [Property]
        public var initializers: [Initializer]
        public var methods: [Function]

        public init(docComment: [String], access: String? = nil, name: String, conformances: [String],
                    properties: [Property], initializers: [Initializer], methods: [Function] = []) {
            self.docComment = docComment
            self.access = access
            self.name = name
            self.conformances = conformances
            self.properties = properties
            self.initializers = initializers
            self.methods = methods
        }
    }

    /// `var name: type` (or `let`), with its doc comment.
    public struct Property: Equatable, Sendable {
        public var docComment: [String]
        public var name: String
        public var type: String
        public var isConstant: Bool

        public init(docComment: [String], name: String, type: String, isConstant: Bool = false) {
            self.docComment = docComment
            self.name = name
            self.type = type
            self.isConstant = isConstant
        }
    }

    /// `init(parameters) { body }` of a ``Struct``.
    public struct Initializer: Equatable, Sendable {
        public var docComment: [String]
        public var parameters: [Parameter]
        public var body: [Statement]

        public init(docComment: [String], parameters: [Parameter], body: [Statement]) {
            self.docComment = docComment
            self.parameters = parameters
            self.body = body
        }
    }

    public struct Parameter: Equatable, Sendable {
        /// nil renders `_`; equal to `name` renders the name once.
        public var label: String?
        public var name: String
        public var type: String
        /// `inout type`.
        public var isInout: Bool
        /// `= value` after the type.
        public var defaultValue: Expression?

        public init(label: String?, name: String, type: String, isInout: Bool = false, defaultValue: Expression? = nil) {
            self.label = label
            self.name = name
            self.type = type
            self.isInout = isInout
            self.defaultValue = defaultValue
        }
    }

    public struct Function: Equatable, Sendable {
        public var docComment: [String]
        public var attributes: [String]
        public var access: String?
        public var name: String
        public var parameters: [Parameter]
        public var returnType: String
        public var body: [Statement]

        public init(docComment: [String], attributes: [String] = [], access: String?, name: String,
                    parameters: [Parameter], returnType: String, body: [Statement]) {
            self.docComment = docComment
            self.attributes = attributes
            self.access = access
            self.name = name
            self.parameters = parameters
            self.returnType = returnType
            self.body = body
        }
    }

    public indirect enum Statement: Equatable, Sendable {
        /// `let name: type = value` (type optional).
        case declaration(mutable: Bool, pattern: String, type: String?, value: Expression)
        /// `target op value` where op is `=`, `+=`, ...
        case assignment(target: Expression, op: String, value: Expression)
        case forIn(pattern: String, sequence: Expression, body: [Statement])
        case whileLoop(condition: Expression, body: [Statement])
        /// `if c { } else if c2 { } else { }`: an else holding one `if` renders as `else if`.
        case ifElse(condition: Expression, then: [Statement], else: [Statement])
        /// `do { body } catch { handler }`.
        case doCatch(body: [Statement], handler: [Statement])
        /// `switch subject { case pattern: body … }`.
        case switchOver(subject: Expression, cases: [SwitchCase])
        case returnStatement(Expression)
        case expression(Expression)
        case comment(String)
        case blankLine
    }

    /// One `case pattern:` of a ``Statement/switchOver(subject:cases:)``.
    public struct SwitchCase: Equatable, Sendable {
        public var pattern: String
        public var body: [Statement]

        public init(pattern: String, body: [Statement]) {
            self.pattern = pattern
            self.body = body
        }
    }

    public indirect enum Expression: Equatable, Sendable {
        /// Literal or name text, printed verbatim.
        case raw(String)
        case member(Expression, String)
        case subscriptAccess(Expression, Expression)
        case call(Expression, [(label: String?, value: Expression)])
        case prefix(String, Expression)
        /// Operands are parenthesized by the translator where precedence requires.
        case infix(Expression, String, Expression)
        case ternary(Expression, Expression, Expression)
        case parenthesized(Expression)
        case tuple([(label: String?, value: Expression)])
        /// `lower..<upper`, printed without spaces as Swift style has it.
        case range(Expression, String, Expression)

        public static func == (lhs: Expression, rhs: Expression) -> Bool {
            SwiftRenderer.render(lhs) == SwiftRenderer.render(rhs)
        }
    }
}
