// rejected: 2:12: error: C functions adgen differentiates return double; 'cp_index' returns 'int'
static int cp_index(int i, int j, int n) { return i * n + j; }
double cp_trace(const double *A, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += A[cp_index(i, i, n)];
    return s;
}
