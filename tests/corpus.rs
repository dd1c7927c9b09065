//! The checker over every real document of the corpus: no panic, valid
//! spans and edits, plausible metrics, a score in range, deterministic output.
//! The documents are read at test time (see `tests/common/mod.rs`).

mod common;

use std::collections::BTreeMap;

use yasno::{Checker, Config, Report};

fn checker() -> Checker {
    Checker::new(Config::default()).expect("default config is valid")
}

/// Every way a report can be inconsistent with its text, as messages.
fn problems(name: &str, src: &str, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    let docs = yasno::rule_docs();
    for f in &report.findings {
        let at = format!("{name}: {} {}..{}", f.rule, f.start, f.end);
        if f.start > f.end || f.end > src.len() {
            out.push(format!("{at}: span out of bounds (text is {} bytes)", src.len()));
            continue;
        }
        if !src.is_char_boundary(f.start) || !src.is_char_boundary(f.end) {
            out.push(format!("{at}: span not on char boundaries"));
            continue;
        }
        if f.text != src[f.start..f.end] {
            out.push(format!("{at}: text «{}» ≠ source «{}»", f.text, &src[f.start..f.end]));
        }
        match docs.iter().find(|d| d.id == f.rule) {
            None => out.push(format!("{at}: unknown rule id")),
            Some(d) if d.category != f.category => {
                out.push(format!("{at}: category differs from the rule's"))
            }
            Some(_) => {}
        }
        if f.message.trim().is_empty() || f.explanation.trim().is_empty() {
            out.push(format!("{at}: empty message or explanation"));
        }
        for e in &f.edits {
            if e.start > e.end || e.end > src.len() {
                out.push(format!("{at}: edit {}..{} out of bounds", e.start, e.end));
            } else if !src.is_char_boundary(e.start) || !src.is_char_boundary(e.end) {
                out.push(format!("{at}: edit {}..{} not on char boundaries", e.start, e.end));
            }
        }
    }
    let keys: Vec<_> = report.findings.iter().map(|f| (f.start, f.end, f.rule.clone())).collect();
    if !keys.windows(2).all(|w| w[0] <= w[1]) {
        out.push(format!("{name}: findings not sorted by start, end, rule"));
    }
    if !(0.0..=10.0).contains(&report.score) {
        out.push(format!("{name}: score {} outside 0..=10", report.score));
    }
    out
}

/// Metrics of a real, non-empty document must be finite and plausible.
fn implausible_metrics(name: &str, report: &Report) -> Vec<String> {
    let m = &report.metrics;
    let mut out = Vec::new();
    let mut check = |ok: bool, what: &str| {
        if !ok {
            out.push(format!("{name}: {what} (metrics: {m:?})"));
        }
    };
    check(m.words > 0, "no words");
    check(m.sentences > 0, "no sentences");
    check(m.paragraphs > 0 && m.paragraphs <= m.sentences, "paragraphs not in 1..=sentences");
    check(m.sentences <= m.words, "more sentences than words");
    check(m.characters >= m.words, "fewer characters than words");
    for (what, v) in [
        ("flesch", m.flesch),
        ("grade", m.grade),
        ("avg_sentence_words", m.avg_sentence_words),
        ("avg_word_syllables", m.avg_word_syllables),
        ("long_words_share", m.long_words_share),
        ("reading_seconds", m.reading_seconds),
    ] {
        check(v.is_finite(), &format!("{what} not finite"));
    }
    // Russian words average 2–3.5 syllables; official text sits at the top.
    check((1.5..=4.5).contains(&m.avg_word_syllables), "average syllables per word implausible");
    check((0.0..=1.0).contains(&m.long_words_share), "long word share outside 0..1");
    // Grade 0.5·ASL + 8.4·ASW − 15.59. Real regulations in the corpus reach
    // 50 (sentences of 77 words on average); 70 would need 100-word sentences
    // of 4-syllable words, below 0 two-word sentences of one-syllable words.
    check((0.0..=70.0).contains(&m.grade), "grade outside 0..=70");
    check(m.flesch <= 120.0, "flesch above 120");
    let (asl, asw) = (m.avg_sentence_words, m.avg_word_syllables);
    check(
        (m.flesch - (206.835 - 1.3 * asl - 60.1 * asw)).abs() < 0.5,
        "flesch does not follow Oborneva's formula",
    );
    check((m.grade - (0.5 * asl + 8.4 * asw - 15.59)).abs() < 0.1, "grade does not follow the formula");
    // Readability counts running text only, so its average sentence lies
    // between one word and the longest sentence.
    check(
        asl >= 1.0 && asl <= m.longest_sentence_words as f64,
        "average sentence length outside 1..=longest",
    );
    check(
        m.longest_sentence_words as f64 >= m.avg_sentence_words.floor()
            && m.longest_sentence_words <= m.words,
        "longest sentence shorter than the average or longer than the text",
    );
    check(m.level.chars().any(char::is_alphabetic), "empty level");
    out
}

