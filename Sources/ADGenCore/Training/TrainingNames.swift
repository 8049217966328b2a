/// The local names of one training function: the contract's names where free, else
/// with `_` added (a loss may have a parameter named `loss`, `g` or `state`).
struct TrainingNames {
    var state: String
    var losses: String
    var start: String
    var stepIndex: String
    var step: String
    var time: String
    var value: String
    var gradient: String
    var stateArrays: [String]
    var run: String
    var optimizerStep: OptimizerStep.Names

    init(_ plan: TrainingPlan) {
        var allocator = NameAllocator(reserving: Set(plan.loss.parameters.map(\.name)
            + plan.optimizer.hyperparameters.map(\.label) + [Naming.Training.stepsLabel, plan.gradientName]))
        state = allocator.fresh(Naming.Training.stateLabel)
        losses = allocator.fresh(Naming.Training.losses)
        start = allocator.fresh(Naming.Training.start)
        stepIndex = allocator.fresh(Naming.Training.stepIndex)
        step = plan.stepParameter?.name ?? allocator.fresh(Naming.Training.step)
        time = allocator.fresh(Naming.Training.time)
        value = allocator.fresh(Naming.Training.value)
        gradient = allocator.fresh(Naming.adjointLabel(plan.weights.name))
        stateArrays = plan.optimizer.stateArrays.map { allocator.fresh($0.name) }
        run = allocator.fresh(Naming.Training.run)
        optimizerStep = OptimizerStep.Names(
            weights: plan.weights.name, index: allocator.fresh(Naming.Training.weightIndex),
            gradient: allocator.fresh(Naming.Training.gradientElement), state: stateArrays, time: time,
            firstCorrection: allocator.fresh(Naming.Training.firstCorrection),
            secondCorrection: allocator.fresh(Naming.Training.secondCorrection))
    }
}
