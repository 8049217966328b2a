// Calls of other functions of the file, #define constants and <math.h> builtins.
#include <math.h>

#define ALPHA 0.25
#define N_TERMS 4
#define TWO_PI (2.0 * 3.141592653589793)

/* A smooth activation. */
static double softplus(double z) {
    return log1p(exp(z));
}

// check: activations(rand, rand(0.5...1.5))
/* Every <math.h> function adgen knows, once. */
double activations(double x, double y) {
    double a = sin(x) * cos(y) + tan(0.3 * x) + asin(0.5 * tanh(x)) + acos(0.25 * y) + atan(x);
    double b = atan2(x, y) + sinh(0.5 * x) + cosh(0.5 * y) + exp2(x) + log(y) + log2(y) + log10(y);
    double c = expm1(x) + sqrt(y) + cbrt(y + 1) + pow(y, 1.5) + hypot(x, y) + floor(x) + ceil(y);
    return a + b + c + softplus(ALPHA * x);
}

// check: fourier(rand(4), rand)
/* A truncated Fourier series with coefficients c at t. */
double fourier(const double c[], double t) {
    double s = 0.0;
    for (int k = 0; k < N_TERMS; k++) {
        s += c[k] * sin(TWO_PI * (k + 1) * t) / (k + 1);
    }
    return s + softplus(s);
}
