// Opens libclang with dlopen and forwards the calls adgen needs (see CLibClang.h).
#include "CLibClang.h"
#include <dlfcn.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>

typedef struct { const void *data; unsigned private_flags; } CXString;
typedef struct { unsigned int_data[4]; void *ptr_data; } CXToken;
typedef struct { const char *Filename; const char *Contents; unsigned long Length; } CXUnsavedFile;
typedef void *CXFile;
typedef int (*Visitor)(ADGenCursor, ADGenCursor, void *);

#define FUNCTIONS(X) \
    X(void *, clang_createIndex, (int, int)) \
    X(int, clang_parseTranslationUnit2, (void *, const char *, const char *const *, int, CXUnsavedFile *, unsigned, unsigned, void **)) \
    X(void, clang_disposeTranslationUnit, (void *)) \
    X(unsigned, clang_getNumDiagnostics, (void *)) \
    X(void *, clang_getDiagnostic, (void *, unsigned)) \
    X(int, clang_getDiagnosticSeverity, (void *)) \
    X(ADGenLocation, clang_getDiagnosticLocation, (void *)) \
    X(CXString, clang_getDiagnosticSpelling, (void *)) \
    X(void, clang_disposeDiagnostic, (void *)) \
    X(ADGenCursor, clang_getTranslationUnitCursor, (void *)) \
    X(unsigned, clang_visitChildren, (ADGenCursor, Visitor, void *)) \
    X(CXString, clang_getCursorSpelling, (ADGenCursor)) \
    X(ADGenLocation, clang_getCursorLocation, (ADGenCursor)) \
    X(ADGenRange, clang_getCursorExtent, (ADGenCursor)) \
    X(ADGenLocation, clang_getRangeStart, (ADGenRange)) \
    X(ADGenLocation, clang_getRangeEnd, (ADGenRange)) \
    X(void, clang_getExpansionLocation, (ADGenLocation, CXFile *, unsigned *, unsigned *, unsigned *)) \
    X(int, clang_Location_isFromMainFile, (ADGenLocation)) \
    X(unsigned, clang_isCursorDefinition, (ADGenCursor)) \
    X(CXString, clang_Cursor_getRawCommentText, (ADGenCursor)) \
    X(ADGenCursor, clang_getCursorReferenced, (ADGenCursor)) \
    X(int, clang_Cursor_isNull, (ADGenCursor)) \
    X(ADGenType, clang_getCursorType, (ADGenCursor)) \
    X(ADGenType, clang_getCursorResultType, (ADGenCursor)) \
    X(ADGenType, clang_getCanonicalType, (ADGenType)) \
    X(ADGenType, clang_getPointeeType, (ADGenType)) \
    X(ADGenType, clang_getArrayElementType, (ADGenType)) \
    X(long long, clang_getArraySize, (ADGenType)) \
    X(unsigned, clang_isConstQualifiedType, (ADGenType)) \
    X(CXString, clang_getTypeSpelling, (ADGenType)) \
    X(void *, clang_Cursor_Evaluate, (ADGenCursor)) \
    X(int, clang_EvalResult_getKind, (void *)) \
    X(long long, clang_EvalResult_getAsLongLong, (void *)) \
    X(double, clang_EvalResult_getAsDouble, (void *)) \
    X(void, clang_EvalResult_dispose, (void *)) \
    X(void, clang_tokenize, (void *, ADGenRange, CXToken **, unsigned *)) \
    X(CXString, clang_getTokenSpelling, (void *, CXToken)) \
    X(ADGenLocation, clang_getTokenLocation, (void *, CXToken)) \
    X(void, clang_disposeTokens, (void *, CXToken *, unsigned)) \
    X(const char *, clang_getCString, (CXString)) \
    X(void, clang_disposeString, (CXString))

#define DECLARE(result, name, parameters) static result(*p_##name) parameters;
FUNCTIONS(DECLARE)

static void *library;
static void *index_;

