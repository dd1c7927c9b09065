//! Dictionaries: the data behind the jargon rules. Format (one file per
//! category, `dictionaries/*.toml`):
//!
//! ```toml
//! rule = "YS101"                 # the rule that reports these entries
//! match = "exact"                # optional file default: "stem" (default) or "exact"
//! kind = "predicate"             # optional: "phrase" (default) or "predicate", see below
//!
//! [[entry]]
//! phrase = "по причине"          # dictionary form
//! forms = ["по причинам"]        # optional extra variants, matched like `phrase`
//! suggestions = ["из-за"]        # plain alternatives
//! fix = true                     # optional: the first suggestion replaces the phrase
//! verb = "проверять"             # optional (predicates): replacement verb, an infinitive,
//!                                # put into the form of the phrase's first word
//! free_after = ["в", "на"]       # optional (with `verb`): words after the phrase that
//!                                # keep the verb edit grammatical, see below
//! not_before = ["в", "вами"]     # optional: not reported when the next word is one of these
//! not_after = ["доходы"]         # optional: not reported when the word before is one of these
//! severity = "hint"              # optional, the rule's default otherwise
//! match = "exact"                # optional, overrides the file's `match`
//! explanation = "…"              # why, in Russian: one or two sentences
//! examples = [
//!   { bad = "…", good = "…" },               # `good`: exactly what the edit yields
//!   { bad = "…", good = "…", edit = false }, # found, but no edit is expected here
//! ]
//! ```
//!
//! **How words match.** Text and phrases are compared word by word after
//! normalisation (lower case, `ё` → `е`, soft hyphens and stress marks
//! dropped), inside one sentence, never across a template placeholder.
//! With `match = "exact"` each word must have exactly the written form.
//! With `match = "stem"` (the default) a word of the phrase also matches
//! its inflected forms:
//!
//! * a verb in the infinitive matches all its forms that
//!   [`crate::morph::conjugate`] can build — present, future, past,
//!   imperative, gerunds, short passive participles — and, for a
//!   non-reflexive verb, the reflexive (passive) forms too: «осуществлять»
//!   finds «осуществляет», «осуществлял», «осуществляется»,
//!   «осуществляя». Aspect is kept apart: «осуществить» (perfective) is a
//!   separate word with «осуществлю», «осуществлена»;
//! * an adjective or participle in the nominative (`-ый`, `-ой`, `-ий`,
//!   `-ая`, `-ое`, `-ые`, …) matches its full forms, and only those:
//!   «данный» finds «данной», «данных», but not «дан», «дана»
//!   ([`crate::morph::adjective`]);
//! * any other word matches the words with the same Snowball stem
//!   («проверку» finds «проверка», «проверки», «проверкой»).
//!
//! Derived words are not guessed: the verbal noun or a long participle of a
//! verb goes into `forms` («осуществлять» with `forms = ["осуществление",
//! "осуществить"]`). When two entries match overlapping words, the match
//! with more words wins; on a tie, the entry loaded later wins, so an
//! organisation dictionary (`Config.dictionaries`) overrides a built-in one.
//!
//! `not_before` and `not_after` (normalised words, exact forms) keep an
//! entry quiet where the words around give the phrase another sense:
//! «указанный» points back to something («указанные документы»), but
//! «сведения, указанные в заявлении» is a participle with its own
//! complement (`not_before = ["в", …]`); «физических лиц» is the name of
//! a tax in «налог на доходы физических лиц» (`not_after = ["доходы"]`).
//!
//! **Predicates** (`kind = "predicate"`, split predicates such as
//! «осуществлять проверку»). The first word of every phrase must be a verb
//! the conjugator knows. Besides the phrase as written, a two-word phrase
//! also matches
//!
//! * in reverse order, with the noun in the nominative or the accusative:
//!   «проверка осуществляется», «оплата произведена», «проверку проводит
//!   инспекция» (the passive of official letters);
//! * with one adjective or pronoun between the verb and the noun:
//!   «провести внеплановую проверку».
//!
//! Such matches are reported without an edit: the sentence has to be
//! rebuilt («проверка осуществляется» → «мы проверяем»), which a
//! word-for-word replacement cannot do.
//!
//! **The verb edit.** With `verb`, a direct match gets an edit that
//! replaces the pair with the verb in the light verb's form: tense, person,
//! number, gender, imperative, gerund («осуществляли проверку» →
//! «проверяли»). The edit is only made when nothing around has to change:
//!
//! * the light verb is in an active form of its own verb (no passive,
//!   participle, or form the conjugator cannot build for `verb`);
//! * what follows the noun does not depend on it: the end of the sentence,
//!   `;` or `)`, a comma before a subordinating conjunction («если»,
//!   «чтобы», …), an adverb («ежегодно», «вовремя»), «не», «только»,
//!   «до», «через», «после», a preposition before a number («с 1 мая»),
//!   a few adverbial phrases («в течение», «по адресу»), or a word in the
//!   entry's `free_after`. A genitive («проверку документов»), an
//!   agreeing word, «и» («проверку и оценку») or «который» blocks the edit,
//!   because the replacement verb would need another case.
//!
//! `free_after` lists the prepositions that the replacement verb governs
//! the same way as the noun did («принимать участие в» → «участвовать в»:
//! `free_after = ["в"]`); `"<инфинитив>"` allows a following infinitive
//! («иметь возможность обратиться» → «мочь обратиться»). Choose `verb` so
//! that the words *before* the pair stay right too: a light verb that
//! takes a dative («оказать помощь гражданину») needs a replacement that
//! takes it as well («помочь гражданину»), not «поддержать» (accusative).
//!
//! **Adjective fixes.** With `fix = true`, a one-word adjective phrase
//! («данный») has its first suggestion («этот») put into the case, gender
//! and number of the matched word: «данной» → «этой». Other `fix` entries
//! replace the matched words with the suggestion as written.

