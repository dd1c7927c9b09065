//! Helpers for rule unit tests: run the full checker and look at one rule.

use crate::{Checker, Config, Finding};

/// Findings of rule `id` on `text`, with the default config.
pub fn findings(id: &str, text: &str) -> Vec<Finding> {
    let checker = Checker::new(Config::default()).expect("default config");
    checker.check(text).findings.into_iter().filter(|f| f.rule == id).collect()
}

/// The texts of the findings of rule `id` on `text`.
pub fn spans(id: &str, text: &str) -> Vec<String> {
    findings(id, text).into_iter().map(|f| f.text).collect()
}
