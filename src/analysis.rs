//! Whole-document analysis that rules share: the kind of document.

use crate::config::Config;
use crate::report::{ChecklistItem, DocKind};
use crate::text::Text;

/// Facts about the document that several rules use.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub kind: DocKind,
    /// True when the kind was detected rather than set in the config.
    pub detected: bool,
    /// Required elements of a refusal, when the document is one.
    pub checklist: Vec<ChecklistItem>,
}

/// Analyses the document as a whole.
pub fn analyse(text: &Text, config: &Config) -> Analysis {
    match config.profile.fixed_kind() {
        Some(kind) => Analysis { kind, detected: false, checklist: Vec::new() },
        None => Analysis { kind: detect_kind(text), detected: true, checklist: Vec::new() },
    }
}

fn detect_kind(text: &Text) -> DocKind {
    let placeholders = text.tokens.iter().filter(|t| t.kind == crate::text::TokenKind::Placeholder).count();
    if placeholders >= 3 {
        return DocKind::Template;
    }
    let refusal = text.tokens.iter().any(|t| {
        t.is_word()
            && (t.norm.starts_with("отказ") || t.norm == "отклонить" || t.norm.starts_with("отклонен"))
    });
    if refusal {
        return DocKind::Refusal;
    }
    DocKind::Letter
}