mod matcher;
mod noun_keys;
#[cfg(test)]
mod tests;

pub use matcher::{Arrangement, DictMatch, LexEntry, Lexicon};

use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::report::Severity;

include!(concat!(env!("OUT_DIR"), "/dictionaries.rs"));

/// `BUILTIN_KEYS` by word: (kind, keys, stem).
fn builtin_table() -> &'static rustc_hash::FxHashMap<&'static str, [&'static str; 3]> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, [&'static str; 3]>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        BUILTIN_KEYS
            .lines()
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, [cols.next()?, cols.next()?, cols.next()?]))
            })
            .collect()
    })
}

/// A key as build.rs writes it: the number of letters it shares with the
/// start of `word`, then the rest of it.
fn decode_key(word: &'static str, key: &'static str) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    let digits = key.find(|c: char| !c.is_ascii_digit()).unwrap_or(key.len());
    let shared: usize = key[..digits].parse().expect("a letter count");
    let head = &word[..word.char_indices().nth(shared).map_or(word.len(), |(i, _)| i)];
    match &key[digits..] {
        "" => Cow::Borrowed(head),
        rest => Cow::Owned(format!("{head}{rest}")),
    }
}

/// How build.rs saw a word of the built-in dictionaries: `'v'` a verb
/// (`conjugate::matching_forms` gives its forms), `'a'` an adjective (not
/// a verb; `adjective::matching_forms` gives its forms), `'n'` neither.
fn builtin_kind(norm: &str) -> Option<char> {
    builtin_table().get(norm).and_then(|[k, ..]| k.chars().next())
}

/// The stem of a word of the built-in dictionaries, as build.rs computed it
/// with the run time's stemmer call (`morph::stem_word`).
fn builtin_stem(norm: &str) -> Option<std::borrow::Cow<'static, str>> {
    let (word, [_, _, stem]) = builtin_table().get_key_value(norm)?;
    Some(decode_key(word, stem))
}

