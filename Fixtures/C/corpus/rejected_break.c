// rejected: 4:37: error: unsupported in adgen: 'break'
double cp_break(double x) {
    for (int i = 0; i < 10; i++) {
        if (x > 100) { x = x * 0.5; break; }
        x = x * x;
    }
    return x;
}
