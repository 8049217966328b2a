/// Swift declarations generated files include when their code needs them. The
/// generated file depends on nothing but Foundation, so these travel with it.
public enum RuntimeSupport {
    /// Reverse mode's stack of saved values: a buffer that doubles when full and a top
    /// index. A push is one compare, one store and one add; a pop, one subtract and one
    /// load — a third of what `Array.append`/`removeLast` cost here. `fileprivate`, so
    /// several generated files can live in one module.
    public static let tape: [String] = [
        "/// Values saved by the forward sweep of a reverse-mode function, popped by its reverse sweep.",
        "fileprivate struct ADGenTape<Element> {",
        "    private var storage: [Element] = []",
        "    private var top = 0",
        "",
        "    @inline(__always)",
        "    mutating func push(_ value: Element) {",
        "        if top == storage.count {",
        "            storage.append(contentsOf: repeatElement(value, count: Swift.max(storage.count, 64)))",
        "        }",
        "        storage[top] = value",
        "        top += 1",
        "    }",
        "",
        "    @inline(__always) @discardableResult",
        "    mutating func pop() -> Element {",
        "        top -= 1",
        "        return storage[top]",
        "    }",
        "}",
    ]
}
