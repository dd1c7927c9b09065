//! Dictionaries: the data behind the jargon rules. Format (one file per
//! category, `dictionaries/*.toml`):
//!
//! ```toml
//! rule = "YS101"                 # the rule that reports these entries
//! match = "exact"                # optional file default: "stem" (default) or "exact"
//!
//! [[entry]]
//! phrase = "по причине"          # dictionary form
//! forms = ["по причинам"]        # optional extra variants
//! suggestions = ["из-за"]        # plain alternatives
//! fix = true                     # optional: the first suggestion replaces the phrase as is
//! verb = "проверять"             # optional (split predicates): replacement verb,
//!                                # conjugated like the first word of the phrase
//! severity = "hint"              # optional, the rule's default otherwise
//! explanation = "…"              # why, in Russian
//! examples = [{ bad = "…", good = "…" }]
//! ```

mod matcher;

pub use matcher::{DictMatch, Lexicon};

use serde::Deserialize;

use crate::report::Severity;

include!(concat!(env!("OUT_DIR"), "/dictionaries.rs"));

/// How the words of a phrase match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Any inflected form (same Snowball stem).
    #[default]
    Stem,
    /// The same word form (up to case, ё/е, soft hyphens).
    Exact,
}

/// An example sentence of an entry: `bad` contains the phrase; `good` is the
/// fixed sentence (for `fix = true` entries, exactly what the edit yields).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    #[serde(default)]
    pub good: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub phrase: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub suggestions: Vec<String>,
    #[serde(default)]
    pub fix: bool,
    #[serde(default)]
    pub verb: Option<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default, rename = "match")]
    pub match_mode: Option<MatchMode>,
    pub explanation: String,
    pub examples: Vec<Example>,
}

/// One dictionary file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictFile {
    pub rule: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, rename = "match")]
    pub match_mode: MatchMode,
    #[serde(default, rename = "entry")]
    pub entries: Vec<Entry>,
}

impl DictFile {
    /// Parses and validates a dictionary. The error names the entry.
    pub fn parse(src: &str) -> Result<DictFile, String> {
        let file: DictFile = toml::from_str(src).map_err(|e| e.to_string())?;
        for (i, e) in file.entries.iter().enumerate() {
            let at = || format!("entry {} («{}»)", i + 1, e.phrase);
            if e.phrase.trim().is_empty() {
                return Err(format!("{}: empty phrase", at()));
            }
            if e.suggestions.is_empty() && e.verb.is_none() {
                return Err(format!("{}: needs at least one suggestion", at()));
            }
            if e.explanation.trim().is_empty() {
                return Err(format!("{}: needs an explanation", at()));
            }
            if e.examples.is_empty() {
                return Err(format!("{}: needs at least one example", at()));
            }
            if (e.fix || e.verb.is_some()) && e.examples.iter().any(|x| x.good.is_none()) {
                return Err(format!("{}: an entry with an edit needs `good` in every example", at()));
            }
        }
        Ok(file)
    }
}
