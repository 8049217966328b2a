// Loops: counted, downward, strided, nested, while, do/while.
#include <math.h>

#define STEPS 10

// check: cp_power_loop(rand(0.5...1.2), 5)
double cp_power_loop(double x, int n) {
    double r = 1;
    for (int i = 0; i < n; i++) r *= x;
    return r;
}

// check: cp_sum_array(rand(6), 6)
double cp_sum_array(double *p, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += p[i] * p[i] + p[i];
    return s;
}

// check: cp_horner(rand(5), 5, rand)
double cp_horner(const double c[], int n, double x) {
    double r = 0;
    for (int i = n - 1; i >= 0; i--) r = r * x + c[i];
    return r;
}

// check: cp_euler(rand(0.5...1.5), rand(0.1...0.3))
double cp_euler(double y0, double k) {
    double y = y0;
    double h = 1.0 / STEPS;
    for (int s = 0; s < STEPS; ++s) y += h * (-k * y + sin(y));
    return y;
}

// check: cp_matvec_norm(rand(9), rand(3), 3)
double cp_matvec_norm(const double *A, const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
        double r = 0;
        for (int j = 0; j < n; j++) r += A[i * n + j] * x[j];
        s += r * r;
    }
    return s;
}

// check: cp_newton_sqrt(rand(1...4))
double cp_newton_sqrt(double a) {
    double x = a;
    int it = 0;
    while (fabs(x * x - a) > 1e-14 * a && it < 50) {
        x = 0.5 * (x + a / x);
        it++;
    }
    return x;
}

// check: cp_strided(rand(8), 8)
double cp_strided(const double *x, int n) {
    double even = 0, odd = 0;
    for (int i = 0; i < n; i += 2) even += x[i] * x[i];
    for (int i = 1; i < n; i += 2) odd += x[i];
    return even * odd;
}

// check: cp_do_while(rand(2...5))
double cp_do_while(double x) {
    double p = 0;
    do {
        p += x;
        x = x * 0.5;
    } while (x > 0.3);
    return p;
}

// check: cp_general_for(rand(0.5...1.5), 20)
double cp_general_for(double x, int n) {
    double s = 0;
    for (int i = 1; i < n; i *= 2) s += x / i;
    return s;
}

// check: cp_outer_index(rand(6), 6)
double cp_outer_index(const double *x, int n) {
    int i;
    double s = 0;
    for (i = 0; i < n / 2; i++) s += x[i] * x[n - 1 - i];
    return s + x[i] * i;
}
