// rejected: 2:22: error: unsupported in adgen: parameter type 'float'
float cp_float(float x) { return x * x; }
