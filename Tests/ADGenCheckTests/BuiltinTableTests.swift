@testable import ADGenCore
import ADGenRuntime
import ADGenCheckSupport
import Foundation
import Numerics
import XCTest

/// Every `Builtin` case has all of its rules: derivative partials (forward mode's
/// tangent rule and reverse mode's adjoint rule both read them) that agree with central
/// differences, a complex-step runtime function that agrees with them, a C spelling, and
/// an entry in Docs/LanguageReference.md. The switches below have no `default`, so a
/// new case does not compile until it is added here too.
final class BuiltinTableTests: XCTestCase {
    /// Foundation's function, or the runtime's for the internal `polygamma` (its order
    /// is `x[0]`).
    static func real(_ builtin: Builtin) -> ([Double]) -> Double {
        switch builtin {
        case .sin: return { sin($0[0]) }
        case .cos: return { cos($0[0]) }
        case .tan: return { tan($0[0]) }
        case .asin: return { asin($0[0]) }
        case .acos: return { acos($0[0]) }
        case .atan: return { atan($0[0]) }
        case .atan2: return { atan2($0[0], $0[1]) }
        case .sinh: return { sinh($0[0]) }
        case .cosh: return { cosh($0[0]) }
        case .tanh: return { tanh($0[0]) }
        case .exp: return { exp($0[0]) }
        case .exp2: return { exp2($0[0]) }
        case .log: return { log($0[0]) }
        case .log2: return { log2($0[0]) }
        case .log10: return { log10($0[0]) }
        case .log1p: return { log1p($0[0]) }
        case .expm1: return { expm1($0[0]) }
        case .sqrt: return { sqrt($0[0]) }
        case .cbrt: return { cbrt($0[0]) }
        case .pow: return { pow($0[0], $0[1]) }
        case .hypot: return { hypot($0[0], $0[1]) }
        case .abs: return { abs($0[0]) }
        case .min: return { min($0[0], $0[1]) }
        case .max: return { max($0[0], $0[1]) }
        case .floor: return { floor($0[0]) }
        case .ceil: return { ceil($0[0]) }
        case .erf: return { erf($0[0]) }
        case .erfc: return { erfc($0[0]) }
        case .lgamma: return { x -> Double in lgamma(x[0]) }
        case .polygamma: return { polygamma(Int($0[0]), $0[1]) }
        }
    }

    /// The complex-step runtime function, with the name the translator writes.
    static func complexStep(_ builtin: Builtin) -> (name: String, function: ([Complex<Double>]) -> Complex<Double>) {
        switch builtin {
        case .sin: return ("csSin", { csSin($0[0]) })
        case .cos: return ("csCos", { csCos($0[0]) })
        case .tan: return ("csTan", { csTan($0[0]) })
        case .asin: return ("csAsin", { csAsin($0[0]) })
        case .acos: return ("csAcos", { csAcos($0[0]) })
        case .atan: return ("csAtan", { csAtan($0[0]) })
        case .atan2: return ("csAtan2", { csAtan2($0[0], $0[1]) })
        case .sinh: return ("csSinh", { csSinh($0[0]) })
        case .cosh: return ("csCosh", { csCosh($0[0]) })
        case .tanh: return ("csTanh", { csTanh($0[0]) })
        case .exp: return ("csExp", { csExp($0[0]) })
        case .exp2: return ("csExp2", { csExp2($0[0]) })
        case .log: return ("csLog", { csLog($0[0]) })
        case .log2: return ("csLog2", { csLog2($0[0]) })
        case .log10: return ("csLog10", { csLog10($0[0]) })
        case .log1p: return ("csLog1p", { csLog1p($0[0]) })
        case .expm1: return ("csExpm1", { csExpm1($0[0]) })
        case .sqrt: return ("csSqrt", { csSqrt($0[0]) })
        case .cbrt: return ("csCbrt", { csCbrt($0[0]) })
        case .pow: return ("csPow", { csPow($0[0], $0[1]) })
        case .hypot: return ("csHypot", { csHypot($0[0], $0[1]) })
        case .abs: return ("csAbs", { csAbs($0[0]) })
        case .min: return ("csMin", { csMin($0[0], $0[1]) })
        case .max: return ("csMax", { csMax($0[0], $0[1]) })
        case .floor: return ("csFloor", { csFloor($0[0]) })
        case .ceil: return ("csCeil", { csCeil($0[0]) })
        case .erf: return ("csErf", { csErf($0[0]) })
        case .erfc: return ("csErfc", { csErfc($0[0]) })
        case .lgamma: return ("csLgamma", { csLgamma($0[0]) })
        case .polygamma: return ("csPolygamma", { csPolygamma(Int($0[0].real), $0[1]) })
        }
    }

