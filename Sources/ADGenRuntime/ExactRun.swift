import Foundation

/// A training run in exact fixed-point arithmetic that can be undone step by step, bit for
/// bit (user contract, section 7; Maclaurin, Duvenaud & Adams 2015).
///
/// It holds the weights and the optimizer state (momentum's `b`; Adam's `m` and `v`) as
/// 128-bit fixed-point integers, each variable on its own ``FixedPointScale``, the step
/// count, and one ``InformationBuffer`` per rate below one (momentum's `μ`; Adam's `β1` and
/// `β2`; AdamW's `1 − lr·λ` on the weights), which keeps exactly the bits those
/// multiplications destroy. Everything else is an exact integer addition, so it reverses
/// with a subtraction.
///
/// The generated `LOptExact` calls ``step(gradient:)`` once per step with the gradient at
/// ``weights`` (its `LGradient`); `LOptReverse` calls ``undoWeightUpdate()``, recomputes the
/// gradient at the recovered ``weights`` (it must be bit-identical to the forward one: make
/// minibatches depend on `step` only), and passes it to ``undoStateUpdate(gradient:)``.
///
/// Scales: the weights get 32 bits of headroom above `max(max |w₀|, 1)` (93 fraction bits
/// for weights below one); at the first step, `b`/`m` get 32 bits above the largest `|g|`
/// and `v` 64 bits above the largest `g²` of the first gradient (a zero gradient counts as
/// 1). Leaving those ranges stops the step with ``ExactArithmeticError``. A run that continues
/// from a state (``init(weights:optimizer:state:weightsName:)``) keeps it in `Double` until
/// its first step, whose scales cover both the gradient and that state.
///
/// For example:
/// ```swift
/// var run = ExactRun(weights: [1, -2], optimizer: .adam(learningRate: 0.01))
/// try run.step(gradient: [2, -4])      // the gradient of w·w at w
/// let step = run.undoWeightUpdate()    // 0: the step whose gradient to recompute
/// run.undoStateUpdate(gradient: [2, -4])
/// // run.weights == [1, -2], run.bufferBits == 128 again
/// ```
public struct ExactRun: Equatable, Sendable {
    /// The optimizer and its hyperparameters, fixed for the run.
    public let optimizer: ExactOptimizer
    /// The name of the weights in messages (`w` unless given).
    public let weightsName: String
    /// The step count: the starting state's (``firstStep``) plus the steps taken and not undone.
    public internal(set) var steps = 0
    /// The step count the run started from: 0, or the count of the state it continues.
    public let firstStep: Int
    /// The weights' fixed-point scale.
    public let weightScale: FixedPointScale
    /// The scales of `b`/`m` and of `v`, chosen at the first step from its gradient.
    public internal(set) var firstScale: FixedPointScale?
    public internal(set) var secondScale: FixedPointScale?

    var rawWeights: [Int128]
    /// Momentum's `b`, or Adam's `m`.
    var rawFirst: [Int128]
    /// Adam's `v`; empty for momentum.
    var rawSecond: [Int128]
    /// The buffer of `μ` (momentum) or `β1` (Adam, AdamW).
    var firstBuffer: InformationBuffer
    /// The buffer of `β2`; `nil` for momentum.
    var secondBuffer: InformationBuffer?
    /// The buffers of AdamW's `1 − lr·λ`, one per rate a step used (a learning-rate schedule
    /// uses several); the run's own rate's is made up front. Empty for momentum and Adam,
    /// and when `λ` is zero.
    var weightBuffers: [ExactRate: InformationBuffer] = [:]
    /// The state the run continues from, in `Double`, until the first step puts it on the
    /// scales it chooses; empty once converted, or for a run from the zero state.
    var pendingFirst: [Double] = []
    var pendingSecond: [Double] = []
    /// Whether the run started from the zero state: undoing every step forgets the scales.
    let startsFromZero: Bool
    /// The `Double` constants of the step equations.
    let coefficients: ExactCoefficients
    /// Set by ``undoWeightUpdate()``, cleared by ``undoStateUpdate(gradient:)``.
    var awaitingGradient = false

    /// A run at step 0 from `weights` (converted to the grid: weights that lie on it, such as
    /// multiples of 2⁻²⁰ of moderate size, are kept exactly), the optimizer state zero.
    /// `weightsName` names the weights in error messages.
    public init(weights: [Double], optimizer: ExactOptimizer, weightsName: String = "w") {
        self.init(weights: weights, optimizer: optimizer, firstStep: 0, weightsName: weightsName)
    }

