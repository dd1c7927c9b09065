//! Morphology helpers: stemming (Snowball Russian) with a per-text cache.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::Norm;

use rust_stemmers::{Algorithm, Stemmer};

/// Stems normalised words, caching each distinct word of a text. Tokens of
/// the same word share one stem string. What the heuristics guess of a
/// word ([`WordFacts`]) is kept beside its stem once asked for.
pub struct StemCache {
    /// `None` for a cache that leaves every stem empty (see [`StemCache::stemless`]).
    stemmer: Option<Stemmer>,
    cache: FxHashMap<Norm, Word>,
    /// Normal forms of punctuation marks, shared like the words'.
    puncts: FxHashSet<Norm>,
    /// Words as a text spells them: most tokens skip normalising.
    spellings: FxHashMap<Box<str>, Spelled>,
    empty: Arc<str>,
}

/// A word as a text spells it: its shared normal form and stem, and what
/// the heuristics guess of it (when asked for).
#[derive(Clone)]
pub struct Spelled {
    pub norm: Norm,
    pub stem: Arc<str>,
    pub facts: Option<WordFacts>,
}

/// What the cache knows of one word.
struct Word {
    stem: Arc<str>,
    facts: Option<WordFacts>,
}

/// What the heuristics guess of a normalised word, for the rules that ask
/// of every word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordFacts {
    /// [`heuristics::pos`].
    pub pos: heuristics::Pos,
    /// [`heuristics::is_verbal_noun`].
    pub verbal_noun: bool,
    /// [`heuristics::is_reflexive_passive`].
    pub reflexive_passive: bool,
}

impl WordFacts {
    pub fn of(norm: &str) -> WordFacts {
        WordFacts {
            pos: heuristics::pos(norm),
            verbal_noun: heuristics::is_verbal_noun(norm),
            reflexive_passive: heuristics::is_reflexive_passive(norm),
        }
    }
}

impl Default for StemCache {
    fn default() -> Self {
        Self::new()
    }
}

impl StemCache {
    pub fn new() -> Self {
        StemCache {
            stemmer: Some(Stemmer::create(Algorithm::Russian)),
            cache: FxHashMap::default(),
            puncts: FxHashSet::default(),
            spellings: FxHashMap::default(),
            empty: Arc::from(""),
        }
    }

    /// A cache that gives every word the empty stem, for tokens wanted only
    /// for their normal forms.
    pub fn stemless() -> Self {
        StemCache { stemmer: None, ..StemCache::new() }
    }

    /// The stem of an already normalised word (see [`crate::text::normalize::norm_word`]).
    pub fn stem(&mut self, norm: &str) -> Arc<str> {
        self.word(norm).1
    }

    /// The shared normal form and the stem of an already normalised word:
    /// the tokens of one word share both strings.
    pub fn word(&mut self, norm: &str) -> (Norm, Arc<str>) {
        let Some(stemmer) = &self.stemmer else { return (Norm::from(norm), self.empty.clone()) };
        if let Some((k, w)) = self.cache.get_key_value(norm) {
            return (k.clone(), w.stem.clone());
        }
        let s: Arc<str> = stem_word(stemmer, norm).into();
        let k = Norm::from(norm);
        self.cache.insert(k.clone(), Word { stem: s.clone(), facts: None });
        (k, s)
    }

    /// The normal form, stem and, with `facts`, [`WordFacts`] of a word
    /// as spelt in a text (`raw`, not normalised); `buf` is scratch space.
    pub fn spelled(&mut self, raw: &str, buf: &mut String, facts: bool) -> Spelled {
        if let Some(s) = self.spellings.get_mut(raw) {
            if facts && s.facts.is_none() {
                s.facts = Some(WordFacts::of(&s.norm));
            }
            return s.clone();
        }
        crate::text::normalize::norm_word_into(raw, buf);
        let (norm, stem) = self.word(buf);
        let facts = facts.then(|| self.facts(&norm));
        let s = Spelled { norm, stem, facts };
        // Texts to check repeat their words; the phrases of a dictionary,
        // read once, do not (`facts` is asked for texts only).
        if self.stemmer.is_some() && s.facts.is_some() {
            self.spellings.insert(raw.into(), s.clone());
        }
        s
    }

    /// The shared normal form of a punctuation mark or a number.
    pub fn other(&mut self, norm: &str) -> Norm {
        if let Some(k) = self.puncts.get(norm) {
            return k.clone();
        }
        // Numbers land here too: a text of many dates keeps only the first.
        if self.puncts.len() >= 10_000 {
            return Norm::from(norm);
        }
        let k = Norm::from(norm);
        self.puncts.insert(k.clone());
        k
    }

    /// The [`WordFacts`] of a normalised word, guessed once for a word of
    /// the cache.
    pub fn facts(&mut self, norm: &str) -> WordFacts {
        match self.cache.get_mut(norm) {
            Some(w) => *w.facts.get_or_insert_with(|| WordFacts::of(norm)),
            None => WordFacts::of(norm),
        }
    }

    /// Number of words whose stems are kept.
    pub fn len(&self) -> usize {
        self.cache.len().max(self.spellings.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every stem.
    pub fn clear(&mut self) {
        self.cache.clear();
        self.puncts.clear();
        self.spellings.clear();
    }

    /// The empty stem of tokens that are not words.
    pub fn empty(&self) -> Arc<str> {
        self.empty.clone()
    }
}

/// The stem of one normalised word. Words that are not Cyrillic, and very
/// short words, are their own stem.
pub fn stem_word(stemmer: &Stemmer, norm: &str) -> String {
    if norm.chars().count() <= 2 || !norm.chars().any(crate::text::normalize::is_cyrillic) {
        return norm.to_string();
    }
    stemmer.stem(norm).into_owned()
}

/// Stems one word without a cache (for dictionaries and tests).
pub fn stem(norm: &str) -> String {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    stem_word(STEMMER.get_or_init(|| Stemmer::create(Algorithm::Russian)), norm)
}

pub mod adjective;
pub mod conjugate;
pub mod heuristics;
