//! Throughput of the full check over the concatenated real corpus, single
//! thread: `cargo bench` (release build). Figures are in MB/s (10^6 bytes).
//!
//! Before criterion's statistics it prints plain figures: the full check by
//! the wall clock and by this thread's CPU time (which stays meaningful when
//! other processes load the machine), the same per document, and the cost of
//! each rule (the full check minus the check with that rule switched off).
//!
//! The corpus is read from `$YASNO_CORPUS`, else `../shared/corpus/real`.

use std::time::{Duration, Instant};

use cpu_time::ThreadTime;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use yasno::{Checker, Config, RuleConfig};

#[path = "../tests/common/mod.rs"]
mod common;

/// The texts of the corpus documents, or `None` when the corpus is missing.
fn corpus() -> Option<Vec<String>> {
    let texts: Vec<String> =
        common::corpus_files(&common::corpus_dir()?).into_iter().map(|(_, t)| t).collect();
    (!texts.is_empty()).then_some(texts)
}

/// Best wall-clock and CPU time of `f` over at least `min_runs` runs and `secs` seconds.
fn best(secs: f64, min_runs: usize, mut f: impl FnMut()) -> (Duration, Duration, usize) {
    let (mut wall, mut cpu) = (Duration::MAX, Duration::MAX);
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed().as_secs_f64() < secs || runs < min_runs {
        let (w, c) = (Instant::now(), ThreadTime::now());
        f();
        cpu = cpu.min(c.elapsed());
        wall = wall.min(w.elapsed());
        runs += 1;
    }
    (wall, cpu, runs)
}

fn without(id: &str) -> Checker {
    let mut config = Config::default();
    config.rules.insert(id.to_string(), RuleConfig { enabled: Some(false), ..Default::default() });
    Checker::new(config).expect("config with one rule off")
}

fn plain_figures(checker: &Checker, docs: &[String], text: &str) {
    let bytes = text.len() as f64;
    let mbs = |d: Duration| bytes / d.as_secs_f64() / 1e6;
    let (wall, cpu, runs) = best(5.0, 5, || {
        std::hint::black_box(checker.check(std::hint::black_box(text)));
    });
    println!(
        "full check, one thread, {} bytes of corpus ({} documents), best of {runs} runs:",
        text.len(),
        docs.len()
    );
    println!(
        "  concatenated: wall clock {:.1} MB/s ({:.2} ms), thread CPU time {:.1} MB/s ({:.2} ms)",
        mbs(wall),
        wall.as_secs_f64() * 1e3,
        mbs(cpu),
        cpu.as_secs_f64() * 1e3
    );
    let (wall, cpu, runs) = best(5.0, 5, || {
        for d in docs {
            std::hint::black_box(checker.check(std::hint::black_box(d)));
        }
    });
    println!(
        "  one document at a time (best of {runs}): wall clock {:.1} MB/s, thread CPU time {:.1} MB/s",
        mbs(wall),
        mbs(cpu)
    );

    println!("cost of each rule (thread CPU time of the full check minus the check without it):");
    let full = best(2.0, 5, || {
        std::hint::black_box(checker.check(text));
    })
    .1;
    for doc in yasno::rule_docs() {
        let other = without(doc.id);
        let rest = best(2.0, 5, || {
            std::hint::black_box(other.check(text));
        })
        .1;
        let cost = full.as_secs_f64() - rest.as_secs_f64();
        println!(
            "  {:<6} {:>7.2} ms  {:>5.1}%  {}",
            doc.id,
            cost * 1e3,
            cost * 100.0 / full.as_secs_f64(),
            doc.title
        );
    }
}

fn bench(c: &mut Criterion) {
    let Some(docs) = corpus() else {
        eprintln!("NOTICE: corpus not found (set YASNO_CORPUS); nothing to benchmark");
        return;
    };
    let text = docs.join("\n\n");
    let checker = Checker::new(Config::default()).expect("default config");
    if std::env::args().any(|a| a == "--bench") && std::env::var_os("YASNO_BENCH_QUICK").is_none() {
        plain_figures(&checker, &docs, &text);
    }

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
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

    // The one-time cost of `Checker::new`: compiling the built-in
    // dictionaries (a checker reuses a cached result; this does not).
    let mut g = c.benchmark_group("checker");
    g.sample_size(10);
    g.bench_function("compile built-in dictionaries", |b| {
        b.iter(|| yasno::dict::compile_uncached(true, &[], &|_| true).expect("built-in dictionaries"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