#[test]
fn every_corpus_document_gives_a_consistent_report() {
    let Some(dir) = common::corpus_dir() else { return };
    let files = common::corpus_files(&dir);
    assert!(files.len() >= 10, "expected the real corpus in {}, found {} files", dir.display(), files.len());
    let checker = checker();
    let mut failures = Vec::new();
    let mut findings = 0;
    for (name, src) in &files {
        let report = checker.check(src);
        findings += report.findings.len();
        failures.extend(problems(name, src, &report));
        failures.extend(implausible_metrics(name, &report));
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
    // Official Russian letters are full of канцелярит: the corpus must give findings.
    assert!(findings >= files.len(), "only {findings} findings in {} documents", files.len());
}

#[test]
fn output_is_deterministic() {
    let Some(dir) = common::corpus_dir() else { return };
    // Two checkers: hash maps inside get different random seeds.
    let (a, b) = (checker(), checker());
    for (name, src) in common::corpus_files(&dir) {
        let first = serde_json::to_string(&a.check(&src)).unwrap();
        let again = serde_json::to_string(&a.check(&src)).unwrap();
        let other = serde_json::to_string(&b.check(&src)).unwrap();
        assert_eq!(first, again, "{name}: the same checker gave different output");
        assert_eq!(first, other, "{name}: two checkers gave different output");
    }
}

/// Spaces of a real document replaced with no-break spaces, as word
/// processors and typographers do, must not change what is found.
#[test]
fn no_break_spaces_find_the_same() {
    let Some(dir) = common::corpus_dir() else { return };
    let checker = checker();
    let mut failures = Vec::new();
    for (name, src) in common::corpus_files(&dir) {
        let nbsp = src.replace(' ', "\u{a0}");
        let count = |r: &Report| {
            let mut m = BTreeMap::new();
            for f in &r.findings {
                *m.entry(f.rule.clone()).or_insert(0) += 1;
            }
            m
        };
        let (plain, spaced) = (checker.check(&src), checker.check(&nbsp));
        failures.extend(problems(&name, &nbsp, &spaced));
        if count(&plain) != count(&spaced) {
            failures.push(format!("{name}: {:?} with spaces, {:?} with NBSP", count(&plain), count(&spaced)));
        }
        if plain.metrics.words != spaced.metrics.words || plain.metrics.sentences != spaced.metrics.sentences
        {
            failures.push(format!("{name}: words/sentences change with NBSP"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Mixes emoji, skin-tone and ZWJ sequences, combining marks, bidi marks,
/// NBSP, zero-width characters and a BOM into a real document.
fn mangle(src: &str) -> String {
    const INSERTS: &[&str] = &[
        "👍🏽",
        "👨\u{200D}👩\u{200D}👧",
        "\u{200F}",
        "\u{200E}",
        "\u{202B}עברית\u{202C}",
        "\u{a0}",
        "\u{202F}",
        "🇷🇺",
        "\u{2060}",
        "e\u{301}\u{302}",
        "\u{FEFF}",
    ];
    let mut out = String::from("\u{FEFF}");
    let mut word = 0;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c.is_alphabetic() && chars.peek().is_some_and(|n| n.is_alphabetic()) && word % 5 == 2 {
            // Inside a word: a stress mark, or a zero-width space.
            out.push(if word % 2 == 0 { '\u{301}' } else { '\u{200B}' });
            word += 1;
        }
        if c == ' ' {
            word += 1;
            if word % 3 == 0 {
                out.push_str(INSERTS[(word / 3) % INSERTS.len()]);
                out.push(' ');
            }
        }
    }
    out.push_str(" 👩🏿\u{200D}🔬");
    out
}

#[test]
fn exotic_characters_in_real_documents_keep_spans_valid() {
    let Some(dir) = common::corpus_dir() else { return };
    let checker = checker();
    let mut failures = Vec::new();
    let mut findings = 0;
    for (name, src) in common::corpus_files(&dir).into_iter().step_by(4) {
        let mangled = mangle(&src);
        let report = checker.check(&mangled);
        findings += report.findings.len();
        failures.extend(problems(&name, &mangled, &report));
        let m = &report.metrics;
        if !(m.flesch.is_finite() && m.grade.is_finite() && m.words > 0) {
            failures.push(format!("{name}: metrics {m:?}"));
        }
        // A document made of nothing but the odd characters.
        let odd: String = mangled.chars().filter(|c| !c.is_alphanumeric()).collect();
        failures.extend(problems(&format!("{name} (symbols only)"), &odd, &checker.check(&odd)));
    }
    assert!(findings > 0, "mangled documents should still give findings");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
