//! Throughput of the full check over the concatenated real corpus, single
//! thread. `cargo bench` (release build); figures are in MB/s (10^6 bytes).
//! Also times the stages, to see where the time goes.
//!
//! The corpus is read from `$YASNO_CORPUS`, else `../shared/corpus/real`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use yasno::{Checker, Config};

fn corpus() -> Option<String> {
    let dir = match std::env::var_os("YASNO_CORPUS") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"),
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        None
    } else {
        Some(texts.join("\n\n"))
    }
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus() else {
        eprintln!("NOTICE: corpus not found (set YASNO_CORPUS); nothing to benchmark");
        return;
    };
    let checker = Checker::new(Config::default()).expect("default config");
    let bytes = text.len() as u64;

    // One plain figure first, so the number is visible without reading
    // criterion's output: the best of a few seconds of whole-corpus checks.
    if std::env::args().any(|a| a == "--bench") {
        let mut best = Duration::MAX;
        let start = Instant::now();
        let mut runs = 0;
        while start.elapsed() < Duration::from_secs(3) || runs < 3 {
            let t = Instant::now();
            std::hint::black_box(checker.check(std::hint::black_box(&text)));
            best = best.min(t.elapsed());
            runs += 1;
        }
        println!(
            "full check: {:.1} MB/s ({} bytes of corpus in {:.2} ms, best of {runs} runs, one thread)",
            bytes as f64 / best.as_secs_f64() / 1e6,
            bytes,
            best.as_secs_f64() * 1e3
        );
    }

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::BytesDecimal(bytes));
    g.sample_size(20);
    g.bench_function("check", |b| b.iter(|| checker.check(std::hint::black_box(&text))));
    g.bench_function("text (normalise, tokenize, stem, segment)", |b| {
        b.iter(|| yasno::text::Text::new(std::hint::black_box(&text)))
    });
    let parsed = yasno::text::Text::new(&text);
    g.bench_function("dictionary match", |b| {
        b.iter(|| checker.lexicon().find(std::hint::black_box(&parsed)))
    });
    g.bench_function("metrics", |b| b.iter(|| yasno::metrics::compute(std::hint::black_box(&parsed))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
