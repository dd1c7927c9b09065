//! The clarity score must tell plain writing from bureaucratic writing.
//!
//! `tests/rewrites/` holds our own plain-language rewrites of real letters
//! from the corpus (`INDEX.tsv` names the original of each). Every rewrite
//! keeps the facts of its original and must get a strictly higher score and
//! fewer findings per 100 words. The originals are read from the corpus at
//! test time (see `tests/common/mod.rs`); they are never copied here.

mod common;

use std::path::Path;

use yasno::{Checker, Config, Report};

struct Pair {
    rewrite: String,
    original: String,
}

fn pairs() -> Vec<Pair> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rewrites");
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).expect("tests/rewrites/INDEX.tsv");
    index
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Pair { rewrite: cols[0].to_string(), original: cols[1].to_string() }
        })
        .collect()
}

fn read_rewrite(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rewrites").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn per_100_words(r: &Report) -> f64 {
    r.findings.len() as f64 * 100.0 / r.metrics.words.max(1) as f64
}

#[test]
fn every_rewrite_is_listed_and_there_are_at_least_ten() {
    let pairs = pairs();
    assert!(pairs.len() >= 10, "only {} rewrites", pairs.len());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rewrites");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            assert!(pairs.iter().any(|p| p.rewrite == name), "{name} is not in INDEX.tsv");
        }
    }
}

#[test]
fn plain_rewrites_score_higher_than_their_originals() {
    let Some(corpus) = common::corpus_dir() else { return };
    let checker = Checker::new(Config::default()).unwrap();
    let mut failures = Vec::new();
    println!("{:<44} {:>6} {:>6}   {:>9} {:>9}", "letter", "score", "plain", "per 100 w", "plain");
    for p in pairs() {
        let original = std::fs::read_to_string(corpus.join(&p.original))
            .unwrap_or_else(|e| panic!("{}: {e}", corpus.join(&p.original).display()));
        let rewrite = read_rewrite(&p.rewrite);
        let (a, b) = (checker.check(&original), checker.check(&rewrite));
        let (da, db) = (per_100_words(&a), per_100_words(&b));
        println!("{:<44} {:>6.1} {:>6.1}   {:>9.1} {:>9.1}", p.original, a.score, b.score, da, db);
        if b.score <= a.score {
            failures.push(format!("{}: rewrite scores {} ≤ original {}", p.rewrite, b.score, a.score));
        }
        if db >= da {
            failures.push(format!(
                "{}: rewrite has {db:.1} findings per 100 words ≥ original {da:.1}",
                p.rewrite
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Numbers in a text: runs of digits without leading zeros (dates, sums,
/// phone numbers split at their separators); a month written as a word
/// («14 мая») counts as its number. Zero alone («15,0 м») is left out.
fn numbers(s: &str) -> Vec<String> {
    let mut s = s.to_string();
    for (i, m) in MONTHS.iter().enumerate() {
        s = s.replace(&format!(" {m}"), &format!(" {}", i + 1));
    }
    let mut out: Vec<String> = s
        .split(|c: char| !c.is_ascii_digit())
        .map(|n| n.trim_start_matches('0').to_string())
        .filter(|n| !n.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A rewrite must keep every fact; at least every number of the original
/// (dates, document numbers, addresses, phones, distances, times) is in it.
#[test]
fn rewrites_keep_every_number_of_the_original() {
    let Some(corpus) = common::corpus_dir() else { return };
    let mut failures = Vec::new();
    for p in pairs() {
        let original = std::fs::read_to_string(corpus.join(&p.original)).unwrap();
        let kept = numbers(&read_rewrite(&p.rewrite));
        let lost: Vec<String> = numbers(&original).into_iter().filter(|n| !kept.contains(n)).collect();
        if !lost.is_empty() {
            failures.push(format!("{}: numbers of the original missing: {}", p.rewrite, lost.join(", ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
