//! The `Report` and `Finding` records: the one JSON shape shared by the
//! library, the CLI and the JavaScript API.

use serde::{Deserialize, Serialize};

use crate::metrics::Metrics;

/// Version of the JSON shape of [`Report`]. Bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Russian label for people.
    pub fn label_ru(self) -> &'static str {
        match self {
            Severity::Hint => "совет",
            Severity::Warning => "предупреждение",
            Severity::Error => "ошибка",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "hint" => Some(Severity::Hint),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// The kind of problem. Rule ids are grouped by category:
/// YS1xx jargon, YS15x syntax, YS2xx length and layout, YS3xx missing explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Канцелярит: stock phrases, compound prepositions, empty words.
    Jargon,
    /// Heavy syntax: verbal nouns, genitive chains, passive voice.
    Syntax,
    /// Sentences and paragraphs that are too long, layout.
    Length,
    /// Something the reader needs is not explained or missing.
    Explanation,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Jargon => "jargon",
            Category::Syntax => "syntax",
            Category::Length => "length",
            Category::Explanation => "explanation",
        }
    }

    pub fn label_ru(self) -> &'static str {
        match self {
            Category::Jargon => "Канцелярит",
            Category::Syntax => "Тяжёлый синтаксис",
            Category::Length => "Длина и структура",
            Category::Explanation => "Не хватает объяснений",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        match s {
            "jargon" => Some(Category::Jargon),
            "syntax" => Some(Category::Syntax),
            "length" => Some(Category::Length),
            "explanation" => Some(Category::Explanation),
            _ => None,
        }
    }
}

/// A replacement of the bytes `start..end` of the checked text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// One problem found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `YS101`.
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// Byte offset of the start of the span in the checked text
    /// (UTF-16 code units in the JavaScript API).
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// The text of the span, equal to `text[start..end]`.
    pub text: String,
    /// Short message in Russian.
    pub message: String,
    /// Why this matters to the reader, in Russian.
    pub explanation: String,
    /// Plain-words alternatives to show (may be non-empty when `edits` is empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// Concrete replacements. Empty when only a person can fix it.
    #[serde(default)]
    pub edits: Vec<Edit>,
    /// True when `edits` keep the sentence grammatical and may be applied
    /// without review (used by `--fix` and «Исправить все такие»).
    #[serde(default)]
    pub safe: bool,
}

/// Which kind of document the checks assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    #[default]
    Letter,
    Refusal,
    Notice,
    Template,
}

impl DocKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Letter => "letter",
            DocKind::Refusal => "refusal",
            DocKind::Notice => "notice",
            DocKind::Template => "template",
        }
    }
    pub fn label_ru(self) -> &'static str {
        match self {
            DocKind::Letter => "письмо",
            DocKind::Refusal => "отказ",
            DocKind::Notice => "уведомление",
            DocKind::Template => "шаблон",
        }
    }
}

/// Facts about the document as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocumentInfo {
    /// The kind the checks assumed.
    pub kind: DocKind,
    /// True when `kind` was detected from the text, false when set in the config.
    pub detected: bool,
    /// For a refusal or decision: which required elements are present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<ChecklistItem>,
}

/// One required element of a decision or refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable key: `decision`, `reason`, `next_step`, `deadline`, `appeal`, `contacts`.
    pub key: String,
    /// Russian label.
    pub label: String,
    pub present: bool,
    /// Rule id that reports the element when it is missing.
    pub rule: String,
}

/// The result of checking one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    /// Sorted by `start`, then `end`, then `rule`.
    pub findings: Vec<Finding>,
    pub metrics: Metrics,
    /// Clarity score from 0 (opaque) to 10 (plain), one decimal.
    pub score: f64,
    pub document: DocumentInfo,
}

impl Report {
    /// The highest severity among the findings, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// Applies non-overlapping edits to `text`. Edits that overlap an earlier
/// one (by start offset) or fall outside the text or off char boundaries are
/// skipped. Returns the new text.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in sorted {
        if e.start < pos
            || e.end < e.start
            || e.end > text.len()
            || !text.is_char_boundary(e.start)
            || !text.is_char_boundary(e.end)
        {
            continue;
        }
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.replacement);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    out
}
