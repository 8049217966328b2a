// Branches, the conditional operator, do/while and piecewise <math.h> functions.
#include <math.h>

// check: huber(rand(2...3), 1.0)
// check: huber(rand(-0.5...0.5), 1.0)
/* The Huber loss of r with threshold delta. */
double huber(double r, double delta) {
    double a = fabs(r);
    if (a <= delta) {
        return 0.5 * r * r;
    } else if (a < 10 * delta) {
        return delta * (a - 0.5 * delta);
    }
    return delta * a;
}

// check: clipped_sum(rand(5), 5, 0.5)
/* Sum of values clipped to [-c, c], with a count of the clipped ones. */
double clipped_sum(const double *x, int n, double c) {
    double s = 0;
    int clipped = 0;
    for (int i = 0; i < n; i++) {
        double v = fmin(fmax(x[i], -c), c);
        clipped += (v != x[i]);
        s += v > 0 ? v * v : -v;
    }
    return s + 0.01 * clipped * c;
}

// check: halve_until(rand(3...9), 0.7)
/* Halves x until it drops below tol (at least once), squaring a running factor. */
double halve_until(double x, double tol) {
    double p = 1.0;
    int steps = 0;
    do {
        x = x / 2;
        p *= 1.0 + 0.1 * x;
        steps++;
    } while (x > tol && steps < 100);
    return p + x;
}
