/// The training loop of a ``TrainingPlan`` as IR: per step, the gradient of the loss
/// at the current weights (its value is the step's loss), then the optimizer's update
/// of every weight (``OptimizerStep``). The loop allocates nothing: the weights, the
/// state arrays and the losses exist before it; only the gradient call returns an array.
///
/// For example, for SGD on `trainLoss(w:x:)`:
///
///     for k in 0..<steps {
///         let (value, dw) = trainLossGradient(w: w, x: x)
///         loss[k] = value
///         for i in 0..<w.count {
///             let g = dw[i]
///             w[i] -= learningRate * g
///         }
///     }
enum TrainingLoop {
    /// `var w = w`, the losses, and the loop; `start` is the state's step count.
    static func body(_ plan: TrainingPlan, _ names: TrainingNames) -> [IR.Statement] {
        let w = plan.weights
        return [
            IR.Statement(.declare(name: w.name, type: .doubleArray, mutable: true, value: .variable(w.name, .doubleArray),
                                  annotated: false)),
            IR.Statement(.declare(name: names.losses, type: .doubleArray, mutable: true,
                                  value: IR.Expression(.repeating(value: .lit(0), count: .variable(Naming.Training.stepsLabel, .int)),
                                                       .doubleArray),
                                  annotated: false)),
            IR.Statement(.forLoop(IR.ForLoop(index: names.stepIndex,
                                             sequence: .range(lower: .int(0), upper: .variable(Naming.Training.stepsLabel, .int),
                                                              closed: false),
                                             body: step(plan, names)))),
        ]
    }

    /// The loop as an IR function, for `--dump-after train`: the windowed `LOpt` without
    /// its state parameter, whose arrays and step count appear as free names.
    static func function(_ plan: TrainingPlan) -> IR.Function {
        let names = TrainingNames(plan)
        let parameters = plan.trainingParameters + [IR.Parameter(label: Naming.Training.stepsLabel,
                                                                 name: Naming.Training.stepsLabel, type: .int)]
            + plan.optimizer.hyperparameters.map { IR.Parameter(label: $0.label, name: $0.label, type: .double) }
        let result = IR.Statement(.returnValues([.variable(plan.weights.name, .doubleArray),
                                                 .variable(names.losses, .doubleArray)]))
        return IR.Function(name: plan.functionName, docComment: [], parameters: parameters,
                           results: [IR.Result(label: plan.weights.name, type: .doubleArray),
                                     IR.Result(label: Naming.Training.losses, type: .doubleArray)],
                           wrt: [], body: body(plan, names) + [result], location: plan.loss.location)
    }

    /// Whether the loop reads the state's step count (for `step` or Adam's `t`).
    static func needsStart(_ plan: TrainingPlan) -> Bool {
        plan.stepParameter != nil || plan.optimizer.usesBiasCorrection
    }

    /// One step: step number, gradient, loss, per-step constants, the update of every weight.
    static func step(_ plan: TrainingPlan, _ names: TrainingNames) -> [IR.Statement] {
        let start = IR.Expression.variable(names.start, .int)
        let k = IR.Expression.variable(names.stepIndex, .int)
        var body: [IR.Statement] = []
        if plan.stepParameter != nil {
            body.append(IR.Statement(.declare(name: names.step, type: .int, mutable: false, value: start + k, annotated: false)))
        }
        if plan.optimizer.usesBiasCorrection {
            let step = plan.stepParameter == nil ? start + k : .variable(names.step, .int)
            let t = IR.Expression(.intToDouble(step + .int(1)), .double)
            body.append(IR.Statement(.declare(name: names.time, type: .double, mutable: false, value: t, annotated: false)))
        }
        body.append(gradientCall(plan, names))
        body.append(IR.Statement(.store(array: names.losses, index: k, op: nil, value: .variable(names.value, .double))))
        body += OptimizerStep.perStep(plan.optimizer, names.optimizerStep)
        let i = names.optimizerStep.index
        let update = [IR.Statement(.declare(name: names.optimizerStep.gradient, type: .double, mutable: false,
                                            value: .element(names.gradient, .variable(i, .int)), annotated: false))]
            + OptimizerStep.perWeight(plan.optimizer, names.optimizerStep)
        let count = IR.Expression(.count(array: plan.weights.name), .int)
        body.append(IR.Statement(.forLoop(IR.ForLoop(index: i, sequence: .range(lower: .int(0), upper: count, closed: false),
                                                     body: update))))
        return body
    }

    /// `let (value, dw) = LGradient(p1: p1, ..., step: step, ...)`.
    static func gradientCall(_ plan: TrainingPlan, _ names: TrainingNames) -> IR.Statement {
        let arguments = plan.loss.parameters.map { parameter in
            let name = parameter.name == plan.stepParameter?.name ? names.step : parameter.name
            return IR.Argument(label: parameter.label, value: .variable(name, parameter.type))
        }
        return IR.Statement(.destructure(names: [names.value, names.gradient], types: [.double, .doubleArray],
                                         call: IR.Call(function: plan.gradientName, arguments: arguments)))
    }
}