    /// Points inside each builtin's smooth domain, away from kinks; `polygamma`'s
    /// first argument is its (integer) order.
    static func points(_ builtin: Builtin) -> [[Double]] {
        switch builtin.arity {
        case 2 where builtin == .polygamma: return [[0, 0.7], [1, 3.2], [0, -2.4], [1, -0.6], [2, 11.5]]
        case 2: return [[0.8, 1.7], [1.9, 0.6], [0.3, 1.2]]
        default:
            let oneSided: Set<Builtin> = [.log, .log2, .log10, .sqrt, .lgamma]
            return oneSided.contains(builtin) ? [[0.3], [1.7], [6.5]] : [[-0.55], [0.35], [0.8]]
        }
    }

    /// The partials at `x`, the result `y` given to the rule as a variable (`nil` is 0).
    func evaluatePartials(_ builtin: Builtin, at x: [Double]) throws -> [Double] {
        let names = x.indices.map { "x\($0)" }
        let arguments = zip(names, x).map { name, value -> IR.Expression in
            builtin == .polygamma && name == "x0" ? .int(Int(value)) : .variable(name, .double)
        }
        var values = Dictionary(uniqueKeysWithValues: zip(names, x))
        values["y"] = Self.real(builtin)(x)
        let partials = builtin.partials(arguments, .variable("y", .double))
        XCTAssertEqual(partials.count, builtin.arity, "\(builtin): one partial per argument")
        return try partials.map { try $0.map { try IRValue.evaluate($0, values) } ?? 0 }
    }

    func testPartialsAgreeWithCentralDifferences() throws {
        for builtin in Builtin.allCases {
            for x in Self.points(builtin) {
                let partials = try evaluatePartials(builtin, at: x)
                for i in x.indices where !(builtin == .polygamma && i == 0) {
                    let reference = FiniteDifferences.derivative(of: { (t: Double) -> Double in
                        var moved = x
                        moved[i] = t
                        return Self.real(builtin)(moved)
                    }, at: x[i], order: .fourth)
                    XCTAssertLessThan(relativeError(partials[i], reference, floor: 1e-3), 1e-7,
                                      "\(builtin) ∂/∂x\(i) at \(x): rule \(partials[i]), differences \(reference)")
                }
            }
        }
    }

    func testComplexStepFunctionsAgreeWithThePartials() throws {
        let h = 1e-20
        for builtin in Builtin.allCases {
            let (name, function) = Self.complexStep(builtin)
            XCTAssertEqual(builtin.complexStepName, name)
            for x in Self.points(builtin) {
                let partials = try evaluatePartials(builtin, at: x)
                for i in x.indices where !(builtin == .polygamma && i == 0) {
                    let z = x.indices.map { Complex(x[$0], $0 == i ? h : 0) }
                    let (re, im) = function(z).rawStorage
                    XCTAssertEqual(re, Self.real(builtin)(x), "\(name) real part at \(x)")
                    XCTAssertLessThan(relativeError(im / h, partials[i], floor: 1e-300), 1e-13,
                                      "\(name) ∂/∂x\(i) at \(x): \(im / h) vs rule \(partials[i])")
                }
            }
        }
    }

    /// The naming table of the runtime lists exactly `Builtin.allCases`, in order.
    func testNamingTableIsBuiltinAllCases() {
        XCTAssertEqual(ComplexStepNames.builtins.map(\.builtin), Builtin.allCases.map(\.rawValue))
        for (builtin, entry) in zip(Builtin.allCases, ComplexStepNames.builtins) {
            XCTAssertEqual(entry.function, builtin.complexStepName)
        }
    }

