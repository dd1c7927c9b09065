# Ясно (yasno). `make run` starts the main job; `make test` runs every test.
# Each target installs, idempotently, what a fresh machine lacks.

SHELL := /bin/bash
CORPUS ?= ../shared/corpus/real
export YASNO_CORPUS := $(abspath $(CORPUS))

.PHONY: run test test-rust lint bench eval regexes setup-rust docs setup-sarif test-sarif test-cli peers wasm test-wasm bench-wasm wasm-size setup-wasm setup-node setup-chromium www-pkg www-build test-web bench-web ab-web trace-web setup-python setup-fuzz fuzz-smoke fuzz test-large

setup-rust:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }

# The web page: builds the package into www/pkg/ and the scripts into
# www/dist/, and serves www/ as static
# files on 127.0.0.1 (no server-side code). `make run PORT=9000` for another port.
PORT := $(or $(PORT),8080)
run: www-build setup-python
	@echo "Ясно: http://127.0.0.1:$(PORT)/  (остановить: Ctrl+C)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test: test-rust lint test-sarif test-wasm test-web test-large fuzz-smoke

test-rust: setup-rust
	cargo test --all-targets
	cargo test --doc

lint: setup-rust
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

bench: setup-rust
	cargo bench

docs: setup-rust
	cargo run -q --example gen_docs

# The CLI's integration tests (also part of test-rust).
test-cli: setup-rust
	cargo test --test cli

# SARIF output through Microsoft's validator (npm devDependency).
setup-sarif:
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
	@[ -x node_modules/.bin/sarif-multitool ] || npm ci --no-audit --no-fund

test-sarif: setup-rust setup-sarif
	cargo test --test sarif_validator -- --ignored

# The checker's regexes compiled to NFAs ahead of time (src/text/frozen.rs):
# run after changing a pattern; a test fails until then.
regexes: setup-rust
	cargo run -q --example freeze_regexes

# Findings per rule over the corpus with a fixed sample to judge by hand
# (docs/evaluation.md). EVAL_ARGS="--docs --sample 20 --rule YS101" to vary.
eval: setup-rust
	cargo run --release --example eval -- $(EVAL_ARGS)

# Side-by-side evaluation against krrkt, ruts and razdel (installed from PyPI
# into a throwaway virtualenv). Prints a Markdown report; see docs/benchmarks.md.
peers: setup-rust
	bash bench/peers/run.sh $(CORPUS)

# ---- WebAssembly and the npm package (built into pkg/ from npm/) ----
WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
export PATH := $(HOME)/.cargo/bin:$(PATH)

