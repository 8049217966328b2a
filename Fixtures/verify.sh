#!/usr/bin/env bash
# Checks the fixture corpus:
#  1. every builtin of DSL.md section 4 (and erf, erfc, lgamma) occurs in the code (not the comments)
#     of at least one fixture;
#  2. every fixture typechecks as Swift with `import Foundation` prepended and
#     the @differentiable attribute lines removed, with warnings as errors;
#  3. every function has a /// doc comment and at least one `// check:` line.
# Usage: Fixtures/verify.sh   (temporary files go to a fresh directory in /tmp)
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/adgen-fixtures.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
status=0

builtins="sin cos tan asin acos atan atan2 sinh cosh tanh exp exp2 log log2 log10 log1p expm1 sqrt cbrt pow hypot abs min max floor ceil erf erfc lgamma"
# Code only: drop // comments (and so check lines and doc comments) and /* */ blocks.
for f in "$here"/*.adg; do
    perl -0pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g' "$f"
done > "$tmp/code.txt"
for b in $builtins; do
    if ! grep -Eq "(^|[^A-Za-z0-9_.])$b\(" "$tmp/code.txt"; then
        echo "missing builtin: $b"; status=1
    fi
done
grep -q 'Double\.pi' "$tmp/code.txt" || { echo "missing: Double.pi"; status=1; }

count=0
for f in "$here"/*.adg; do
    name=$(basename "$f" .adg)
    count=$((count + 1))
    { echo "import Foundation"; grep -Ev '^[[:space:]]*@differentiable' "$f"; } > "$tmp/$name.swift"
    if ! out=$(swiftc -typecheck -warnings-as-errors "$tmp/$name.swift" 2>&1); then
        echo "typecheck failed: $name.adg"; echo "$out"; status=1
    fi
    # Every func needs a doc comment directly above (attribute lines allowed
    # in between) and a `// check: name(` line somewhere in the file, except
    # helpers with `inout` parameters (inlined where called, never emitted).
    for fn in $(sed -nE 's/^func ([A-Za-z_][A-Za-z0-9_]*).*/\1/p' "$f"); do
        helper=$(grep -E "^func $fn\(" "$f" | grep -c 'inout')
        [ "$helper" -gt 0 ] || grep -Eq "^// check: $fn\(" "$f" || { echo "$name.adg: $fn has no check line"; status=1; }
        prev=$(grep -B2 -E "^func $fn\(" "$f" | grep -v '^@differentiable' | grep -v "^func" | tail -1)
        case "$prev" in "///"*) ;; *) echo "$name.adg: $fn has no /// doc comment"; status=1 ;; esac
    done
done
echo "$count fixtures checked"
[ "$status" -eq 0 ] && echo "OK"
exit $status