static int bind(void *handle) {
    int ok = 1;
#define BIND(result, name, parameters) \
    *(void **)(&p_##name) = dlsym(handle, #name); \
    if (!p_##name) ok = 0;
    FUNCTIONS(BIND)
    return ok;
}

static void *open_first_match(const char *pattern) {
    glob_t found;
    void *handle = NULL;
    if (glob(pattern, 0, NULL, &found) == 0) {
        // glob sorts names; the last is the newest LLVM.
        for (size_t i = found.gl_pathc; i > 0 && !handle; i--) handle = dlopen(found.gl_pathv[i - 1], RTLD_NOW);
        globfree(&found);
    }
    return handle;
}

int adgen_clang_load(const char *path) {
    if (library) return 1;
    void *handle = NULL;
    if (path) {
        handle = dlopen(path, RTLD_NOW);
    } else {
        const char *names[] = {"libclang.so", "libclang.so.1"};
        for (int i = 0; i < 2 && !handle; i++) handle = dlopen(names[i], RTLD_NOW);
        if (!handle) handle = open_first_match("/usr/lib/llvm-*/lib/libclang.so");
        if (!handle) handle = open_first_match("/usr/lib/llvm-*/lib/libclang.so.1");
        if (!handle) handle = open_first_match("/usr/lib/*-linux-gnu/libclang-*.so.1");
    }
    if (!handle) return 0;
    if (!bind(handle)) {
        dlclose(handle);
        return 0;
    }
    library = handle;
    index_ = p_clang_createIndex(0, 0);
    return index_ != NULL;
}

static char *copy_string(CXString string) {
    const char *text = p_clang_getCString(string);
    char *copy = strdup(text ? text : "");
    p_clang_disposeString(string);
    return copy;
}

static ADGenPosition position_of(ADGenLocation location) {
    ADGenPosition position = {0, 0, 0, 0};
    CXFile file = NULL;
    p_clang_getExpansionLocation(location, &file, &position.line, &position.column, &position.offset);
    position.inMainFile = p_clang_Location_isFromMainFile(location);
    return position;
}

void *adgen_clang_parse(const char *filename, const char *contents, unsigned long length,
                        const char *const *args, int argCount) {
    CXUnsavedFile unsaved = {filename, contents, length};
    void *unit = NULL;
    if (p_clang_parseTranslationUnit2(index_, filename, args, argCount, &unsaved, 1, 0, &unit) != 0) return NULL;
    return unit;
}

void adgen_clang_dispose(void *unit) { p_clang_disposeTranslationUnit(unit); }

unsigned adgen_clang_diagnostic_count(void *unit) { return p_clang_getNumDiagnostics(unit); }

int adgen_clang_diagnostic(void *unit, unsigned index, ADGenPosition *position, char **message) {
    void *diagnostic = p_clang_getDiagnostic(unit, index);
    int severity = p_clang_getDiagnosticSeverity(diagnostic);
    *position = position_of(p_clang_getDiagnosticLocation(diagnostic));
    *message = copy_string(p_clang_getDiagnosticSpelling(diagnostic));
    p_clang_disposeDiagnostic(diagnostic);
    return severity;
}

ADGenCursor adgen_clang_root(void *unit) { return p_clang_getTranslationUnitCursor(unit); }

typedef struct { ADGenCursor *out; unsigned capacity; unsigned count; } Collector;

static int collect(ADGenCursor cursor, ADGenCursor parent, void *data) {
    (void)parent;
    Collector *collector = data;
    if (collector->count < collector->capacity) collector->out[collector->count] = cursor;
    collector->count++;
    return 1;  // CXChildVisit_Continue
}

unsigned adgen_clang_children(ADGenCursor cursor, ADGenCursor *out, unsigned capacity) {
    Collector collector = {out, capacity, 0};
    p_clang_visitChildren(cursor, collect, &collector);
    return collector.count;
}

char *adgen_clang_spelling(ADGenCursor cursor) { return copy_string(p_clang_getCursorSpelling(cursor)); }

ADGenPosition adgen_clang_position(ADGenCursor cursor) { return position_of(p_clang_getCursorLocation(cursor)); }

void adgen_clang_extent(ADGenCursor cursor, ADGenPosition *start, ADGenPosition *end) {
    ADGenRange range = p_clang_getCursorExtent(cursor);
    *start = position_of(p_clang_getRangeStart(range));
    *end = position_of(p_clang_getRangeEnd(range));
}

int adgen_clang_is_definition(ADGenCursor cursor) { return (int)p_clang_isCursorDefinition(cursor); }
char *adgen_clang_comment(ADGenCursor cursor) { return copy_string(p_clang_Cursor_getRawCommentText(cursor)); }
ADGenCursor adgen_clang_referenced(ADGenCursor cursor) { return p_clang_getCursorReferenced(cursor); }
int adgen_clang_is_null(ADGenCursor cursor) { return p_clang_Cursor_isNull(cursor); }

ADGenType adgen_clang_type(ADGenCursor cursor) { return p_clang_getCursorType(cursor); }
ADGenType adgen_clang_result_type(ADGenCursor cursor) { return p_clang_getCursorResultType(cursor); }
ADGenType adgen_clang_canonical(ADGenType type) { return p_clang_getCanonicalType(type); }
ADGenType adgen_clang_pointee(ADGenType type) { return p_clang_getPointeeType(type); }
ADGenType adgen_clang_element(ADGenType type) { return p_clang_getArrayElementType(type); }
long long adgen_clang_array_size(ADGenType type) { return p_clang_getArraySize(type); }
int adgen_clang_is_const(ADGenType type) { return (int)p_clang_isConstQualifiedType(type); }
char *adgen_clang_type_spelling(ADGenType type) { return copy_string(p_clang_getTypeSpelling(type)); }

int adgen_clang_evaluate(ADGenCursor cursor, long long *integer, double *real) {
    void *result = p_clang_Cursor_Evaluate(cursor);
    if (!result) return 0;
    int kind = p_clang_EvalResult_getKind(result), answer = 0;
    if (kind == 1) {  // CXEval_Int
        *integer = p_clang_EvalResult_getAsLongLong(result);
        answer = 1;
    } else if (kind == 2) {  // CXEval_Float
        *real = p_clang_EvalResult_getAsDouble(result);
        answer = 2;
    }
    p_clang_EvalResult_dispose(result);
    return answer;
}

unsigned adgen_clang_tokens(void *unit, ADGenCursor cursor, char ***spellings, unsigned **offsets) {
    CXToken *tokens = NULL;
    unsigned count = 0;
    p_clang_tokenize(unit, p_clang_getCursorExtent(cursor), &tokens, &count);
    *spellings = malloc(sizeof(char *) * (count ? count : 1));
    *offsets = malloc(sizeof(unsigned) * (count ? count : 1));
    for (unsigned i = 0; i < count; i++) {
        (*spellings)[i] = copy_string(p_clang_getTokenSpelling(unit, tokens[i]));
        (*offsets)[i] = position_of(p_clang_getTokenLocation(unit, tokens[i])).offset;
    }
    if (tokens) p_clang_disposeTokens(unit, tokens, count);
    return count;
}
