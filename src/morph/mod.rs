//! Morphology helpers: stemming (Snowball Russian) with a per-text cache.

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Stems normalised words, caching each distinct word of a text.
pub struct StemCache {
    stemmer: Stemmer,
    cache: HashMap<String, Box<str>>,
}

impl Default for StemCache {
    fn default() -> Self {
        Self::new()
    }
}

impl StemCache {
    pub fn new() -> Self {
        StemCache { stemmer: Stemmer::create(Algorithm::Russian), cache: HashMap::new() }
    }

    /// The stem of an already normalised word (see [`crate::text::normalize::norm_word`]).
    pub fn stem(&mut self, norm: &str) -> Box<str> {
        if let Some(s) = self.cache.get(norm) {
            return s.clone();
        }
        let s: Box<str> = stem_word(&self.stemmer, norm).into();
        self.cache.insert(norm.to_string(), s.clone());
        s
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
    stem_word(&Stemmer::create(Algorithm::Russian), norm)
}

pub mod conjugate;
pub mod heuristics;
