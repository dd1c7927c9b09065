//! Matching dictionary phrases in a text in one linear pass.
//!
//! Every token of the text becomes one character: the id of its stem (or
//! of its punctuation mark) among the keys that occur in some phrase, a
//! filler id for any other word or number, or a break id for punctuation
//! that no phrase uses and for template placeholders. Phrases are encoded
//! the same way, and one Aho–Corasick automaton finds all of them at once
//! (overlapping matches included). Ids are mapped to supplementary-plane
//! characters, so every token takes exactly four bytes and a match's byte
//! offset divided by four is its token index.
//!
//! A stem sequence is only a candidate: each phrase word may also carry the
//! set of word forms it accepts (an exact phrase, the forms of a verb or of
//! an adjective, see the format docs in [`super`]), and all words of a match
//! must lie in one sentence. The surviving candidates are then chosen
//! greedily, longest first, so that overlapping matches never both count.
//!
//! Split predicates with one adjective between the verb and the noun
//! («провести плановую проверку») are found by a second look-up over
//! consecutive triples of tokens, also linear.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{DictFile, DictKind, Entry, MatchMode};
use crate::morph::{adjective, conjugate};
use crate::report::Severity;
use crate::text::{Text, Token, TokenKind};

const OTHER: u32 = 0;
const BREAK: u32 = 1;

/// Upper bound on the stem combinations one phrase may expand to.
const MAX_COMBINATIONS: usize = 4096;

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
    /// The kind of the file it came from.
    pub kind: DictKind,
}

