"""The benchmark kernels in JAX, timed against adgen's generated gradients.

`make bench-peers` first runs `ADGenBench --json FILE`, which writes every kernel's
inputs, adgen's value and gradients and its timings; this script reads FILE, runs
`jax.jit(jax.value_and_grad(...))` of each kernel in two forms on the same inputs,
checks the result against adgen's, times it and prints one table.

Forms:
  loop        mirrors Benchmarks/ADGenBench/Kernels/*.adg: every loop is a
              `lax.fori_loop` (its reverse is a scan), every element write an
              `.at[...].set/add`. Two loop nests of the .adg whose inner trip count
              depends on the outer index (stress's `j in (i+1)..<n`, GMM's strictly
              lower triangle) become one `fori_loop` over a static table of index
              pairs: `jax.grad` cannot reverse a loop with a traced trip count.
  unrolled    the same code with every innermost loop (no loop inside it: stress's
              d = 3 coordinates, MLP's 16 inputs, GMM's d = 4 entries, ...) a Python
              `for`, unrolled at trace time, as a JAX user writes a short fixed-size
              loop; each trip of XLA's CPU while loop has a fixed cost, which
              dominates the rolled loop form.
  vectorized  what a JAX user would write: whole-array operations (RNN: `lax.scan`
              over time of matrix-vector products, since the recurrence is serial).

Usage: jax_kernels.py ADGEN_JSON [--repetitions N] [--min-ms MS] [--only KERNEL]...
"""
import argparse
import functools
import json
import math
import os
import sys
import time

os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
from jax import lax  # noqa: E402
from jax.scipy.special import logsumexp  # noqa: E402

jax.config.update("jax_enable_x64", True)

TOLERANCE = 1e-10


def inner_loop(lower, upper, body, init, *, unroll):
    """An innermost loop of a .adg kernel: `lax.fori_loop`, or with `unroll` a Python
    `for` that traces the body once per trip (`fori_loop(..., unroll=True)` keeps
    the scan machinery and measured slower here)."""
    if not unroll:
        return lax.fori_loop(lower, upper, body, init)
    value = init
    for index in range(lower, upper):
        value = body(index, value)
    return value


# --- MDS stress: Σ_{i<j} (‖x_i − x_j‖ − dist[i*n+j])², wrt x -------------------------

def upper_pairs(n):
    """(i, j) for i < j, in the .adg's loop order (i outer, j inner)."""
    i, j = np.triu_indices(n, 1)
    return jnp.asarray(i), jnp.asarray(j)


def stress_loop(x, dist, *, n, d, unroll_inner):
    pair_i, pair_j = upper_pairs(n)

    def pair(p, total):
        i, j = pair_i[p], pair_j[p]

        def coordinate(k, squared):
            diff = x[i * d + k] - x[j * d + k]
            return squared + diff * diff

        squared = inner_loop(0, d, coordinate, 0.0, unroll=unroll_inner)
        residual = jnp.sqrt(squared) - dist[i * n + j]
        return total + residual * residual

    return lax.fori_loop(0, pair_i.shape[0], pair, 0.0)


def stress_vectorized(x, dist, *, n, d):
    pair_i, pair_j = upper_pairs(n)
    points = x.reshape(n, d)
    diff = points[pair_i] - points[pair_j]
    residual = jnp.sqrt(jnp.sum(diff * diff, axis=1)) - dist[pair_i * n + pair_j]
    return jnp.sum(residual * residual)


# --- MLP: mean squared error of 16 → 32 tanh → 1, wrt W1, b1, W2, b2 ------------------

def mlp_loop(W1, b1, W2, b2, X, Y, *, nIn, nHidden, batch, unroll_inner):
    def sample(s, loss):
        def hidden(h, out):
            def feature(i, pre):
                return pre + W1[h * nIn + i] * X[s * nIn + i]

            pre_activation = inner_loop(0, nIn, feature, b1[h], unroll=unroll_inner)
            return out + W2[h] * jnp.tanh(pre_activation)

        out = lax.fori_loop(0, nHidden, hidden, b2)
        err = out - Y[s]
        return loss + err * err

    return lax.fori_loop(0, batch, sample, 0.0) / batch


