#!/usr/bin/env bash
# Side-by-side evaluation of yasno against its peers (krrkt, ruts, razdel) on
# the real corpus. Installs the peers from PyPI into a throwaway virtualenv,
# builds yasno (native release + the WebAssembly package), then prints one
# Markdown report. Usage: make peers  (or bash bench/peers/run.sh [CORPUS_DIR])
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS="${1:-${YASNO_CORPUS:-../shared/corpus/real}}"
VENV="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$VENV")"' EXIT

python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check krrkt ruts razdel >&2

cargo build -q --release --bin yasno --example peers_native >&2
# `make wasm` is incremental: it rebuilds pkg/ only when the sources changed.
if make -s wasm >&2; then WASM=1; else WASM=0; fi

YASNO_BIN=target/release/yasno \
YASNO_NATIVE=target/release/examples/peers_native \
YASNO_WASM="$WASM" \
  "$VENV/bin/python" bench/peers/peers.py "$CORPUS"
