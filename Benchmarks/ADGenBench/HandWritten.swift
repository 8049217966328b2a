// Expert hand-written gradients of the four kernels: what a careful person writes in
// plain Swift, and the reference every other gradient is checked against.
//
// Each returns the kernel's value and its gradient with respect to the kernel's
// active parameters, in parameter order, labelled like adgen's `…Gradient`
// (`d` + parameter name). Every buffer is allocated once per call, outside the loops.
import Foundation

// MARK: - MDS stress

/// Gradient of `stress` with respect to `x`, in one pass over the pairs.
/// With r = ‖x_i − x_j‖ − dist_ij, each pair adds ±(2r / ‖x_i − x_j‖)(x_i − x_j)
/// to the two points. (Coincident points have no gradient, as for the primal's sqrt.)
func stressHandGradient(x: [Double], dist: [Double], n: Int, d: Int)
    -> (value: Double, dx: [Double])
{
    var dx = [Double](repeating: 0.0, count: x.count)
    var total = 0.0
    for i in 0..<n {
        let rowI = i * d
        for j in (i + 1)..<n {
            let rowJ = j * d
            var squared = 0.0
            for k in 0..<d {
                let diff = x[rowI + k] - x[rowJ + k]
                squared += diff * diff
            }
            let norm = squared.squareRoot()
            let residual = norm - dist[i * n + j]
            total += residual * residual
            let scale = 2.0 * residual / norm
            for k in 0..<d {
                let g = scale * (x[rowI + k] - x[rowJ + k])
                dx[rowI + k] += g
                dx[rowJ + k] -= g
            }
        }
    }
    return (total, dx)
}

// MARK: - MLP loss

/// Gradient of `mlpLoss` with respect to `W1`, `b1`, `W2`, `b2`: per sample, a forward
/// pass that keeps the hidden activations, then the backward pass through them.
func mlpLossHandGradient(
    W1: [Double], b1: [Double], W2: [Double], b2: Double,
    X: [Double], Y: [Double], nIn: Int, nHidden: Int, batch: Int
) -> (value: Double, dW1: [Double], db1: [Double], dW2: [Double], db2: Double) {
    var dW1 = [Double](repeating: 0.0, count: W1.count)
    var db1 = [Double](repeating: 0.0, count: b1.count)
    var dW2 = [Double](repeating: 0.0, count: W2.count)
    var db2 = 0.0
    var hidden = [Double](repeating: 0.0, count: nHidden)
    var loss = 0.0
    let invBatch = 1.0 / Double(batch)
    for s in 0..<batch {
        let xRow = s * nIn
        var out = b2
        for h in 0..<nHidden {
            let wRow = h * nIn
            var preActivation = b1[h]
            for i in 0..<nIn {
                preActivation += W1[wRow + i] * X[xRow + i]
            }
            let activation = tanh(preActivation)
            hidden[h] = activation
            out += W2[h] * activation
        }
        let err = out - Y[s]
        loss += err * err

        let dOut = 2.0 * err * invBatch
        db2 += dOut
        for h in 0..<nHidden {
            let activation = hidden[h]
            dW2[h] += dOut * activation
            let dPre = dOut * W2[h] * (1.0 - activation * activation)
            db1[h] += dPre
            let wRow = h * nIn
            for i in 0..<nIn {
                dW1[wRow + i] += dPre * X[xRow + i]
            }
        }
    }
    return (loss / Double(batch), dW1, db1, dW2, db2)
}

// MARK: - RNN loss

