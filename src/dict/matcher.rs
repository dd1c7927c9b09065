//! Matching dictionary phrases in a text in one linear pass.
//!
//! Every token of the text becomes one character: the id of its stem (or of
//! its exact form) among the words that occur in some phrase, or a filler id
//! for any other word, or a break id for punctuation that no phrase uses.
//! Phrases are encoded the same way, and an Aho–Corasick automaton finds
//! them all at once. Ids are mapped to supplementary-plane characters, so
//! every token takes exactly four bytes and a match's byte offset divided by
//! four is its token index.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{DictFile, Entry, MatchMode};
use crate::report::Severity;
use crate::text::{Text, TokenKind};

const OTHER: u32 = 0;
const BREAK: u32 = 1;

fn id_char(id: u32) -> char {
    char::from_u32(0x10000 + id).expect("id within the supplementary planes")
}

/// One entry, compiled.
#[derive(Debug, Clone)]
pub struct LexEntry {
    pub rule: String,
    pub entry: Entry,
    pub severity: Option<Severity>,
    /// Name of the dictionary file it came from.
    pub source: String,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictMatch {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// Token range in the text.
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Default)]
struct Side {
    ids: HashMap<String, u32>,
    patterns: Vec<String>,
    pattern_entry: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

impl Side {
    fn intern(&mut self, key: &str) -> u32 {
        let next = self.ids.len() as u32 + 2;
        *self.ids.entry(key.to_string()).or_insert(next)
    }
}

/// All dictionary entries, ready for matching.
#[derive(Default)]
pub struct Lexicon {
    pub entries: Vec<LexEntry>,
    stem: Side,
    exact: Side,
}

impl Lexicon {
    /// Adds a parsed dictionary file. Returns an error naming the phrase
    /// that cannot be matched (no words in it).
    pub fn add(&mut self, source: &str, file: DictFile) -> Result<(), String> {
        for entry in file.entries {
            let mode = entry.match_mode.unwrap_or(file.match_mode);
            let idx = self.entries.len();
            let side = match mode {
                MatchMode::Stem => &mut self.stem,
                MatchMode::Exact => &mut self.exact,
            };
            for phrase in std::iter::once(&entry.phrase).chain(entry.forms.iter()) {
                let t = Text::new(phrase);
                let mut pat = String::new();
                for tok in &t.tokens {
                    let key = match (tok.kind, mode) {
                        (TokenKind::Word, MatchMode::Stem) => &*tok.stem,
                        (TokenKind::Word, MatchMode::Exact) | (TokenKind::Punct, _) => &tok.norm,
                        _ => return Err(format!("«{phrase}»: only words and punctuation may form a phrase")),
                    };
                    pat.push(id_char(side.intern(key)));
                }
                if !t.tokens.iter().any(|t| t.kind == TokenKind::Word) {
                    return Err(format!("«{phrase}»: a phrase needs a word"));
                }
                side.patterns.push(pat);
                side.pattern_entry.push(idx);
            }
            let severity = entry.severity;
            self.entries.push(LexEntry {
                rule: file.rule.clone(),
                entry,
                severity,
                source: source.to_string(),
            });
        }
        Ok(())
    }

    /// Builds the automata. Call after the last [`Lexicon::add`].
    pub fn build(&mut self) {
        for side in [&mut self.stem, &mut self.exact] {
            side.automaton = if side.patterns.is_empty() {
                None
            } else {
                Some(
                    AhoCorasick::builder()
                        .match_kind(MatchKind::LeftmostLongest)
                        .build(&side.patterns)
                        .expect("dictionary automaton"),
                )
            };
        }
    }

    /// All non-overlapping phrase matches in the text, in order; where two
    /// overlap, the longer (then the earlier) wins.
    pub fn find(&self, text: &Text) -> Vec<DictMatch> {
        let mut found = Vec::new();
        for (side, mode) in [(&self.stem, MatchMode::Stem), (&self.exact, MatchMode::Exact)] {
            let Some(ac) = &side.automaton else { continue };
            let mut hay = String::with_capacity(text.tokens.len() * 4);
            for tok in &text.tokens {
                let id = match tok.kind {
                    TokenKind::Word => {
                        let key = if mode == MatchMode::Stem { &*tok.stem } else { tok.norm.as_str() };
                        side.ids.get(key).copied().unwrap_or(OTHER)
                    }
                    TokenKind::Punct => side.ids.get(tok.norm.as_str()).copied().unwrap_or(BREAK),
                    TokenKind::Number => OTHER,
                    TokenKind::Placeholder => BREAK,
                };
                hay.push(id_char(id));
            }
            for m in ac.find_iter(&hay) {
                let (first, last) = (m.start() / 4, m.end() / 4);
                let entry = side.pattern_entry[m.pattern().as_usize()];
                found.push(DictMatch {
                    entry,
                    first,
                    last,
                    start: text.tokens[first].start,
                    end: text.tokens[last - 1].end,
                });
            }
        }
        found.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last), m.entry));
        let mut out: Vec<DictMatch> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_none_or(|p| m.first >= p.last) {
                out.push(m);
            }
        }
        out
    }
}