    /// A `<math.h>` function of C99, or a static helper the file carries.
    func testEveryBuiltinHasACSpelling() {
        let c99: Set = ["sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp", "exp2",
                        "log", "log2", "log10", "log1p", "expm1", "sqrt", "cbrt", "pow", "hypot", "fabs", "floor",
                        "ceil", "erf", "erfc", "lgamma"]
        for builtin in Builtin.allCases {
            let spelling = CTranslator.spelling(of: builtin, onInts: false)
            if let helper = spelling.helper {
                XCTAssertTrue(helper.definition.contains { $0.hasPrefix("static double \(spelling.name)(") }, "\(builtin)")
            } else {
                XCTAssertTrue(c99.contains(spelling.name), "\(builtin) is '\(spelling.name)', not a C99 <math.h> function")
            }
        }
    }

    /// A row of Docs/LanguageReference.md's "Builtin functions" shows the call.
    func testEveryBuiltinIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("Docs/LanguageReference.md"), encoding: .utf8)
        let start = try XCTUnwrap(page.range(of: "## Builtin functions"))
        let rest = page[start.upperBound...]
        let text = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        for builtin in Builtin.allCases {
            XCTAssertTrue(text.contains("`\(builtin.rawValue)("), "\(builtin) has no entry under Builtin functions")
            if builtin.isInternal { XCTAssertTrue(text.contains(builtin.swiftName), "\(builtin): its generated name") }
        }
    }

    /// Generated Swift's `adgenPolygamma` is the runtime's `polygamma` line for line.
    func testGeneratedPolygammaIsTheRuntimes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent("Sources/ADGenRuntime/Polygamma.swift"), encoding: .utf8)
        let runtime = source.components(separatedBy: "\n").drop { !$0.hasPrefix("public func polygamma(") }
        let generated = RuntimeSupport.polygamma.drop { !$0.hasPrefix("fileprivate func adgenPolygamma(") }
            .map { $0.replacingOccurrences(of: "fileprivate func adgenPolygamma(", with: "public func polygamma(")
                .replacingOccurrences(of: "adgenPolygamma(n, 1 - x)", with: "polygamma(n, 1 - x)") }
        var lines = Array(runtime)
        while lines.last == "" { lines.removeLast() }
        XCTAssertEqual(lines, Array(generated))
    }

    func testInternalBuiltinsAreNotCallable() {
        XCTAssertNil(Builtin(callee: "polygamma"))
        XCTAssertEqual(Builtin(callee: "lgamma"), .lgamma)
        XCTAssertEqual(Builtin.allCases.filter(\.isInternal), [.polygamma])
    }
}

/// A small evaluator for the pure IR expressions derivative rules build.
enum IRValue {
    struct Unsupported: Error { let expression: String }

    static func evaluate(_ expression: IR.Expression, _ values: [String: Double]) throws -> Double {
        switch expression.kind {
        case .double(let value, _): return value
        case .int(let value, _): return Double(value)
        case .bool(let value): return value ? 1 : 0
        case .pi: return Double.pi
        case .variable(let name):
            guard let value = values[name] else { throw Unsupported(expression: name) }
            return value
        case .unary(let op, let operand):
            let value = try evaluate(operand, values)
            return op == .negate ? -value : (value == 0 ? 1 : 0)
        case let .binary(op, lhs, rhs):
            let (a, b) = (try evaluate(lhs, values), try evaluate(rhs, values))
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .less: return a < b ? 1 : 0
            case .lessEqual: return a <= b ? 1 : 0
            case .greater: return a > b ? 1 : 0
            case .greaterEqual: return a >= b ? 1 : 0
            case .equal: return a == b ? 1 : 0
            case .notEqual: return a != b ? 1 : 0
            default: throw Unsupported(expression: "\(op)")
            }
        case let .ternary(condition, then, otherwise):
            return try evaluate(condition, values) != 0 ? evaluate(then, values) : evaluate(otherwise, values)
        case let .builtin(builtin, arguments):
            return BuiltinTableTests.real(builtin)(try arguments.map { try evaluate($0, values) })
        default:
            throw Unsupported(expression: "\(expression.kind)")
        }
    }
}