/// How the words of a match stand in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arrangement {
    /// As in the phrase.
    Direct,
    /// A predicate in reverse order: «проверка проводится».
    Reversed,
    /// A predicate with one adjective between the verb and the noun.
    Gap,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictMatch {
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
    /// Which phrase of the entry matched: 0 for `phrase`, `i` for `forms[i - 1]`.
    pub form: usize,
    pub arrangement: Arrangement,
    /// Token range in the text.
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

type FormSet = Arc<HashSet<String>>;

/// What one word of a phrase accepts.
#[derive(Debug, Clone)]
struct WordSpec {
    /// Stems (or punctuation marks) of the accepted forms.
    keys: Vec<String>,
    /// The accepted forms; `None`: any word with one of `keys` as its stem.
    forms: Option<FormSet>,
}

#[derive(Debug, Clone)]
struct Variant {
    entry: usize,
    form: usize,
    arrangement: Arrangement,
    /// Per word of the match (the adjective of a gap is not counted).
    forms: Vec<Option<FormSet>>,
}

/// All dictionary entries, ready for matching.
#[derive(Default)]
pub struct Lexicon {
    pub entries: Vec<LexEntry>,
    ids: HashMap<String, u32>,
    patterns: Vec<String>,
    pattern_index: HashMap<String, usize>,
    variants: Vec<Vec<Variant>>,
    gaps: HashMap<(u32, u32), Vec<Variant>>,
    automaton: Option<AhoCorasick>,
    specs: HashMap<(String, MatchMode, bool), WordSpec>,
}

fn set_of(forms: Vec<String>) -> FormSet {
    Arc::new(forms.into_iter().collect())
}

/// Nominative (and the written) forms of the noun of a predicate, for the
/// reverse order: «проверку» → «проверка», «проверки».
fn subject_forms(noun: &str) -> Vec<String> {
    let mut out = vec![noun.to_string()];
    let hard_plural = |stem: &str| -> String {
        let soft = stem.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
        format!("{stem}{}", if soft { "и" } else { "ы" })
    };
    if let Some(stem) = noun.strip_suffix('у') {
        out.push(format!("{stem}а"));
        out.push(hard_plural(stem));
    } else if let Some(stem) = noun.strip_suffix('ю') {
        out.push(format!("{stem}я"));
        out.push(format!("{stem}и"));
    } else if let Some(stem) = noun.strip_suffix("ие") {
        out.push(format!("{stem}ия"));
    } else if let Some(stem) = noun.strip_suffix('ь') {
        out.push(format!("{stem}и"));
    } else if noun.ends_with(|c: char| !"аеёиоуыэюяй".contains(c)) {
        out.push(hard_plural(noun));
    }
    out
}

/// Words that may stand between the verb and the noun of a predicate.
fn adjectival(t: &Token) -> bool {
    const ENDINGS: &[&str] = &[
        "ую", "юю", "ой", "ей", "ый", "ий", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ыми", "ими",
        "ого", "его", "ому", "ему", "ая", "яя",
    ];
    const PRONOUNS: &[&str] =
        &["эту", "этот", "это", "эти", "свою", "свой", "свое", "свои", "всю", "весь", "все", "ту"];
    t.kind == TokenKind::Word
        && (PRONOUNS.contains(&t.norm.as_str())
            || (t.norm.chars().count() >= 4 && ENDINGS.iter().any(|e| t.norm.ends_with(e))))
}

impl Lexicon {
    fn intern(&mut self, key: &str) -> u32 {
        let next = self.ids.len() as u32 + 2;
        *self.ids.entry(key.to_string()).or_insert(next)
    }

    /// What a word of a phrase accepts. `verb`: it must be a verb.
    fn spec(&mut self, tok: &Token, mode: MatchMode, verb: bool) -> Result<WordSpec, String> {
        let cache_key = (tok.norm.clone(), mode, verb);
        if let Some(s) = self.specs.get(&cache_key) {
            return Ok(s.clone());
        }
        let spec = match tok.kind {
            TokenKind::Punct => WordSpec { keys: vec![tok.norm.clone()], forms: None },
            TokenKind::Word if verb => {
                let forms = conjugate::matching_forms(&tok.norm)
                    .ok_or_else(|| format!("«{}» is not a verb the conjugator knows", tok.norm))?;
                expanded(forms)
            }
            TokenKind::Word => match mode {
                MatchMode::Exact => {
                    WordSpec { keys: vec![tok.stem.to_string()], forms: Some(set_of(vec![tok.norm.clone()])) }
                }
                MatchMode::Stem => {
                    if let Some(forms) = conjugate::matching_forms(&tok.norm) {
                        expanded(forms)
                    } else if let Some(forms) = adjective::matching_forms(&tok.norm) {
                        expanded(forms)
                    } else {
                        WordSpec { keys: noun_keys(&tok.norm, &tok.stem), forms: None }
                    }
                }
            },
            _ => return Err("only words and punctuation may form a phrase".into()),
        };
        self.specs.insert(cache_key, spec.clone());
        Ok(spec)
    }

    /// Registers one way to match an entry.
    fn add_pattern(&mut self, specs: &[WordSpec], variant: Variant) -> Result<(), String> {
        let combinations: usize = specs.iter().map(|s| s.keys.len()).product();
        if combinations > MAX_COMBINATIONS {
            return Err("the phrase has too many word forms to match".into());
        }
        let mut pats = vec![String::new()];
        for s in specs {
            let ids: Vec<char> = s.keys.iter().map(|k| id_char(self.intern(k))).collect();
            pats = pats.iter().flat_map(|p| ids.iter().map(move |c| format!("{p}{c}"))).collect();
        }
        for p in pats {
            let idx = match self.pattern_index.get(&p) {
                Some(&i) => i,
                None => {
                    self.patterns.push(p.clone());
                    self.variants.push(Vec::new());
                    self.pattern_index.insert(p, self.patterns.len() - 1);
                    self.patterns.len() - 1
                }
            };
            self.variants[idx].push(variant.clone());
        }
        Ok(())
    }

    /// Adds a parsed dictionary file. Returns an error naming the phrase
    /// that cannot be matched.
    pub fn add(&mut self, source: &str, file: DictFile) -> Result<(), String> {
        for entry in file.entries {
            let mode = entry.match_mode.unwrap_or(file.match_mode);
            let idx = self.entries.len();
            let phrases: Vec<String> =
                std::iter::once(&entry.phrase).chain(entry.forms.iter()).cloned().collect();
            for (form, phrase) in phrases.iter().enumerate() {
                let err = |e: String| format!("«{phrase}»: {e}");
                let tokens = crate::text::tokens(phrase);
                if !tokens.iter().any(|t| t.kind == TokenKind::Word) {
                    return Err(err("a phrase needs a word".into()));
                }
                let predicate = file.kind == DictKind::Predicate;
                if predicate && (tokens.len() < 2 || tokens[0].kind != TokenKind::Word) {
                    return Err(err("a predicate is a verb and at least one more word".into()));
                }
                let mut specs = Vec::new();
                for (i, tok) in tokens.iter().enumerate() {
                    specs.push(self.spec(tok, mode, predicate && i == 0).map_err(err)?);
                }
                let forms: Vec<Option<FormSet>> = specs.iter().map(|s| s.forms.clone()).collect();
                let direct =
                    Variant { entry: idx, form, arrangement: Arrangement::Direct, forms: forms.clone() };
                self.add_pattern(&specs, direct).map_err(err)?;
                let two_words = tokens.len() == 2 && tokens[1].kind == TokenKind::Word;
                if predicate && two_words {
                    let noun = expanded(subject_forms(&tokens[1].norm));
                    let reversed = Variant {
                        entry: idx,
                        form,
                        arrangement: Arrangement::Reversed,
                        forms: vec![noun.forms.clone(), specs[0].forms.clone()],
                    };
                    self.add_pattern(&[noun, specs[0].clone()], reversed).map_err(err)?;
                    let gap = Variant { entry: idx, form, arrangement: Arrangement::Gap, forms };
                    for a in &specs[0].keys {
                        for b in &specs[1].keys {
                            let key = (self.intern(a), self.intern(b));
                            self.gaps.entry(key).or_default().push(gap.clone());
                        }
                    }
                }
            }
            let severity = entry.severity;
            self.entries.push(LexEntry {
                rule: file.rule.clone(),
                entry,
                severity,
                source: source.to_string(),
                kind: file.kind,
            });
        }
        Ok(())
    }

    /// Builds the automaton. Call after the last [`Lexicon::add`].
    pub fn build(&mut self) {
        self.specs.clear();
        self.automaton = if self.patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&self.patterns)
                    .expect("dictionary automaton"),
            )
        };
    }

    /// The number of encoded patterns (for benchmarks and tests).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len() + self.gaps.len()
    }

    fn token_id(&self, t: &Token) -> u32 {
        match t.kind {
            TokenKind::Word => self.ids.get(&*t.stem).copied().unwrap_or(OTHER),
            TokenKind::Punct => self.ids.get(t.norm.as_str()).copied().unwrap_or(BREAK),
            TokenKind::Number => OTHER,
            TokenKind::Placeholder => BREAK,
        }
    }

    /// All non-overlapping phrase matches in the text, in order. Where
    /// matches overlap, the one with more dictionary words wins (the
    /// adjective of a gap match does not count); then a direct match over a
    /// reversed or gapped one; then the earlier one; then the entry loaded
    /// later.
    pub fn find(&self, text: &Text) -> Vec<DictMatch> {
        let tokens = &text.tokens;
        let n = tokens.len();
        if n == 0 {
            return Vec::new();
        }
        let ids: Vec<u32> = tokens.iter().map(|t| self.token_id(t)).collect();
        let mut sentence = vec![usize::MAX; n];
        for (si, s) in text.sentences.iter().enumerate() {
            for slot in &mut sentence[s.tokens.clone()] {
                *slot = si;
            }
        }
        let accepts = |positions: &[usize], v: &Variant| -> bool {
            let (a, b) = (positions[0], positions[positions.len() - 1]);
            sentence[a] == sentence[b]
                && positions
                    .iter()
                    .zip(&v.forms)
                    .all(|(&p, f)| f.as_ref().is_none_or(|set| set.contains(tokens[p].norm.as_str())))
        };
        let mut found: Vec<DictMatch> = Vec::new();
        let mut push = |v: &Variant, first: usize, last: usize| {
            found.push(DictMatch {
                entry: v.entry,
                form: v.form,
                arrangement: v.arrangement,
                first,
                last,
                start: tokens[first].start,
                end: tokens[last - 1].end,
            })
        };
        if let Some(ac) = &self.automaton {
            let hay: String = ids.iter().map(|&id| id_char(id)).collect();
            let mut positions = Vec::new();
            for m in ac.find_overlapping_iter(&hay) {
                let (first, last) = (m.start() / 4, m.end() / 4);
                positions.clear();
                positions.extend(first..last);
                for v in &self.variants[m.pattern().as_usize()] {
                    if accepts(&positions, v) {
                        push(v, first, last);
                    }
                }
            }
        }
        if !self.gaps.is_empty() {
            for i in 0..n.saturating_sub(2) {
                if ids[i] < 2 || ids[i + 2] < 2 || !adjectival(&tokens[i + 1]) {
                    continue;
                }
                if let Some(vs) = self.gaps.get(&(ids[i], ids[i + 2])) {
                    for v in vs {
                        if accepts(&[i, i + 2], v) {
                            push(v, i, i + 3);
                        }
                    }
                }
            }
        }
        // The adjective inside a gap is not a dictionary word: it does not count.
        let words = |m: &DictMatch| m.last - m.first - usize::from(m.arrangement == Arrangement::Gap);
        found.sort_by_key(|m| {
            (std::cmp::Reverse(words(m)), m.arrangement, m.first, std::cmp::Reverse(m.entry))
        });
        let mut taken = vec![false; n];
        let mut out: Vec<DictMatch> = Vec::with_capacity(found.len());
        for m in found {
            if taken[m.first..m.last].iter().any(|&t| t) {
                continue;
            }
            taken[m.first..m.last].iter_mut().for_each(|t| *t = true);
            out.push(m);
        }
        out.sort_by_key(|m| m.first);
        out
    }
}