/// What build.rs computed for a word of the built-in dictionaries
/// (`BUILTIN_KEYS`): for `kind` `'n'` (a noun), the keys beyond its own stem
/// that [`noun_keys::noun_keys`] gives; for `'v'` (a verb) and `'a'` (an
/// adjective), the stems of its forms, sorted. `None` for a word it did
/// not see or saw as another kind.
fn builtin_keys(norm: &str, kind: char) -> Option<impl Iterator<Item = std::borrow::Cow<'static, str>>> {
    let (word, [k, keys, _]) = builtin_table().get_key_value(norm)?;
    if !k.starts_with(kind) {
        return None;
    }
    Some(keys.split(' ').filter(|k| !k.is_empty()).map(move |k| decode_key(word, k)))
}

/// How the words of a phrase match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Any inflected form: the forms of a verb or an adjective, the same
    /// Snowball stem for other words.
    #[default]
    Stem,
    /// The same word form (up to case, ё/е, soft hyphens).
    Exact,
}

/// An example sentence of an entry: `bad` contains the phrase; `good` is the
/// fixed sentence (for `fix = true` entries, exactly what the edit yields).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    #[serde(default)]
    pub good: Option<String>,
    /// `false`: the entry has an edit, but this sentence must get none
    /// (a passive, a genitive after the noun…).
    #[serde(default)]
    pub edit: Option<bool>,
}

/// What the entries of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DictKind {
    /// Words and phrases.
    #[default]
    Phrase,
    /// Split predicates: a light verb and a noun («осуществлять проверку»).
    Predicate,
}

/// Marks an infinitive in `free_after`.
pub const INFINITIVE: &str = "<инфинитив>";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub phrase: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub suggestions: Vec<String>,
    #[serde(default)]
    pub fix: bool,
    #[serde(default)]
    pub verb: Option<String>,
    #[serde(default)]
    pub free_after: Vec<String>,
    #[serde(default)]
    pub not_before: Vec<String>,
    #[serde(default)]
    pub not_after: Vec<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default, rename = "match")]
    pub match_mode: Option<MatchMode>,
    pub explanation: String,
    /// Required in a dictionary file ([`DictFile::parse`]); left out of the
    /// compact built-in form that checkers compile.
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// One dictionary file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictFile {
    pub rule: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, rename = "match")]
    pub match_mode: MatchMode,
    #[serde(default)]
    pub kind: DictKind,
    #[serde(default, rename = "entry")]
    pub entries: Vec<Entry>,
}

impl DictFile {
    /// Parses and validates a dictionary: TOML (the format of
    /// `dictionaries/*.toml`), or the same fields as JSON, a text that
    /// starts with `{` (as [`DictFile::to_json`] writes it; a TOML document
    /// cannot start so). The error names the entry. Builds without the
    /// `toml` feature (the WebAssembly checker) read JSON only.
    pub fn parse(src: &str) -> Result<DictFile, String> {
        let file: DictFile = if src.trim_start().starts_with('{') {
            serde_json::from_str(src).map_err(|e| e.to_string())?
        } else {
            Self::from_toml(src)?
        };
        Self::validate(file)
    }

    #[cfg(feature = "toml")]
    fn from_toml(src: &str) -> Result<DictFile, String> {
        toml::from_str(src).map_err(|e| e.to_string())
    }

    #[cfg(not(feature = "toml"))]
    fn from_toml(_: &str) -> Result<DictFile, String> {
        Err("this build reads dictionaries as JSON (a text starting with `{`), not TOML".into())
    }

