// rejected: 2:25: error: unsupported in adgen: parameter type
double cp_trace2(double A[3][3]) { return A[0][0] + A[1][1] + A[2][2]; }
