import CLibClang

/// A C type as libclang reports it, classified into what adgen accepts.
struct CType {
    let raw: ADGenType

    /// What the type is to adgen: `double`, `int`, an array of either, or unsupported.
    enum Shape: Equatable { case double, int, doubleArray, intArray, void, other }

    var canonical: CType { CType(raw: adgen_clang_canonical(raw)) }
    var spelling: String { LibClang.string(adgen_clang_type_spelling(raw)) }
    var isConst: Bool { adgen_clang_is_const(raw) != 0 }
    /// The declared length of a constant-size array, else -1.
    var arraySize: Int { Int(adgen_clang_array_size(canonical.raw)) }

    var shape: Shape {
        let type = canonical
        switch type.raw.kind {
        case Kind.double: return .double
        case _ where Kind.integers.contains(type.raw.kind): return .int
        case Kind.void: return .void
        case Kind.pointer: return Self.arrayShape(of: CType(raw: adgen_clang_pointee(type.raw)))
        case Kind.constantArray, Kind.incompleteArray, Kind.variableArray:
            return Self.arrayShape(of: CType(raw: adgen_clang_element(type.raw)))
        default: return .other
        }
    }

    /// Whether the type is an array or a pointer (as opposed to its elements).
    var isPointer: Bool { canonical.raw.kind == Kind.pointer }

    static func arrayShape(of element: CType) -> Shape {
        let kind = element.canonical.raw.kind
        if kind == Kind.double { return .doubleArray }
        return Kind.integers.contains(kind) ? .intArray : .other
    }

    /// `CXTypeKind` values (clang-c/Index.h).
    enum Kind {
        static let void: Int32 = 2, int: Int32 = 17, float: Int32 = 21, double: Int32 = 22, pointer: Int32 = 101
        static let constantArray: Int32 = 112, incompleteArray: Int32 = 114, variableArray: Int32 = 115
        /// `short`, `int`, `long`, `long long` and their unsigned forms (`size_t` is one): all `Int`
        /// to adgen, which has no unsigned wraparound.
        static let integers: Set<Int32> = [7, 8, 9, 10, 16, 17, 18, 19]
    }
}