    /// The dictionary as JSON, examples included: [`DictFile::parse`] reads
    /// it back as the same dictionary.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a dictionary serialises")
    }

    /// The checks that serde's types do not make.
    fn validate(file: DictFile) -> Result<DictFile, String> {
        for (i, e) in file.entries.iter().enumerate() {
            let at = || format!("entry {} («{}»)", i + 1, e.phrase);
            if e.phrase.trim().is_empty() {
                return Err(format!("{}: empty phrase", at()));
            }
            if e.suggestions.is_empty() && e.verb.is_none() {
                return Err(format!("{}: needs at least one suggestion", at()));
            }
            if e.explanation.trim().is_empty() {
                return Err(format!("{}: needs an explanation", at()));
            }
            if e.examples.is_empty() {
                return Err(format!("{}: needs at least one example", at()));
            }
            if (e.fix || e.verb.is_some()) && e.examples.iter().any(|x| x.good.is_none()) {
                return Err(format!("{}: an entry with an edit needs `good` in every example", at()));
            }
            if !(e.fix || e.verb.is_some()) && e.examples.iter().any(|x| x.edit.is_some()) {
                return Err(format!("{}: `edit` in an example needs `fix` or `verb`", at()));
            }
            if let Some(v) = &e.verb {
                if !crate::morph::conjugate::is_known_verb(&crate::text::normalize::norm_word(v)) {
                    return Err(format!("{}: `verb = \"{v}\"` is not a verb the conjugator knows", at()));
                }
            }
            if !e.free_after.is_empty() && e.verb.is_none() {
                return Err(format!("{}: `free_after` needs `verb`", at()));
            }
        }
        Ok(file)
    }
}

/// A compiled dictionary set: the built-in dictionaries (unless `builtin`
/// is false) followed by `extra` (name, TOML text). `is_dictionary_rule`
/// tells which rule ids may own a dictionary. Errors name the file.
///
/// Compiling is the largest part of building a checker (tens of
/// milliseconds for the built-in dictionaries: every verb and adjective is
/// expanded into its forms, every phrase word stemmed), so the last few results are
/// kept in memory and shared: building many checkers with the same
/// dictionaries compiles them once.
pub fn compile(
    builtin: bool,
    extra: &[(&str, &str)],
    is_dictionary_rule: &dyn Fn(&str) -> bool,
) -> Result<Arc<Lexicon>, (String, String)> {
    type Key = (bool, Vec<(String, String)>);
    static CACHE: Mutex<Vec<(Key, Arc<Lexicon>)>> = Mutex::new(Vec::new());
    const KEEP: usize = 4;
    let key: Key = (builtin, extra.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect());
    if let Ok(cache) = CACHE.lock() {
        if let Some((_, lx)) = cache.iter().find(|(k, _)| *k == key) {
            return Ok(lx.clone());
        }
    }
    let lexicon = Arc::new(compile_uncached(builtin, extra, is_dictionary_rule)?);
    if let Ok(mut cache) = CACHE.lock() {
        if cache.len() >= KEEP {
            cache.remove(0);
        }
        cache.push((key, lexicon.clone()));
    }
    Ok(lexicon)
}

/// [`compile`] without its cache (for benchmarks).
pub fn compile_uncached(
    builtin: bool,
    extra: &[(&str, &str)],
    is_dictionary_rule: &dyn Fn(&str) -> bool,
) -> Result<Lexicon, (String, String)> {
    let mut lexicon = Lexicon::default();
    let files = if builtin { BUILTIN_COMPACT } else { &[][..] };
    let n_builtin = files.len();
    for (i, &(name, source)) in files.iter().chain(extra.iter()).enumerate() {
        let err = |message: String| (name.to_string(), message);
        // Built-in files are checked by the tests (every entry and example);
        // at run time they come as JSON without the examples (build.rs).
        let file = if i < n_builtin {
            serde_json::from_str(source).or_else(|_| DictFile::parse(source))
        } else {
            DictFile::parse(source)
        }
        .map_err(err)?;
        if !is_dictionary_rule(&file.rule) {
            return Err(err(format!("`rule = \"{}\"` is not a dictionary rule", file.rule)));
        }
        lexicon.add(name, file).map_err(err)?;
    }
    lexicon.build();
    Ok(lexicon)
}
