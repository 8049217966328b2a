#!/usr/bin/env bash
# The outside check, automated: a brand-new package in a temporary folder depends on
# this repository by path, applies ADGenPlugin to an executable target holding .adg
# files it has never seen, calls the generated gradient and Hessian-vector product from
# main.swift and compares them with finite differences. Then:
#   - an unchanged package does not rerun adgen; an edited .adg file does;
#   - a mistake in a .adg file fails `swift build` with ABSOLUTE_PATH.adg:line:col: error:;
#   - an invalid adgen-config.json fails it with a positioned, explained error;
#   - the adgen-generate command plugin writes NAME.adg.swift next to each NAME.adg.
#
# usage: Scripts/plugin-smoke-test.sh [SCRATCH_DIR]
# SCRATCH_DIR defaults to Examples/.build, so adgen is compiled once for the example
# package and this test (`make examples` runs both).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-$repo/Examples/.build}
export PATH="/opt/swift/usr/bin:$PATH"

work=$(mktemp -d "${TMPDIR:-/tmp}/adgen-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
pkg=$(cd "$work" && pwd -P)/Consumer
target=$pkg/Sources/Consumer
mkdir -p "$target/Springs"

fail() { echo "plugin smoke test FAILED: $*" >&2; exit 1; }
build() { swift build --package-path "$pkg" --scratch-path "$scratch" "$@"; }
step() { echo "== $*"; }

cat > "$pkg/Package.swift" <<MANIFEST
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [.package(name: "adgen", path: "$repo")],
    targets: [
        .executableTarget(name: "Consumer", plugins: [.plugin(name: "ADGenPlugin", package: "adgen")]),
    ]
)
MANIFEST

# Two files named Energy.adg in different folders: their outputs must not collide.
cat > "$target/Energy.adg" <<'ADG'
/// Morse potential of one pair at distance r.
func morse(_ r: Double, depth: Double, width: Double) -> Double {
    let e = 1.0 - exp(-width * (r - 1.0))
    return depth * e * e
}

/// Total Morse energy of points on a line, plus a soft wall at |x| = 3.
@differentiable(reverse, wrt: x)
func clusterEnergy(positions x: [Double], depth: Double, width: Double) -> Double {
    var total = 0.0
    for i in 0..<x.count {
        for j in (i + 1)..<x.count {
            total += morse(abs(x[j] - x[i]), depth: depth, width: width)
        }
        let outside = max(abs(x[i]) - 3.0, 0.0)
        total += outside * outside
    }
    return total
}
ADG
cat > "$target/Springs/Energy.adg" <<'ADG'
/// A chain of springs with rest length 1 and stiffnesses k.
func springEnergy(x: [Double], k: [Double]) -> Double {
    var energy = 0.0
    for i in 0..<k.count {
        let stretch = x[i + 1] - x[i] - 1.0
        energy += 0.5 * k[i] * stretch * stretch + 0.01 * sin(x[i])
    }
    return energy
}
ADG
cat > "$target/main.swift" <<'SWIFT'
import Foundation

func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    let difference = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    return difference / max(b.map { $0 * $0 }.reduce(0, +).squareRoot(), 1e-12)
}

/// Central differences of f at x, one component at a time.
func centralDifferences(_ f: ([Double]) -> Double, at x: [Double], h: Double = 1e-6) -> [Double] {
    x.indices.map { i in
        var plus = x, minus = x
        plus[i] += h
        minus[i] -= h
        return (f(plus) - f(minus)) / (2 * h)
    }
}

var worst = 0.0
let x = [-0.9, 0.35, 1.6, 2.9, 3.4]
let (value, dx) = clusterEnergyGradient(positions: x, depth: 1.5, width: 1.2)
let fd = centralDifferences({ clusterEnergy(positions: $0, depth: 1.5, width: 1.2) }, at: x)
print("clusterEnergy =", value, " gradient relative error vs finite differences:", relativeError(dx, fd))
worst = max(worst, relativeError(dx, fd))

// Hessian-vector product against differences of the gradient.
let v = [0.3, -0.2, 0.5, 0.1, -0.4]
let hvp = clusterEnergyHVP(positions: x, depth: 1.5, width: 1.2, vx: v).hvx
let h = 1e-5
let plus = clusterEnergyGradient(positions: zip(x, v).map { $0 + h * $1 }, depth: 1.5, width: 1.2).dx
let minus = clusterEnergyGradient(positions: zip(x, v).map { $0 - h * $1 }, depth: 1.5, width: 1.2).dx
let hvpFD = zip(plus, minus).map { ($0 - $1) / (2 * h) }
print("clusterEnergyHVP relative error vs finite differences:", relativeError(hvp, hvpFD))
worst = max(worst, relativeError(hvp, hvpFD))

