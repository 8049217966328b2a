// The few libclang types and functions adgen's C front end uses, declared here (layouts
// as in clang-c/Index.h, stable since LLVM 3.x) so that building adgen needs no libclang
// headers. The library itself is opened at run time (adgen_clang_load): everything that
// does not read C works without it.
#ifndef ADGEN_CLIBCLANG_H
#define ADGEN_CLIBCLANG_H

typedef struct { int kind; int xdata; const void *data[3]; } ADGenCursor;
typedef struct { int kind; void *data[2]; } ADGenType;
typedef struct { const void *ptr_data[2]; unsigned int_data; } ADGenLocation;
typedef struct { const void *ptr_data[2]; unsigned begin_int_data; unsigned end_int_data; } ADGenRange;

/// A position: 1-based line and column, byte offset, and whether it is in the main file.
typedef struct { unsigned line; unsigned column; unsigned offset; int inMainFile; } ADGenPosition;

/// Opens libclang (`path`, or the usual places when NULL). Returns 1 on success.
int adgen_clang_load(const char *path);

/// Parses `filename` (whose text is `contents`, `length` bytes) with `args`. NULL on failure.
void *adgen_clang_parse(const char *filename, const char *contents, unsigned long length,
                        const char *const *args, int argCount);
void adgen_clang_dispose(void *unit);

unsigned adgen_clang_diagnostic_count(void *unit);
/// Severity (0 ignored, 1 note, 2 warning, 3 error, 4 fatal), position and text (malloc'ed).
int adgen_clang_diagnostic(void *unit, unsigned index, ADGenPosition *position, char **message);

ADGenCursor adgen_clang_root(void *unit);
/// Writes up to `capacity` children of `cursor` into `out`; returns how many there are.
unsigned adgen_clang_children(ADGenCursor cursor, ADGenCursor *out, unsigned capacity);
/// The cursor's spelling (malloc'ed).
char *adgen_clang_spelling(ADGenCursor cursor);
ADGenPosition adgen_clang_position(ADGenCursor cursor);
/// Start and end of the cursor's extent.
void adgen_clang_extent(ADGenCursor cursor, ADGenPosition *start, ADGenPosition *end);
int adgen_clang_is_definition(ADGenCursor cursor);
/// The comment right before a declaration (malloc'ed; empty when there is none).
char *adgen_clang_comment(ADGenCursor cursor);
ADGenCursor adgen_clang_referenced(ADGenCursor cursor);
int adgen_clang_is_null(ADGenCursor cursor);

ADGenType adgen_clang_type(ADGenCursor cursor);
ADGenType adgen_clang_result_type(ADGenCursor cursor);
ADGenType adgen_clang_canonical(ADGenType type);
ADGenType adgen_clang_pointee(ADGenType type);
ADGenType adgen_clang_element(ADGenType type);
long long adgen_clang_array_size(ADGenType type);
int adgen_clang_is_const(ADGenType type);
char *adgen_clang_type_spelling(ADGenType type);

/// Evaluates a constant expression: 1 for an integer (`*integer`), 2 for a floating value
/// (`*real`), 0 when it is not a constant.
int adgen_clang_evaluate(ADGenCursor cursor, long long *integer, double *real);

/// The tokens of the cursor's extent: their count; `spellings` and `offsets` are
/// malloc'ed arrays the caller frees (each spelling too).
unsigned adgen_clang_tokens(void *unit, ADGenCursor cursor, char ***spellings, unsigned **offsets);

#endif
