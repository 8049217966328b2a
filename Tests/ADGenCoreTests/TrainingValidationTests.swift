import XCTest
@testable import ADGenCore

/// Every error of the contract's section 7 (and the few the generated API adds), each
/// at its position: the command-line option, or the field's value in the config file.
final class TrainingValidationTests: XCTestCase {
    static let model = """
        func trainLoss(w: [Double], x: [Double], lambda: Double, step: Int) -> Double {
            return lambda * w[0] * w[0] + x[step % x.count] * w[0]
        }
        func validationLoss(w: [Double], x: [Double], scale: Double) -> Double {
            return scale * w[0] * x[0]
        }
        func badValidation(w: [Double], x: Double) -> Double {
            return x * w[0]
        }
        func blindValidation(x: [Double]) -> Double {
            return x[0]
        }
        func vector(w: [Double]) -> [Double] {
            return w
        }
        func scalars(n: Int, a: Double, with steps: Double, method: Double, beta1: Double, by lr: Double) -> Double {
            return a + steps + method + beta1 + lr + Double(n)
        }
        func named(loss: [Double]) -> Double {
            return loss[0]
        }
        func trainLossSGD(z: Double) -> Double {
            return z
        }

        """

    /// The rendered issues for one command-line declaration.
    func issues(_ loss: String, _ weights: String = "w", _ optimizer: String = "adam", validation: String? = nil,
                text: String = model) -> [String] {
        issues([TrainingDeclaration(loss: loss, weights: weights, optimizer: optimizer, validation: validation)], text: text)
    }

    func issues(_ declarations: [TrainingDeclaration], text: String = model) -> [String] {
        var options = Pipeline.Options()
        options.training = declarations
        let output = Pipeline.compile(SourceFile(path: "t.adg", text: text), options: options)
        if output.trainingIssues.isEmpty { XCTAssertNotNil(output.swift) } else { XCTAssertNil(output.swift) }
        return output.trainingIssues.map(\.rendered)
    }

    func testAValidDeclarationHasNoIssues() {
        XCTAssertEqual(issues("trainLoss", validation: "validationLoss"), [])
    }

    func testMissingFunctions() {
        XCTAssertEqual(issues("trainLos"), ["error: --train trainLos: no function named 'trainLos' in t.adg (did you mean 'trainLoss'?)"])
        XCTAssertEqual(issues("trainLoss", validation: "validationLos"), [
            "error: --validation validationLos: no function named 'validationLos' in t.adg, the file that defines "
                + "'trainLoss' (did you mean 'validationLoss'?)",
        ])
    }

    func testMissingOrMistypedWeights() {
        XCTAssertEqual(issues("trainLoss", "v"), ["error: --weights v: 'trainLoss' has no parameter named 'v'; its parameters are w, x, lambda, step"])
        XCTAssertEqual(issues("trainLoss", "lambda"), [
            "error: --weights lambda: the weights 'lambda' of 'trainLoss' have type Double; the weights must be [Double]",
        ])
        XCTAssertEqual(issues("scalars", "with").prefix(1), [
            "error: --weights with: 'scalars' has no parameter named 'with' ('with' is the label of 'steps'; give the parameter name)",
        ])
        XCTAssertEqual(issues("named", "loss"), [
            "error: --weights loss: weights named 'loss' would give the training function two results labelled 'loss'; rename the parameter",
        ])
    }

    func testLossAndValidationMustReturnDouble() {
        XCTAssertEqual(issues("vector"), ["error: --train vector: the loss 'vector' returns [Double]; a training loss must return Double"])
    }

    func testValidationTakesTheWeights() {
        XCTAssertEqual(issues("trainLoss", validation: "blindValidation"), [
            "error: --validation blindValidation: the validation function 'blindValidation' has no parameter named 'w'; "
                + "it must take the weights of 'trainLoss' under the same name",
        ])
    }

    func testSharedParametersNeedOneType() {
        XCTAssertEqual(issues("trainLoss", validation: "badValidation"), [
            "error: --validation badValidation: 'badValidation' and 'trainLoss' share the parameter 'x', of type Double in "
                + "'badValidation' and [Double] in 'trainLoss'; a shared parameter must have one type",
        ])
    }

    func testUnknownOptimizer() {
        XCTAssertEqual(issues("trainLoss", optimizer: "adamm"), [
            "error: --optimizer adamm: unknown optimizer 'adamm' (did you mean 'adam'?); optimizers are sgd, momentum, "
                + "nesterov, rmsprop, adagrad, adam, adamw",
        ])
        XCTAssertEqual(issues("trainLoss", optimizer: "Adam").count, 1, "optimizer names are lower case, as the table has them")
    }

    func issues(_ loss: String, optimizer: String) -> [String] { issues(loss, "w", optimizer) }