let k = [2.0, 0.5, 1.0, 3.0]
let springs = springEnergyGradient(x: x, k: k)
let springsFD = centralDifferences({ springEnergy(x: $0, k: k) }, at: x)
print("springEnergy gradient relative error vs finite differences:", relativeError(springs.dx, springsFD))
worst = max(worst, relativeError(springs.dx, springsFD))

guard worst < 1e-6 else {
    print("FAILED: a generated derivative disagrees with finite differences")
    exit(1)
}
print("OK")
SWIFT

step "a new package depending on $repo by path: swift build (scratch $scratch)"
start=$SECONDS
build > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "swift build failed"; }
grep -E 'adgen:|warning: |Build complete' "$work/build.log" | sed 's/^/   /'
grep -q 'Energy.adg.swift from Energy.adg' "$work/build.log" || fail "the plugin did not run adgen"
grep -q 'Springs+Energy.adg.swift from Energy.adg' "$work/build.log" || fail "the nested Energy.adg was not generated apart"
echo "   built in $((SECONDS - start)) s"

step "run: generated gradient and HVP against finite differences"
"$scratch/debug/Consumer" || fail "the generated derivatives are wrong"

step "an unchanged package does not rerun adgen"
# SwiftPM links the adgen tool in two build phases; right after a build of another root
# package in the same scratch folder they take one more build to agree (and a relinked
# tool rightly reruns adgen). From then on, no input changed means no adgen run.
build > "$work/rebuild.log" 2>&1 || { cat "$work/rebuild.log"; fail "the second build failed"; }
build > "$work/rebuild.log" 2>&1 || { cat "$work/rebuild.log"; fail "the third build failed"; }
if grep -q 'adgen:' "$work/rebuild.log"; then cat "$work/rebuild.log"; fail "adgen ran again with no input changed"; fi
echo '// edited' >> "$target/Springs/Energy.adg"
build > "$work/rebuild.log" 2>&1 || { cat "$work/rebuild.log"; fail "the build after an edit failed"; }
grep -q 'adgen: generating Springs+Energy.adg.swift' "$work/rebuild.log" || fail "editing a .adg file did not regenerate it"
if grep -q 'adgen: generating Energy.adg.swift' "$work/rebuild.log"; then fail "editing one .adg file regenerated another"; fi
echo "   yes, and editing one .adg file regenerates that file only"

step "a .adg file with an error fails swift build at the .adg line"
cat > "$target/Broken.adg" <<'ADG'
func broken(x: Double) -> Double {
    let square = { x in x * x }
    return square
}
ADG
if build > "$work/broken.log" 2>&1; then cat "$work/broken.log"; fail "swift build succeeded on a broken .adg file"; fi
expected="$target/Broken.adg:2:18: error: unsupported in adgen: closures"
grep -qF "$expected" "$work/broken.log" || { cat "$work/broken.log"; fail "no '$expected' in the build output"; }
echo "   $expected"
rm "$target/Broken.adg"

step "an invalid adgen-config.json fails swift build with a clear error"
printf '{\n  "modes": ["primal", "gradiant"]\n}\n' > "$target/adgen-config.json"
if build > "$work/config.log" 2>&1; then cat "$work/config.log"; fail "swift build accepted an invalid adgen-config.json"; fi
expected="$target/adgen-config.json:2:23: error: unknown mode 'gradiant' in 'modes' (did you mean 'gradient'?)"
grep -qF "$expected" "$work/config.log" || { cat "$work/config.log"; fail "no '$expected' in the build output"; }
echo "   $expected"
printf '{ "modes": ["primal", "gradient"], "wrt": { "springEnergy": ["k"] } }\n' > "$target/adgen-config.json"
if build > "$work/config.log" 2>&1; then cat "$work/config.log"; fail "main.swift should no longer compile: springEnergyGradient now returns dk"; fi
grep -q "value of tuple type .* has no member 'dx'" "$work/config.log" || { cat "$work/config.log"; fail "the config's wrt was not applied"; }
echo "   and a valid one is applied (springEnergyGradient now returns dk, so main.swift no longer compiles)"
rm "$target/adgen-config.json"

step "the adgen-generate command plugin writes NAME.adg.swift into the package"
swift package --package-path "$pkg" --scratch-path "$scratch" --allow-writing-to-package-directory \
    adgen-generate --target Consumer > "$work/command.log" 2>&1 || { cat "$work/command.log"; fail "adgen-generate failed"; }
grep -q 'func clusterEnergyGradient' "$target/Energy.adg.swift" || fail "no Energy.adg.swift written"
grep -q 'func springEnergyGradient' "$target/Springs/Energy.adg.swift" || fail "no Springs/Energy.adg.swift written"
echo "   wrote Energy.adg.swift and Springs/Energy.adg.swift"

echo "plugin smoke test passed in $SECONDS s"