def mlp_vectorized(W1, b1, W2, b2, X, Y, *, nIn, nHidden, batch):
    hidden = jnp.tanh(X.reshape(batch, nIn) @ W1.reshape(nHidden, nIn).T + b1)
    err = hidden @ W2 + b2 - Y
    return jnp.mean(err * err)


# --- RNN: Σ_t (readout · h_{t+1} − ys[t])², wrt Wh, Wx, b, readout --------------------

def rnn_loop(Wh, Wx, b, readout, xs, ys, *, nHidden, nInput, steps, unroll_inner):
    def step(t, carry):
        h, h_new, loss = carry

        def row(r, h_new):
            pre = inner_loop(
                0, nHidden, lambda c, pre: pre + Wh[r * nHidden + c] * h[c], b[r], unroll=unroll_inner)
            pre = inner_loop(
                0, nInput, lambda c, pre: pre + Wx[r * nInput + c] * xs[t * nInput + c], pre,
                unroll=unroll_inner)
            return h_new.at[r].set(jnp.tanh(pre))

        h_new = lax.fori_loop(0, nHidden, row, h_new)

        def read(r, carry):
            h, y = carry
            h = h.at[r].set(h_new[r])
            return h, y + readout[r] * h[r]

        h, y = inner_loop(0, nHidden, read, (h, 0.0), unroll=unroll_inner)
        err = y - ys[t]
        return h, h_new, loss + err * err

    zeros = jnp.zeros(nHidden)
    return lax.fori_loop(0, steps, step, (zeros, zeros, 0.0))[2]


def rnn_vectorized(Wh, Wx, b, readout, xs, ys, *, nHidden, nInput, steps):
    recurrent = Wh.reshape(nHidden, nHidden)
    driven = xs.reshape(steps, nInput) @ Wx.reshape(nHidden, nInput).T + b  # every step's input term

    def step(h, inputs):
        drive, target = inputs
        h = jnp.tanh(recurrent @ h + drive)
        err = readout @ h - target
        return h, err * err

    _, losses = lax.scan(step, jnp.zeros(nHidden), (driven, ys))
    return jnp.sum(losses)


# --- GMM: ADBench's gmm_objective with its Wishart prior, wrt alphas, means, icf ------

def lower_pairs(d):
    """(row, col) of Q's strictly lower entries in icf's packing order (column by column)."""
    pairs = [(row, col) for col in range(d) for row in range(col + 1, d)]
    return jnp.asarray([r for r, _ in pairs], dtype=int), jnp.asarray([c for _, c in pairs], dtype=int)


def log_sum_exp_loop(v, count, unroll_inner):
    largest = inner_loop(1, count, lambda i, m: jnp.maximum(m, v[i]), v[0], unroll=unroll_inner)
    total = inner_loop(0, count, lambda i, s: s + jnp.exp(v[i] - largest), 0.0, unroll=unroll_inner)
    return jnp.log(total) + largest


