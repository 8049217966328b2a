// The four kernels under Swift's built-in reverse-mode AD (`import _Differentiation`),
// each with a wrapper that calls `valueWithGradient(at:of:)`.
//
// The bodies are the .adg primals, changed only where Swift AD refuses them:
// - An array element write `a[i] = e` is not differentiable (the subscript setter
//   has no derivative), so it becomes `a = a.updated(at: i, with: e)` (and
//   `a[i] += e` becomes `a = a.updated(at: i, with: a[i] + e)`), a helper with a
//   custom derivative defined below. It copies the array, as Swift AD code does.
// - `max` has no derivative in the standard library: `differentiableMax` below
//   supplies one (piecewise, like adgen's).
// - Four active parameters: `valueWithGradient` takes at most three, so the MLP and
//   RNN wrappers pass a `Differentiable` struct of the parameters.
// Everything else — loops, `var` accumulators, array reads, Foundation's math
// functions — Swift AD accepts as written. All four kernels compile.
//
// Why these are slow: the standard library's pullback of `Array.subscript` (read)
// builds a dense zero array of the whole array's count for every element read, and
// the pullbacks add those arrays together, so each read costs O(count) in reverse.
// Avoiding element reads (SIMD or custom derivatives per expression) would amount to
// hand-writing the gradient, so this file keeps the code a user would write.
import Foundation
import _Differentiation

// MARK: - Helpers Swift AD needs

extension Array where Element: Differentiable {
    /// A copy of the array with element `index` replaced by `newValue`: the
    /// differentiable spelling of `a[index] = newValue`.
    @differentiable(reverse where Element: Differentiable)
    func updated(at index: Int, with newValue: Element) -> [Element] {
        var result = self
        result[index] = newValue
        return result
    }

    @derivative(of: updated)
    func vjpUpdated(at index: Int, with newValue: Element) -> (
        value: [Element],
        pullback: (TangentVector) -> (TangentVector, Element.TangentVector)
    ) {
        let value = updated(at: index, with: newValue)
        return (value, { tangent in
            // A zero array tangent may arrive as an empty array.
            guard !tangent.base.isEmpty else { return (tangent, .zero) }
            var rest = tangent
            rest.base[index] = .zero
            return (rest, tangent.base[index])
        })
    }
}

/// `max` with a derivative: the gradient goes to the argument `max` returns.
@differentiable(reverse)
func differentiableMax(_ a: Double, _ b: Double) -> Double {
    max(a, b)
}

@derivative(of: differentiableMax)
func vjpDifferentiableMax(_ a: Double, _ b: Double) -> (
    value: Double, pullback: (Double) -> (Double, Double)
) {
    // Swift's max(a, b) returns b when b >= a.
    if b >= a {
        return (b, { v in (0.0, v) })
    }
    return (a, { v in (v, 0.0) })
}

/// Reads a gradient array that Swift AD may hand back as an empty "zero" tangent.
private func dense(_ tangent: [Double].TangentVector, count: Int) -> [Double] {
    tangent.base.isEmpty ? [Double](repeating: 0.0, count: count) : tangent.base
}

// MARK: - MDS stress

@differentiable(reverse, wrt: x)
func stressDifferentiable(x: [Double], dist: [Double], n: Int, d: Int) -> Double {
    var total = 0.0
    for i in 0..<n {
        for j in (i + 1)..<n {
            var squared = 0.0
            for k in 0..<d {
                let diff = x[i * d + k] - x[j * d + k]
                squared += diff * diff
            }
            let residual = sqrt(squared) - dist[i * n + j]
            total += residual * residual
        }
    }
    return total
}

func stressSwiftADGradient(x: [Double], dist: [Double], n: Int, d: Int)
    -> (value: Double, dx: [Double])
{
    let (value, gradient) = valueWithGradient(at: x) { x in
        stressDifferentiable(x: x, dist: dist, n: n, d: d)
    }
    return (value, dense(gradient, count: x.count))
}

// MARK: - MLP loss

@differentiable(reverse, wrt: (W1, b1, W2, b2))
func mlpLossDifferentiable(
    W1: [Double], b1: [Double], W2: [Double], b2: Double,
    X: [Double], Y: [Double], nIn: Int, nHidden: Int, batch: Int
) -> Double {
    var loss = 0.0
    for s in 0..<batch {
        var out = b2
        for h in 0..<nHidden {
            var preActivation = b1[h]
            for i in 0..<nIn {
                preActivation += W1[h * nIn + i] * X[s * nIn + i]
            }
            out += W2[h] * tanh(preActivation)
        }
        let err = out - Y[s]
        loss += err * err
    }
    return loss / Double(batch)
}

struct MLPParameters: Differentiable {
    var W1: [Double]
    var b1: [Double]
    var W2: [Double]
    var b2: Double
}

func mlpLossSwiftADGradient(
    W1: [Double], b1: [Double], W2: [Double], b2: Double,
    X: [Double], Y: [Double], nIn: Int, nHidden: Int, batch: Int
) -> (value: Double, dW1: [Double], db1: [Double], dW2: [Double], db2: Double) {
    let parameters = MLPParameters(W1: W1, b1: b1, W2: W2, b2: b2)
    let (value, gradient) = valueWithGradient(at: parameters) { p in
        mlpLossDifferentiable(
            W1: p.W1, b1: p.b1, W2: p.W2, b2: p.b2,
            X: X, Y: Y, nIn: nIn, nHidden: nHidden, batch: batch)
    }
    return (
        value,
        dense(gradient.W1, count: W1.count), dense(gradient.b1, count: b1.count),
        dense(gradient.W2, count: W2.count), gradient.b2
    )
}

// MARK: - RNN loss

