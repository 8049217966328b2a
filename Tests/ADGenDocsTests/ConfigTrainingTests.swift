import Foundation
import XCTest

/// The `"training"` key of adgen-config.json through the adgen executable: declarations
/// generate their training functions; every error is at the offending text.
extension ConfigTests {
    func testTrainingDeclarationsGenerateTrainingFunctions() throws {
        let config = #"{ "modes": ["primal"], "training": [{"loss": "loss", "weights": "w", "optimizer": "adam"}, "#
            + #"{"loss": "loss", "weights": "w", "optimizer": "sgd"}] }"#
        let result = try generate(config: config)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.swift.contains("func lossAdam(w: [Double], b: Double, x: [Double], n: Int, steps: Int, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) -> (w: [Double], loss: [Double])"), result.swift)
        XCTAssertTrue(result.swift.contains("func lossSGD("), result.swift)
        XCTAssertTrue(result.swift.contains("struct LossAdamState: Equatable, Sendable {"), result.swift)
        XCTAssertTrue(result.swift.contains("fileprivate func lossGradient_wrt_w("), result.swift)
        XCTAssertFalse(result.swift.contains("func lossJVP("), result.swift)
    }

    /// The plugin runs adgen once per file: an entry belongs to the run of the file
    /// defining its loss; another file of the target (`--config-scope`) ignores it.
    func testTrainingAppliesToTheFileDefiningTheLoss() throws {
        let config = #"{ "training": [{"loss": "loss", "weights": "w", "optimizer": "nesterov"}] }"#
        let other = try generate("Other.adg", config: config, scope: ["Model.adg"])
        XCTAssertEqual(other.status, 0, other.output)
        XCTAssertFalse(other.swift.contains("Nesterov"), other.swift)
        let model = try generate("Model.adg", config: config, scope: ["Other.adg"])
        XCTAssertEqual(model.status, 0, model.output)
        XCTAssertTrue(model.swift.contains("func lossNesterov("), model.swift)
        let nowhere = try generate("Other.adg", config: #"{ "training": [{"loss": "lost", "weights": "w", "optimizer": "sgd"}] }"#,
                                   scope: ["Model.adg"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.output.hasPrefix("adgen-config.json:1:25: error: no function named 'lost' in Other.adg"), nowhere.output)
    }

    func testTrainFlagWinsOverTheConfigsTraining() throws {
        let config = #"{ "training": [{"loss": "loss", "weights": "w", "optimizer": "adamm"}] }"#
        let result = try generate(config: config, flags: ["--train", "loss", "--weights", "w", "--optimizer", "sgd"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.swift.contains("func lossSGD("), result.swift)
    }

    func testTrainingErrorsArePositioned() throws {
        let cases: [(config: String, error: String)] = [
            ("{\n  \"training\": [\n    {\"loss\": \"loss\", \"weights\": \"q\", \"optimizer\": \"adam\"}\n  ]\n}",
             "adgen-config.json:3:33: error: 'loss' has no parameter named 'q'; its parameters are w, b, x, n\n"
                + "    {\"loss\": \"loss\", \"weights\": \"q\", \"optimizer\": \"adam\"}\n"
                + String(repeating: " ", count: 32) + "^\n"),
            (#"{ "training": [{"loss": "loss", "weights": "w", "optimizer": "adam"}, {"loss": "loss", "weights": "w", "optimizer": "adam"}] }"#,
             "adgen-config.json:1:117: error: another training declaration already trains 'loss' with adam"),
            (#"{ "training": [{"loss": "los", "weights": "w", "optimizer": "adam"}] }"#,
             "adgen-config.json:1:25: error: no function named 'los' in Model.adg (did you mean 'loss'?)"),
            (#"{ "training": {} }"#, "adgen-config.json:1:3: error: 'training' must be an array of declarations, such as "),
            (#"{ "training": [1] }"#, "adgen-config.json:1:16: error: 'training[0]' must be an object with the keys loss, weights, optimizer"),
            (#"{ "training": [{"loss": "loss"}] }"#,
             "adgen-config.json:1:16: error: 'training[0]' has no 'weights'; a training declaration needs loss, weights and optimizer"),
            (#"{ "training": [{"loss": "loss", "weights": "w", "optimizer": "adam", "rate": 1}] }"#,
             "adgen-config.json:1:70: error: unknown key 'rate' in 'training[0]'; keys are loss, weights, optimizer, validation"),
            (#"{ "training": [{"loss": 3, "weights": "w", "optimizer": "adam"}] }"#,
             "adgen-config.json:1:25: error: 'training[0].loss' must be a non-empty string"),
        ]
        for (config, error) in cases {
            let result = try generate(config: config)
            XCTAssertEqual(result.status, 1, "\(config) was accepted")
            XCTAssertTrue(result.output.hasPrefix(error), "\(config):\nexpected \(error)\nfound    \(result.output)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.swift").path))
        }
    }
}
