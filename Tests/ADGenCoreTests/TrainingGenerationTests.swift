import XCTest
@testable import ADGenCore

/// Inline pairs: a loss and a declaration → the training code adgen writes for it.
final class TrainingGenerationTests: XCTestCase {
    static let loss = """
        @differentiable(reverse, wrt: w)
        func fit(w: [Double], x: [Double]) -> Double {
            return w[0] * w[0] * x[0]
        }

        """

    func generated(_ optimizer: String, modes: Set<Pipeline.Mode> = [.primal]) -> String {
        var options = Pipeline.Options(modes: modes)
        options.training = [TrainingDeclaration(loss: "fit", weights: "w", optimizer: optimizer)]
        return Pipeline.compile(SourceFile(path: "t.adg", text: Self.loss), options: options).swift ?? "(rejected)"
    }

    func testMomentumWindow() {
        XCTAssertTrue(generated("momentum").contains("""
            func fitMomentum(w: [Double], x: [Double], steps: Int, learningRate: Double, momentum: Double = 0.9, state: inout FitMomentumState) -> (w: [Double], loss: [Double]) {
                var momentumBuffer = state.momentumBuffer
                var w = w
                var loss = [Double](repeating: 0.0, count: steps)
                for k in 0..<steps {
                    let (value, dw) = fitGradient(w: w, x: x)
                    loss[k] = value
                    for i in 0..<w.count {
                        let g = dw[i]
                        momentumBuffer[i] = momentum * momentumBuffer[i] + g
                        w[i] -= learningRate * momentumBuffer[i]
                    }
                }
                state.momentumBuffer = momentumBuffer
                state.step += steps
                return (w: w, loss: loss)
            }
            """), generated("momentum"))
    }

    func testTheEntryStartsFromZeroState() {
        XCTAssertTrue(generated("sgd").contains("""
            func fitSGD(w: [Double], x: [Double], steps: Int, learningRate: Double) -> (w: [Double], loss: [Double]) {
                var state = FitSGDState(count: w.count)
                return fitSGD(w: w, x: x, steps: steps, learningRate: learningRate, state: &state)
            }
            """), generated("sgd"))
        XCTAssertTrue(generated("sgd").contains("""
            struct FitSGDState: Equatable, Sendable {
                /// The number of steps taken: the next step is step number `step` (0-based).
                var step: Int

                /// The state before the first step, for `count` weights: zero arrays, no steps taken.
                init(count: Int) {
                    step = 0
                }
            }
            """), generated("sgd"))
    }

    /// The loop's gradient is emitted whatever the modes: `fileprivate` when not asked for.
    func testTheGradientIsEmittedForTheLoop() {
        XCTAssertTrue(generated("rmsprop").contains("fileprivate func fitGradient(w: [Double], x: [Double]) -> (value: Double, dw: [Double])"))
        XCTAssertTrue(generated("rmsprop", modes: [.primal, .gradient]).contains("\nfunc fitGradient(w: [Double], x: [Double])"))
        XCTAssertTrue(generated("rmsprop").contains("""
                        squareAverage[i] = decay * squareAverage[i] + (1.0 - decay) * (g * g)
                        w[i] -= learningRate * g / (sqrt(squareAverage[i]) + epsilon)
            """))
        XCTAssertTrue(generated("adamw").contains("""
                        w[i] -= learningRate * weightDecay * w[i]
                        m[i] = beta1 * m[i] + (1.0 - beta1) * g
            """))
        XCTAssertTrue(generated("adamw").contains("learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0.01)"))
        XCTAssertTrue(generated("adagrad").contains("epsilon: Double = 1e-10"))
        XCTAssertTrue(generated("nesterov").contains("w[i] -= learningRate * (g + momentum * momentumBuffer[i])"))
    }

    /// With other active parameters the loop calls a gradient with respect to the weights alone.
    func testOtherActiveParametersGetAGradientVariant() {
        var options = Pipeline.Options()
        options.training = [TrainingDeclaration(loss: "fit", weights: "w", optimizer: "sgd")]
        let text = Self.loss.replacingOccurrences(of: "@differentiable(reverse, wrt: w)\n", with: "")
        let swift = Pipeline.compile(SourceFile(path: "t.adg", text: text), options: options).swift ?? ""
        XCTAssertTrue(swift.contains("fileprivate func fitGradient_wrt_w(w: [Double], x: [Double]) -> (value: Double, dw: [Double])"), swift)
        XCTAssertTrue(swift.contains("func fitGradient(w: [Double], x: [Double]) -> (value: Double, dw: [Double], dx: [Double])"), swift)
        XCTAssertTrue(swift.contains("let (value, dw) = fitGradient_wrt_w(w: w, x: x)"), swift)
    }

    func testRendererPrintsStructsAndParameterForms() {
        let parameter = SwiftModel.Parameter(label: "by", name: "rate", type: "Double", defaultValue: .raw("0.5"))
        let state = SwiftModel.Parameter(label: "state", name: "s", type: "S", isInout: true)
        XCTAssertEqual(SwiftRenderer.render([parameter, state]), "by rate: Double = 0.5, state s: inout S")
    }
}
