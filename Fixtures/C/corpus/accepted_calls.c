// Calls of functions of the file and of <math.h>.
#include <math.h>

static double cp_sq(double v) { return v * v; }

static double cp_poly(double a, double b) { return cp_sq(a) + 3 * a * b; }

// check: cp_nested_calls(rand, rand)
double cp_nested_calls(double x, double y) { return cp_poly(cp_sq(x), y) - cp_sq(cp_poly(y, x)); }

// check: cp_trig(rand, rand)
double cp_trig(double x, double y) { return sin(x) * cos(y) + tan(x * y) + atan2(y, 1.5 + x); }

// check: cp_exp_log(rand(0.5...2), rand(0.5...2))
double cp_exp_log(double x, double y) { return exp(x) * log(y) + pow(x, y) + sqrt(x + y) + log10(y) + exp2(x); }

// check: cp_pow_int(rand(0.5...2), 3)
double cp_pow_int(double x, int n) { return pow(x, n) + pow(x, 2) + pow(2.0, x); }

// check: cp_hyperbolic(rand, rand)
double cp_hyperbolic(double x, double y) { return tanh(x) + sinh(y) * cosh(x) + hypot(x, y) + cbrt(1 + y * y); }

// check: cp_logistic(rand, rand(3), rand(3), 3)
double cp_logistic(double b, const double *w, const double *x, int n) {
    double z = b;
    for (int i = 0; i < n; i++) z += w[i] * x[i];
    return log1p(exp(-z));
}

// check: cp_gauss_cdf(rand(-3...3))
double cp_gauss_cdf(double x) { return 0.5 * (1 + erf(x / sqrt(2.0))); }

// check: cp_log_beta(rand(0.5...3), rand(0.5...3))
double cp_log_beta(double a, double b) { return lgamma(a) + lgamma(b) - lgamma(a + b) + erfc(a - b); }

// check: cp_pi(rand)
double cp_pi(double x) { return sin(M_PI * x) + M_PI_2; }

static double cp_dot(const double *a, const double *b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

// check: cp_array_calls(rand(4), rand(4), 4)
double cp_array_calls(const double *x, const double *y, int n) {
    double z[4];
    for (int i = 0; i < n; i++) z[i] = sin(x[i]) + y[i];
    double s = 0;
    for (int k = 0; k < 3; k++) s += cp_dot(x, z, n) * cp_dot(y, y, n) / (k + 1);
    return s + cp_dot(z, z, n);
}
