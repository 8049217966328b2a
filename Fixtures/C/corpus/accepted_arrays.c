// Local arrays written and read.

// check: cp_local_array(rand(4), 4)
double cp_local_array(const double *x, int n) {
    double y[n];
    for (int i = 0; i < n; i++) y[i] = x[i] * x[i];
    for (int i = 1; i < n; i++) y[i] += y[i - 1];
    return y[n - 1] * y[0];
}

// check: cp_init_list(rand, rand)
double cp_init_list(double a, double b) {
    double v[3] = {a, b, a * b};
    double s = 0;
    for (int i = 0; i < 3; i++) s += v[i] * (i + 1);
    return s;
}

// check: cp_int_table(rand(4), 4)
double cp_int_table(const double *x, int n) {
    int order[4] = {3, 1, 0, 2};
    double s = 0;
    for (int i = 0; i < n; i++) s += x[order[i]] * (i + 1) * x[i];
    return s;
}

// check: cp_stencil_steps(rand(6), 6)
double cp_stencil_steps(const double *u0, int n) {
    double u[6];
    double v[6];
    for (int i = 0; i < n; i++) u[i] = u0[i];
    for (int t = 0; t < 3; t++) {
        v[0] = u[0];
        v[n - 1] = u[n - 1];
        for (int i = 1; i < n - 1; i++) v[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
        for (int i = 0; i < n; i++) u[i] = v[i] * v[i];
    }
    double s = 0;
    for (int i = 0; i < n; i++) s += u[i];
    return s;
}
