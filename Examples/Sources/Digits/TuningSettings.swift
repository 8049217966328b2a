/// The sizes and rates of one run of the example.
struct TuningSettings {
    var trainingCount: Int
    var validationCount: Int
    var testCount: Int
    /// Images per minibatch: step s of training uses minibatch s mod (training / batch).
    var batch: Int
    /// Hyper-iterations: windows of `windowSteps` training steps, each followed by one
    /// update of the strengths.
    var windows: Int
    var windowSteps: Int
    var learningRate = 0.3
    var momentum = 0.9
    /// The rate of Adam on the log-strengths.
    var hyperRate = 0.03
    /// The log-strength every tuned run starts from (exp(-7) ≈ 0.0009), and the one that
    /// stands for no regularization (exp(-40) ≈ 4e-18).
    var initialLogStrength = -7.0
    var noLogStrength = -40.0
    /// The log-strengths the grid search tries (plain training at each).
    var grid: [Double]

    static let full = TuningSettings(trainingCount: 500, validationCount: 500, testCount: 797,
                                     batch: 50, windows: 100, windowSteps: 10,
                                     grid: [-9, -8, -7, -6, -5, -4])
    static let reduced = TuningSettings(trainingCount: 200, validationCount: 200, testCount: 400,
                                        batch: 50, windows: 12, windowSteps: 8,
                                        grid: [-7, -5])

    var totalSteps: Int { windows * windowSteps }
}
