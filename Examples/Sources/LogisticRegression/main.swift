// Trains the logistic regression of Model.adg by plain gradient descent, using
// `lossGradient`, which the ADGenPlugin generated from Model.adg at build time.
// Then checks that gradient once against central finite differences.

import Foundation

let data = Dataset(students)
let lambda = 0.01
let learningRate = 0.5
let epochs = 200

var w = [Double](repeating: 0.0, count: Dataset.featureCount)
var b = 0.0

print("Logistic regression on \(data.count) students (\(Dataset.featureCount) features), L2 lambda = \(lambda)")
print("epoch        loss")
var losses: [Double] = []
for epoch in 0...epochs {
    // value, ∂loss/∂w and ∂loss/∂b in one call (reverse mode).
    let (value, dw, db) = lossGradient(w: w, b: b, x: data.x, y: data.y, lambda: lambda)
    losses.append(value)
    if epoch % 20 == 0 {
        print(String(format: "%5d  %10.6f", epoch, value))
    }
    for j in 0..<w.count {
        w[j] -= learningRate * dw[j]
    }
    b -= learningRate * db
}

let correct = (0..<data.count).filter { i in
    (probability(w: w, b: b, x: data.row(i)) >= 0.5) == (data.y[i] == 1.0)
}.count
print(String(format: "weights (studied, slept) = (%.3f, %.3f), bias = %.3f", w[0], w[1], b))
print("training accuracy: \(correct)/\(data.count)")

// The loss must fall at every step for this convex problem and step size.
let falling = zip(losses, losses.dropFirst()).allSatisfy { $1 <= $0 }
guard falling, losses.last! < 0.5 * losses.first! else {
    print("FAILED: the loss did not fall steadily (first \(losses.first!), last \(losses.last!))")
    exit(1)
}

// Gradient check at a point away from the optimum: central differences, step h.
let probeW = [0.3, -0.7]
let probeB = 0.2
let (_, dw, db) = lossGradient(w: probeW, b: probeB, x: data.x, y: data.y, lambda: lambda)
func lossAt(_ w: [Double], _ b: Double) -> Double { loss(w: w, b: b, x: data.x, y: data.y, lambda: lambda) }
let h = 1e-6
var numeric: [Double] = []
for j in 0..<probeW.count {
    var plus = probeW, minus = probeW
    plus[j] += h
    minus[j] -= h
    numeric.append((lossAt(plus, probeB) - lossAt(minus, probeB)) / (2 * h))
}
numeric.append((lossAt(probeW, probeB + h) - lossAt(probeW, probeB - h)) / (2 * h))
let analytic = dw + [db]
let difference = zip(analytic, numeric).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
let scale = max(analytic.map { $0 * $0 }.reduce(0, +).squareRoot(), 1e-12)
let relativeError = difference / scale
print("gradient check against central differences: relative error \(String(format: "%.2e", relativeError))")
guard relativeError < 1e-6 else {
    print("FAILED: the generated gradient disagrees with finite differences")
    exit(1)
}
print("OK")
