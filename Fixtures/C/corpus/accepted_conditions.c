// Conditions and piecewise functions.
#include <math.h>

// check: cp_max2(rand(1...2), rand(-1...0))
double cp_max2(double x, double y) { if (x > y) return x; else return y; }

// check: cp_relu_sum(rand(6), 6)
double cp_relu_sum(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] > 0 ? x[i] : 0.01 * x[i];
    return s;
}

// check: cp_abs_min_max(rand, rand)
double cp_abs_min_max(double x, double y) { return fabs(x - y) + fmin(x, y) * fmax(x, 0.5); }

// check: cp_nested_if(rand(0.2...0.8), rand(0.2...0.8))
double cp_nested_if(double x, double y) {
    double r;
    if (x < 0) {
        r = -x;
    } else if (y < 0.5) {
        if (x > y) r = x * y; else r = x + y;
    } else {
        r = x * x * y;
    }
    return r;
}

// check: cp_count_positive(rand(5), 5)
double cp_count_positive(const double *x, int n) {
    int count = 0;
    double s = 0;
    for (int i = 0; i < n; i++) {
        count += x[i] > 0;
        if (x[i] > 0 && x[i] < 0.9) s += x[i] * x[i];
    }
    return s * (1 + count);
}

// check: cp_floor_ceil(rand(0.2...0.8))
double cp_floor_ceil(double x) { return floor(3 * x) * x + ceil(x) * x * x; }