    func testNameClashesWithTheGeneratedSignature() {
        let text = Self.model + "func clash(w: [Double], steps: Double, method: Double, beta1: Double, by learningRate: Double) -> Double {\n    return w[0] * steps * method * beta1 * learningRate\n}\n"
        XCTAssertEqual(issues("clash", text: text), [
            "error: --train clash: 'clash' has a parameter named 'steps', which clashes with the 'steps:' argument of 'clashAdam'; rename it",
            "error: --train clash: 'clash' has a parameter named 'method', which clashes with the 'method:' argument of 'clashAdam'; rename it",
            "error: --train clash: 'clash' has a parameter named 'learningRate', which clashes with the hyperparameter 'learningRate:' of Adam of 'clashAdam'; rename it",
            "error: --train clash: 'clash' has a parameter named 'beta1', which clashes with the hyperparameter 'beta1:' of Adam of 'clashAdam'; rename it",
        ])
        let labelled = Self.model + "func labelled(w: [Double], momentum m: Double) -> Double {\n    return w[0] * m\n}\n"
        XCTAssertEqual(issues("labelled", "w", "momentum", text: labelled), [
            "error: --train labelled: 'labelled' has a parameter labelled 'momentum', which clashes with the hyperparameter 'momentum:' of Momentum of 'labelledMomentum'; rename it",
        ])
        // `beta1` is no hyperparameter of SGD; V's parameters are checked too.
        XCTAssertEqual(issues("labelled", "w", "sgd", text: labelled), [])
        let validation = Self.model + "func v2(w: [Double], steps: Int) -> Double {\n    return w[0] * Double(steps)\n}\n"
        XCTAssertEqual(issues("trainLoss", validation: "v2", text: validation), [
            "error: --validation v2: 'v2' has a parameter named 'steps', which clashes with the 'steps:' argument of 'trainLossAdam'; rename it",
        ])
    }

    func testGeneratedNamesMustBeNew() {
        XCTAssertEqual(issues("trainLoss", "w", "sgd"), [
            "error: --optimizer sgd: the generated 'trainLossSGD' has the name of a function of t.adg; rename that function",
        ])
        let twice = [TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: "adam"),
                     TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: "adam", validation: "validationLoss")]
        XCTAssertEqual(issues(twice), [
            "error: --optimizer adam: another training declaration already trains 'trainLoss' with adam, generating "
                + "'trainLossAdam'; declare each loss and optimizer once",
        ])
    }

    /// Config-file declarations report at the field's value, in the compiler's format.
    func testConfigurationPositions() {
        let config = SourceFile(path: "adgen-config.json", text: """
            {
              "training": [
                {"loss": "trainLoss", "weights": "w", "optimizer": "adamm"}
              ]
            }
            """)
        let line = "    {\"loss\": \"trainLoss\", \"weights\": \"w\", \"optimizer\": \"adamm\"}"
        let text = String(decoding: config.bytes, as: UTF8.self)
        func at(_ needle: String) -> SourceLocation {
            let offset = text.utf8.distance(from: text.startIndex, to: text.range(of: needle)!.lowerBound)
            let lineStart = text.utf8.distance(from: text.startIndex, to: text.range(of: "    {")!.lowerBound)
            return SourceLocation(line: 3, column: offset - lineStart + 1, offset: offset)
        }
        let declaration = TrainingDeclaration(
            loss: "trainLoss", weights: "w", optimizer: "adamm",
            origin: .configuration(file: config, positions: [.loss: at("\"trainLoss\""), .weights: at("\"w\""),
                                                             .optimizer: at("\"adamm\"")]))
        XCTAssertEqual(issues([declaration]), ["""
            adgen-config.json:3:56: error: unknown optimizer 'adamm' (did you mean 'adam'?); optimizers are sgd, momentum, nesterov, rmsprop, adagrad, adam, adamw
            \(line)
            \(String(repeating: " ", count: 55))^
            """])
    }

    /// A file with errors of its own reports those; its functions cannot be looked up.
    func testBrokenInputsHideMissingLosses() {
        var options = Pipeline.Options()
        options.training = [TrainingDeclaration(loss: "trainLoss", weights: "w", optimizer: "adam")]
        let output = Pipeline.compile(SourceFile(path: "t.adg", text: "func f(x: Double) -> Double {\n    return y\n}\n"),
                                      options: options)
        XCTAssertNil(output.swift)
        XCTAssertEqual(output.trainingIssues.count, 0)
        XCTAssertEqual(output.diagnostics.count, 1)
    }

    /// Several inputs into one file: a declaration applies to the file defining its loss.
    func testSeveralInputs() {
        var options = Pipeline.Options()
        options.training = [TrainingDeclaration(loss: "g", weights: "w", optimizer: "sgd"),
                            TrainingDeclaration(loss: "h", weights: "w", optimizer: "sgd")]
        let a = SourceFile(path: "a.adg", text: "func f(x: Double) -> Double {\n    return x\n}\n")
        let b = SourceFile(path: "b.adg", text: "func g(w: [Double]) -> Double {\n    return w[0] * w[0]\n}\n")
        let output = Pipeline.compile([a, b], options: options)
        XCTAssertEqual(output.trainingIssues.map(\.rendered), ["error: --train h: no function named 'h' in a.adg, b.adg"])
        options.training.removeLast()
        XCTAssertTrue(Pipeline.compile([a, b], options: options).swift?.contains("func gSGD(") ?? false)
    }
}
