// An early exit: `return` inside a loop (accepted since the language gained early exits).
// check: cp_early(rand(1...8), 6)
double cp_early(double x, int n) {
    for (int i = 0; i < n; i++) {
        x = x * 1.5;
        if (x > 10) return x;
    }
    return x;
}
