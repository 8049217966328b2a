// rejected: 2:6: error: C functions adgen differentiates return double; 'cp_out' returns 'void'
void cp_out(const double *x, double *y) { y[0] = x[0] * x[0]; }