@differentiable(reverse, wrt: (Wh, Wx, b, readout))
func rnnLossDifferentiable(
    Wh: [Double], Wx: [Double], b: [Double], readout: [Double],
    xs: [Double], ys: [Double], nHidden: Int, nInput: Int, steps: Int
) -> Double {
    var h = [Double](repeating: 0.0, count: nHidden)
    var hNew = [Double](repeating: 0.0, count: nHidden)
    var loss = 0.0
    for t in 0..<steps {
        for r in 0..<nHidden {
            var preActivation = b[r]
            for c in 0..<nHidden {
                preActivation += Wh[r * nHidden + c] * h[c]
            }
            for c in 0..<nInput {
                preActivation += Wx[r * nInput + c] * xs[t * nInput + c]
            }
            hNew = hNew.updated(at: r, with: tanh(preActivation))
        }
        var y = 0.0
        for r in 0..<nHidden {
            h = h.updated(at: r, with: hNew[r])
            y += readout[r] * h[r]
        }
        let err = y - ys[t]
        loss += err * err
    }
    return loss
}

struct RNNParameters: Differentiable {
    var Wh: [Double]
    var Wx: [Double]
    var b: [Double]
    var readout: [Double]
}

func rnnLossSwiftADGradient(
    Wh: [Double], Wx: [Double], b: [Double], readout: [Double],
    xs: [Double], ys: [Double], nHidden: Int, nInput: Int, steps: Int
) -> (value: Double, dWh: [Double], dWx: [Double], db: [Double], dreadout: [Double]) {
    let parameters = RNNParameters(Wh: Wh, Wx: Wx, b: b, readout: readout)
    let (value, gradient) = valueWithGradient(at: parameters) { p in
        rnnLossDifferentiable(
            Wh: p.Wh, Wx: p.Wx, b: p.b, readout: p.readout,
            xs: xs, ys: ys, nHidden: nHidden, nInput: nInput, steps: steps)
    }
    return (
        value,
        dense(gradient.Wh, count: Wh.count), dense(gradient.Wx, count: Wx.count),
        dense(gradient.b, count: b.count), dense(gradient.readout, count: readout.count)
    )
}

// MARK: - GMM objective

@differentiable(reverse, wrt: v)
func logSumExpDifferentiable(v: [Double], count: Int) -> Double {
    var largest = v[0]
    for i in 1..<count {
        largest = differentiableMax(largest, v[i])
    }
    var sum = 0.0
    for i in 0..<count {
        sum += exp(v[i] - largest)
    }
    return log(sum) + largest
}

@differentiable(reverse, wrt: (alphas, means, icf))
func gmmObjectiveDifferentiable(
    alphas: [Double], means: [Double], icf: [Double], x: [Double],
    k: Int, d: Int, n: Int, wishartGamma: Double, wishartM: Int
) -> Double {
    let icfSize = d * (d + 1) / 2
    var qDiags = [Double](repeating: 0.0, count: k * d)
    var sumQs = [Double](repeating: 0.0, count: k)
    for c in 0..<k {
        for j in 0..<d {
            sumQs = sumQs.updated(at: c, with: sumQs[c] + icf[c * icfSize + j])
            qDiags = qDiags.updated(at: c * d + j, with: exp(icf[c * icfSize + j]))
        }
    }

    var xCentered = [Double](repeating: 0.0, count: d)
    var qxCentered = [Double](repeating: 0.0, count: d)
    var mainTerm = [Double](repeating: 0.0, count: k)
    var slse = 0.0
    for i in 0..<n {
        for c in 0..<k {
            for j in 0..<d {
                xCentered = xCentered.updated(at: j, with: x[i * d + j] - means[c * d + j])
            }
            for j in 0..<d {
                qxCentered = qxCentered.updated(at: j, with: qDiags[c * d + j] * xCentered[j])
            }
            var lowerIndex = c * icfSize + d
            for col in 0..<d {
                for row in (col + 1)..<d {
                    qxCentered = qxCentered.updated(
                        at: row, with: qxCentered[row] + icf[lowerIndex] * xCentered[col])
                    lowerIndex += 1
                }
            }
            var squaredNorm = 0.0
            for j in 0..<d {
                squaredNorm += qxCentered[j] * qxCentered[j]
            }
            mainTerm = mainTerm.updated(at: c, with: alphas[c] + sumQs[c] - 0.5 * squaredNorm)
        }
        slse += logSumExpDifferentiable(v: mainTerm, count: k)
    }

    var prior = 0.0
    for c in 0..<k {
        var frobenius = 0.0
        for j in 0..<d {
            frobenius += qDiags[c * d + j] * qDiags[c * d + j]
        }
        for j in d..<icfSize {
            frobenius += icf[c * icfSize + j] * icf[c * icfSize + j]
        }
        prior += 0.5 * wishartGamma * wishartGamma * frobenius - Double(wishartM) * sumQs[c]
    }

    let constant = -Double(n * d) * 0.5 * log(2.0 * Double.pi)
    return constant + slse - Double(n) * logSumExpDifferentiable(v: alphas, count: k) + prior
}

func gmmObjectiveSwiftADGradient(
    alphas: [Double], means: [Double], icf: [Double], x: [Double],
    k: Int, d: Int, n: Int, wishartGamma: Double, wishartM: Int
) -> (value: Double, dalphas: [Double], dmeans: [Double], dicf: [Double]) {
    let (value, gradient) = valueWithGradient(at: alphas, means, icf) { alphas, means, icf in
        gmmObjectiveDifferentiable(
            alphas: alphas, means: means, icf: icf, x: x,
            k: k, d: d, n: n, wishartGamma: wishartGamma, wishartM: wishartM)
    }
    return (
        value,
        dense(gradient.0, count: alphas.count), dense(gradient.1, count: means.count),
        dense(gradient.2, count: icf.count)
    )
}
