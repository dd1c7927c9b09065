//! Morphology helpers: stemming (Snowball Russian) with a per-text cache.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Stems normalised words, caching each distinct word of a text. Tokens of
/// the same word share one stem string.
pub struct StemCache {
    stemmer: Stemmer,
    cache: FxHashMap<String, Arc<str>>,
    empty: Arc<str>,
}

impl Default for StemCache {
    fn default() -> Self {
        Self::new()
    }
}

impl StemCache {
    pub fn new() -> Self {
        StemCache {
            stemmer: Stemmer::create(Algorithm::Russian),
            cache: FxHashMap::default(),
            empty: Arc::from(""),
        }
    }

    /// The stem of an already normalised word (see [`crate::text::normalize::norm_word`]).
    pub fn stem(&mut self, norm: &str) -> Arc<str> {
        if let Some(s) = self.cache.get(norm) {
            return s.clone();
        }
        let s: Arc<str> = stem_word(&self.stemmer, norm).into();
        self.cache.insert(norm.to_string(), s.clone());
        s
    }

    /// Number of words whose stems are kept.
    pub fn len(&self) -> usize {
        self.cache.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }

    /// Forgets every stem.
    pub fn clear(&mut self) {
        self.cache.clear();
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
