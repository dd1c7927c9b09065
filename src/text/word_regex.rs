//! Regular expressions with Unicode word boundaries (`\b`) that search fast
//! over Russian text.
//!
//! The regex crate's fast engine (the lazy DFA) gives up on `\b` as soon as
//! it meets a non-ASCII byte, so a pattern with `\b` runs over Cyrillic text
//! in the slow PikeVM — several times slower than the rest of a check put
//! together. [`WordRegex`] keeps the exact meaning of the pattern but finds
//! candidates with a copy of it that has no `\b` (a superset of its
//! matches, searched by the lazy DFA) and confirms each candidate with the
//! exact pattern, anchored at the candidate's start. The result is the same
//! leftmost-first match the regex crate would return.
//!
//! Any superset of the matches finds the candidates as well, so the relaxed
//! copy also loses the upper bounds of its repetitions (`[^:]{0,160}?`
//! becomes `[^:]{0,}?`, see [`unbounded`]): a bounded repetition compiles
//! one copy of its class per repeat, which made most of the cost of
//! compiling the analysis' patterns, and its lazy DFA many more states.
//!
//! Patterns also compile with narrower classes (see [`narrow_classes`]):
//! Unicode `\w` spans about 800 ranges of code points, and a pattern such
//! as `причин\w*[^:]{0,160}?` compiled with it costs milliseconds to build
//! and its lazy DFA many states to run. The texts are Russian, so `\w` is
//! the letters of the Cyrillic and Latin alphabets, digits, the underscore
//! and combining accents, and `\d` the ASCII digits.

use std::sync::OnceLock;

use regex_automata::hybrid;
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, Match};

#[derive(Debug, Clone)]
pub struct WordRegex {
    /// The pattern as compiled (with [`narrow_classes`]).
    source: String,
    /// The pattern as written, run only anchored at a candidate; with a
    /// relaxed copy, compiled at the first candidate (a document often
    /// has none for most patterns).
    exact: OnceLock<Regex>,
    /// The pattern without `\b`; `None` when the pattern has none.
    relaxed: Option<Regex>,
}

/// `pattern` with every `\b` (not `\b{…}`, not an escaped backslash) removed.
fn without_word_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut removed = false;
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') if chars.peek() != Some(&'{') => removed = true,
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    removed.then_some(out)
}

