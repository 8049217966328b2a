// rejected: 2:54: error: unsupported in adgen: pointers other than array parameters
double cp_first(const double *x, int n) { return n * *(x + 1); }
