# Ясно (yasno). `make run` starts the main job; `make test` runs every test.
# Each target installs, idempotently, what a fresh machine lacks.

SHELL := /bin/bash
CORPUS ?= ../shared/corpus/real
export YASNO_CORPUS := $(abspath $(CORPUS))

.PHONY: run test test-rust lint bench setup-rust docs

setup-rust:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }

run: setup-rust
	cargo run --release -- check $(firstword $(wildcard $(CORPUS)/002-*.txt) README.md) || true

test: test-rust lint

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
