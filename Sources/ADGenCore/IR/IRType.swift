/// The types of the IR. The DSL has the first five; `boolArray` exists for
/// control-flow tapes that transforms create.
public enum IRType: Hashable, Sendable, CustomStringConvertible {
    case double
    case int
    case bool
    case doubleArray
    case intArray
    case boolArray
    /// A stack of saved values (reverse mode), printed as `ADGenTape<Element>`.
    indirect case tape(IRType)
    /// The tangent lanes of vector forward mode, printed as `ADGenLanes`: `Double`s
    /// indexed and appended like a `[Double]`, but a store needs no uniqueness check, so
    /// lane loops vectorize. Storage is shared: the Swift translator writes an explicit
    /// copy wherever the IR's value semantics need one.
    case lanes
    /// `Complex<Double>` and `[Complex<Double>]` (swift-numerics): the types of complex-step
    /// variants (``ComplexStepRetyping``), which only the Swift translator prints.
    case complex
    case complexArray

    public var description: String {
        switch self {
        case .double: return "Double"
        case .int: return "Int"
        case .bool: return "Bool"
        case .doubleArray: return "[Double]"
        case .intArray: return "[Int]"
        case .boolArray: return "[Bool]"
        case .tape(let element): return "ADGenTape<\(element)>"
        case .lanes: return "ADGenLanes"
        case .complex: return "Complex<Double>"
        case .complexArray: return "[Complex<Double>]"
        }
    }

    /// Only `Double` values and arrays of them carry derivatives.
    public var isDifferentiable: Bool { self == .double || self == .doubleArray || self == .tape(.double) }

    public var isTape: Bool {
        if case .tape = self { return true }
        return false
    }

    public var isArray: Bool { element != nil }

    public var element: IRType? {
        switch self {
        case .doubleArray, .lanes: return .double
        case .intArray: return .int
        case .boolArray: return .bool
        case .complexArray: return .complex
        default: return nil
        }
    }
}
