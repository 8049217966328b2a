/// The static helpers generated C may need, each printed only when used (an unused
/// static function is a warning, and generated C compiles with `-Werror`).
enum CSupport: String, CaseIterable, Comparable {
    case tape = "adgen_tape"
    case fill = "adgen_fill"
    case fillInt = "adgen_fill_int"
    case copy = "adgen_copy"
    case min = "adgen_min"
    case max = "adgen_max"
    case minInt = "adgen_min_int"
    case maxInt = "adgen_max_int"
    case absInt = "adgen_abs_int"
    case polygamma = "adgen_polygamma"

    static func < (lhs: CSupport, rhs: CSupport) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// `<stdlib.h>` holds the tape's storage functions.
    var include: String? { self == .tape ? "stdlib.h" : nil }

    var definition: [String] {
        switch self {
        case .tape:
            return [
                "// A stack of saved values for the reverse sweep.",
                "typedef struct { double *data; int count; int capacity; } adgen_tape;",
                "static void adgen_tape_init(adgen_tape *tape) { tape->data = NULL; tape->count = 0; tape->capacity = 0; }",
                "static void adgen_tape_free(adgen_tape *tape) { free(tape->data); }",
                "static void adgen_tape_push(adgen_tape *tape, double value) {",
                "    if (tape->count == tape->capacity) {",
                "        int capacity = tape->capacity > 0 ? 2 * tape->capacity : 64;",
                "        double *data = realloc(tape->data, sizeof(double) * (size_t)capacity);",
                "        if (data == NULL) abort();",
                "        tape->data = data;",
                "        tape->capacity = capacity;",
                "    }",
                "    tape->data[tape->count++] = value;",
                "}",
                "static double adgen_tape_pop(adgen_tape *tape) { return tape->data[--tape->count]; }",
            ]
        case .fill:
            return ["static void adgen_fill(double *a, int n, double value) { for (int k = 0; k < n; k++) a[k] = value; }"]
        case .fillInt:
            return ["static void adgen_fill_int(int *a, int n, int value) { for (int k = 0; k < n; k++) a[k] = value; }"]
        case .copy:
            return ["static void adgen_copy(double *a, const double *b, int n) { for (int k = 0; k < n; k++) a[k] = b[k]; }"]
        case .min:
            // Swift's min and max, which adgen's derivative rules follow (ties and NaN included).
            return ["static double adgen_min(double x, double y) { return y < x ? y : x; }"]
        case .max:
            return ["static double adgen_max(double x, double y) { return y >= x ? y : x; }"]
        case .minInt:
            return ["static int adgen_min_int(int x, int y) { return y < x ? y : x; }"]
        case .maxInt:
            return ["static int adgen_max_int(int x, int y) { return y >= x ? y : x; }"]
        case .absInt:
            return ["static int adgen_abs_int(int x) { return x < 0 ? -x : x; }"]
        case .polygamma:
            return Self.polygammaDefinition
        }
    }
}
