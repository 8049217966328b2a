// Strided and downward loops, nested loops, ++/-- and a parameter assigned in the body.
#include <math.h>

// check: stencil_energy(rand(8), 8, rand(0.5...1.5))
/* A 3-point stencil over the interior, a strided pass and a downward pass. */
double stencil_energy(const double *u, int n, double k) {
    double e = 0.0;
    for (int i = 1; i < n - 1; i++) {
        double d = u[i - 1] - 2 * u[i] + u[i + 1];
        e += k * d * d;
    }
    for (int i = 0; i < n; i += 2) {
        e += 0.5 * u[i] * u[i];
    }
    for (int i = n - 1; i >= 0; i--) {
        e -= 0.1 * u[i] * e / n;
    }
    k = k * k;
    return e * k;
}

// check: pairwise(rand(5), 5)
/* Sum over pairs i < j of a smooth kernel of their difference. */
double pairwise(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            double d = x[i] - x[j];
            s += exp(-d * d);
        }
    }
    int m = n;
    m--;
    return s / m;
}
