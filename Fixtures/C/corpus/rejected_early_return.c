// rejected: 5:21: error: unsupported in adgen: 'return' inside a loop
double cp_early(double x, int n) {
    for (int i = 0; i < n; i++) {
        x = x * 1.5;
        if (x > 10) return x;
    }
    return x;
}
