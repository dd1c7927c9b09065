//! The verdicts behind docs/evaluation.md stay usable: every row of
//! docs/evaluation-judgements.tsv names a real rule, a verdict and, for a
//! wrong finding, the reason; and, where the corpus is present, the span it
//! judged is the text at those bytes of that document.

mod common;

use std::collections::HashSet;

const TSV: &str = include_str!("../docs/evaluation-judgements.tsv");

struct Row<'a> {
    line: usize,
    rule: &'a str,
    file: &'a str,
    start: usize,
    end: usize,
    span: &'a str,
    ok: bool,
    note: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    TSV.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.starts_with("rule\t") && !l.trim().is_empty())
        .map(|(n, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 6, "line {}: expected rule, file, start, end, span, verdict, note", n + 1);
            let ok = match c[5] {
                "ok" => true,
                "wrong" => false,
                v => panic!("line {}: verdict «{v}», expected ok or wrong", n + 1),
            };
            Row {
                line: n + 1,
                rule: c[0],
                file: c[1],
                start: c[2].parse().unwrap_or_else(|_| panic!("line {}: start", n + 1)),
                end: c[3].parse().unwrap_or_else(|_| panic!("line {}: end", n + 1)),
                span: c[4],
                ok,
                note: c.get(6).copied().unwrap_or(""),
            }
        })
        .collect()
}

#[test]
fn every_verdict_names_a_rule_and_says_why_a_finding_is_wrong() {
    let rules: HashSet<&str> = yasno::rule_docs().iter().map(|d| d.id).collect();
    let rows = rows();
    assert!(rows.len() >= 200, "only {} verdicts", rows.len());
    let mut seen = HashSet::new();
    for r in &rows {
        assert!(rules.contains(r.rule), "line {}: no rule {}", r.line, r.rule);
        assert!(r.start < r.end, "line {}: empty span", r.line);
        assert!(r.ok || !r.note.trim().is_empty(), "line {}: a wrong finding needs a note", r.line);
        assert!(seen.insert((r.rule, r.file, r.start, r.end)), "line {}: judged twice", r.line);
    }
}

/// The span column is the text at those bytes (whitespace folded, long
/// spans cut with «…»), so a verdict cannot silently point elsewhere.
#[test]
fn judged_spans_are_the_text_at_their_offsets() {
    let Some(dir) = common::corpus_dir() else { return };
    let docs: std::collections::HashMap<String, String> = common::corpus_files(&dir).into_iter().collect();
    for r in rows() {
        let Some(src) = docs.get(r.file) else { panic!("line {}: no document {}", r.line, r.file) };
        let Some(text) = src.get(r.start..r.end) else {
            panic!("line {}: {}..{} out of {}", r.line, r.start, r.end, r.file)
        };
        let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let span = r.span.strip_suffix('…').unwrap_or(r.span);
        assert!(
            folded.starts_with(span),
            "line {}: «{}» at {}..{} of {} is «{folded}»",
            r.line,
            r.span,
            r.start,
            r.end,
            r.file
        );
    }
}
