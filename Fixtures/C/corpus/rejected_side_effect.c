// rejected: 5:26: error: unsupported in adgen: '++' inside an expression
double cp_side(const double *x, int n) {
    double s = 0;
    int i = 0;
    while (i < n) s += x[i++];
    return s;
}