/// Stems of the other case forms of a word matched by stem. Snowball does
/// not always give one stem to all forms of a noun («органы» → «орга»,
/// «органов» → «орган»), so the word is put in the common case endings and
/// the stems that are a prefix of the word (three letters at least, at most
/// two shorter than its own stem) are accepted too.
fn noun_keys(norm: &str, stem: &str) -> Vec<String> {
    const ENDINGS: &[&str] = &[
        "", "а", "я", "у", "ю", "ы", "и", "е", "о", "ь", "ом", "ем", "ой", "ей", "ов", "ев", "ам", "ям",
        "ами", "ями", "ах", "ях", "ия", "ии", "ие", "ию", "ием", "ий", "ость", "ости",
    ];
    let mut keys = vec![stem.to_string()];
    let min = stem.chars().count().saturating_sub(2).max(3);
    // The longest ending the word has: «органы» → «орган» + «ы».
    let cut = ENDINGS.iter().filter(|e| norm.ends_with(*e)).max_by_key(|e| e.len()).copied().unwrap_or("");
    {
        let root = &norm[..norm.len() - cut.len()];
        for e in ENDINGS {
            let k = crate::morph::stem(&format!("{root}{e}"));
            if norm.starts_with(&k) && k.chars().count() >= min && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// A word spec accepting exactly `forms` (normalised).
fn expanded(forms: Vec<String>) -> WordSpec {
    let mut keys: Vec<String> = forms.iter().map(|f| crate::morph::stem(f)).collect();
    keys.sort();
    keys.dedup();
    WordSpec { keys, forms: Some(set_of(forms)) }
}
