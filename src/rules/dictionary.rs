//! Shared reporting for rules backed by `dictionaries/*.toml`.

use super::{Context, Emitter};
use crate::morph::conjugate::conjugate_like;
use crate::report::Edit;
use crate::text::{Text, TokenKind};

/// Words after which a split predicate can be replaced by its verb without
/// re-inflecting anything: prepositions, conjunctions, adverbs.
const FREE_FOLLOWERS: &[&str] = &[
    "в",
    "во",
    "на",
    "по",
    "с",
    "со",
    "к",
    "ко",
    "до",
    "для",
    "за",
    "из",
    "от",
    "у",
    "при",
    "о",
    "об",
    "и",
    "а",
    "но",
    "или",
    "если",
    "когда",
    "чтобы",
    "что",
    "как",
    "также",
    "тоже",
    "уже",
    "ежегодно",
    "ежемесячно",
    "регулярно",
    "вовремя",
    "сегодня",
    "завтра",
    "еженедельно",
    "ежедневно",
    "всегда",
    "не",
    "ни",
    "только",
    "лишь",
    "через",
    "после",
    "перед",
    "между",
    "под",
    "над",
];

/// Reports every dictionary match of the rule `rule_id`. `label` names the
/// kind of problem in the message: «Составной предлог».
pub fn report(ctx: &Context, out: &mut Emitter, rule_id: &str, label: &str) {
    for m in ctx.dict_matches {
        let lex = &ctx.lexicon.entries[m.entry];
        if lex.rule != rule_id {
            continue;
        }
        let e = &lex.entry;
        let matched = &ctx.text.src[m.start..m.end];
        let edit = if let Some(verb) = &e.verb {
            verb_edit(ctx.text, m.first, m.last, verb)
        } else if e.fix {
            Some(phrase_edit(ctx.text, m.first, m.last, &e.suggestions[0]))
        } else {
            None
        };
        let mut suggestions = e.suggestions.clone();
        if let Some(ed) = &edit {
            if !suggestions.contains(&ed.replacement) {
                suggestions.insert(0, ed.replacement.trim().to_string());
            }
        }
        let overridden = out.severity_overridden();
        let f = out.push(m.start, m.end, format!("{label} «{}»", matched.trim()));
        if let (Some(sev), false) = (lex.severity, overridden) {
            f.severity = sev;
        }
        f.explanation = e.explanation.trim().to_string();
        f.suggestions = suggestions.into_iter().filter(|s| !s.is_empty()).collect();
        if let Some(ed) = edit {
            f.edits.push(ed);
            f.safe = true;
        }
    }
}

/// Matches the case of `replacement` to the original: a capital first letter stays capital.
fn match_case(original: &str, replacement: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    if !upper {
        return replacement.to_string();
    }
    let mut cs = replacement.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The edit that replaces tokens `first..last` with `replacement`. An empty
/// replacement deletes the phrase with the space after it and, at the start
/// of a sentence, capitalises the next word.
fn phrase_edit(text: &Text, first: usize, last: usize, replacement: &str) -> Edit {
    let start = text.tokens[first].start;
    let end = text.tokens[last - 1].end;
    let original = &text.src[start..end];
    if !replacement.is_empty() {
        return Edit { start, end, replacement: match_case(original, replacement) };
    }
    // Deletion: swallow the following spaces and re-capitalise the next word.
    let Some(next) = text.tokens.get(last) else {
        return Edit { start, end, replacement: String::new() };
    };
    let at_sentence_start = original.chars().next().is_some_and(char::is_uppercase);
    if at_sentence_start && next.kind == TokenKind::Word {
        let word = &text.src[next.start..next.end];
        return Edit { start, end: next.end, replacement: match_case(original, word) };
    }
    Edit { start, end: next.start, replacement: String::new() }
}

/// The edit for a split predicate: the light verb and its noun become one
/// verb in the light verb's form, when the words after it need no change.
fn verb_edit(text: &Text, first: usize, last: usize, verb: &str) -> Option<Edit> {
    let light = &text.tokens[first];
    if light.kind != TokenKind::Word {
        return None;
    }
    let free = match text.tokens.get(last) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) => t.kind == TokenKind::Word && FREE_FOLLOWERS.contains(&t.norm.as_str()),
    };
    if !free {
        return None;
    }
    let form = conjugate_like(&light.norm, verb)?;
    let start = light.start;
    let end = text.tokens[last - 1].end;
    Some(Edit { start, end, replacement: match_case(&text.src[start..end], &form) })
}
