// Early exits: `break` and `continue` in counted, while and do loops.
// check: cp_break(rand(1.2...3))
double cp_break(double x) {
    for (int i = 0; i < 10; i++) {
        if (x > 100) { x = x * 0.5; break; }
        x = x * x;
    }
    return x;
}

// check: cp_skip(rand(0.5...1.5), 9)
double cp_skip(double x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
        if (i % 3 == 1) continue;
        s += x * i;
    }
    int k = 0;
    do { k++; if (k == 2) continue; s += x * x; } while (k < 4);
    while (k < 10) { k++; if (s > 1000) break; s *= 1.1; }
    return s;
}
