/// A structured model of the C99 adgen writes with `--emit c` (contract, section 8), the
/// sibling of ``SwiftModel``: ``CTranslator`` builds it, ``CRenderer`` alone prints it.
public enum CModel {
    public struct File: Equatable, Sendable {
        public var headerComment: [String]
        public var includes: [String]
        /// Static helper definitions (``CSupport``), printed verbatim after the includes.
        public var support: [String]
        public var functions: [Function]
    }

    public struct Parameter: Equatable, Sendable {
        /// `double`, `const double *`, `double *`, `int`.
        public var type: String
        public var name: String
    }

    public struct Function: Equatable, Sendable {
        public var docComment: [String]
        public var isStatic: Bool
        public var returnType: String
        public var name: String
        public var parameters: [Parameter]
        public var body: [Statement]
    }

    public indirect enum Statement: Equatable, Sendable {
        /// `type name = value;`, or `type name;` without a value.
        case declaration(type: String, name: String, value: Expression?)
        /// `type name[count];`
        case arrayDeclaration(type: String, name: String, count: Expression)
        /// `target op value;` where op is `=`, `+=`, ...
        case assignment(target: Expression, op: String, value: Expression)
        case expression(Expression)
        /// `for (int index = start; condition; index += step) { body }`
        case forLoop(index: String, start: Expression, condition: Expression, step: Expression, body: [Statement])
        case whileLoop(condition: Expression, body: [Statement])
        /// An else holding one `if` renders as `else if`.
        case ifElse(condition: Expression, then: [Statement], else: [Statement])
        case returnStatement(Expression)
        /// `{ body }`: a scope of its own.
        case block([Statement])
        case comment(String)
    }

    public indirect enum Expression: Equatable, Sendable {
        /// A literal, printed verbatim.
        case literal(String)
        /// A variable or parameter.
        case name(String)
        case call(String, [Expression])
        case prefix(String, Expression)
        /// Operands are parenthesized by the translator where precedence requires.
        case infix(Expression, String, Expression)
        case ternary(Expression, Expression, Expression)
        case subscriptAccess(Expression, Expression)
        case parenthesized(Expression)
        /// `(type)value`.
        case cast(String, Expression)
    }
}