def gmm_loop(alphas, means, icf, x, *, k, d, n, wishartGamma, wishartM, unroll_inner):
    icf_size = d * (d + 1) // 2
    lower_row, lower_col = lower_pairs(d)

    def diagonal(c, carry):
        def entry(j, carry):
            q_diags, sum_qs = carry
            sum_qs = sum_qs.at[c].add(icf[c * icf_size + j])
            q_diags = q_diags.at[c * d + j].set(jnp.exp(icf[c * icf_size + j]))
            return q_diags, sum_qs

        return inner_loop(0, d, entry, carry, unroll=unroll_inner)

    q_diags, sum_qs = lax.fori_loop(0, k, diagonal, (jnp.zeros(k * d), jnp.zeros(k)))

    def point(i, carry):
        def component(c, carry):
            x_centered, qx_centered, main_term = carry
            x_centered = inner_loop(
                0, d, lambda j, v: v.at[j].set(x[i * d + j] - means[c * d + j]), x_centered,
                unroll=unroll_inner)
            qx_centered = inner_loop(
                0, d, lambda j, v: v.at[j].set(q_diags[c * d + j] * x_centered[j]), qx_centered,
                unroll=unroll_inner)

            def lower(p, v):
                return v.at[lower_row[p]].add(icf[c * icf_size + d + p] * x_centered[lower_col[p]])

            qx_centered = inner_loop(0, lower_row.shape[0], lower, qx_centered, unroll=unroll_inner)
            squared_norm = inner_loop(
                0, d, lambda j, s: s + qx_centered[j] * qx_centered[j], 0.0, unroll=unroll_inner)
            main_term = main_term.at[c].set(alphas[c] + sum_qs[c] - 0.5 * squared_norm)
            return x_centered, qx_centered, main_term

        x_centered, qx_centered, main_term, slse = carry
        x_centered, qx_centered, main_term = lax.fori_loop(
            0, k, component, (x_centered, qx_centered, main_term))
        return x_centered, qx_centered, main_term, slse + log_sum_exp_loop(main_term, k, unroll_inner)

    slse = lax.fori_loop(0, n, point, (jnp.zeros(d), jnp.zeros(d), jnp.zeros(k), 0.0))[3]

    def prior_term(c, prior):
        frobenius = inner_loop(
            0, d, lambda j, f: f + q_diags[c * d + j] * q_diags[c * d + j], 0.0, unroll=unroll_inner)
        frobenius = inner_loop(
            d, icf_size, lambda j, f: f + icf[c * icf_size + j] * icf[c * icf_size + j], frobenius,
            unroll=unroll_inner)
        return prior + 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sum_qs[c]

    prior = lax.fori_loop(0, k, prior_term, 0.0)
    constant = -(n * d) * 0.5 * math.log(2.0 * math.pi)
    return constant + slse - n * log_sum_exp_loop(alphas, k, unroll_inner) + prior


def gmm_vectorized(alphas, means, icf, x, *, k, d, n, wishartGamma, wishartM):
    icf_size = d * (d + 1) // 2
    lower_row, lower_col = lower_pairs(d)
    packed = icf.reshape(k, icf_size)
    log_diagonal, lower = packed[:, :d], packed[:, d:]
    sum_qs = jnp.sum(log_diagonal, axis=1)
    q_diagonal = jnp.exp(log_diagonal)
    diagonal = jnp.arange(d)
    Q = (jnp.zeros((k, d, d))
         .at[:, diagonal, diagonal].set(q_diagonal)
         .at[:, lower_row, lower_col].set(lower))
    centered = x.reshape(n, 1, d) - means.reshape(1, k, d)          # n × k × d
    q_centered = jnp.einsum("kij,nkj->nki", Q, centered)
    main_term = alphas + sum_qs - 0.5 * jnp.sum(q_centered * q_centered, axis=2)
    slse = jnp.sum(logsumexp(main_term, axis=1))
    frobenius = jnp.sum(q_diagonal * q_diagonal, axis=1) + jnp.sum(lower * lower, axis=1)
    prior = jnp.sum(0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sum_qs)
    constant = -(n * d) * 0.5 * math.log(2.0 * math.pi)
    return constant + slse - n * logsumexp(alphas) + prior


# --- registry: kernel name (as ADGenBench calls it) → argument order and forms ---------

def forms(loop, vectorized):
    return {
        "loop": functools.partial(loop, unroll_inner=False),
        "unrolled": functools.partial(loop, unroll_inner=True),
        "vectorized": vectorized,
    }


KERNELS = {
    "stress": (["x", "dist"], forms(stress_loop, stress_vectorized)),
    "mlpLoss": (["W1", "b1", "W2", "b2", "X", "Y"], forms(mlp_loop, mlp_vectorized)),
    "rnnLoss": (["Wh", "Wx", "b", "readout", "xs", "ys"], forms(rnn_loop, rnn_vectorized)),
    "gmmObjective": (["alphas", "means", "icf", "x"], forms(gmm_loop, gmm_vectorized)),
}
FORMS = ("loop", "unrolled", "vectorized")


