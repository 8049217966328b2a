import XCTest
@testable import ADGenCore

final class SemaTests: XCTestCase {
    /// Sema's IR for `text`, printed; fails the test on any diagnostic.
    private func ir(_ text: String, wrt: [Sema.WrtOverride] = [], file: StaticString = #filePath, line: UInt = #line)
        -> String {
        let (module, diagnostics) = TestSupport.sema(text, wrt: wrt)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return IRPrinter.print(module)
    }

    private func function(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> IR.Function? {
        let (module, diagnostics) = TestSupport.sema(text)
        XCTAssertEqual(diagnostics, [], file: file, line: line)
        return module.functions.first
    }

    /// The declarations of the first function's body, by IR name.
    private func declarations(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> [String: (type: IRType, mutable: Bool, value: IR.Expression)] {
        var result: [String: (type: IRType, mutable: Bool, value: IR.Expression)] = [:]
        func collect(_ body: [IR.Statement]) {
            for statement in body {
                switch statement.kind {
                case let .declare(name, type, mutable, value, _): result[name] = (type, mutable, value)
                case let .ifElse(_, thenBody, elseBody): collect(thenBody); collect(elseBody)
                case let .forLoop(loop): collect(loop.body)
                case let .whileLoop(_, body): collect(body)
                default: break
                }
            }
        }
        collect(function(text, file: file, line: line)?.body ?? [])
        return result
    }

    /// Evaluates a constant IR expression, as Swift would at run time.
    private enum Value: Equatable { case double(Double), int(Int), bool(Bool) }

    private func evaluate(_ expression: IR.Expression) -> Value? {
        switch expression.kind {
        case let .double(value, _): return .double(value)
        case let .int(value, _): return .int(value)
        case let .bool(value): return .bool(value)
        case .pi: return .double(Double.pi)
        case let .unary(.negate, operand):
            switch evaluate(operand) {
            case .double(let v): return .double(-v)
            case .int(let v): return .int(-v)
            default: return nil
            }
        case let .binary(op, lhs, rhs):
            switch (evaluate(lhs), evaluate(rhs)) {
            case let (.double(a), .double(b)):
                switch op {
                case .add: return .double(a + b)
                case .subtract: return .double(a - b)
                case .multiply: return .double(a * b)
                case .divide: return .double(a / b)
                default: return nil
                }
            case let (.int(a), .int(b)):
                switch op {
                case .add: return .int(a + b)
                case .subtract: return .int(a - b)
                case .multiply: return .int(a * b)
                case .divide: return .int(a / b)
                case .remainder: return .int(a % b)
                default: return nil
                }
            default: return nil
            }
        case let .intToDouble(inner):
            if case .int(let v) = evaluate(inner) { return .double(Double(v)) }
            return nil
        default: return nil
        }
    }

    // MARK: Literal typing, as in Swift

    func testIntegerLiteralsAreIntUnlessDoubleIsExpected() {
        let text = """
            func f(x: Double) -> Double {
                let k = 2
                let third: Double = 1 / 3
                let intThird = 1 / 3
                let y = x * 2
                let z = 2 * 3 + x
                let w = 0x10 + 1_000
                let h: Double = 0x10
                let e = 1e-8
                let b = k > 1
                return third + y + z + e + h + Double(intThird + w) + (b ? 1 : 0)
            }
            """
        let declared = declarations(text)
        XCTAssertEqual(declared["k"]?.type, .int)
        XCTAssertEqual(declared["k"].flatMap { evaluate($0.value) }, .int(2))
        XCTAssertEqual(declared["third"]?.type, .double)
        XCTAssertEqual(declared["third"].flatMap { evaluate($0.value) }, .double(1.0 / 3.0))
        XCTAssertEqual(declared["intThird"]?.type, .int)
        XCTAssertEqual(declared["intThird"].flatMap { evaluate($0.value) }, .int(0))
        XCTAssertEqual(declared["y"]?.type, .double)
        XCTAssertEqual(declared["z"]?.type, .double)
        XCTAssertEqual(declared["w"].flatMap { evaluate($0.value) }, .int(1016))
        XCTAssertEqual(declared["h"].flatMap { evaluate($0.value) }, .double(16))
        XCTAssertEqual(declared["e"].flatMap { evaluate($0.value) }, .double(1e-8))
        XCTAssertEqual(declared["b"]?.type, .bool)
        // The literal in `x * 2` is the Double 2.0, keeping its spelling for the emitter.
        guard case let .binary(.multiply, _, two)? = declared["y"]?.value.kind,
              case let .double(value, spelling) = two.kind else {
            return XCTFail("x * 2 did not lower to a Double product")
        }
        XCTAssertEqual(value, 2.0)
        XCTAssertEqual(spelling, "2")
        XCTAssertEqual(two.type, .double)
        // In `2 * 3 + x` both literals become Double: Swift types the whole chain as Double.
        guard case let .binary(.add, product, _)? = declared["z"]?.value.kind else { return XCTFail("z") }
        XCTAssertEqual(product.type, .double)
        XCTAssertEqual(evaluate(product), .double(6))
    }

    func testLiteralContextFlowsThroughReturnsCallsAndTernaries() {
        let text = """
            func g(a: Double, n: Int) -> Double { return a }
            func f(x: Double, n: Int) -> Double {
                let t = n > 0 ? 1 : x
                let i = n > 0 ? 1 : n
                let c = g(a: 3, n: 4)
                return 1 / 2 + t + c + Double(i)
            }
            """
        let printed = ir(text)
        XCTAssertTrue(printed.contains("let t: Double = n > 0 ? 1 : x"), printed)
        XCTAssertTrue(printed.contains("let i: Int = n > 0 ? 1 : n"), printed)
        guard let f = TestSupport.sema(text).module.function(named: "f"),
              case let .returnValues(values) = f.body.last?.kind,
              case let .binary(.add, sum, _) = values[0].kind,
              case let .binary(.add, sum2, _) = sum.kind,
              case let .binary(.add, half, _) = sum2.kind else {
            return XCTFail("unexpected IR for f")
        }
        // `return 1 / 2 + ...` in a Double function is 0.5, not the Int 0.
        XCTAssertEqual(evaluate(half), .double(0.5))
    }

    func testArrayTypesAndCount() {
        let declared = declarations("""
            func f(a: [Double], idx: [Int]) -> Double {
                var b = [Double](repeating: 0, count: a.count)
                let c = b
                let j = [Int](repeating: 1, count: 3)
                let n = idx.count
                let v = a[idx[0]]
                b[0] = v
                return c[0] + b[0] + Double(n + j[0])
            }
            """)
        XCTAssertEqual(declared["b"]?.type, .doubleArray)
        XCTAssertEqual(declared["b"]?.mutable, true)
        XCTAssertEqual(declared["c"]?.type, .doubleArray)
        XCTAssertEqual(declared["j"]?.type, .intArray)
        XCTAssertEqual(declared["n"]?.type, .int)
        XCTAssertEqual(declared["v"]?.type, .double)
        // `repeating: 0` in a [Double] initializer is the Double 0.0.
        guard case let .repeating(zero, _)? = declared["b"]?.value.kind else { return XCTFail("b") }
        XCTAssertEqual(evaluate(zero), .double(0))
    }

    func testTypeErrorsOfLiteralsAndConversions() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double, n: Int) -> Double {
                let a: Int = 1.5
                let b = x + n
                let c: Double = n
                return x
            }
            """), [
            "2:18: cannot convert value of type 'Double' to expected type 'Int'",
            "3:15: operands of '+' have mismatching types 'Double' and 'Int'; convert with 'Double(...)'",
            "4:21: cannot convert value of type 'Int' to expected type 'Double'; use 'Double(...)'",
        ])
    }

    // MARK: Scopes and shadowing

    func testShadowingRenamesInnerDeclarations() {
        // Every IR name is unique in its function: a declaration shadowing a visible name
        // gets the first free `_N` suffix.
        let text = """
            func f(x: Double) -> Double {
                var x = x * 2
                var s = 0.0
                if x > 0 {
                    let s = 1.0
                    x += s
                } else {
                    let s = 2.0
                    x -= s
                }
                for i in 0..<3 {
                    let x = Double(i)
                    s += x
                }
                return x + s
            }
            """
        XCTAssertEqual(ir(text), """
            // f wrt: (x)
            func f(x: Double) -> Double {
                var x_2: Double = x * 2
                var s: Double = 0.0
                if x_2 > 0 {
                    let s_2: Double = 1.0
                    x_2 += s_2
                } else {
                    let s_3: Double = 2.0
                    x_2 -= s_3
                }
                for i in 0..<3 {
                    let x_3: Double = Double(i)
                    s += x_3
                }
                return x_2 + s
            }

            """)
    }

    func testSiblingScopesReuseANameOfTheSameTypeOnly() {
        let text = """
            func f(x: Double, n: Int) -> Double {
                var r = x
                if n > 0 {
                    let t = 1.0
                    r += t
                } else {
                    let t = 2
                    r += Double(t)
                }
                if n > 1 {
                    let t = 3.0
                    r *= t
                }
                return r
            }
            """
        let printed = ir(text)
        XCTAssertTrue(printed.contains("let t: Double = 1.0"), printed)
        XCTAssertTrue(printed.contains("let t_2: Int = 2"), printed)
        XCTAssertTrue(printed.contains("let t: Double = 3.0"), printed)
    }

    func testFreshNamesAvoidNamesWrittenInTheFunction() {
        let text = """
            func f(x: Double) -> Double {
                let x_2 = 1.0
                let y = x + x_2
                if y > 0 {
                    let x = y
                    return x
                }
                return y
            }
            """
        let printed = ir(text)
        XCTAssertTrue(printed.contains("let x_3: Double = y"), printed)
        XCTAssertTrue(printed.contains("return x_3"), printed)
    }

    func testNamesAreScopedToTheirBlock() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                if x > 0 {
                    let inner = 1.0
                }
                for i in 0..<2 {
                }
                return inner + Double(i)
            }
            """), ["7:12: cannot find 'inner' in scope", "7:27: cannot find 'i' in scope"])
    }

    func testRedeclarationInTheSameScope() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                let a = 1.0
                var a = 2.0
                return x + a
            }
            """), ["3:9: invalid redeclaration of 'a'"])
    }

    func testUseBeforeDeclaration() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                let a = b
                let b = 1.0
                return a + b
            }
            """), ["2:13: cannot find 'b' in scope"])
    }

    // MARK: Immutability

    func testLetConstantsParametersAndLoopIndicesAreImmutable() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double, a: [Double]) -> Double {
                let c = 1.0
                c = 2.0
                c += 1
                x = 3
                a[0] = 1
                let b = a
                b[0] += 1
                for i in 0..<2 {
                    i = 3
                }
                return c
            }
            """), [
            "3:5: cannot assign to value: 'c' is a 'let' constant",
            "4:5: cannot assign to value: 'c' is a 'let' constant",
            "5:5: cannot assign to value: 'x' is a parameter (copy it with 'var xCopy = x')",
            "6:5: cannot assign to value: 'a' is a parameter (copy it with 'var aCopy = a')",
            "8:5: cannot assign to value: 'b' is a 'let' constant",
            "10:9: cannot assign to value: 'i' is a 'let' constant",
        ])
    }

    func testVarCopiesAreMutable() {
        let printed = ir("""
            func f(a: [Double]) -> Double {
                var b = a
                b[0] += 1
                var s = b[0]
                s *= 2
                return s
            }
            """)
        XCTAssertTrue(printed.contains("var b: [Double] = a\n    b[0] += 1"), printed)
    }

    // MARK: wrt: resolution

    private func wrt(_ text: String, _ overrides: [Sema.WrtOverride] = []) -> [String: [String]] {
        let (module, diagnostics) = TestSupport.sema(text, wrt: overrides)
        XCTAssertEqual(diagnostics, [])
        return Dictionary(uniqueKeysWithValues: module.functions.map { ($0.name, $0.wrt) })
    }

    private let wrtSource = """
        @differentiable(reverse, wrt: (b, w))
        func loss(w: [Double], b: Double, x: [Double], n: Int, idx: [Int]) -> Double { return b + w[0] + x[n] }
        func plain(x: Double, n: Int, y: [Double]) -> Double { return x }
        @differentiable(reverse)
        func attributeWithoutWrt(s: Double, k: Int) -> Double { return s }
        func noActive(n: Int) -> Double { return Double(n) }
        @differentiable(reverse, wrt: x)
        func labelled(at x: Double, _ y: Double) -> Double { return x * y }
        """

    func testWrtFromAttributeAndDefault() {
        XCTAssertEqual(wrt(wrtSource), [
            // Written as (b, w); kept in parameter order.
            "loss": ["w", "b"],
            // No attribute: every Double and [Double] parameter.
            "plain": ["x", "y"],
            "attributeWithoutWrt": ["s"],
            "noActive": [],
            // `wrt:` names the parameter, not its label.
            "labelled": ["x"],
        ])
    }

    func testWrtOverridesFromTheCommandLine() {
        XCTAssertEqual(wrt(wrtSource, [Sema.WrtOverride(function: "loss", parameters: ["x"]),
                                       Sema.WrtOverride(function: nil, parameters: ["y"])]), [
            "loss": ["x"],
            // The global override applies to functions having such a parameter...
            "plain": ["y"],
            "labelled": ["y"],
            // ...and leaves the others alone.
            "attributeWithoutWrt": ["s"],
            "noActive": [],
        ])
        // A function-specific override wins over a global one, whatever the order.
        XCTAssertEqual(wrt(wrtSource, [Sema.WrtOverride(function: nil, parameters: ["x"]),
                                       Sema.WrtOverride(function: "plain", parameters: ["y", "x"])])["plain"], ["x", "y"])
    }

    func testWrtErrors() {
        XCTAssertEqual(TestSupport.messages("""
            @differentiable(reverse, wrt: (x, n, z, x))
            func f(x: Double, n: Int) -> Double { return x }
            """), [
            "1:35: 'n' in 'wrt:' has type 'Int'; only Double and [Double] parameters are differentiable",
            "1:38: 'z' in 'wrt:' is not a parameter of 'f'",
            "1:41: 'x' appears twice in 'wrt:'",
        ])
        XCTAssertEqual(TestSupport.messages("func f(x: Double, n: Int) -> Double { return x }",
                                            wrt: [Sema.WrtOverride(function: "f", parameters: ["n"]),
                                                  Sema.WrtOverride(function: "g", parameters: ["x"]),
                                                  Sema.WrtOverride(function: nil, parameters: ["q"])]), [
            "1:6: 'n' in 'wrt:' has type 'Int'; only Double and [Double] parameters are differentiable",
            "1:1: --wrt names function 'g', which this file does not define",
            "1:1: --wrt names 'q', which is no function's parameter in this file",
        ])
    }

    // MARK: Calls and recursion

    func testCallsBetweenFunctionsInAnyOrder() {
        let printed = ir("""
            func outer(x: Double) -> Double { return inner(x, scale: 2) }
            func inner(_ v: Double, scale s: Double) -> Double { return v * s }
            """)
        XCTAssertTrue(printed.contains("return inner(x, scale: 2)"), printed)
    }

    func testDirectRecursionIsRejected() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                if x < 1 { return x }
                return f(x: x / 2)
            }
            """), ["3:12: unsupported in adgen: recursion ('f' calls itself)"])
    }

    func testMutualRecursionIsRejected() {
        XCTAssertEqual(TestSupport.messages("""
            func a(x: Double) -> Double { return b(x: x) }
            func b(x: Double) -> Double { return c(x: x) + 1 }
            func c(x: Double) -> Double { return x > 0 ? a(x: x - 1) : x }
            func d(x: Double) -> Double { return a(x: x) }
            """), ["3:46: unsupported in adgen: recursion (call cycle a -> b -> c -> a)"])
    }

    // MARK: Returns

    func testEarlyReturnsAreNormalized() {
        let text = """
            func f(x: Double, n: Int) -> Double {
                if x > 0 { return 1 }
                var s = x
                if n > 2 {
                    s *= 2
                    if x < -1 { return s } else { s += 1 }
                }
                s -= 1
                return s
            }
            """
        // Every return ends a path: the code after each early return is moved into the
        // paths that fall through.
        XCTAssertEqual(ir(text), """
            // f wrt: (x)
            func f(x: Double, n: Int) -> Double {
                if x > 0 {
                    return 1
                } else {
                    var s: Double = x
                    if n > 2 {
                        s *= 2
                        if x < -1 {
                            return s
                        } else {
                            s += 1
                            s -= 1
                            return s
                        }
                    } else {
                        s -= 1
                        return s
                    }
                }
            }

            """)
    }

    func testReturnInBothBranchesNeedsNoRewrite() {
        XCTAssertEqual(ir("""
            func f(x: Double) -> Double {
                if x > 0 {
                    return x
                } else if x < -1 {
                    return -x
                } else {
                    return 0
                }
            }
            """), """
            // f wrt: (x)
            func f(x: Double) -> Double {
                if x > 0 {
                    return x
                } else if x < -1 {
                    return -x
                } else {
                    return 0
                }
            }

            """)
    }

    func testMissingReturn() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                if x > 0 { return x }
            }
            func g(x: Double) -> [Double] {
                var a = [Double](repeating: x, count: 2)
                a[0] = 1
            }
            """), [
            "3:1: missing return in function 'f' expected to return 'Double'",
            "7:1: missing return in function 'g' expected to return '[Double]'",
        ])
        XCTAssertEqual(TestSupport.messages("func h(x: Double) -> Double {\n}\n"),
                       ["2:1: missing return in function 'h' expected to return 'Double'"])
    }

    func testReturnInsideLoopsIsAccepted() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double, n: Int) -> Double {
                for i in 0..<n {
                    if Double(i) > x { return x }
                }
                var y = x
                while y > 1 {
                    return y
                }
                return y
            }
            """), [])
    }

    func testCodeAfterReturnIsReported() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double) -> Double {
                if x > 0 { return 1 } else { return 2 }
                let y = 3.0
                return y
            }
            func g(x: Double) -> Double {
                if x > 0 { return 1 }
                return 2
                let y = 3.0
                return y
            }
            """), [
            "3:5: code after 'return' will never be executed",
            "9:5: code after 'return' will never be executed",
        ])
    }

    func testCodeAfterReturnInsideANestedBlockIsReportedOnce() {
        XCTAssertEqual(TestSupport.messages("""
            func f(x: Double, n: Int) -> Double {
                var s = x
                if n > 0 {
                    if n > 1 { return s }
                    s += 1
                }
                if n > 2 {
                    return s
                    s += 2
                }
                return s
            }
            """), ["9:9: code after 'return' will never be executed"])
    }

    func testEarlyReturnsThatWouldDuplicateTooMuchCodeAreRejected() {
        // Each `if` returns on one path only, so normalization would copy the rest of the
        // function into both paths of each: 2^40 copies. adgen stops with a diagnostic.
        var text = "func f(x: Double) -> Double {\n    var s = x\n"
        for i in 0..<40 { text += "    if x > \(i).0 { s += 1.0; if s > 3.0 { return s } }\n" }
        text += "    return s\n}\n"
        let (messages, seconds) = ThreadClock.measure { TestSupport.messages(text) }
        XCTAssertEqual(messages, [
            "1:6: unsupported in adgen: early returns in 'f' need too much code duplication; use 'if / else' and one 'return' per path",
        ])
        XCTAssertLessThan(seconds, 5)
    }
}
