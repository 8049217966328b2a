/// A random `.adg` program as a small syntax model: what the generator builds, the
/// normalizer tidies, the reducer shrinks and `render()` prints. The model covers only
/// what the generator writes (contract, sections 3–4), so every node prints as text
/// adgen and Swift both accept.
public struct RandomProgram: Equatable, Sendable {
    public var functions: [Function]

    public init(functions: [Function]) { self.functions = functions }

    public enum ValueType: String, Equatable, Sendable {
        case double = "Double", int = "Int", bool = "Bool", doubleArray = "[Double]", intArray = "[Int]"
    }

    public indirect enum Expr: Equatable, Sendable {
        /// A literal or constant as written: `0.5`, `3`, `Double.pi`, `true`.
        case literal(String, ValueType)
        case name(String, ValueType)
        /// `-e` or `!e`.
        case unary(String, Expr)
        case binary(String, Expr, Expr, ValueType)
        /// A builtin or a function of the file; labels nil for `_` parameters.
        case call(String, [Argument], ValueType)
        /// `a[i]`; the element type follows from the array's.
        case index(String, Expr, ValueType)
        case count(String)
        case ternary(Expr, Expr, Expr)
        /// `Double(e)` of an `Int`.
        case toDouble(Expr)
        /// `[Double](repeating: e, count: n)`.
        case repeating(Expr, Expr)
        /// `[0.5, x, 2.0]` (`[Double]`), `[2, 0, 1]` (`[Int]`), `[]` (declared `[Double]`).
        case arrayLiteral([Expr], ValueType)
    }

    public struct Argument: Equatable, Sendable {
        public var label: String?
        public var value: Expr
        public init(_ label: String?, _ value: Expr) {
            self.label = label
            self.value = value
        }
    }

    public enum Target: Equatable, Sendable {
        case name(String)
        case element(String, Expr)

        var name: String {
            switch self {
            case .name(let name), .element(let name, _): return name
            }
        }
    }

    public enum LoopRange: Equatable, Sendable {
        case halfOpen(Expr, Expr)
        case closed(Expr, Expr)
        case strideTo(Expr, Expr, Expr)
        case strideThrough(Expr, Expr, Expr)
    }

    public indirect enum Stmt: Equatable, Sendable {
        case declaration(mutable: Bool, name: String, annotation: ValueType?, Expr)
        /// `op` is `=`, `+=`, `-=`, `*=` or `/=`.
        case assignment(Target, String, Expr)
        /// A nil variable prints as `_`.
        case forLoop(String?, LoopRange, [Stmt])
        case whileLoop(Expr, [Stmt])
        case ifElse(Expr, [Stmt], [Stmt]?)
        case returnValue(Expr)
        /// `q.append(e)` on a local `[Double]`.
        case append(String, Expr)
        /// `break` / `continue` of the innermost loop (the generator puts them in an `if`).
        case breakLoop
        case continueLoop
    }

    public struct Parameter: Equatable, Sendable {
        /// nil: the name is the label; "_": no label.
        public var label: String?
        public var name: String
        public var type: ValueType
        /// The `// check:` value: `rand(0.5...1.5)`, `rand(4, -1...1)`, `4`, `[2, 0, 1]`.
        public var check: String
    }

    public struct Function: Equatable, Sendable {
        public var name: String
        public var parameters: [Parameter]
        public var result: ValueType
        /// Names for `@differentiable(reverse, wrt: ...)`; nil for no attribute.
        public var wrt: [String]?
        public var body: [Stmt]
    }
}

extension RandomProgram.Expr {
    var type: RandomProgram.ValueType {
        switch self {
        case .literal(_, let type), .name(_, let type), .binary(_, _, _, let type), .call(_, _, let type),
             .index(_, _, let type), .arrayLiteral(_, let type):
            return type
        case .unary(_, let operand): return operand.type
        case .count: return .int
        case .ternary(_, let value, _): return value.type
        case .toDouble: return .double
        case .repeating: return .doubleArray
        }
    }

    /// The direct subexpressions, in print order.
    var children: [RandomProgram.Expr] {
        switch self {
        case .literal, .name, .count: return []
        case .unary(_, let operand), .toDouble(let operand): return [operand]
        case .binary(_, let lhs, let rhs, _): return [lhs, rhs]
        case .call(_, let arguments, _): return arguments.map(\.value)
        case .index(_, let index, _): return [index]
        case .ternary(let condition, let value, let other): return [condition, value, other]
        case .repeating(let value, let count): return [value, count]
        case .arrayLiteral(let elements, _): return elements
        }
    }

    /// The same node with new children (same count as `children`).
    func replacingChildren(_ new: [RandomProgram.Expr]) -> RandomProgram.Expr {
        switch self {
        case .literal, .name, .count: return self
        case .unary(let op, _): return .unary(op, new[0])
        case .toDouble: return .toDouble(new[0])
        case .binary(let op, _, _, let type): return .binary(op, new[0], new[1], type)
        case .call(let name, let arguments, let type):
            return .call(name, zip(arguments, new).map { .init($0.label, $1) }, type)
        case .index(let array, _, let type): return .index(array, new[0], type)
        case .ternary: return .ternary(new[0], new[1], new[2])
        case .repeating: return .repeating(new[0], new[1])
        case .arrayLiteral(_, let type): return .arrayLiteral(new, type)
        }
    }

    /// Names read by the expression (arrays included).
    var names: [String] {
        switch self {
        case .name(let name, _): return [name]
        case .count(let array): return [array]
        case .index(let array, let index, _): return [array] + index.names
        default: return children.flatMap(\.names)
        }
    }

    /// Nodes in the expression: the reducer's measure of size.
    var size: Int { 1 + children.reduce(0) { $0 + $1.size } }
}