/// `pattern` with the upper bound of every counted repetition dropped
/// (`{m,n}` becomes `{m,}`; `{n}` and `{m,}` stay): the same matches and
/// more. Braces inside classes and of escapes (`\x{…}`, `\b{…}`) stay.
pub fn unbounded(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    // Depth of character classes, and whether the last char opened one
    // (a `]` right after `[` or `[^` is a literal), as in `narrow_classes`.
    let (mut depth, mut opened) = (0usize, false);
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let just_opened = std::mem::take(&mut opened);
        match c {
            '\\' => {
                out.push('\\');
                let Some(n) = rest.chars().next() else { break };
                rest = &rest[n.len_utf8()..];
                out.push(n);
                // The braces of an escape: `\x{0400}`, `\p{L}`, `\b{start}`.
                if rest.starts_with('{') && matches!(n, 'x' | 'u' | 'U' | 'p' | 'P' | 'b') {
                    let end = rest.find('}').map_or(rest.len(), |i| i + 1);
                    out.push_str(&rest[..end]);
                    rest = &rest[end..];
                }
            }
            '[' => {
                depth += 1;
                out.push('[');
                if let Some(r) = rest.strip_prefix('^') {
                    out.push('^');
                    rest = r;
                }
                opened = true;
            }
            ']' if depth > 0 && !just_opened => {
                depth -= 1;
                out.push(']');
            }
            '{' if depth == 0 => {
                let counted = rest.find('}').and_then(|end| {
                    let (min, max) = rest[..end].split_once(',')?;
                    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                    (digits(min) && digits(max)).then_some((min, end))
                });
                match counted {
                    Some((min, end)) => {
                        out.push('{');
                        out.push_str(min);
                        out.push_str(",}");
                        rest = &rest[end + 1..];
                    }
                    None => out.push('{'),
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Word characters of Russian text: digits, Latin letters, the underscore,
/// Cyrillic (with the Cyrillic Supplement) and combining accents.
const WORD: &str = r"0-9A-Za-z_\x{0400}-\x{052F}\x{0300}-\x{036F}";

/// `pattern` with `\w`, `\W` and `\d` replaced by the classes of Russian
/// text (see the module docs). Inside a class the replacement is a nested
/// class (`[\w.-]` becomes `[[0-9A-Za-z…].-]`); outside, a group that turns
/// case folding off, since the class holds both cases already and folding
/// its hundreds of letters again under `(?i)` is a cost for nothing.
pub fn narrow_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars().peekable();
    // Depth of character classes, and whether the last char opened one
    // (a `]` right after `[` or `[^` is a literal).
    let (mut depth, mut opened) = (0usize, false);
    while let Some(c) = chars.next() {
        let just_opened = std::mem::take(&mut opened);
        match c {
            '\\' => match chars.next() {
                Some(class @ ('w' | 'W')) => {
                    let negate = if class == 'W' { "^" } else { "" };
                    if depth > 0 {
                        out.push_str(&format!("[{negate}{WORD}]"));
                    } else {
                        out.push_str(&format!("(?-i:[{negate}{WORD}])"));
                    }
                }
                Some('d') => out.push_str("[0-9]"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                depth += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                opened = true;
            }
            ']' if depth > 0 && !just_opened => {
                depth -= 1;
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

/// A `regex::Regex` over Russian text, with [`narrow_classes`].
pub fn regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&narrow_classes(pattern))
}

/// A pattern over Russian text (with [`narrow_classes`]) that is only asked
/// whether it matches, and has no `\b`: its forward lazy DFA alone. A
/// `regex::Regex` also compiles the reverse automaton that finds where a
/// match starts, and extracts literals to scan for first: about twice the
/// cost of compiling, for nothing when no literal starts the matches.
/// (When one does, as in `:\s*«`, [`regex`] finds candidates faster.)
pub struct MatchRegex {
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, CacheFn>,
}

type CacheFn =
    Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

impl MatchRegex {
    pub fn new(pattern: &str) -> Result<MatchRegex, String> {
        let dfa = hybrid::dfa::DFA::builder()
            .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
            .build(&narrow_classes(pattern))
            .map_err(|e| e.to_string())?;
        let for_caches = dfa.clone();
        let caches: Pool<_, CacheFn> = Pool::new(Box::new(move || for_caches.create_cache()));
        Ok(MatchRegex { dfa, caches })
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let mut input = Input::new(hay).earliest(true);
        // A pattern that starts with `^` is tried at the start only.
        if self.dfa.get_nfa().is_always_start_anchored() {
            input.set_anchored(Anchored::Yes);
        }
        match self.dfa.try_search_fwd(&mut self.caches.get(), &input) {
            Ok(m) => m.is_some(),
            // The lazy DFA gives up only on a Unicode `\b` before a
            // non-ASCII byte (it never gives up on a full cache: no
            // minimum clear count is set).
            Err(_) => {
                let vm = PikeVM::new_from_nfa(self.dfa.get_nfa().clone()).expect("the DFA's NFA");
                vm.is_match(&mut vm.create_cache(), input)
            }
        }
    }
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<WordRegex, String> {
        WordRegex::build(pattern, true)
    }

    /// A pattern only ever searched in short snippets (a sentence): no
    /// prefilter, whose literal extraction costs more than it saves there.
    pub fn for_snippets(pattern: &str) -> Result<WordRegex, String> {
        WordRegex::build(pattern, false)
    }

    fn build(pattern: &str, prefilter: bool) -> Result<WordRegex, String> {
        let narrowed = narrow_classes(pattern);
        let config = Regex::config().auto_prefilter(prefilter);
        let build = |p: &str| Regex::builder().configure(config.clone()).build(p).map_err(|e| e.to_string());
        let exact = OnceLock::new();
        let relaxed = match without_word_boundaries(&narrowed) {
            Some(p) => Some(build(&unbounded(&p))?),
            None => {
                let _ = exact.set(build(&narrowed)?);
                None
            }
        };
        Ok(WordRegex { source: narrowed, exact, relaxed })
    }

    /// The exact pattern. With a relaxed copy, it runs only anchored at a
    /// candidate, over a few words: the PikeVM or the backtracker do, and
    /// without the lazy DFA it needs no reverse automaton, which halves its
    /// compilation; nor does it need a prefilter. It compiles like the
    /// relaxed copy, which has the same syntax: only an exact pattern over
    /// the size limits could fail, and the tests compile every pattern.
    pub(crate) fn exact(&self) -> &Regex {
        self.exact.get_or_init(|| {
            Regex::builder()
                .configure(Regex::config().hybrid(false).dfa(false).auto_prefilter(false))
                .build(&self.source)
                .expect("the exact pattern compiles as its relaxed copy did")
        })
    }

    /// The pattern as compiled (with [`narrow_classes`]): the regex crate
    /// finds the same matches with it.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The leftmost-first match that starts at or after `start`; the text
    /// before `start` still counts for `\b`.
    pub fn find_at(&self, hay: &str, start: usize) -> Option<Match> {
        let Some(relaxed) = &self.relaxed else {
            return self.exact().search(&Input::new(hay).range(start..));
        };
        let mut from = start;
        loop {
            let at = relaxed.search(&Input::new(hay).range(from..))?.start();
            let anchored = Input::new(hay).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.exact().search(&anchored) {
                return Some(m);
            }
            from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
            if from > hay.len() {
                return None;
            }
        }
    }

    pub fn find(&self, hay: &str) -> Option<Match> {
        self.find_at(hay, 0)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter`
    /// gives them (an empty match right after a match is skipped).
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match> + use<'r, 'h> {
        let mut at = 0;
        let mut last_end: Option<usize> = None;
        std::iter::from_fn(move || loop {
            if at > hay.len() {
                return None;
            }
            let m = self.find_at(hay, at)?;
            if m.is_empty() {
                at = m.end() + hay[m.end()..].chars().next().map_or(1, char::len_utf8);
                if last_end == Some(m.end()) {
                    continue;
                }
            } else {
                at = m.end();
            }
            last_end = Some(m.end());
            return Some(m);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches as the regex crate, on text where `\b` decides.
    #[test]
    fn matches_like_the_regex_crate() {
        let patterns = [
            r"(?i)\bотказ(?:ать|ано|ан)\b",
            r"(?i)\bсуд\w*|\bорган\w*",
            r"\b\d{6}\b[^\n]{0,20}Москва",
            r"(?i)\b(?:вы|вам)\s+(?:\S+\s+)?можете\b",
            r"\bв\b",
            r"x*",
            // Bounded repetitions, which the relaxed copy leaves unbounded.
            r"(?i)\bпричин\w*[^:]{0,12}?:\s*\S",
            r"\bв\s+суд\w*\b[^.\n]{0,8}\bорган",
            r"\b\d{2,3}\b",
        ];
        let texts = [
            "Отказано. Неотказано, отказан; отказать! ОТКАЗАНО",
            "Посуда в суде; судья, органы и подорган, орган.",
            "1234567 Москва, 123456 Москва, а123456 Москва",
            "Вы можете, вам теперь можете, вы не сможете",
            "в вв в, ввод в",
            "ab",
            "",
            "Причина отказа: нет. Причины, по которым отказано: справка; причина:",
            "в суде орган, в суде и далее орган. В судах органы, в суд.орган",
            "1 12 123 1234 12,345 а12",
        ];
        for p in patterns {
            let ours = WordRegex::new(p).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            for t in texts {
                let a: Vec<_> = ours.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = theirs.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on «{t}»");
                for start in 0..=t.len() {
                    if t.is_char_boundary(start) {
                        let a = ours.find_at(t, start).map(|m| m.range());
                        let b = theirs.find_at(t, start).map(|m| m.range());
                        assert_eq!(a, b, "{p} on «{t}» from {start}");
                    }
                }
            }
        }
    }

    /// [`MatchRegex`] answers as the regex crate does.
    #[test]
    fn match_regex_matches_like_the_regex_crate() {
        let patterns = [
            r"(?i)(?:^|\W)(?:так\s+как|поскольку)(?:\W|$)",
            r"^(?:\d{1,2}|\*+)\s*[А-ЯЁ]",
            r#":\s*["«]\s*(?:\S+\s+){2}"#,
            r"x*",
            r"(?m)^а$",
        ];
        let texts =
            ["Так как нет; таккак", "12 Федеральный", "** Указ", "а 1 Б", "см.: «раз два три", "", "б\nа\nв"];
        for p in patterns {
            let ours = MatchRegex::new(p).unwrap();
            let theirs = regex(p).unwrap();
            for t in texts {
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} on «{t}»");
            }
        }
    }

    #[test]
    fn narrowed_classes_match_russian_text_like_unicode_ones() {
        let patterns = [
            r"(?i)причин\w*[^:]{0,40}?:\s*\S",
            r"[\w./-]*\d[\w./-]*",
            r"(?:^|\W)ст\.\s*\d+",
            r"\W+",
            r"[^\w\s]",
            r"(?i)[^\w]ЗАКОН\w*",
        ];
        let texts = [
            "Причина отказа: нет документов. ПРИЧИНЫ: справка № 12/3-а от 01.02.2024",
            "по закону, ЗАКОНОМ и Законы; (закон)",
            "Заме\u{301}на, ст. 7 ФЗ-210; e-mail: info_1@mos.ru — «ёлка» Ґ ї",
            "",
        ];
        for p in patterns {
            let narrow = regex(p).unwrap();
            let unicode = regex::Regex::new(p).unwrap();
            for t in texts {
                let a: Vec<_> = narrow.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = unicode.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on «{t}»");
            }
        }
        // Where they differ: letters of other scripts and other digits.
        assert!(!regex(r"^\w+$").unwrap().is_match("αβγ"));
        assert!(!regex(r"^\d$").unwrap().is_match("٣"));
        assert_eq!(narrow_classes(r"\\w\w"), format!(r"\\w(?-i:[{WORD}])"));
        assert_eq!(narrow_classes(r"[\w.][^\W]\d"), format!(r"[[{WORD}].][^[^{WORD}]][0-9]"));
        assert_eq!(narrow_classes(r"[]\w][^]]\w"), format!(r"[][{WORD}]][^]](?-i:[{WORD}])"));
    }

    #[test]
    fn unbounded_drops_upper_bounds_only() {
        assert_eq!(unbounded(r"a{0,160}?b{2,5}c{3}d{4,}"), r"a{0,}?b{2,}c{3}d{4,}");
        assert_eq!(unbounded(r"[{1,2}]x{1,2}[^]{]{1,2}"), r"[{1,2}]x{1,}[^]{]{1,}");
        assert_eq!(unbounded(r"\{1,2\}\x{41}{1,2}\b{start}\d{1,2}"), r"\{1,2\}\x{41}{1,}\b{start}\d{1,}");
        assert_eq!(unbounded(r"a{,2}b{x,1}"), r"a{,2}b{x,1}");
    }

    #[test]
    fn keeps_escapes_other_than_word_boundaries() {
        assert_eq!(without_word_boundaries(r"\bа\\b\b{start}\d"), Some(r"а\\b\b{start}\d".to_string()));
        assert_eq!(without_word_boundaries(r"\d+"), None);
    }
}
