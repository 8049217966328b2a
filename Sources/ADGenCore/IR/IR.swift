/// The typed intermediate representation every transform reads and writes.
///
/// It is structured (loops and branches are nodes, not jumps) because the reverse
/// sweep reverses structure, and because the emitter must print readable Swift.
/// Every name in a function is unique (sema renames shadowed locals), so
/// transforms can move declarations freely. Every node keeps a source location.
public enum IR {
    public struct Module: Sendable {
        public var functions: [Function]

        public init(functions: [Function]) { self.functions = functions }

        public func function(named name: String) -> Function? { functions.first { $0.name == name } }
    }

    public struct Parameter: Hashable, Sendable {
        /// The argument label; nil for `_`.
        public var label: String?
        public var name: String
        public var type: IRType

        public init(label: String?, name: String, type: IRType) {
            self.label = label
            self.name = name
            self.type = type
        }
    }

    /// A labelled result; a function with one unlabelled result returns it bare.
    public struct Result: Hashable, Sendable {
        public var label: String?
        public var type: IRType

        public init(label: String?, type: IRType) {
            self.label = label
            self.type = type
        }
    }

    public struct Function: Sendable {
        public var name: String
        public var docComment: [String]
        public var parameters: [Parameter]
        public var results: [Result]
        /// Names of the parameters derivatives are taken with respect to.
        public var wrt: [String]
        public var body: [Statement]
        public var location: SourceLocation
        /// Derived functions only called by other generated code are `fileprivate`.
        public var isInternal: Bool = false

        public init(name: String, docComment: [String], parameters: [Parameter], results: [Result], wrt: [String],
                    body: [Statement], location: SourceLocation) {
            self.name = name
            self.docComment = docComment
            self.parameters = parameters
            self.results = results
            self.wrt = wrt
            self.body = body
            self.location = location
        }

        public var resultType: IRType { results[0].type }
        public var activeParameters: [Parameter] { parameters.filter { wrt.contains($0.name) } }
    }

    public struct Statement: Sendable {
        public var kind: Kind
        public var location: SourceLocation
        /// Identifies a statement of a function being differentiated, so that a plan can
        /// name it (see ``ReversePlan``); 0 elsewhere. Set by ``StatementNumbering``.
        public var id = 0

        public init(_ kind: Kind, at location: SourceLocation = .none) {
            self.kind = kind
            self.location = location
        }

        public indirect enum Kind: Sendable {
            /// `let name = value` / `var name = value`; `annotated` keeps an explicit `: T`.
            case declare(name: String, type: IRType, mutable: Bool, value: Expression, annotated: Bool)
            /// `name = value`, or `name op= value` when `op` is set.
            case assign(name: String, op: BinaryOp?, value: Expression)
            /// `array[index] = value`, or `array[index] op= value`.
            case store(array: String, index: Expression, op: BinaryOp?, value: Expression)
            /// `tape.push(value)`.
            case append(array: String, value: Expression)
            /// `name = tape.pop()`, `name[index] = tape.pop()` when `index` is set, or a
            /// bare `tape.pop()` when `into` is nil.
            case removeLast(array: String, into: String?, index: Expression? = nil)
            case forLoop(ForLoop)
            case whileLoop(condition: Expression, body: [Statement])
            case ifElse(condition: Expression, then: [Statement], else: [Statement])
            /// `let (a, b) = f(...)` with `nil` for `_`: calls of derived functions returning tuples.
            case destructure(names: [String?], types: [IRType], call: Call)
            /// `return e` or `return (label: e, ...)`.
            case returnValues([Expression])
            /// A comment line in generated code.
            case comment(String)
            /// A part of a loop checkpointed under a tape budget (reverse mode only).
            case checkpoint(Checkpoint)
        }
    }

    public struct ForLoop: Sendable {
        /// nil for `for _ in`.
        public var index: String?
        public var sequence: Sequence
        public var body: [Statement]

        public init(index: String?, sequence: Sequence, body: [Statement]) {
            self.index = index
            self.sequence = sequence
            self.body = body
        }
    }

    public enum Sequence: Sendable {
        /// `lower..<upper` or `lower...upper`.
        case range(lower: Expression, upper: Expression, closed: Bool)
        /// `stride(from:to:by:)` or `stride(from:through:by:)`.
        case stride(from: Expression, bound: Expression, by: Expression, through: Bool)
        /// `(lower..<upper).reversed()` / `(lower...upper).reversed()`: the reverse sweep's loops.
        case reversedRange(lower: Expression, upper: Expression, closed: Bool)
    }

    public struct Call: Sendable {
        public var function: String
        public var arguments: [Argument]

        public init(function: String, arguments: [Argument]) {
            self.function = function
            self.arguments = arguments
        }
    }

    public struct Argument: Sendable {
        public var label: String?
        public var value: Expression

        public init(label: String?, value: Expression) {
            self.label = label
            self.value = value
        }
    }

    public enum BinaryOp: String, Sendable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case and = "&&", or = "||"
        /// `Int` addition that wraps instead of trapping, for indices a bounds check
        /// follows anyway: vector forward mode's `offset &+ lane` (an overflow check in
        /// a lane loop keeps it from vectorizing).
        case wrappingAdd = "&+"

        public var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
            default: return false
            }
        }

        public var isLogical: Bool { self == .and || self == .or }

        /// Swift precedence: larger binds tighter.
        public var precedence: Int {
            switch self {
            case .or: return 1
            case .and: return 2
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 3
            case .add, .subtract, .wrappingAdd: return 4
            case .multiply, .divide, .remainder: return 5
            }
        }
    }

    public enum UnaryOp: String, Sendable {
        case negate = "-", not = "!"
    }

    public struct Expression: Sendable {
        public var kind: Kind
        public var type: IRType
        public var location: SourceLocation

        public init(_ kind: Kind, _ type: IRType, at location: SourceLocation = .none) {
            self.kind = kind
            self.type = type
            self.location = location
        }

        public indirect enum Kind: Sendable {
            /// A floating-point constant; `spelling` keeps the source text (`2`, `1e-8`).
            case double(Double, spelling: String)
            case int(Int, spelling: String)
            case bool(Bool)
            case variable(String)
            /// `Double.pi`.
            case pi
            case element(array: String, index: Expression)
            case count(array: String)
            case unary(UnaryOp, Expression)
            case binary(BinaryOp, Expression, Expression)
            case ternary(condition: Expression, then: Expression, else: Expression)
            case builtin(Builtin, [Expression])
            case call(Call)
            /// `Double(intValue)`.
            case intToDouble(Expression)
            /// `[T](repeating: value, count: count)`.
            case repeating(value: Expression, count: Expression)
            /// An empty `ADGenTape<Element>()`.
            case newTape
        }
    }
}
