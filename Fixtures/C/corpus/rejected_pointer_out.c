// rejected: 3:5: error: unsupported in adgen: writing into the parameter array 'out'
double cp_write(const double *x, double out[]) {
    out[0] = x[0];
    return x[0] * x[0];
}
