//! Matching dictionary phrases in a text in one linear pass.
//!
//! Every token of the text becomes one symbol: the id of its stem (or of
//! its punctuation mark) among the keys that occur in some phrase, a filler
//! id for any other word or number, or a break id for punctuation that no
//! phrase uses and for template placeholders. Phrases are encoded the same
//! way and kept sorted; from each token that some phrase starts with, a
//! walk that narrows the range of phrases token by token (binary search)
//! finds every phrase that starts there (overlapping matches included).
//! The matches come out in the order an Aho–Corasick automaton over the
//! phrases would report them (by end, the longer first), which the tests
//! check against one: building that automaton was a seventh of building a
//! checker, and the walk searches no slower.
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

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::noun_keys::noun_keys;
use super::{DictFile, DictKind, Entry, MatchMode};
use crate::morph::{adjective, conjugate, StemCache};
use crate::report::Severity;
use crate::text::{Norm, Text, Token, TokenKind};

const OTHER: u32 = 0;
const BREAK: u32 = 1;

/// Upper bound on the stem combinations one phrase may expand to.
const MAX_COMBINATIONS: usize = 4096;

/// Appends the bytes of token id `id` (for the Aho–Corasick automaton the
/// tests compare the matcher with), `width` bytes (2 or 3): the high
/// bits in a lead byte below 0x80, then seven bits per byte from 0x80 up.
/// A lead byte only starts a token, so a pattern can only match whole
/// tokens, and byte order is id order.
#[cfg(test)]
pub(super) fn encode(id: u32, width: usize, out: &mut Vec<u8>) {
    debug_assert!(id < 1 << (7 * width), "id {id} does not fit in {width} bytes");
    out.push((id >> (7 * (width - 1))) as u8);
    for shift in (0..width - 1).rev() {
        out.push(0x80 | ((id >> (7 * shift)) & 0x7F) as u8);
    }
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

type FormSet = Arc<Forms>;

/// The word forms a phrase word accepts.
#[derive(Debug)]
enum Forms {
    Set(FxHashSet<String>),
    /// The forms of a built-in verb (`verb`) or adjective, listed on the
    /// first look: building the forms of every built-in word was a fifth of
    /// compiling the dictionaries, and a text needs the forms of only the
    /// few words whose stems it holds.
    Lazy {
        word: String,
        verb: bool,
        set: std::sync::OnceLock<FxHashSet<String>>,
    },
}

impl Forms {
    fn contains(&self, form: &str) -> bool {
        match self {
            Forms::Set(set) => set.contains(form),
            Forms::Lazy { word, verb, set } => set
                .get_or_init(|| {
                    let forms =
                        if *verb { conjugate::matching_forms(word) } else { adjective::matching_forms(word) };
                    forms.expect("build.rs saw this word's forms").into_iter().collect()
                })
                .contains(form),
        }
    }
}

/// What one word of a phrase accepts.
#[derive(Debug, Clone)]
struct WordSpec {
    /// Ids of the stems (or punctuation marks) of the accepted forms
    /// (shared: a word's spec is cloned for every phrase that has it).
    keys: Arc<[u32]>,
    /// The accepted forms; `None`: any word with one of `keys` as its stem.
    forms: Option<FormSet>,
}

#[derive(Debug, Clone)]
struct Variant {
    entry: usize,
    form: usize,
    arrangement: Arrangement,
    /// Per word of the match (the adjective of a gap is not counted).
    forms: Arc<[Option<FormSet>]>,
}

/// All dictionary entries, ready for matching.
#[derive(Default)]
pub struct Lexicon {
    pub entries: Vec<LexEntry>,
    ids: FxHashMap<String, u32>,
    /// Each way to match a pattern as added, the pattern's token ids in
    /// `added_ids` ([`Lexicon::build`] sorts them into `sorted`).
    added: Vec<(std::ops::Range<usize>, Variant)>,
    added_ids: Vec<u32>,
    /// The distinct patterns in ascending order, one after the other:
    /// pattern `k` is `sorted[starts[k]..starts[k + 1]]`.
    sorted: Vec<u32>,
    starts: Vec<usize>,
    /// The ways to match each pattern of `sorted`, in the order they were
    /// added, one pattern after the other: pattern `k`'s are
    /// `variants[variant_starts[k]..variant_starts[k + 1]]`.
    variants: Vec<Variant>,
    variant_starts: Vec<usize>,
    /// The range of the patterns (in that order) that start with the id,
    /// by id.
    first: Vec<(u32, u32)>,
    gaps: FxHashMap<(u32, u32), Vec<Variant>>,
    /// Compiling only (emptied by [`Lexicon::build`]): word specs and stems.
    specs: FxHashMap<Norm, Vec<(MatchMode, bool, WordSpec)>>,
    stems: StemCache,
}

fn set_of(forms: Vec<String>) -> FormSet {
    Arc::new(Forms::Set(forms.into_iter().collect()))
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
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32 + 2;
        self.ids.insert(key.to_string(), id);
        id
    }

    fn intern_all<S: AsRef<str>>(&mut self, keys: &[S]) -> Vec<u32> {
        keys.iter().map(|k| self.intern(k.as_ref())).collect()
    }

    /// A word spec accepting exactly `forms` (normalised), the forms of
    /// `word` as a verb (`kind` `'v'`) or an adjective (`'a'`), if given.
    fn expanded(&mut self, word: Option<(&str, char)>, forms: Vec<String>) -> WordSpec {
        if let Some(keys) = word.and_then(|(w, kind)| super::builtin_keys(w, kind)) {
            let keys: Vec<u32> = keys.map(|k| self.intern(&k)).collect();
            return WordSpec { keys: keys.into(), forms: Some(set_of(forms)) };
        }
        let mut keys: Vec<Arc<str>> = forms.iter().map(|f| self.stems.stem(f)).collect();
        keys.sort();
        keys.dedup();
        WordSpec { keys: self.intern_all(&keys).into(), forms: Some(set_of(forms)) }
    }

    /// A word spec accepting the forms of a built-in `word` that build.rs
    /// saw as a verb (`kind` `'v'`) or an adjective (`'a'`): their stems
    /// from build.rs, the forms themselves only when a text needs them.
    fn builtin_expanded(&mut self, word: &str, kind: char) -> Option<WordSpec> {
        if super::builtin_kind(word) != Some(kind) {
            return None;
        }
        let keys: Vec<u32> = super::builtin_keys(word, kind)?.map(|k| self.intern(&k)).collect();
        let set = std::sync::OnceLock::new();
        let forms = Forms::Lazy { word: word.to_string(), verb: kind == 'v', set };
        Some(WordSpec { keys: keys.into(), forms: Some(Arc::new(forms)) })
    }

    /// What a word of a phrase accepts. `verb`: it must be a verb.
    fn spec(&mut self, tok: &Token, mode: MatchMode, verb: bool) -> Result<WordSpec, String> {
        let mut cached = self.specs.get(tok.norm.as_str()).into_iter().flatten();
        if let Some((_, _, s)) = cached.find(|(m, v, _)| (*m, *v) == (mode, verb)) {
            return Ok(s.clone());
        }
        let spec = match tok.kind {
            TokenKind::Punct => WordSpec { keys: Arc::new([self.intern(&tok.norm)]), forms: None },
            TokenKind::Word if verb => match self.builtin_expanded(&tok.norm, 'v') {
                Some(spec) => spec,
                None => {
                    let forms = conjugate::matching_forms(&tok.norm)
                        .ok_or_else(|| format!("«{}» is not a verb the conjugator knows", tok.norm))?;
                    self.expanded(Some((&tok.norm, 'v')), forms)
                }
            },
            TokenKind::Word => match mode {
                MatchMode::Exact => WordSpec {
                    keys: Arc::new([self.intern(&tok.stem)]),
                    forms: Some(set_of(vec![tok.norm.to_string()])),
                },
                MatchMode::Stem => {
                    // build.rs has told apart the built-in words with the
                    // same two calls: no need to repeat those that failed.
                    let kind = super::builtin_kind(&tok.norm);
                    let is = |k: char| kind.is_none_or(|kind| kind == k);
                    let builtin = match kind {
                        Some(k @ ('v' | 'a')) => self.builtin_expanded(&tok.norm, k),
                        _ => None,
                    };
                    if let Some(spec) = builtin {
                        spec
                    } else if let Some(forms) =
                        is('v').then(|| conjugate::matching_forms(&tok.norm)).flatten()
                    {
                        self.expanded(Some((&tok.norm, 'v')), forms)
                    } else if let Some(forms) =
                        is('a').then(|| adjective::matching_forms(&tok.norm)).flatten()
                    {
                        self.expanded(Some((&tok.norm, 'a')), forms)
                    } else if let Some(extra) = super::builtin_keys(&tok.norm, 'n') {
                        let mut keys = vec![self.intern(&tok.stem)];
                        for k in extra {
                            keys.push(self.intern(&k));
                        }
                        WordSpec { keys: keys.into(), forms: None }
                    } else {
                        let stems = &mut self.stems;
                        let keys = noun_keys(&tok.norm, tok.stem.clone(), |w| stems.stem(w));
                        WordSpec { keys: self.intern_all(&keys).into(), forms: None }
                    }
                }
            },
            _ => return Err("only words and punctuation may form a phrase".into()),
        };
        self.specs.entry(tok.norm.clone()).or_default().push((mode, verb, spec.clone()));
        Ok(spec)
    }

    /// Registers one way to match an entry.
    fn add_pattern(&mut self, specs: &[WordSpec], variant: Variant) -> Result<(), String> {
        let combinations: usize = specs.iter().map(|s| s.keys.len()).product();
        if combinations > MAX_COMBINATIONS {
            return Err("the phrase has too many word forms to match".into());
        }
        if combinations == 0 {
            return Ok(());
        }
        // Every combination of keys, the last word's key varying fastest.
        let mut at = vec![0usize; specs.len()];
        loop {
            let start = self.added_ids.len();
            self.added_ids.extend(specs.iter().zip(&at).map(|(s, &i)| s.keys[i]));
            self.added.push((start..self.added_ids.len(), variant.clone()));
            // Next combination.
            let mut w = specs.len();
            loop {
                if w == 0 {
                    return Ok(());
                }
                w -= 1;
                at[w] += 1;
                if at[w] < specs[w].keys.len() {
                    break;
                }
                at[w] = 0;
            }
        }
    }

    /// Adds a parsed dictionary file. Returns an error naming the phrase
    /// that cannot be matched.
    pub fn add(&mut self, source: &str, file: DictFile) -> Result<(), String> {
        let phrases: Vec<&str> = file
            .entries
            .iter()
            .flat_map(|e| std::iter::once(&e.phrase).chain(e.forms.iter()).map(String::as_str))
            .collect();
        let mut tokenized = phrase_tokens(&phrases).into_iter();
        let mut specs = Vec::new();
        for entry in file.entries {
            let mode = entry.match_mode.unwrap_or(file.match_mode);
            let idx = self.entries.len();
            let phrases = std::iter::once(&entry.phrase).chain(entry.forms.iter());
            for (form, (phrase, tokens)) in phrases.zip(tokenized.by_ref()).enumerate() {
                let err = |e: String| format!("«{phrase}»: {e}");
                if !tokens.iter().any(|t| t.kind == TokenKind::Word) {
                    return Err(err("a phrase needs a word".into()));
                }
                let predicate = file.kind == DictKind::Predicate;
                if predicate && (tokens.len() < 2 || tokens[0].kind != TokenKind::Word) {
                    return Err(err("a predicate is a verb and at least one more word".into()));
                }
                specs.clear();
                for (i, tok) in tokens.iter().enumerate() {
                    specs.push(self.spec(tok, mode, predicate && i == 0).map_err(err)?);
                }
                let forms: Arc<[Option<FormSet>]> = specs.iter().map(|s| s.forms.clone()).collect();
                let direct =
                    Variant { entry: idx, form, arrangement: Arrangement::Direct, forms: forms.clone() };
                self.add_pattern(&specs, direct).map_err(err)?;
                let two_words = tokens.len() == 2 && tokens[1].kind == TokenKind::Word;
                if predicate && two_words {
                    let noun = self.expanded(None, subject_forms(&tokens[1].norm));
                    let reversed = Variant {
                        entry: idx,
                        form,
                        arrangement: Arrangement::Reversed,
                        forms: Arc::new([noun.forms.clone(), specs[0].forms.clone()]),
                    };
                    self.add_pattern(&[noun, specs[0].clone()], reversed).map_err(err)?;
                    let gap = Variant { entry: idx, form, arrangement: Arrangement::Gap, forms };
                    for &a in specs[0].keys.iter() {
                        for &b in specs[1].keys.iter() {
                            self.gaps.entry((a, b)).or_default().push(gap.clone());
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

    /// Sorts the patterns for matching. Call after the last [`Lexicon::add`].
    pub fn build(&mut self) {
        self.specs = FxHashMap::default();
        self.stems = StemCache::new();
        // Kept for a later `add` and `build`.
        let (added, ids) = (&self.added, &self.added_ids);
        // Stable: the ways to match one pattern keep the order they were
        // added in.
        let mut by_pattern: Vec<&(std::ops::Range<usize>, Variant)> = added.iter().collect();
        by_pattern.sort_by(|a, b| ids[a.0.clone()].cmp(&ids[b.0.clone()]));
        self.sorted = Vec::new();
        self.starts = vec![0];
        self.variants = Vec::with_capacity(by_pattern.len());
        self.variant_starts = vec![0];
        self.first = vec![(0, 0); self.ids.len() + 2];
        let mut last: Option<&[u32]> = None;
        for (range, variant) in by_pattern {
            let p = &ids[range.clone()];
            if last != Some(p) {
                if last.is_some() {
                    self.variant_starts.push(self.variants.len());
                }
                let k = (self.variant_starts.len() - 1) as u32;
                let first = &mut self.first[p[0] as usize];
                if first.0 == first.1 {
                    first.0 = k;
                }
                first.1 = k + 1;
                self.sorted.extend_from_slice(p);
                self.starts.push(self.sorted.len());
                last = Some(p);
            }
            self.variants.push(variant.clone());
        }
        if last.is_some() {
            self.variant_starts.push(self.variants.len());
        }
    }

    /// The ways to match pattern `k` of `sorted`.
    fn variants_of(&self, k: usize) -> &[Variant] {
        &self.variants[self.variant_starts[k]..self.variant_starts[k + 1]]
    }

    fn sorted_pattern(&self, k: usize) -> &[u32] {
        &self.sorted[self.starts[k]..self.starts[k + 1]]
    }

    /// Every pattern that occurs in `ids`: (first token, end token, index
    /// into `variants`), by end, the longer (earlier) first at one end — the
    /// order of an Aho–Corasick automaton's overlapping matches.
    pub(super) fn pattern_matches(&self, ids: &[u32]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for i in 0..ids.len() {
            let Some(&(lo, hi)) = self.first.get(ids[i] as usize).filter(|r| r.0 < r.1) else {
                continue;
            };
            // The patterns in lo..hi start with ids[i..=i + l].
            let (mut lo, mut hi) = (lo as usize, hi as usize);
            for (l, &id) in ids[i..].iter().enumerate() {
                if l > 0 {
                    // Those longer than l tokens that go on with `id`.
                    let at = |k: usize| self.sorted[self.starts[k] + l];
                    lo = partition_point(lo, hi, |k| at(k) < id);
                    hi = partition_point(lo, hi, |k| at(k) <= id);
                    if lo == hi {
                        break;
                    }
                }
                // The pattern that ends here, if any, sorts first.
                if self.sorted_pattern(lo).len() == l + 1 {
                    out.push((i, i + l + 1, lo));
                    lo += 1;
                    if lo == hi {
                        break;
                    }
                }
            }
        }
        out.sort_unstable_by_key(|&(first, last, _)| (last, first));
        out
    }

    /// [`Lexicon::pattern_matches`] as an Aho–Corasick automaton over the
    /// patterns finds them (the reference of the tests).
    #[cfg(test)]
    pub(super) fn automaton_matches(&self, ids: &[u32]) -> Vec<(usize, usize, usize)> {
        use aho_corasick::{AhoCorasick, MatchKind};
        let patterns = self.starts.len().saturating_sub(1);
        if patterns == 0 {
            return Vec::new();
        }
        let width = if self.ids.len() + 2 <= 1 << 14 { 2 } else { 3 };
        let encoded = |ids: &[u32]| {
            let mut out = Vec::new();
            ids.iter().for_each(|&id| encode(id, width, &mut out));
            out
        };
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build((0..patterns).map(|k| encoded(self.sorted_pattern(k))))
            .unwrap();
        ac.find_overlapping_iter(&encoded(ids))
            .map(|m| (m.start() / width, m.end() / width, m.pattern().as_usize()))
            .collect()
    }

    /// The symbol of each token of the text.
    pub(super) fn token_ids(&self, text: &Text) -> Vec<u32> {
        text.tokens.iter().map(|t| self.token_id(t)).collect()
    }

    /// The number of encoded patterns (for benchmarks and tests).
    pub fn pattern_count(&self) -> usize {
        self.starts.len().saturating_sub(1) + self.gaps.len()
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
        let ids = self.token_ids(text);
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
                    .zip(v.forms.iter())
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
        let mut positions = Vec::new();
        for (first, last, variants) in self.pattern_matches(&ids) {
            positions.clear();
            positions.extend(first..last);
            for v in self.variants_of(variants) {
                if accepts(&positions, v) {
                    push(v, first, last);
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

/// The first `k` in `lo..hi` for which `before(k)` is false (`before` is
/// true for a prefix of the range).
fn partition_point(mut lo: usize, mut hi: usize, before: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The tokens of each phrase, as [`crate::text::tokens`] gives them.
///
/// Phrases are tokenised together, one per line, so that their words share
/// one stem cache: a line break always separates words (Unicode word
/// boundaries, rules WB3a and WB3b), tokens never join across whitespace,
/// and only template placeholders (which start with one of `{$<[«_`) could
/// span lines, so a phrase with such a character is tokenised alone.
///
/// A phrase of lower-case Russian words between single spaces whose stems
/// build.rs has listed (or of two letters at most, their own stems) gets
/// its tokens without the tokenizer: the words themselves (a test compares
/// the two on every built-in phrase).
pub(super) fn phrase_tokens(phrases: &[&str]) -> Vec<Vec<Token>> {
    const PLACEHOLDER_START: &[char] = &['{', '$', '<', '[', '«', '_'];
    let mut joined = String::new();
    let mut spans = Vec::with_capacity(phrases.len());
    let mut plain = Vec::new();
    let mut stems = FxHashMap::default();
    for p in phrases {
        if let Some(tokens) = plain_tokens(p, &mut stems) {
            spans.push(Some((usize::MAX, plain.len())));
            plain.push(tokens);
        } else if p.contains(PLACEHOLDER_START) {
            spans.push(None);
        } else {
            spans.push(Some((joined.len(), joined.len() + p.len())));
            joined.push_str(p);
            joined.push('\n');
        }
    }
    let mut batch = crate::text::tokens(&joined).into_iter().peekable();
    phrases
        .iter()
        .zip(spans)
        .map(|(p, span)| match span {
            None => crate::text::tokens(p),
            Some((usize::MAX, i)) => std::mem::take(&mut plain[i]),
            Some((start, end)) => {
                let mut out = Vec::new();
                while let Some(mut t) = batch.next_if(|t| t.start < end) {
                    debug_assert!(t.start >= start && t.end <= end, "a token across phrases");
                    t.start -= start;
                    t.end -= start;
                    out.push(t);
                }
                out
            }
        })
        .collect()
}

/// The tokens of a phrase of lower-case Russian words (`а`–`я`, `ё`)
/// between single spaces, each word listed by build.rs or of at most two
/// letters and perhaps followed by a comma; `None` for any other phrase.
fn plain_tokens(phrase: &str, words: &mut FxHashMap<String, (Norm, Arc<str>)>) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut empty: Option<Arc<str>> = None;
    for item in phrase.split(' ') {
        let word = item.strip_suffix(',').unwrap_or(item);
        let end = start + word.len();
        if word.is_empty() || !word.chars().all(|c| matches!(c, 'а'..='я' | 'ё')) {
            return None;
        }
        let replaced;
        let norm: &str = if word.contains('ё') {
            replaced = word.replace('ё', "е");
            &replaced
        } else {
            word
        };
        // The phrases repeat their words: each word's normal form and stem
        // are made once and shared by its tokens.
        let (norm, stem) = match words.get(norm) {
            Some(known) => known.clone(),
            None => {
                let stem: Arc<str> = if norm.chars().count() <= 2 {
                    Arc::from(norm)
                } else {
                    Arc::from(super::builtin_stem(norm)?.as_ref())
                };
                let known = (Norm::from(norm), stem);
                words.insert(norm.to_string(), known.clone());
                known
            }
        };
        out.push(Token { start, end, kind: TokenKind::Word, norm, stem, facts: None });
        if word.len() < item.len() {
            let stem = empty.get_or_insert_with(|| Arc::from("")).clone();
            out.push(Token {
                start: end,
                end: end + 1,
                kind: TokenKind::Punct,
                norm: ",".into(),
                stem,
                facts: None,
            });
        }
        start = start + item.len() + 1;
    }
    Some(out)
}