    /// A run that continues training from `state` (momentum's `b` in `state.first`; Adam's `m`
    /// and `v` in `first` and `second`) at step `state.steps`, so bias corrections count on
    /// from there. The state is put on the grid at the first step (within 2⁻⁶⁰ relative of the
    /// largest entry); undoing every step gives it back in that form.
    ///
    /// For example: `ExactRun(weights: w, optimizer: .adam(learningRate: 0.01), state: s)`
    /// with `s` the `LOptState` an earlier window of training left.
    public init(weights: [Double], optimizer: ExactOptimizer, state: TrainingState, weightsName: String = "w") {
        let second = optimizer.hasSecondMoment
        precondition(state.first.count == weights.count && state.second.count == (second ? weights.count : 0),
                     "ExactRun: the state needs \(weights.count) entries per array (\(second ? "m and v" : "b")), "
                     + "got \(state.first.count) and \(state.second.count)")
        precondition(state.steps >= 0, "ExactRun: the state's step count must not be negative, got \(state.steps)")
        for (name, values) in [(second ? "m" : "b", state.first), ("v", state.second)] {
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                preconditionFailure(ExactArithmeticError.nonFinite(variable: name, index: index, step: state.steps).description)
            }
        }
        if let index = state.second.firstIndex(where: { $0 < 0 }) {
            preconditionFailure("ExactRun: v[\(index)] is negative (\(state.second[index])); Adam's second moment is a sum of squares")
        }
        self.init(weights: weights, optimizer: optimizer, firstStep: state.steps, weightsName: weightsName,
                  startsFromZero: state.first.allSatisfy { $0 == 0 } && state.second.allSatisfy { $0 == 0 })
        if !startsFromZero {
            pendingFirst = state.first
            pendingSecond = state.second
        }
    }

    private init(weights: [Double], optimizer: ExactOptimizer, firstStep: Int, weightsName: String,
                 startsFromZero: Bool = true) {
        self.firstStep = firstStep
        self.startsFromZero = startsFromZero
        steps = firstStep
        self.optimizer = optimizer
        self.weightsName = weightsName
        coefficients = ExactCoefficients(optimizer)
        let magnitude = weights.reduce(1) { Swift.max($0, $1.magnitude) }
        let scale = FixedPointScale(magnitude: magnitude, headroomBits: 32)
        weightScale = scale
        rawWeights = weights.enumerated().map { index, value in
            guard let raw = scale.raw(value) else {
                preconditionFailure(ExactArithmeticError.nonFinite(variable: weightsName, index: index, step: 0).description)
            }
            return raw
        }
        rawFirst = Array(repeating: 0, count: weights.count)
        rawSecond = optimizer.hasSecondMoment ? Array(repeating: 0, count: weights.count) : []
        let rates = ExactRun.rates(of: optimizer)
        firstBuffer = InformationBuffer(rate: rates.first)
        secondBuffer = rates.second.map(InformationBuffer.init(rate:))
        if let rate = rates.weights { weightBuffers[rate] = InformationBuffer(rate: rate) }
    }

    /// The exact rates of the optimizer's decays: `μ` or `β1`, `β2`, and AdamW's `1 − lr·λ`.
    static func rates(of optimizer: ExactOptimizer) -> (first: ExactRate, second: ExactRate?, weights: ExactRate?) {
        switch optimizer {
        case let .momentum(_, momentum):
            return (ExactRate(momentum), nil, nil)
        case let .adam(_, beta1, beta2, _):
            return (ExactRate(beta1), ExactRate(beta2), nil)
        case let .adamW(learningRate, beta1, beta2, _, weightDecay):
            return (ExactRate(beta1), ExactRate(beta2), decayRate(learningRate: learningRate, weightDecay: weightDecay))
        }
    }

    /// AdamW's weight decay `1 − lr·λ` as an exact rate; `nil` when it is 1 (no decay).
    static func decayRate(learningRate: Double, weightDecay: Double) -> ExactRate? {
        let decay = 1 - learningRate * weightDecay
        return decay == 1 ? nil : ExactRate(decay)
    }

    /// The weight-decay rate of the run's own learning rate (its buffer is made up front).
    var ownWeightDecayRate: ExactRate? { weightDecayRate(learningRate: optimizer.learningRate) }

    /// The weight-decay rate of a step with `learningRate`: `nil` but for AdamW with `lr·λ ≠ 0`.
    func weightDecayRate(learningRate: Double) -> ExactRate? {
        guard case let .adamW(_, _, _, _, weightDecay) = optimizer else { return nil }
        return ExactRun.decayRate(learningRate: learningRate, weightDecay: weightDecay)
    }
}
