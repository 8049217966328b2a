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
/// 1). Leaving those ranges stops the step with ``ExactArithmeticError``.
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
    /// The number of steps taken and not undone.
    public internal(set) var steps = 0
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
    /// The buffer of AdamW's `1 − lr·λ`; `nil` otherwise, or when `lr·λ` is zero.
    var weightBuffer: InformationBuffer?
    /// The `Double` constants of the step equations.
    let coefficients: ExactCoefficients
    /// Set by ``undoWeightUpdate()``, cleared by ``undoStateUpdate(gradient:)``.
    var awaitingGradient = false

    /// A run at step 0 from `weights` (converted to the grid: weights that lie on it, such as
    /// multiples of 2⁻²⁰ of moderate size, are kept exactly), the optimizer state zero.
    /// `weightsName` names the weights in error messages.
    public init(weights: [Double], optimizer: ExactOptimizer, weightsName: String = "w") {
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
        weightBuffer = rates.weights.map(InformationBuffer.init(rate:))
    }

    /// The exact rates of the optimizer's decays: `μ` or `β1`, `β2`, and AdamW's `1 − lr·λ`.
    static func rates(of optimizer: ExactOptimizer) -> (first: ExactRate, second: ExactRate?, weights: ExactRate?) {
        switch optimizer {
        case let .momentum(_, momentum):
            return (ExactRate(momentum), nil, nil)
        case let .adam(_, beta1, beta2, _):
            return (ExactRate(beta1), ExactRate(beta2), nil)
        case let .adamW(learningRate, beta1, beta2, _, weightDecay):
            let decay = 1 - learningRate * weightDecay
            return (ExactRate(beta1), ExactRate(beta2), decay == 1 ? nil : ExactRate(decay))
        }
    }
}
