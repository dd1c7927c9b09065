# Ясно (yasno). `make run` starts the main job; `make test` runs every test.
# Each target installs, idempotently, what a fresh machine lacks.

SHELL := /bin/bash
CORPUS ?= ../shared/corpus/real
export YASNO_CORPUS := $(abspath $(CORPUS))

.PHONY: run test test-rust lint bench eval setup-rust docs setup-sarif test-sarif test-cli peers

setup-rust:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }

run: setup-rust
	cargo run --release -- check $(firstword $(wildcard $(CORPUS)/002-*.txt) README.md) || true

test: test-rust lint test-sarif

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

# Findings per rule over the corpus with a fixed sample to judge by hand
# (docs/evaluation.md). EVAL_ARGS="--docs --sample 20 --rule YS101" to vary.
eval: setup-rust
	cargo run --release --example eval -- $(EVAL_ARGS)

# Side-by-side evaluation against krrkt, ruts and razdel (installed from PyPI
# into a throwaway virtualenv). Prints a Markdown report; see docs/benchmarks.md.
peers: setup-rust
	bash bench/peers/run.sh $(CORPUS)
