// rejected: 2:8: error: unsupported in adgen: structs
struct cp_point { double x, y; };
double cp_norm(double x, double y) { return x * x + y * y; }
