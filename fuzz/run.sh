#!/usr/bin/env bash
# Runs the fuzz targets: `fuzz/run.sh smoke SECONDS` builds all of them once
# and runs each for SECONDS (quiet unless one fails); `fuzz/run.sh TARGET
# SECONDS` runs one target with libFuzzer's own output.
#
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them. New inputs go to fuzz/corpus/TARGET (not committed),
# crashes to fuzz/artifacts/TARGET/. The seeds are fuzz/seeds/TARGET, and for
# `check` the real corpus too ($YASNO_CORPUS, read only).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
TARGETS=(check docx odt html markdown config)
what=${1:?usage: fuzz/run.sh smoke|TARGET [SECONDS]}
seconds=${2:-60}

run() {
    local t=$1
    local dirs=("corpus/$t" "seeds/$t")
    local max_len=65536
    if [[ $t == check ]]; then
        max_len=8192
        if [[ -n ${YASNO_CORPUS:-} && -d $YASNO_CORPUS ]]; then dirs+=("$YASNO_CORPUS"); fi
    fi
    mkdir -p "corpus/$t" artifacts
    # -timeout: one input taking 30 s is a hang; -rss_limit_mb: 2 GB is a leak.
    cargo fuzz run -O "$t" "${dirs[@]}" -- -max_total_time="$seconds" -timeout=30 \
        -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
}

if [[ $what != smoke ]]; then
    run "$what"
    exit
fi
cargo fuzz build -O
mkdir -p artifacts
for t in "${TARGETS[@]}"; do
    echo "fuzz-smoke: $t for $seconds s"
    if run "$t" >"artifacts/$t.log" 2>&1; then
        grep -E '^(Done |stat::number_of_executed_units|stat::peak_rss_mb)' "artifacts/$t.log" || true
    else
        tail -n 80 "artifacts/$t.log"
        echo "fuzz-smoke: $t FAILED (whole log: fuzz/artifacts/$t.log; the input: fuzz/artifacts/$t/)"
        exit 1
    fi
done
echo "fuzz-smoke: ${#TARGETS[@]} targets, no crash"
