# adgen — the two commands a new machine needs: `make demo` and `make test`.
# Both install what is missing first (Swift ships in the machine image at /opt/swift).

SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
SWIFT ?= swift
SWIFTC ?= swiftc
ADGEN := .build/debug/adgen
DEMO_OUT := .build/demo
FIXTURES := $(wildcard Fixtures/*.adg)
C_FIXTURES := $(filter-out %_ad.c,$(wildcard Fixtures/C/*.c))

.PHONY: all build demo test golden bench bench-peers check-toolchain check-libclang clean
.PHONY: example examples fuzz bench-checkpointing

all: build

check-toolchain:
	@command -v $(SWIFT) >/dev/null || { echo "error: Swift 6 toolchain not found (expected /opt/swift/usr/bin/swift)"; exit 1; }

## check-libclang: reading C (Docs/C.md) opens libclang at run time; install the system
## package libclang-dev with apt when no libclang is found (needs root or sudo).
LIBCLANG_FOUND = $(wildcard /usr/lib/llvm-*/lib/libclang.so /usr/lib/llvm-*/lib/libclang.so.1 /usr/lib/*-linux-gnu/libclang-*.so.1)
check-libclang:
	@if [ -z "$(strip $(LIBCLANG_FOUND))" ]; then \
	  echo "libclang not found: installing libclang-dev with apt-get"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libclang-dev \
	    || { echo "error: reading C needs libclang; install it with \`apt-get install libclang-dev\`"; exit 1; }; \
	fi

build: check-toolchain
	$(SWIFT) build --product adgen
	$(SWIFT) build --product ADGenCheckSupport  # the library `adgen check` links its programs against

## demo: build adgen, run it on the bundled examples and show what it produced.
demo: build
	@mkdir -p $(DEMO_OUT)
	@for f in Fixtures/logistic_regression.adg Fixtures/mds_stress.adg; do \
	  out=$(DEMO_OUT)/$$(basename $$f .adg).swift; \
	  echo "== adgen generate $$f -o $$out"; \
	  $(ADGEN) generate $$f -o $$out || exit 1; \
	  echo "-- $$out ($$(wc -l < $$out) lines); first lines:"; \
	  sed -n '1,60p' $$out; echo "..."; \
	done
	@echo "== a bad input gets a positioned diagnostic and exit status 1:"
	@printf 'func f(x: Double) -> Double {\n    let y = { x in x * x }\n    return y\n}\n' > $(DEMO_OUT)/bad.adg
	@$(ADGEN) generate $(DEMO_OUT)/bad.adg -o $(DEMO_OUT)/bad.swift; echo "exit status: $$?"
	@echo "== Examples/: a package using the plugin trains a logistic regression with its generated gradient,"
	@echo "   tunes per-weight L2 strengths on the UCI digits by windowed hypergradients, and an RBF kernel"
	@echo "   logistic regression's width and strength by .implicit (reduced size; Examples/README.md has the full runs)"
	@$(MAKE) --no-print-directory example

## test: every test (unit, diagnostics, robustness, golden, compiled fixtures).
test: check-toolchain check-libclang
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory examples

## fuzz: N random programs (default 10000) through every mode, each distinct failure reduced
## to a small program in .build/fuzz-failures/ (summary.md); then the mutation fuzzer with
## N mutants. SEED=first seed; TAPE_BUDGET=512 checkpoints every program's loops. See Docs/Fuzzing.md.
N ?= 10000
SEED ?= 1000000
fuzz: check-toolchain
	$(SWIFT) build --build-tests
	ADGEN_FUZZ_PROGRAMS=$(N) ADGEN_FUZZ_SEED=$(SEED) $(if $(TAPE_BUDGET),ADGEN_FUZZ_TAPE_BUDGET=$(TAPE_BUDGET)) \
	    $(SWIFT) test --skip-build --filter FuzzCampaignTests; \
	status=$$?; \
	ADGEN_FUZZ_MUTANTS=$(N) ADGEN_FUZZ_SEED=$(SEED) $(SWIFT) test --skip-build --filter testMutatedFixtures || status=1; \
	echo "fuzz: see .build/fuzz-failures/summary.md"; exit $$status

## golden: regenerate Fixtures/*.swift from Fixtures/*.adg (with the options of a
## fixture's `// adgen: ` lines), Fixtures/C/NAME.swift and NAME_ad.c from Fixtures/C/NAME.c, and the generated-code
## excerpts in Docs/GeneratedAPI.md (CI never runs this; tests fail on any difference).
golden: build check-libclang
	@for f in $(FIXTURES); do $(ADGEN) generate $$f $$(sed -n 's|^// adgen: ||p' $$f) -o $${f%.adg}.swift || exit 1; done
	@for f in $(C_FIXTURES); do $(ADGEN) generate $$f -o $${f%.c}.swift && $(ADGEN) generate $$f --emit c -o $${f%.c}_ad.c || exit 1; done
	@echo "regenerated $(words $(FIXTURES)) golden files and $(words $(C_FIXTURES)) C fixtures' Swift and C"
	$(SWIFT) build --build-tests
	ADGEN_UPDATE_DOCS=1 $(SWIFT) test --skip-build --filter DocsSnippetTests

## bench: generated gradients against the primal, hand-written gradients and Swift's
## _Differentiation, side by side in one process (release build; not part of make test).
bench: check-toolchain
	$(SWIFT) build -c release --product ADGenBench
	.build/release/ADGenBench $(BENCH_ARGS)
	@$(MAKE) --no-print-directory bench-checkpointing

## bench-checkpointing: a long ODE's gradient taped and checkpointed under several tape
## budgets (Benchmarks/Checkpointing): peak memory, time, Revolve's predicted recomputation.
CHECKPOINT_BUDGETS := 16MB 1MB 64KB 8KB
CHECKPOINT_DIR := .build/bench-checkpointing
bench-checkpointing: check-toolchain
	$(SWIFT) build -c release --product adgen
	$(SWIFT) build -c release --product ADGenRuntime
	@mkdir -p $(CHECKPOINT_DIR)
	.build/release/adgen generate Benchmarks/Checkpointing/ode.adg --modes primal,gradient --namespace Taped -o $(CHECKPOINT_DIR)/Taped.swift
	@for b in $(CHECKPOINT_BUDGETS); do .build/release/adgen generate Benchmarks/Checkpointing/ode.adg --modes gradient \
	    --tape-budget $$b --namespace B$$b -o $(CHECKPOINT_DIR)/B$$b.swift || exit 1; done
	$(SWIFTC) -O -warnings-as-errors -module-name CheckpointBench -I .build/release/Modules \
	    -Xcc -fmodule-map-file=.build/checkouts/swift-numerics/Sources/_NumericsShims/include/module.modulemap \
	    -L .build/release -lADGenRuntime -Xlinker -rpath -Xlinker $(CURDIR)/.build/release \
	    Benchmarks/Checkpointing/main.swift $(CHECKPOINT_DIR)/*.swift -o $(CHECKPOINT_DIR)/bench
	$(CHECKPOINT_DIR)/bench

## bench-peers: the same kernels in JAX (jit of value_and_grad, CPU, float64) on the same
## inputs, checked against adgen's gradients, timed right after `make bench`'s run, one table
## (Benchmarks/peers). Installs JAX into .venv/ from PyPI on first use; make test never needs it.
VENV := .venv
PEERS_JSON := .build/peers/adgen.json
PEERS_REQUIREMENTS := Benchmarks/peers/requirements.txt
$(VENV)/.jax-installed: $(PEERS_REQUIREMENTS)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r $(PEERS_REQUIREMENTS)
	@touch $@

bench-peers: check-toolchain $(VENV)/.jax-installed
	$(SWIFT) build -c release --product ADGenBench
	.build/release/ADGenBench --json $(PEERS_JSON) $(BENCH_ARGS)
	$(VENV)/bin/python Benchmarks/peers/jax_kernels.py $(PEERS_JSON) $(PEERS_ARGS)

## example: build and run the example package (Examples/, which uses the plugin).
## examples: that, then Scripts/plugin-smoke-test.sh: a new package in a temporary folder
## uses the plugin; it shares the example's build folder, so adgen is compiled once.
EXAMPLES_SCRATCH := $(CURDIR)/Examples/.build
example: check-toolchain
	$(SWIFT) build --package-path Examples --scratch-path $(EXAMPLES_SCRATCH)
	$(EXAMPLES_SCRATCH)/debug/LogisticRegression
	$(EXAMPLES_SCRATCH)/debug/Digits --svg $(EXAMPLES_SCRATCH)/plots/digits.svg
	$(EXAMPLES_SCRATCH)/debug/KernelLogisticRegression --svg $(EXAMPLES_SCRATCH)/plots/kernel-logistic-regression.svg

examples: example
	Scripts/plugin-smoke-test.sh $(EXAMPLES_SCRATCH)

clean:
	rm -rf .build
	rm -rf Examples/.build
