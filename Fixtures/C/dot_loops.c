// Loops over arrays: reads of parameter arrays, a local array written and read, while.
#include <math.h>

// check: weighted_norm(rand(6), rand(6), 6)
/* Squared weighted norm through a local array of products. */
double weighted_norm(const double *x, double w[], int n) {
    double p[16];
    for (int i = 0; i < n; i++) {
        p[i] = w[i] * x[i];
    }
    double s = 0.0;
    int i = 0;
    while (i < n) {
        s += p[i] * p[i];
        i++;
    }
    return sqrt(s + 1e-12);
}

// check: running_product(rand(5, 0.5...1.5), 5)
/* A cumulative product kept in a local array, then summed. */
double running_product(const double *x, int n) {
    double c[n];
    c[0] = x[0];
    for (int i = 1; i < n; ++i) {
        c[i] = c[i - 1] * x[i];
    }
    double total = 0;
    for (int i = 0; i < n; i++) total += c[i] / (i + 1);
    return total;
}
