// The training tables of `make bench` (issue 9): the generated `LOpt` step against a
// hand-written loop of the same equations over the same generated gradient, the exact step
// (`LOptExact`) against the `Double` step, the inverse step (`LOptReverse`) against the exact
// forward step, and the information buffer against the entropy bound.
import ADGenRuntime
import Foundation

let trainingWeights = 1000
let trainingStepsPerCall = 50
let trainingTargets = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25, 0.0]
/// Weights on the fixed-point grid (multiples of 1/64), so exact runs start exactly there.
let trainingStart = (0..<trainingWeights).map { Double($0 % 37 - 18) / 64 }

/// Adam by hand over the generated gradient: the equations of the contract's table.
func handWrittenAdam(steps: Int, learningRate: Double, weightDecay: Double = 0) -> [Double] {
    var w = trainingStart
    var m = [Double](repeating: 0, count: w.count)
    var v = m
    for step in 0..<steps {
        let (_, g) = quadraticLossGradient(w: w, c: trainingTargets, step: step)
        let t = Double(step + 1)
        let correction1 = 1.0 - pow(0.9, t)
        let correction2 = 1.0 - pow(0.999, t)
        for i in 0..<w.count {
            if weightDecay != 0 { w[i] -= learningRate * weightDecay * w[i] }
            m[i] = 0.9 * m[i] + (1.0 - 0.9) * g[i]
            v[i] = 0.999 * v[i] + (1.0 - 0.999) * (g[i] * g[i])
            w[i] -= learningRate * (m[i] / correction1) / (sqrt(v[i] / correction2) + 1e-8)
        }
    }
    return w
}

/// Momentum by hand over the generated gradient.
func handWrittenMomentum(steps: Int, learningRate: Double) -> [Double] {
    var w = trainingStart
    var b = [Double](repeating: 0, count: w.count)
    for step in 0..<steps {
        let (_, g) = quadraticLossGradient(w: w, c: trainingTargets, step: step)
        for i in 0..<w.count {
            b[i] = 0.9 * b[i] + g[i]
            w[i] -= learningRate * b[i]
        }
    }
    return w
}

/// One optimizer's generated functions and hand-written loop, `steps` steps per call.
struct TrainingCase {
    let name: String
    let loop: (Int) -> [Double]
    let hand: (Int) -> [Double]
    let exact: (Int) -> ExactRun
    let reverse: (ExactRun, Int) -> ExactRun
}

func trainingCases() -> [TrainingCase] {
    let c = trainingTargets, w = trainingStart, lr = 0.01
    return [
        TrainingCase(name: "momentum", loop: { quadraticLossMomentum(w: w, c: c, steps: $0, learningRate: lr).w },
                     hand: { handWrittenMomentum(steps: $0, learningRate: lr) },
                     exact: { quadraticLossMomentumExact(w: w, c: c, steps: $0, learningRate: lr).run },
                     reverse: { quadraticLossMomentumReverse(run: $0, w: w, c: c, steps: $1, learningRate: lr).run }),
        TrainingCase(name: "adam", loop: { quadraticLossAdam(w: w, c: c, steps: $0, learningRate: lr).w },
                     hand: { handWrittenAdam(steps: $0, learningRate: lr) },
                     exact: { quadraticLossAdamExact(w: w, c: c, steps: $0, learningRate: lr).run },
                     reverse: { quadraticLossAdamReverse(run: $0, w: w, c: c, steps: $1, learningRate: lr).run }),
        TrainingCase(name: "adamw", loop: { quadraticLossAdamW(w: w, c: c, steps: $0, learningRate: lr).w },
                     hand: { handWrittenAdam(steps: $0, learningRate: lr, weightDecay: 0.01) },
                     exact: { quadraticLossAdamWExact(w: w, c: c, steps: $0, learningRate: lr).run },
                     reverse: { quadraticLossAdamWReverse(run: $0, w: w, c: c, steps: $1, learningRate: lr).run }),
    ]
}

/// The step-time table and the buffer table.
func runTrainingBench(options: TimingOptions) {
    let steps = trainingStepsPerCall
    print()
    print("== Training (\(trainingWeights) weights, separable quadratic; per step, minimum over repetitions) ==")
    var rows: [[String]] = []
    for training in trainingCases() {
        guard training.loop(steps) == training.hand(steps) else {
            print("error: \(training.name): the generated loop and the hand-written one differ")
            exit(1)
        }
        let forwardRun = training.exact(steps)
        let loop = measure({ training.loop(steps)[0] }, options: options).minimum / Double(steps)
        let hand = measure({ training.hand(steps)[0] }, options: options).minimum / Double(steps)
        let exact = measure({ Double(training.exact(steps).steps) }, options: options).minimum / Double(steps)
        let inverse = measure({ Double(training.reverse(forwardRun, steps).steps) }, options: options).minimum / Double(steps)
        rows.append([training.name, formatDuration(loop), formatDuration(hand), formatRatio(loop, hand),
                     formatDuration(exact), formatRatio(exact, loop), formatDuration(inverse), formatRatio(inverse, exact)])
    }
    printTable(header: ["optimizer", "LOpt step", "hand step", "LOpt/hand", "exact step", "exact/LOpt",
                        "inverse step", "inverse/exact"], rows: rows)
    print()
    print("Information buffer, bits per weight per step (\(trainingWeights) weights):")
    print()
    var bufferRows: [[String]] = []
    for training in trainingCases() {
        for steps in [1000, 10_000] {
            let run = training.exact(steps)
            let entries = Double(trainingWeights * steps)
            bufferRows.append([training.name, String(steps), String(format: "%.4f", Double(run.bufferBits) / entries),
                               String(format: "%.4f", run.entropyBits / entries),
                               String(format: "%.4f×", Double(run.bufferBits) / run.entropyBits)])
        }
    }
    printTable(header: ["optimizer", "T", "buffer", "entropy bound", "buffer/bound"], rows: bufferRows)
}