def relative_difference(a, b):
    """max_i |a_i − b_i| / max_i |b_i|, as Benchmarks/ADGenBench/Checks.swift measures it."""
    a, b = np.ravel(np.asarray(a, dtype=np.float64)), np.ravel(np.asarray(b, dtype=np.float64))
    if a.shape != b.shape:
        return math.inf
    largest = float(np.max(np.abs(a - b)))
    if largest == 0.0:
        return 0.0
    if math.isnan(largest):
        return math.inf
    return largest / max(float(np.max(np.abs(b))), np.finfo(np.float64).tiny)


def arguments_of(kernel, order):
    """Positional jnp arguments (active first, as in the .adg signature) and static sizes."""
    inputs = kernel["inputs"]
    values = {**inputs["arrays"], **inputs["reals"]}
    arguments = [jnp.asarray(values[name], dtype=jnp.float64) for name in order]
    sizes = dict(inputs["integers"])
    sizes.update({name: value for name, value in inputs["reals"].items() if name not in order})
    return arguments, sizes


def compiled_gradient(function, active_count, sizes):
    """jit(value_and_grad) wrt the first `active_count` arguments; sizes are static."""
    def kernel(*arguments):
        return function(*arguments, **sizes)
    return jax.jit(jax.value_and_grad(kernel, argnums=tuple(range(active_count))))


def timed_batch(call, calls):
    start = time.perf_counter_ns()
    for _ in range(calls):
        jax.block_until_ready(call())
    return time.perf_counter_ns() - start


def measure(call, repetitions, minimum_ns, warmup_ns=50_000_000):
    """ADGenBench's scheme (Timing.swift): warm-up that calibrates a batch lasting
    ≥ minimum_ns, then `repetitions` batches; minimum and median ns per call."""
    calls, spent = 1, 0
    while True:
        elapsed = timed_batch(call, calls)
        spent += elapsed
        long_enough = elapsed >= minimum_ns
        if long_enough and spent >= warmup_ns:
            break
        if not long_enough:
            factor = 10.0 if elapsed == 0 else min(10.0, max(1.5, 1.2 * minimum_ns / elapsed))
            calls = math.ceil(calls * factor)
    per_call = sorted(timed_batch(call, calls) / calls for _ in range(max(1, repetitions)))
    middle = len(per_call) // 2
    median = per_call[middle] if len(per_call) % 2 else 0.5 * (per_call[middle - 1] + per_call[middle])
    return per_call[0], median


def format_duration(ns):
    """'812 ns', '12.3 µs', '4.56 ms', as ADGenBench prints them."""
    if ns is None:
        return "-"
    if ns < 1e3:
        return f"{ns:.0f} ns"
    for limit, scale, unit in ((1e6, 1e3, "µs"), (1e9, 1e6, "ms")):
        if ns < limit:
            value = ns / scale
            return f"{value:.2f} {unit}" if value < 10 else f"{value:.1f} {unit}"
    return f"{ns / 1e9:.2f} s"


def format_ratio(numerator, denominator):
    if numerator is None or not denominator:
        return "-"
    ratio = numerator / denominator
    return f"{ratio:.2f}×" if ratio < 100 else f"{ratio:.0f}×"


def print_table(header, rows):
    widths = [max(len(str(row[c])) for row in [header] + rows) for c in range(len(header))]

    def line(cells):
        return "| " + " | ".join(
            str(cell).ljust(w) if c == 0 else str(cell).rjust(w)
            for c, (cell, w) in enumerate(zip(cells, widths))) + " |"

    print(line(header))
    rule = ("-" * (w + 2) if c == 0 else "-" * (w + 1) + ":" for c, w in enumerate(widths))
    print("|" + "|".join(rule) + "|")
    for row in rows:
        print(line(row))


