import Foundation

/// A C `main` that checks every point of every C fixture against its generated C: JVP
/// against central finite differences, the dot-product test ⟨gradient, v⟩ = JVP(v),
/// `_vjp` adding into its arrays, HVP against finite differences of the gradient; and
/// prints each primal value's bits for the comparison with Swift.
enum CHarness {
    static func program(_ points: [CCheckPoint]) -> String {
        var lines = [
            "#include <math.h>", "#include <stdio.h>", "#include <string.h>", "",
            "static int failures = 0;",
            "static void expect(const char *name, const char *what, double got, double want, double tolerance) {",
            "    if (!(fabs(got - want) <= tolerance * (1.0 + fabs(want)))) {",
            "        printf(\"FAIL %s %s got %.17g want %.17g\\n\", name, what, got, want);",
            "        failures++;",
            "    }",
            "}",
            "static void bits(const char *name, double value) {",
            "    unsigned long long word;",
            "    memcpy(&word, &value, sizeof word);",
            "    printf(\"PRIMAL %s %016llx\\n\", name, word);",
            "}",
        ]
        var seen: Set<String> = []
        for point in points where seen.insert(point.function).inserted { lines += prototypes(point) }
        lines.append("int main(void) {")
        for (index, point) in points.enumerated() { lines += check(point, label: "\(point.function)#\(index)") }
        lines += ["    printf(\"DONE %d\\n\", failures);", "    return failures != 0;", "}"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func cType(_ value: CCheckPoint.Value) -> String {
        switch value {
        case .double: return "double"
        case .int: return "int"
        case .array: return "const double *"
        }
    }

    static func prototypes(_ point: CCheckPoint) -> [String] {
        let f = point.function
        let primal = point.arguments.map(cType)
        let active = point.arguments.filter(\.isActive)
        let out = active.map { _ in "double *" }
        return [
            "double \(f)(\(primal.joined(separator: ", ")));",
            "double \(f)_jvp(\((primal + active.map(cType) + ["double *"]).joined(separator: ", ")));",
            "double \(f)_vjp(\((primal + ["double"] + out).joined(separator: ", ")));",
            "double \(f)_gradient(\((primal + out).joined(separator: ", ")));",
            "double \(f)_hvp(\((primal + active.map(cType) + out + out).joined(separator: ", ")));",
        ]
    }

    static func literal(_ value: Double) -> String { "\(value)" }

    /// Declares `name` with `value` (arrays as arrays) and returns the C declaration.
    static func declare(_ name: String, _ value: CCheckPoint.Value) -> String {
        switch value {
        case .double(let x): return "    double \(name) = \(literal(x));"
        case .int(let k): return "    int \(name) = \(k);"
        case .array(let xs): return "    double \(name)[\(xs.count)] = {\(xs.map(literal).joined(separator: ", "))};"
        }
    }

    /// A zeroed output of the shape of `value`, passed as a pointer.
    static func output(_ name: String, _ value: CCheckPoint.Value) -> (declaration: String, argument: String) {
        if case .array(let xs) = value { return ("    double \(name)[\(xs.count)] = {0};", name) }
        return ("    double \(name) = 0;", "&" + name)
    }

    static func check(_ point: CCheckPoint, label: String) -> [String] {
        let f = point.function
        let arguments = point.arguments
        let activeIndices = arguments.indices.filter { arguments[$0].isActive }
        var lines = ["    {", "    const char *name = \"\(label)\";", "    const double h = 1e-6;"]
        lines += arguments.enumerated().map { declare("a\($0)", $1) }
        lines += zip(activeIndices, point.direction).map { declare("v\($0)", $1) }
        // Shifted copies a ± h v for the finite differences.
        for (index, direction) in zip(activeIndices, point.direction) {
            switch (arguments[index], direction) {
            case let (.array(xs), .array):
                lines.append("    double p\(index)[\(xs.count)], m\(index)[\(xs.count)];")
                lines.append("    for (int k = 0; k < \(xs.count); k++) { p\(index)[k] = a\(index)[k] + h * v\(index)[k]; m\(index)[k] = a\(index)[k] - h * v\(index)[k]; }")
            default:
                lines.append("    double p\(index) = a\(index) + h * v\(index), m\(index) = a\(index) - h * v\(index);")
            }
        }
        let plain = arguments.indices.map { "a\($0)" }
        let plus = arguments.indices.map { activeIndices.contains($0) ? "p\($0)" : "a\($0)" }
        let minus = arguments.indices.map { activeIndices.contains($0) ? "m\($0)" : "a\($0)" }
        let directions = activeIndices.map { "v\($0)" }
        func outputs(_ prefix: String) -> [String] {
            activeIndices.map { index in
                let made = output("\(prefix)\(index)", arguments[index])
                lines.append(made.declaration)
                return made.argument
            }
        }
        let gradient = outputs("g")
        let again = outputs("r")
        let gradientPlus = outputs("gp")
        let gradientMinus = outputs("gm")
        let hvGradient = outputs("hg")
        let hv = outputs("hv")
        lines += [
            "    double value = \(f)(\(plain.joined(separator: ", ")));",
            "    bits(name, value);",
            "    double tangent = 0;",
            "    expect(name, \"jvp value\", \(f)_jvp(\((plain + directions + ["&tangent"]).joined(separator: ", "))), value, 0);",
            "    expect(name, \"gradient value\", \(f)_gradient(\((plain + gradient).joined(separator: ", "))), value, 0);",
            "    double fd = (\(f)(\(plus.joined(separator: ", "))) - \(f)(\(minus.joined(separator: ", ")))) / (2 * h);",
            "    expect(name, \"jvp against finite differences\", tangent, fd, 1e-6);",
            "    double dot = 0;",
        ]
        for index in activeIndices {
            if case .array(let xs) = arguments[index] {
                lines.append("    for (int k = 0; k < \(xs.count); k++) dot += g\(index)[k] * v\(index)[k];")
            } else {
                lines.append("    dot += g\(index) * v\(index);")
            }
        }
        lines.append("    expect(name, \"dot-product test\", dot, tangent, 1e-12);")
        // _vjp adds: seed 2 into zeroed arrays, then seed 1 again, gives 3 times the gradient.
        lines.append("    \(f)_vjp(\((plain + ["2.0"] + again).joined(separator: ", ")));")
        lines.append("    \(f)_vjp(\((plain + ["1.0"] + again).joined(separator: ", ")));")
        lines.append("    \(f)_gradient(\((plus + gradientPlus).joined(separator: ", ")));")
        lines.append("    \(f)_gradient(\((minus + gradientMinus).joined(separator: ", ")));")
        lines.append("    expect(name, \"hvp value\", \(f)_hvp(\((plain + directions + hvGradient + hv).joined(separator: ", "))), value, 0);")
        for index in activeIndices {
            let count: Int? = { if case .array(let xs) = arguments[index] { return xs.count } else { return nil } }()
            let (open, at) = count.map { ("    for (int k = 0; k < \($0); k++) {", "[k]") } ?? ("    {", "")
            lines += [
                open,
                "        expect(name, \"vjp adds into its outputs\", r\(index)\(at), 3 * g\(index)\(at), 1e-14);",
                "        expect(name, \"hvp gradient\", hg\(index)\(at), g\(index)\(at), 1e-14);",
                "        expect(name, \"hvp against finite differences\", hv\(index)\(at), (gp\(index)\(at) - gm\(index)\(at)) / (2 * h), 1e-5);",
                "    }",
            ]
        }
        return lines + ["    }"]
    }
}
