// Generated from Kernels/*.adg by Scripts/check-kernels.sh --write: do not edit by hand.
//
// The primal of every kernel exactly as its .adg file states it (only the
// `@differentiable` line dropped), used as the benchmark's "primal" column. It sits in
// the namespace `Primal` so that it does not clash with the top-level primal that an
// adgen-generated file also declares (`stress`, `mlpLoss`, ...).
import Foundation

enum Primal {
    // MARK: Kernels/stress.adg

    /// Metric MDS stress of an embedding of `n` points in `d` dimensions.
    ///
    /// `x` holds the points row-major (`x[i * d + k]` is coordinate `k` of point `i`);
    /// `dist` is the `n`×`n` matrix of target distances, of which only the strict upper
    /// triangle is read. The result is Σ_{i<j} (‖x_i − x_j‖ − dist[i*n+j])².
    static func stress(x: [Double], dist: [Double], n: Int, d: Int) -> Double {
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

    // MARK: Kernels/mlp.adg

    /// Mean squared error of a two-layer perceptron over a batch.
    ///
    /// Layer 1: `hidden = tanh(W1 · x + b1)`, `W1` is `nHidden`×`nIn` row-major.
    /// Layer 2: `out = W2 · hidden + b2`, a single linear output.
    /// `X` holds `batch` samples row-major (`X[s * nIn + i]`), `Y` their targets.
    /// The result is (1 / batch) Σ_s (out_s − Y[s])².
    static func mlpLoss(W1: [Double], b1: [Double], W2: [Double], b2: Double,
                 X: [Double], Y: [Double], nIn: Int, nHidden: Int, batch: Int) -> Double {
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

    // MARK: Kernels/rnn.adg

    /// Squared readout error of a vanilla tanh RNN unrolled over `steps` time steps.
    ///
    /// State update: h_{t+1} = tanh(Wh · h_t + Wx · x_t + b), with h_0 = 0,
    /// `Wh` `nHidden`×`nHidden` and `Wx` `nHidden`×`nInput`, both row-major.
    /// Readout after each step: y_t = readout · h_{t+1}; the result is Σ_t (y_t − ys[t])².
    /// `xs` holds the inputs row-major (`xs[t * nInput + c]`).
    ///
    /// The hidden state lives in two local arrays that are overwritten element by
    /// element every step (`hNew[r] = …`, then `h[r] = hNew[r]`), so reverse mode must
    /// restore or record the overwritten values.
    static func rnnLoss(Wh: [Double], Wx: [Double], b: [Double], readout: [Double],
                 xs: [Double], ys: [Double], nHidden: Int, nInput: Int, steps: Int) -> Double {
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
                hNew[r] = tanh(preActivation)
            }
            var y = 0.0
            for r in 0..<nHidden {
                h[r] = hNew[r]
                y += readout[r] * h[r]
            }
            let err = y - ys[t]
            loss += err * err
        }
        return loss
    }

    // MARK: Kernels/gmm.adg

    /// log Σ_i exp(v[i]) over the first `count` entries, shifted by their maximum so
    /// that no exponential overflows.
    static func logSumExp(v: [Double], count: Int) -> Double {
        var largest = v[0]
        for i in 1..<count {
            largest = max(largest, v[i])
        }
        var sum = 0.0
        for i in 0..<count {
            sum += exp(v[i] - largest)
        }
        return log(sum) + largest
    }

    /// The ADBench Gaussian mixture model objective (negative log-likelihood form
    /// used by ADBench's `gmm_objective`, plus its Wishart prior).
    ///
    /// `k` components in `d` dimensions, `n` data points `x` (row-major, `x[i * d + j]`).
    /// Component `c` has weight logit `alphas[c]`, mean `means[c * d ..< c * d + d]` and
    /// `d * (d + 1) / 2` inverse-covariance factor parameters `icf[c * icfSize ..]`:
    /// the first `d` are the logs of the diagonal of the lower-triangular factor Q_c,
    /// the rest its strictly lower part, packed column by column (ADBench's layout).
    ///
    /// Value: −n·d/2·log(2π) + Σ_i logsumexp_c(alphas[c] + Σ log diag Q_c − ½‖Q_c (x_i − μ_c)‖²)
    ///        − n·logsumexp(alphas) + Σ_c (½γ²‖Q_c‖²_F − m·Σ log diag Q_c).
    /// ADBench also subtracts the constant k·C of the Wishart normaliser, which needs
    /// lgamma; it does not depend on the parameters and is left out here.
    static func gmmObjective(alphas: [Double], means: [Double], icf: [Double], x: [Double],
                      k: Int, d: Int, n: Int, wishartGamma: Double, wishartM: Int) -> Double {
        let icfSize = d * (d + 1) / 2
        var qDiags = [Double](repeating: 0.0, count: k * d)
        var sumQs = [Double](repeating: 0.0, count: k)
        for c in 0..<k {
            for j in 0..<d {
                sumQs[c] += icf[c * icfSize + j]
                qDiags[c * d + j] = exp(icf[c * icfSize + j])
            }
        }

        var xCentered = [Double](repeating: 0.0, count: d)
        var qxCentered = [Double](repeating: 0.0, count: d)
        var mainTerm = [Double](repeating: 0.0, count: k)
        var slse = 0.0
        for i in 0..<n {
            for c in 0..<k {
                for j in 0..<d {
                    xCentered[j] = x[i * d + j] - means[c * d + j]
                }
                for j in 0..<d {
                    qxCentered[j] = qDiags[c * d + j] * xCentered[j]
                }
                var lowerIndex = c * icfSize + d
                for col in 0..<d {
                    for row in (col + 1)..<d {
                        qxCentered[row] += icf[lowerIndex] * xCentered[col]
                        lowerIndex += 1
                    }
                }
                var squaredNorm = 0.0
                for j in 0..<d {
                    squaredNorm += qxCentered[j] * qxCentered[j]
                }
                mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * squaredNorm
            }
            slse += logSumExp(v: mainTerm, count: k)
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
        return constant + slse - Double(n) * logSumExp(v: alphas, count: k) + prior
    }
}