setup-wasm: setup-rust
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@v="$(WASM_BINDGEN_VERSION)"; [ -n "$$v" ] || { echo "no wasm-bindgen in Cargo.lock"; exit 2; }; \
	  [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $$v" ] || cargo install wasm-bindgen-cli --version "$$v"
	@command -v wasm-opt >/dev/null || { apt-get update && apt-get install -y binaryen; }

setup-node:
	@command -v node >/dev/null || { apt-get update && apt-get install -y nodejs npm; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || { echo "Node >= 20 is required"; exit 2; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

setup-chromium:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }

# Three modules: the checker (pkg/yasno_wasm*), the document readers,
# loaded only when a file is read (pkg/yasno_formats*), and the TOML reader
# of custom dictionaries, loaded only by parseDictionary
# (pkg/yasno_dictionaries*). Separate target
# directories: a cdylib's file name has no hash, so one would evict the other.
# The checker's profile favours speed, the readers' size (Cargo.toml).
WASM_BUILD := cargo build --lib --target $(WASM_TARGET) --no-default-features
WASM_CHECKER := target/$(WASM_TARGET)/wasm-checker/yasno.wasm
WASM_FORMATS := target/wasm-formats/$(WASM_TARGET)/wasm-release/yasno.wasm
WASM_DICTIONARIES := target/wasm-dictionaries/$(WASM_TARGET)/wasm-release/yasno.wasm

# WASM_CHECKER_RUSTFLAGS: LLVM inlines calls up to a cost of 60 in the
# checker (yasno's own code is at opt-level "z", whose limit is 5): a 30 KB
# check 4.9 → 3.9 ms for 12 KB gzip (docs/benchmarks.md «WebAssembly size
# and speed»). A separate target directory's flags: the readers keep "z" as is.
WASM_CHECKER_RUSTFLAGS := -C llvm-args=-inline-threshold=60
wasm: setup-wasm setup-node
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(WASM_CHECKER_RUSTFLAGS)" $(WASM_BUILD) --profile wasm-checker --features wasm
	$(WASM_BUILD) --profile wasm-release --features wasm-formats --target-dir target/wasm-formats
	$(WASM_BUILD) --profile wasm-release --features wasm-dictionaries --target-dir target/wasm-dictionaries
	@$(MAKE) --no-print-directory pkg/package.json

# wasm-bindgen, then wasm-opt (Debian's binaryen 108: see npm/fix-table-export.mjs).
# WASM_OPT_FLAGS: -ocimfs 0 keeps functions with one caller out of their
# caller. wasm-opt otherwise inlines every one of them, whatever its size,
# and builds functions of 30 KB (`new Checker` with the dictionaries'
# compilation inside, `check` with the analysis inside) that V8 recompiles
# with its optimising compiler, whole, during the page's first check; the
# module is also 12 KB gzip smaller (docs/benchmarks.md «Cold start»).
WASM_OPT_FLAGS := -Oz -ocimfs 0 --strip-debug --strip-producers
define wasm_module
	@mkdir -p pkg
	wasm-bindgen --target web --no-typescript --experimental-reset-state-function --out-dir pkg --out-name $(2) $(1)
	wasm-opt $(WASM_OPT_FLAGS) pkg/$(2)_bg.wasm -o pkg/$(2)_bg.wasm
	node npm/fix-table-export.mjs pkg/$(2)_bg.wasm
endef

pkg/yasno_wasm_bg.wasm: $(WASM_CHECKER)
	$(call wasm_module,$<,yasno_wasm)

pkg/yasno_formats_bg.wasm: $(WASM_FORMATS)
	$(call wasm_module,$<,yasno_formats)

pkg/yasno_dictionaries_bg.wasm: $(WASM_DICTIONARIES)
	$(call wasm_module,$<,yasno_dictionaries)

pkg/package.json: pkg/yasno_wasm_bg.wasm pkg/yasno_formats_bg.wasm pkg/yasno_dictionaries_bg.wasm $(wildcard npm/*.js npm/*.d.ts npm/*.json npm/*.md npm/*.mjs) Cargo.toml
	node npm/assemble.mjs

test-wasm: wasm setup-chromium
	node --test npm/test/*.test.mjs
	node_modules/.bin/tsc -p npm/test/tsconfig.json
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features --features wasm,wasm-formats,wasm-dictionaries -- -D warnings

bench-wasm: wasm
	node npm/bench.mjs

# What the bytes of the checker module are, by crate and data segment
# (docs/benchmarks.md «WebAssembly size and speed»): a copy that keeps the
# function names, then npm/wasm-size.mjs.
wasm-size: wasm
	wasm-bindgen --target web --no-typescript --keep-debug --out-dir target/wasm-size --out-name yasno_wasm $(WASM_CHECKER)
	wasm-opt -Oz -ocimfs 0 -g target/wasm-size/yasno_wasm_bg.wasm -o target/wasm-size/named.wasm
	node npm/wasm-size.mjs target/wasm-size/named.wasm

# ---- The web page (www/) ----
setup-python:
	@command -v python3 >/dev/null || { apt-get update && apt-get install -y python3; }

# www/pkg/ is a copy of the built package (git-ignored), so www/ alone can be
# put on any static host.
www-pkg: wasm
	rm -rf www/pkg
	cp -r pkg www/pkg

# The page's scripts, bundled by esbuild (npm devDependency) from www/js/
# into www/dist/ (git-ignored too): the page's modules into dist/app.js, the
# checking worker with the package's JavaScript into dist/worker.js, and
# boot.js. A first visit asks for 3 scripts instead of 14: 50-70 ms faster
# on 2 cores in three of four A/B runs (docs/benchmarks.md «Web page»).
# Source maps beside them for the browser's developer tools.
ESBUILD := node_modules/.bin/esbuild --log-level=warning --minify --sourcemap
www-build: www-pkg setup-node
	rm -rf www/dist
	$(ESBUILD) --bundle --format=esm --outdir=www/dist www/js/app.js www/js/worker.js
	$(ESBUILD) --outfile=www/dist/boot.js www/js/boot.js

# Playwright (playwright-core from npm) driving Debian's Chromium headless.
test-web: www-build setup-chromium setup-python
	node --test --test-concurrency=1 tests/web/*.test.mjs

# Page load → first highlights on a 30 KB document (prints figures): a first
# visit in a new browser with no DevTools client during the load (the
# target's figure), then loads driven by Playwright, Ctrl+V and a keystroke.
bench-web: www-build setup-chromium setup-python
	node tests/web/bench.mjs

# Two builds of the page compared by interleaved first visits, each in a new
# browser with no DevTools client during the load (prints figures):
# make ab-web WWW_A=/tmp/www-before [WWW_B=www]
ab-web: www-build setup-chromium setup-python
	WWW_A="$(WWW_A)" WWW_B="$(WWW_B)" node tests/web/ab.mjs
# Where the CPU goes on a first visit, from a Chromium trace (prints figures).
trace-web: www-build setup-chromium setup-python
	node tests/web/trace.mjs

# Inputs too large for a debug build (a 50 MB text, a .docx of 100 000
# paragraphs): tests/large.rs in a release build.
test-large: setup-rust
	cargo test --release --test large

# Fuzzing (fuzz/, its own cargo workspace; README «Надёжность / fuzzing»).
# fuzz-smoke builds every target once, then runs each for FUZZ_SECONDS (CI: 60).
# `make fuzz FUZZ_TARGET=docx FUZZ_SECONDS=3600` runs one target longer.
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?= check
CARGO_FUZZ_VERSION := 0.13.2

setup-fuzz: setup-rust
	@[ "$$(cargo fuzz --version 2>/dev/null)" = "cargo-fuzz $(CARGO_FUZZ_VERSION)" ] || \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked

fuzz-smoke: setup-fuzz
	fuzz/run.sh smoke $(FUZZ_SECONDS)

fuzz: setup-fuzz
	fuzz/run.sh $(FUZZ_TARGET) $(FUZZ_SECONDS)
