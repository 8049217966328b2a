import ADGenCore

extension PointSpec {
    /// The spec with `--param` values put in for the parameters they name.
    func applying(_ values: [ParameterValue], to function: IR.Function) -> PointSpec {
        var spec = self
        for value in values where value.function == nil || value.function == function.name {
            guard let index = function.parameters.firstIndex(where: { $0.name == value.name }),
                  index < spec.arguments.count else { continue }
            spec.arguments[index].value = value.value
        }
        return spec
    }

    /// Why the spec cannot call `function`, or nil when it can.
    func problem(for function: IR.Function) -> String? {
        guard arguments.count == function.parameters.count else {
            return "'\(self)' passes \(arguments.count) arguments, '\(function.name)' takes \(function.parameters.count)"
        }
        for (position, (argument, parameter)) in zip(arguments, function.parameters).enumerated() {
            guard argument.label == parameter.label else {
                return "'\(self)': argument \(position + 1) is labelled '\(argument.label ?? "_")', "
                    + "the parameter's label is '\(parameter.label ?? "_")'"
            }
            guard Self.swiftValue(argument.value, type: parameter.type) != nil else {
                return "'\(self)': argument \(position + 1) (\(parameter.name): \(parameter.type)) cannot be \(argument.value)"
            }
            if case let .random(_, low, high) = argument.value, let lo = Double(low), let hi = Double(high), !(lo <= hi) {
                return "'\(self)': argument \(position + 1) draws from an empty range \(low)...\(high)"
            }
        }
        return nil
    }

    /// The Swift expression for a spec value of the given parameter type, drawing from
    /// a `SplitMix64` named `rng`; nil when the value does not fit the type.
    static func swiftValue(_ value: Value, type: IRType) -> String? {
        switch (value, type) {
        case (.random(nil, let low, let high), .double):
            return "rng.uniform(in: (\(low))...(\(high)))"
        case (.random(let count?, let low, let high), .doubleArray):
            return "rng.uniformVector(count: \(count), in: (\(low))...(\(high)))"
        case (.literal(.number(let text)), .double):
            return text
        case (.literal(.number(let text)), .int) where Int(text) != nil:
            return text
        case (.literal(.array(let elements)), .doubleArray):
            return Literal.array(elements).spelling
        case (.literal(.array(let elements)), .intArray) where elements.allSatisfy({ Int($0) != nil }):
            return Literal.array(elements).spelling
        case (.literal(.bool(let flag)), .bool):
            return flag ? "true" : "false"
        default:
            return nil
        }
    }
}
