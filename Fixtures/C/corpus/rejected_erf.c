// rejected: 3:51: error: unsupported in adgen: calling 'erf'
#include <math.h>
double cp_gauss_cdf(double x) { return 0.5 * (1 + erf(x / sqrt(2.0))); }