/// Gradient of `rnnLoss` with respect to `Wh`, `Wx`, `b`, `readout`, by
/// backpropagation through time: the forward pass stores every hidden state
/// (`states[t * nHidden ..]` is h_t, h_0 = 0), the backward pass walks the steps in
/// reverse carrying ∂loss/∂h.
func rnnLossHandGradient(
    Wh: [Double], Wx: [Double], b: [Double], readout: [Double],
    xs: [Double], ys: [Double], nHidden: Int, nInput: Int, steps: Int
) -> (value: Double, dWh: [Double], dWx: [Double], db: [Double], dreadout: [Double]) {
    var states = [Double](repeating: 0.0, count: (steps + 1) * nHidden)
    var errors = [Double](repeating: 0.0, count: steps)
    var loss = 0.0
    for t in 0..<steps {
        let previous = t * nHidden
        let next = previous + nHidden
        var y = 0.0
        for r in 0..<nHidden {
            var preActivation = b[r]
            for c in 0..<nHidden {
                preActivation += Wh[r * nHidden + c] * states[previous + c]
            }
            for c in 0..<nInput {
                preActivation += Wx[r * nInput + c] * xs[t * nInput + c]
            }
            let state = tanh(preActivation)
            states[next + r] = state
            y += readout[r] * state
        }
        let err = y - ys[t]
        errors[t] = err
        loss += err * err
    }

    var dWh = [Double](repeating: 0.0, count: Wh.count)
    var dWx = [Double](repeating: 0.0, count: Wx.count)
    var db = [Double](repeating: 0.0, count: b.count)
    var dreadout = [Double](repeating: 0.0, count: readout.count)
    var dState = [Double](repeating: 0.0, count: nHidden)  // ∂loss/∂h_{t+1}
    var dPre = [Double](repeating: 0.0, count: nHidden)
    for t in stride(from: steps - 1, through: 0, by: -1) {
        let previous = t * nHidden
        let next = previous + nHidden
        let dy = 2.0 * errors[t]
        for r in 0..<nHidden {
            let state = states[next + r]
            dreadout[r] += dy * state
            let dHidden = dState[r] + dy * readout[r]
            dPre[r] = dHidden * (1.0 - state * state)
        }
        for r in 0..<nHidden {
            let g = dPre[r]
            db[r] += g
            for c in 0..<nHidden {
                dWh[r * nHidden + c] += g * states[previous + c]
            }
            for c in 0..<nInput {
                dWx[r * nInput + c] += g * xs[t * nInput + c]
            }
        }
        for c in 0..<nHidden {
            var sum = 0.0
            for r in 0..<nHidden {
                sum += Wh[r * nHidden + c] * dPre[r]
            }
            dState[c] = sum
        }
    }
    return (loss, dWh, dWx, db, dreadout)
}

// MARK: - GMM objective

