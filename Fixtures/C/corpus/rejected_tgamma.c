// rejected: 3:42: error: unsupported in adgen: calling 'tgamma'
#include <math.h>
double cp_gamma_ratio(double x) { return tgamma(x + 1) / tgamma(x); }
