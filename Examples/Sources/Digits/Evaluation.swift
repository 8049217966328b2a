/// Cross-entropy and error rate of weights on one split.
struct Evaluation {
    var crossEntropy: Double
    var error: Double

    /// Mean cross-entropy (the generated primal `digitsValidation`) and the fraction of
    /// images whose largest class score is not their label.
    init(w: [Double], on images: DigitImages) {
        crossEntropy = digitsValidation(w: w, xValidation: images.pixels, labelsValidation: images.labels)
        var wrong = 0
        for row in 0..<images.count where predictedClass(w: w, pixels: images.pixels, row: row) != images.labels[row] {
            wrong += 1
        }
        error = Double(wrong) / Double(images.count)
    }
}

/// The class with the largest score w_c · x + b_c for image `row`.
func predictedClass(w: [Double], pixels: [Double], row: Int) -> Int {
    var best = 0
    var bestScore = -Double.infinity
    for c in 0..<10 {
        var score = w[c * 65 + 64]
        for j in 0..<64 {
            score += w[c * 65 + j] * pixels[row * 64 + j]
        }
        if score > bestScore {
            (best, bestScore) = (c, score)
        }
    }
    return best
}