/// Gradient of `gmmObjective` with respect to `alphas`, `means`, `icf`.
///
/// Per data point: the forward pass keeps x − μ_c and Q_c(x − μ_c) for every
/// component; the backward pass weights component c by its posterior
/// w_c = exp(main_c − lse) and accumulates
///   ∂/∂Q_c = −w_c · Q_c(x − μ_c) ⊗ (x − μ_c)  (lower triangle),
///   ∂/∂μ_c = w_c · Q_cᵀ Q_c (x − μ_c),
///   ∂/∂alphas_c = w_c,  and w_c on every log-diagonal entry (through Σ log diag Q_c).
/// The chain rule through exp of the diagonal, the −n·logsumexp(alphas) term and the
/// Wishart prior are applied once at the end.
func gmmObjectiveHandGradient(
    alphas: [Double], means: [Double], icf: [Double], x: [Double],
    k: Int, d: Int, n: Int, wishartGamma: Double, wishartM: Int
) -> (value: Double, dalphas: [Double], dmeans: [Double], dicf: [Double]) {
    let icfSize = d * (d + 1) / 2
    var qDiags = [Double](repeating: 0.0, count: k * d)
    var sumQs = [Double](repeating: 0.0, count: k)
    for c in 0..<k {
        for j in 0..<d {
            sumQs[c] += icf[c * icfSize + j]
            qDiags[c * d + j] = exp(icf[c * icfSize + j])
        }
    }

    var dalphas = [Double](repeating: 0.0, count: k)
    var dmeans = [Double](repeating: 0.0, count: k * d)
    var dicf = [Double](repeating: 0.0, count: k * icfSize)
    var dQDiags = [Double](repeating: 0.0, count: k * d)  // ∂/∂ diag Q, before exp's chain rule
    var centered = [Double](repeating: 0.0, count: k * d)  // x − μ_c, per component
    var transformed = [Double](repeating: 0.0, count: k * d)  // Q_c (x − μ_c)
    var mainTerm = [Double](repeating: 0.0, count: k)
    var slse = 0.0
    for i in 0..<n {
        let xRow = i * d
        var largest = -Double.infinity
        for c in 0..<k {
            let row = c * d
            for j in 0..<d {
                let v = x[xRow + j] - means[row + j]
                centered[row + j] = v
                transformed[row + j] = qDiags[row + j] * v
            }
            var lowerIndex = c * icfSize + d
            for col in 0..<d {
                let v = centered[row + col]
                for r in (col + 1)..<d {
                    transformed[row + r] += icf[lowerIndex] * v
                    lowerIndex += 1
                }
            }
            var squaredNorm = 0.0
            for j in 0..<d {
                squaredNorm += transformed[row + j] * transformed[row + j]
            }
            let term = alphas[c] + sumQs[c] - 0.5 * squaredNorm
            mainTerm[c] = term
            largest = max(largest, term)
        }
        var sum = 0.0
        for c in 0..<k {
            sum += exp(mainTerm[c] - largest)
        }
        let lse = log(sum) + largest
        slse += lse

        for c in 0..<k {
            let weight = exp(mainTerm[c] - lse)
            dalphas[c] += weight
            let row = c * d
            let diagBase = c * icfSize
            var lowerIndex = diagBase + d
            for col in 0..<d {
                let qv = transformed[row + col]
                let v = centered[row + col]
                // ∂ diag entry (through Σ log diag Q, then through Q(x − μ)).
                dicf[diagBase + col] += weight
                dQDiags[row + col] -= weight * qv * v
                // (Qᵀ Q(x − μ))_col, starting with the diagonal part.
                var back = qDiags[row + col] * qv
                for r in (col + 1)..<d {
                    let qr = transformed[row + r]
                    dicf[lowerIndex] -= weight * qr * v
                    back += icf[lowerIndex] * qr
                    lowerIndex += 1
                }
                dmeans[row + col] += weight * back
            }
        }
    }

    // −n · logsumexp(alphas)
    var largestAlpha = alphas[0]
    for c in 1..<k {
        largestAlpha = max(largestAlpha, alphas[c])
    }
    var alphaSum = 0.0
    for c in 0..<k {
        alphaSum += exp(alphas[c] - largestAlpha)
    }
    let lseAlphas = log(alphaSum) + largestAlpha
    let nDouble = Double(n)
    for c in 0..<k {
        dalphas[c] -= nDouble * exp(alphas[c] - lseAlphas)
    }

    // Wishart prior, and exp's chain rule for the diagonal.
    let gammaSquared = wishartGamma * wishartGamma
    let m = Double(wishartM)
    var prior = 0.0
    for c in 0..<k {
        var frobenius = 0.0
        for j in 0..<d {
            let q = qDiags[c * d + j]
            frobenius += q * q
            let dq = dQDiags[c * d + j] + gammaSquared * q
            dicf[c * icfSize + j] += dq * q - m
        }
        for j in d..<icfSize {
            let l = icf[c * icfSize + j]
            frobenius += l * l
            dicf[c * icfSize + j] += gammaSquared * l
        }
        prior += 0.5 * gammaSquared * frobenius - m * sumQs[c]
    }

    let constant = -Double(n * d) * 0.5 * log(2.0 * Double.pi)
    return (constant + slse - nDouble * lseAlphas + prior, dalphas, dmeans, dicf)
}
