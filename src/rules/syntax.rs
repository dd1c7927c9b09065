//! Helpers shared by the syntax rules (YS12x, YS20x).

use super::Context;
use crate::morph::heuristics::{starts_upper, Pos};
use crate::text::{Sentence, Text, TokenKind};

/// True when a sentence is a heading or a letterhead line: it does not end
/// with a full stop, a question or an exclamation mark, or a colon.
pub(super) fn is_heading(text: &Text, s: &Sentence) -> bool {
    let last = text.sentence_tokens(s).iter().rev().find(|t| !matches!(t.norm.as_str(), "\"" | ")" | "'"));
    !last.is_some_and(|t| {
        t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "…" | ":" | ";")
    })
}

/// True when a word token starts with a capital letter but is not the first
/// word of its sentence: a proper name or a part of one.
pub(super) fn capitalised_inside(text: &Text, s: &Sentence, i: usize) -> bool {
    let t = &text.tokens[i];
    if !starts_upper(&text.src[t.start..t.end]) {
        return false;
    }
    let first_word = text.tokens[s.tokens.clone()].iter().position(|t| t.kind != TokenKind::Punct);
    first_word.map(|p| s.tokens.start + p) != Some(i)
}

/// True for a word in capitals: an abbreviation («ГКУ», «ЦОДД») or a word
/// set in capitals.
pub(super) fn all_caps(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    let s = text.slice(t.start, t.end);
    starts_upper(s)
        && s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && s.chars().all(|c| !c.is_lowercase())
}

/// The part of speech of every token of a sentence (`None` for anything
/// that is not a word).
pub(super) fn tags<'c>(ctx: &'c Context, s: &Sentence) -> &'c [Option<Pos>] {
    &ctx.tags()[s.tokens.clone()]
}
