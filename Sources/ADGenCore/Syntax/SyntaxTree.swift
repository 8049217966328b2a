/// The syntax tree the parser produces: what the user wrote, with source locations,
/// before names and types are resolved. Sema lowers it into the typed IR.
public enum Syntax {
    public struct File: Sendable {
        public var functions: [Function]
    }

    public struct Function: Sendable {
        public var name: String
        public var location: SourceLocation
        public var docComment: [String]
        public var attribute: DifferentiableAttribute?
        public var parameters: [Parameter]
        public var result: TypeName?
        public var resultLocation: SourceLocation
        public var body: [Statement]
        public var closingBrace: SourceLocation
    }

    /// `@differentiable(reverse, wrt: (a, b))`.
    public struct DifferentiableAttribute: Sendable {
        public var wrt: [(name: String, location: SourceLocation)]?
        public var location: SourceLocation
    }

    public struct Parameter: Sendable {
        /// The argument label; nil for `_`.
        public var label: String?
        public var name: String
        public var type: TypeName
        public var location: SourceLocation
        public var isInout = false
    }

    public struct TypeName: Sendable, Equatable {
        public var name: String
        public var isArray: Bool
        public var location: SourceLocation

        public var spelling: String { isArray ? "[\(name)]" : name }
    }

    public struct Statement: Sendable {
        public var kind: Kind
        public var location: SourceLocation

        public indirect enum Kind: Sendable {
            case declaration(isVar: Bool, name: String, nameLocation: SourceLocation, type: TypeName?, initializer: Expression?)
            /// `target = value` and compound forms (`op` is `+`, `-`, `*`, `/`, `%`).
            case assignment(target: Expression, op: String?, value: Expression)
            case forIn(variable: String?, variableLocation: SourceLocation, sequence: Sequence, body: [Statement])
            case whileLoop(condition: Expression, body: [Statement])
            case ifElse(condition: Expression, then: [Statement], else: [Statement]?)
            case returnValue(Expression?)
            /// `break` / `break label`; lowered away by ``EarlyExitLowering``, like the next four.
            case breakLoop(label: String?)
            /// `continue` / `continue label`.
            case continueLoop(label: String?)
            /// `repeat { body } while condition`.
            case repeatWhile(body: [Statement], condition: Expression)
            /// `guard condition else { body }`; the body must leave the scope.
            case guardElse(condition: Expression, body: [Statement])
            /// `label: for …`, `label: while …`, `label: repeat …`.
            case labelled(label: String, loop: Statement)
            /// `switch subject { case 1, 2: … default: … }`; `default` is nil when missing.
            case switchCases(subject: Expression, cases: [SwitchCase], default: [Statement]?)
            /// `fallthrough`, as the last statement of a `case`.
            case fallthroughCase
            /// An expression used as a statement (rejected by sema with a clear message).
            case expression(Expression)
            /// Statement that failed to parse; sema skips it.
            case invalid
        }
    }

    /// `case v1, v2: body` of a `switch`.
    public struct SwitchCase: Sendable {
        public var values: [Expression]
        public var body: [Statement]
        public var location: SourceLocation
    }

    /// The sequence of a `for` loop.
    public enum Sequence: Sendable {
        case range(lower: Expression, upper: Expression, closed: Bool)
        case stride(from: Expression, bound: Expression, by: Expression, through: Bool)
        /// `for x in a`: the loop variable is the element.
        case elements(array: Expression)
        /// `for i in a.indices`.
        case indices(array: Expression)
        /// `for (i, x) in a.enumerated()`: the loop variable is the offset `i`, `element` is `x`.
        case enumerated(array: Expression, element: String, elementLocation: SourceLocation)
    }

    public struct Expression: Sendable {
        public var kind: Kind
        public var location: SourceLocation
        /// Height of the tree below this node; the parser bounds it so no later
        /// recursive stage can overflow the stack.
        public var height: Int = 1

        public indirect enum Kind: Sendable {
            case integer(String)
            case float(String)
            case boolean(Bool)
            case name(String)
            /// `base.member`, e.g. `a.count`, `Double.pi`.
            case member(base: Expression, name: String)
            case subscriptAccess(base: Expression, index: Expression)
            /// `name(label: arg, ...)`. `Double(i)` and builtins are calls too.
            case call(name: String, arguments: [Argument])
            /// `[Double](repeating: v, count: n)`.
            case arrayRepeating(element: TypeName, value: Expression, count: Expression)
            /// `[1.0, x, 2]`.
            case arrayLiteral([Expression])
            /// `a.append(value)`, a statement.
            case append(array: Expression, value: Expression)
            case unary(op: String, operand: Expression)
            case binary(op: String, lhs: Expression, rhs: Expression)
            case ternary(condition: Expression, then: Expression, else: Expression)
            case parenthesized(Expression)
            case invalid
        }
    }

    public struct Argument: Sendable {
        public var label: String?
        public var value: Expression
        public var location: SourceLocation
        /// `&a`, for an `inout` parameter.
        public var isInout = false
    }
}
