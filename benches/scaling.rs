//! Does the check cost grow linearly with the text? Real corpus text
//! repeated to 10 KB, 100 KB, 1 MB and 10 MB (10^3 bytes each), one thread:
//! wall and CPU time (best of several runs; CPU time is what to compare on a
//! loaded machine) and peak heap memory per size, measured by a counting
//! global allocator in this binary. `cargo bench --bench scaling`
//! (or `make bench`); figures are recorded in docs/benchmarks.md.
//!
//! Extra sizes in bytes after `--`: `cargo bench --bench scaling -- 50000000`.
//! The corpus is read from `$YASNO_CORPUS`, else `../shared/corpus/real`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use cpu_time::ThreadTime;

use yasno::{Checker, Config};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

#[path = "../tests/common/mod.rs"]
mod common;

/// The paragraphs (blocks between blank lines) of every corpus document.
fn corpus() -> Option<Vec<String>> {
    let paragraphs: Vec<String> = common::corpus_files(&common::corpus_dir()?)
        .iter()
        .flat_map(|(_, t)| t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from))
        .collect();
    (!paragraphs.is_empty()).then_some(paragraphs)
}

/// The corpus paragraphs in a fixed pseudo-random order, again and again,
/// until `size` bytes: every size, 10 KB too, is the same mix of the whole
/// corpus (its first documents alone cost more per byte than the average),
/// and each size is a prefix of the next.
fn text_of(paragraphs: &[String], size: usize) -> String {
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut s = String::with_capacity(size + 4096);
    while s.len() < size {
        // Fisher–Yates with xorshift64*: a new order for every pass.
        for i in (1..order.len()).rev() {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let j = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &i in &order {
            if s.len() >= size {
                break;
            }
            s.push_str(&paragraphs[i]);
            s.push_str("\n\n");
        }
    }
    s
}

fn main() {
    // `cargo test --benches` runs bench binaries without `--bench`: do nothing then.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let Some(corpus) = corpus() else {
        eprintln!("NOTICE: corpus not found (set YASNO_CORPUS); nothing to benchmark");
        return;
    };
    let mut sizes = vec![10_000usize, 100_000, 1_000_000, 10_000_000];
    sizes.extend(args.iter().filter_map(|a| a.parse::<usize>().ok()));
    let checker = Checker::new(Config::default()).expect("default config");
    // First-use costs (lazily built tables) out of the way, so that they
    // count in no size's time or peak memory.
    checker.check(&text_of(&corpus, 100_000));

    let bytes: usize = corpus.iter().map(|p| p.len() + 2).sum();
    println!(
        "scaling: full check, one thread; {} paragraphs ({bytes} bytes) of the corpus, shuffled, repeated",
        corpus.len()
    );
    println!(
        "{:>12} {:>5} {:>10} {:>10} {:>8} {:>12} {:>12} {:>11} {:>9}",
        "bytes", "runs", "wall ms", "CPU ms", "MB/s", "CPU ns/byte", "peak heap", "heap/input", "findings"
    );
    let mut first_ns_per_byte = None;
    for size in sizes {
        let text = text_of(&corpus, size);
        let mut best = Duration::MAX;
        let mut best_cpu = Duration::MAX;
        let mut runs = 0;
        let mut peak = 0;
        let mut findings = 0;
        let start = Instant::now();
        while runs < 3 || (start.elapsed() < Duration::from_secs(2) && runs < 50) {
            let base = LIVE.load(Relaxed);
            PEAK.store(base, Relaxed);
            let t = Instant::now();
            let cpu = ThreadTime::now();
            let report = checker.check(std::hint::black_box(&text));
            let took_cpu = cpu.elapsed();
            let took = t.elapsed();
            peak = peak.max(PEAK.load(Relaxed) - base);
            findings = report.findings.len();
            drop(report);
            best = best.min(took);
            best_cpu = best_cpu.min(took_cpu);
            runs += 1;
        }
        let ns_per_byte = best_cpu.as_nanos() as f64 / text.len() as f64;
        let rel = first_ns_per_byte.get_or_insert(ns_per_byte);
        println!(
            "{:>12} {:>5} {:>10.1} {:>10.1} {:>8.2} {:>12.1} {:>8.1} MiB {:>10.1}x {:>9}   CPU/byte {:.2}x the first",
            text.len(),
            runs,
            best.as_secs_f64() * 1e3,
            best_cpu.as_secs_f64() * 1e3,
            text.len() as f64 / best_cpu.as_secs_f64() / 1e6,
            ns_per_byte,
            peak as f64 / (1 << 20) as f64,
            peak as f64 / text.len() as f64,
            findings,
            ns_per_byte / *rel,
        );
    }
}
