// Kernels of the kinds AD tools' examples differentiate: test functions, small models, integrators.
#include <math.h>

#define N 3

// check: cp_rosenbrock(rand(4), 4)
double cp_rosenbrock(const double *x, int n) {
    double f = 0.0;
    for (int i = 0; i < n - 1; ++i) {
        double t1 = x[i + 1] - x[i] * x[i];
        double t2 = 1 - x[i];
        f += 100 * t1 * t1 + t2 * t2;
    }
    return f;
}

static double cp_sigmoid(double x) { return 1.0 / (1.0 + exp(-x)); }

// check: cp_mse(rand(2), rand(5), rand(5), 5)
double cp_mse(const double *w, const double *xs, const double *ys, int m) {
    double loss = 0.;
    for (int j = 0; j < m; j++) {
        double e = cp_sigmoid(w[0] * xs[j] + w[1]) - ys[j];
        loss += e * e;
    }
    return loss / m;
}

// check: cp_softmax_ce(rand(4), 4, 2)
double cp_softmax_ce(const double *z, int n, int label) {
    double mx = z[0];
    for (int i = 1; i < n; i++) if (z[i] > mx) mx = z[i];
    double s = 0;
    for (int i = 0; i < n; i++) s += exp(z[i] - mx);
    return log(s) + mx - z[label];
}

// check: cp_det3(rand(9))
double cp_det3(const double *a) {
    return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
}

// check: cp_oscillator(rand(0.5...2), 50)
double cp_oscillator(double k, int steps) {
    double x = 1.0, v = 0.0, dt = 0.01;
    for (int s = 0; s < steps; s++) {
        double a = -k * x;
        v += a * dt;
        x += v * dt;
    }
    return x * x + v * v;
}

// check: cp_fixed_array(rand)
double cp_fixed_array(double x) {
    double a[N] = {1.0, 2.0};
    a[2] = x;
    double p = 1;
    for (int i = 0; i < N; i++) p *= a[i] + x;
    return p;
}

// check: cp_void_cast(rand, rand, 3)
double cp_void_cast(double x, double y, int n) {
    (void)n;
    return x * 2 + y;
}
