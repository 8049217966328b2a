/// The contract's update equations (section 7) as IR statements, exactly in the
/// order of the table: each statement is one Swift line of the generated loop, and
/// the IR tree fixes the floating-point operations, so the generated `Double` loop
/// equals a hand-written loop of the same equations bit for bit.
///
/// For example, Adam's update of weight `i` with gradient element `g`:
///
///     m[i] = beta1 * m[i] + (1.0 - beta1) * g
///     v[i] = beta2 * v[i] + (1.0 - beta2) * (g * g)
///     w[i] -= learningRate * (m[i] / correction1) / (sqrt(v[i] / correction2) + epsilon)
enum OptimizerStep {
    /// The names the equations read and write.
    struct Names {
        var weights: String
        var index: String
        var gradient: String
        /// The state arrays, in ``Optimizer/stateArrays`` order.
        var state: [String]
        /// `Double(t)`, the 1-based step number (Adam and AdamW).
        var time: String
        var firstCorrection: String
        var secondCorrection: String
    }

    /// Statements once per step, before the loop over the weights: Adam's bias corrections.
    static func perStep(_ optimizer: Optimizer, _ names: Names) -> [IR.Statement] {
        guard optimizer.usesBiasCorrection else { return [] }
        let t = IR.Expression.variable(names.time, .double)
        return [
            declare(names.firstCorrection, lit(1) - pow(hyper("beta1"), t)),
            declare(names.secondCorrection, lit(1) - pow(hyper("beta2"), t)),
        ]
    }

    /// The update of weight `names.index` with gradient element `names.gradient`.
    static func perWeight(_ optimizer: Optimizer, _ names: Names) -> [IR.Statement] {
        let g = IR.Expression.variable(names.gradient, .double)
        let w = element(names.weights, names)
        let lr = hyper("learningRate")
        func state(_ position: Int) -> IR.Expression { element(names.state[position], names) }
        switch optimizer {
        case .sgd:
            return [subtract(names.weights, lr * g, names)]
        case .momentum:
            return [store(names.state[0], hyper("momentum") * state(0) + g, names),
                    subtract(names.weights, lr * state(0), names)]
        case .nesterov:
            return [store(names.state[0], hyper("momentum") * state(0) + g, names),
                    subtract(names.weights, lr * (g + hyper("momentum") * state(0)), names)]
        case .rmsprop:
            let decay = hyper("decay")
            return [store(names.state[0], decay * state(0) + (lit(1) - decay) * (g * g), names),
                    subtract(names.weights, lr * g / (sqrt(state(0)) + hyper("epsilon")), names)]
        case .adagrad:
            return [IR.Statement(.store(array: names.state[0], index: index(names), op: .add, value: g * g)),
                    subtract(names.weights, lr * g / (sqrt(state(0)) + hyper("epsilon")), names)]
        case .adam:
            return adam(names, g: g)
        case .adamw:
            return [subtract(names.weights, lr * hyper("weightDecay") * w, names)] + adam(names, g: g)
        }
    }

    /// Adam's moments and bias-corrected update (AdamW's too, after the weight decay).
    static func adam(_ names: Names, g: IR.Expression) -> [IR.Statement] {
        let beta1 = hyper("beta1"), beta2 = hyper("beta2")
        let m = element(names.state[0], names), v = element(names.state[1], names)
        let mHat = m / .variable(names.firstCorrection, .double)
        let vHat = v / .variable(names.secondCorrection, .double)
        return [
            store(names.state[0], beta1 * m + (lit(1) - beta1) * g, names),
            store(names.state[1], beta2 * v + (lit(1) - beta2) * (g * g), names),
            subtract(names.weights, hyper("learningRate") * mHat / (sqrt(vHat) + hyper("epsilon")), names),
        ]
    }

    /// A hyperparameter: its label is its name inside the training function.
    static func hyper(_ label: String) -> IR.Expression { .variable(label, .double) }

    static func index(_ names: Names) -> IR.Expression { .variable(names.index, .int) }

    static func element(_ array: String, _ names: Names) -> IR.Expression { .element(array, index(names)) }

    static func store(_ array: String, _ value: IR.Expression, _ names: Names) -> IR.Statement {
        IR.Statement(.store(array: array, index: index(names), op: nil, value: value))
    }

    static func subtract(_ array: String, _ value: IR.Expression, _ names: Names) -> IR.Statement {
        IR.Statement(.store(array: array, index: index(names), op: .subtract, value: value))
    }

    static func declare(_ name: String, _ value: IR.Expression) -> IR.Statement {
        IR.Statement(.declare(name: name, type: .double, mutable: false, value: value, annotated: false))
    }
}