def check(name, form, result, kernel):
    """Worst relative difference of JAX's value and gradients from adgen's."""
    value, gradients = result
    worst = relative_difference([value], [kernel["adgenValue"]])
    for parameter, gradient, reference in zip(kernel["activeNames"], gradients, kernel["adgenGradients"]):
        difference = relative_difference(gradient, reference)
        worst = max(worst, difference)
        if difference > TOLERANCE:
            print(f"    MISMATCH: {name} {form}: d{parameter} differs by {difference:.1e} relative")
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("adgen_json", help="the file `ADGenBench --json FILE` wrote")
    parser.add_argument("--repetitions", type=int, help="default: as the Swift run")
    parser.add_argument("--min-ms", type=float, help="minimum time per repetition; default: as the Swift run")
    parser.add_argument("--only", action="append", default=[], help="kernel name (repeatable)")
    options = parser.parse_args()
    with open(options.adgen_json) as file:
        exported = json.load(file)
    repetitions = options.repetitions or exported["repetitions"]
    minimum_ns = 1e6 * (options.min_ms or exported["minimumRepetitionMilliseconds"])
    kernels = [k for k in exported["kernels"] if not options.only or k["name"] in options.only]

    print(f"== JAX {jax.__version__} (jaxlib {jax.lib.__version__}), {jax.devices()[0].platform.upper()}, "
          f"float64; jit(value_and_grad) on ADGenBench's inputs ==")
    print(f"== Checks (value and gradients agree with adgen's to {TOLERANCE:g} relative) ==")
    prepared, failed = [], False
    for kernel in kernels:
        order, forms = KERNELS[kernel["name"]]
        arguments, sizes = arguments_of(kernel, order)
        for form, function in forms.items():
            gradient = compiled_gradient(function, len(kernel["activeNames"]), sizes)
            start = time.perf_counter_ns()
            result = jax.block_until_ready(gradient(*arguments))  # trace, compile, run once
            compile_ns = time.perf_counter_ns() - start
            worst = check(kernel["name"], form, result, kernel)
            ok = worst <= TOLERANCE
            failed |= not ok
            print(f"  {'ok  ' if ok else 'FAIL'} {kernel['name']} {form}: worst rel diff {worst:.1e}, "
                  f"first call (trace + compile + run) {format_duration(compile_ns)}")
            prepared.append((kernel, form, gradient, arguments, compile_ns, worst))
    if failed:
        print("error: a JAX gradient disagrees with adgen's; not timing anything")
        sys.exit(1)

    print()
    print(f"== Timing: {repetitions} repetitions of ≥ {minimum_ns / 1e6:g} ms each, per call "
          f"(each call waits for its result) ==")
    timings = {}
    for kernel, form, gradient, arguments, compile_ns, worst in prepared:
        timings[(kernel["name"], form)] = measure(lambda: gradient(*arguments), repetitions, minimum_ns)
        print(f"  timed {kernel['name']} {form}")
    floor_input = jnp.zeros(240)
    floor = jax.jit(lambda v: v + 1.0)
    floor_minimum, _ = measure(lambda: floor(floor_input), repetitions, minimum_ns)

    def per_call(timing, pick):
        return timing["minimumNanoseconds" if pick == 0 else "medianNanoseconds"]

    for title, pick in (("minimum", 0), ("median", 1)):
        print()
        print(f"Time per call, {title} over repetitions (adgen and hand: the ADGenBench run just before):")
        print()
        header = ["kernel", "adgen grad", "hand grad", "JAX loop", "JAX unrolled", "JAX vectorized",
                  "loop/adgen", "unrolled/adgen", "vectorized/adgen"]
        rows = []
        for kernel in kernels:
            adgen = per_call(kernel["timings"]["adgen"], pick)
            jax_times = [timings[(kernel["name"], form)][pick] for form in FORMS]
            hand = per_call(kernel["timings"]["hand"], pick)
            rows.append([kernel["name"], format_duration(adgen), format_duration(hand)]
                        + [format_duration(t) for t in jax_times]
                        + [format_ratio(t, adgen) for t in jax_times])
        print_table(header, rows)
    print()
    print("First call of each JAX gradient (trace + compile + one run; not in the times above):")
    print()
    print_table(["kernel"] + [f"JAX {form}" for form in FORMS],
                [[kernel["name"]] + [format_duration(c) for form in FORMS
                                     for k, f, _, _, c, _ in prepared if k is kernel and f == form]
                 for kernel in kernels])
    print()
    print(f"JAX per-call floor (jit of v + 1 on 240 doubles, minimum): {format_duration(floor_minimum)}")


if __name__ == "__main__":
    main()
