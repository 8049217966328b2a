// rejected: 2:59: error: unsupported in adgen: recursion ('cp_fact' calls itself)
double cp_fact(double x, int n) { return n <= 1 ? x : x * cp_fact(x, n - 1); }
