// Basic arithmetic, as in a first-derivative test suite.

// check: cp_add(rand, rand)
double cp_add(double x, double y) { return x + y; }

// check: cp_mul_const(rand)
double cp_mul_const(double x) { return 3 * x * x - 2 * x + 1; }

// check: cp_div(rand(1...2), rand(1...2))
double cp_div(double x, double y) { return x / y - y / (x * x); }

// check: cp_unary(rand)
double cp_unary(double x) { return -x * -(x + 1); }

// check: cp_int_mix(rand, 3)
double cp_int_mix(double x, int k) { return k * x + k / 2 + (double)k / 2; }

// check: cp_locals(rand, rand)
double cp_locals(double x, double y) {
    double t = x * y;
    double u = t + x;
    t = u * u;
    u += t;
    u *= 0.5;
    u -= x;
    u /= 2;
    return u;
}

// check: cp_param_assign(rand(0.5...1.5))
double cp_param_assign(double x) {
    x = x * x;
    x += 1;
    return x;
}
