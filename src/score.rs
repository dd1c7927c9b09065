//! The clarity score: 10 for plain text, falling as findings per word rise.
//!
//! `penalty` is the sum of finding weights (hint 0.5, warning 1, error 2)
//! per 100 words, counting at least 50 words so that one hint in a
//! ten-word note does not sink it. Then
//! `score = 10 / (1 + penalty / 8)`, rounded to one decimal: a text with
//! 8 weighted findings per 100 words scores 5, with none scores 10.

use crate::report::{Finding, Severity};

pub fn weight(s: Severity) -> f64 {
    match s {
        Severity::Hint => 0.5,
        Severity::Warning => 1.0,
        Severity::Error => 2.0,
    }
}

/// Weighted findings per 100 words.
pub fn penalty(findings: &[Finding], words: usize) -> f64 {
    let total: f64 = findings.iter().map(|f| weight(f.severity)).sum();
    total * 100.0 / words.max(50) as f64
}

pub fn score(findings: &[Finding], words: usize) -> f64 {
    let s = 10.0 / (1.0 + penalty(findings, words) / 8.0);
    (s * 10.0).round() / 10.0
}
