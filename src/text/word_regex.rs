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
//! Each top-level alternative of the pattern (`a|b|c`) has its own relaxed
//! copy, all searched at once as the patterns of one forward lazy DFA, and
//! its own exact pattern, compiled only at the first candidate that needs
//! it: a document holds candidates for few of the alternatives, and an
//! alternative without `\b` or bounded repetitions needs no exact pattern
//! at all. The forward DFA finds where the first candidate ends and which
//! alternative matched there first (see `Split::confirm`); that
//! alternative's reverse DFA, also compiled at its first candidate, finds
//! where it starts. It looks for no literals to scan for first: extracting
//! them from many patterns costs more to compile than it saves. A pattern
//! without `\b` or bounded repetitions is searched as it is.
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
//!
//! No pattern is compiled here: the NFAs come precompiled (see
//! [`crate::text::frozen`]), and every engine is built from one.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, OnceLock};

use regex_automata::hybrid;
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, HalfMatch, Input, Match, MatchKind, PatternID};

use crate::text::frozen::{nfa, NfaConfig};

pub struct WordRegex {
    /// The pattern as compiled (with [`narrow_classes`]).
    source: String,
    imp: Imp,
}

enum Imp {
    /// A pattern without `\b` or bounded repetitions, searched as it is.
    Plain(Regex),
    Split(Box<Split>),
}

struct Split {
    /// The relaxed copies of the alternatives (see [`alternatives`]), one
    /// pattern each, as a forward lazy DFA: it finds where candidates end,
    /// and which alternative matched there first.
    relaxed: LazyDfa,
    alternatives: Vec<Alternative>,
}

struct Alternative {
    /// The alternative as written (after the pattern's leading flags).
    source: String,
    /// Its relaxed copy.
    relaxed: String,
    /// Its exact pattern, built at its first candidate; `None` when it
    /// is the same as its relaxed copy (no `\b`, no bounded repetition).
    exact: Option<OnceLock<Exact>>,
    /// Its relaxed copy in reverse, which finds where a candidate that
    /// ends with this alternative starts; compiled at the first one.
    reverse: OnceLock<LazyDfa>,
}

/// A lazy DFA and the caches of its searches. A search never fails: a lazy
/// DFA gives up only on a Unicode word boundary before a non-ASCII byte (a
/// pattern with `\b` does not even compile without the option that allows
/// it), or on a cache cleared too often when a minimum count of clears is
/// set (none is).
struct LazyDfa {
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, CacheFn<hybrid::dfa::Cache>>,
}

type CacheFn<T> = Box<dyn Fn() -> T + Send + Sync + UnwindSafe + RefUnwindSafe>;

impl LazyDfa {
    /// Not inlined, so that one copy of the builder serves every caller
    /// (the WebAssembly module is smaller for it).
    #[inline(never)]
    fn new(patterns: &[&str], config: hybrid::dfa::Config, reverse: bool) -> Result<LazyDfa, String> {
        let nfa = nfa(patterns, if reverse { NfaConfig::REVERSE } else { NfaConfig::FORWARD })?;
        let dfa =
            hybrid::dfa::Builder::new().configure(config).build_from_nfa(nfa).map_err(|e| e.to_string())?;
        let for_caches = dfa.clone();
        Ok(LazyDfa { dfa, caches: Pool::new(Box::new(move || for_caches.create_cache())) })
    }

    fn always_anchored(&self) -> bool {
        self.dfa.get_nfa().is_always_start_anchored()
    }

    fn forward(&self, input: &Input) -> Option<HalfMatch> {
        self.dfa.try_search_fwd(&mut self.caches.get(), input).expect("a lazy DFA that never gives up")
    }

    fn backward(&self, input: &Input) -> Option<HalfMatch> {
        self.dfa.try_search_rev(&mut self.caches.get(), input).expect("a lazy DFA that never gives up")
    }
}

/// The top-level alternatives of `pattern`, each after the pattern's
/// leading flags (`(?i)a|b` gives `(?i)a` and `(?i)b`); the whole pattern
/// alone when a flag group (`(?i)`) stands later at the top level, where
/// it would change the alternatives after it.
fn alternatives(pattern: &str) -> Vec<String> {
    let mut flags = 0;
    while let Some(group) = pattern[flags..].strip_prefix("(?") {
        match group.find(|c: char| !(c.is_ascii_alphabetic() || c == '-')) {
            Some(end) if group[end..].starts_with(')') => flags += 2 + end + 1,
            _ => break,
        }
    }
    let (head, body) = pattern.split_at(flags);
    let mut out = Vec::new();
    let mut piece = 0;
    let mut chars = body.char_indices().peekable();
    // Depth of groups and of character classes, and whether the last char
    // opened a class (a `]` right after `[` or `[^` is a literal).
    let (mut groups, mut classes, mut opened) = (0usize, 0usize, false);
    while let Some((i, c)) = chars.next() {
        let just_opened = std::mem::take(&mut opened);
        match c {
            '\\' => {
                chars.next();
            }
            '[' => {
                classes += 1;
                if chars.peek().is_some_and(|&(_, n)| n == '^') {
                    chars.next();
                }
                opened = true;
            }
            ']' if classes > 0 && !just_opened => classes -= 1,
            _ if classes > 0 => {}
            '(' => {
                let rest = &body[i + 1..];
                let flag_group = rest.strip_prefix('?').and_then(|g| {
                    let end = g.find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))?;
                    Some(end > 0 && g[end..].starts_with(')'))
                });
                if groups == 0 && flag_group == Some(true) {
                    return vec![pattern.to_string()];
                }
                groups += 1;
            }
            ')' => groups = groups.saturating_sub(1),
            '|' if groups == 0 => {
                out.push(format!("{head}{}", &body[piece..i]));
                piece = i + 1;
            }
            _ => {}
        }
    }
    out.push(format!("{head}{}", &body[piece..]));
    out
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

/// A [`Regex`] over Russian text, with [`narrow_classes`].
pub fn regex(pattern: &str) -> Result<Regex, String> {
    Regex::new(&narrow_classes(pattern))
}

/// A pattern without Unicode `\b`, searched as `regex::Regex` searches it
/// (the same leftmost-first matches, empty ones included): a forward lazy
/// DFA finds where a match ends, a reverse one where it starts.
pub struct Regex {
    re: Arc<hybrid::regex::Regex>,
    caches: Pool<hybrid::regex::Cache, CacheFn<hybrid::regex::Cache>>,
    /// A byte that ends every match, if the pattern has one (see
    /// [`Regex::ending_with`]).
    last: Option<u8>,
}

impl Regex {
    /// The pattern as written (see [`regex()`] for the classes of Russian
    /// text). An error for a pattern with a Unicode `\b`, which the lazy
    /// DFA does not run.
    pub fn new(pattern: &str) -> Result<Regex, String> {
        let forward = hybrid::dfa::Builder::new()
            .build_from_nfa(nfa(&[pattern], NfaConfig::FORWARD)?)
            .map_err(|e| e.to_string())?;
        // Configured as `hybrid::regex::Builder` configures it.
        let reverse = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .prefilter(None)
                    .specialize_start_states(false)
                    .match_kind(MatchKind::All),
            )
            .build_from_nfa(nfa(&[pattern], NfaConfig::REVERSE)?)
            .map_err(|e| e.to_string())?;
        let re = Arc::new(hybrid::regex::Builder::new().build_from_dfas(forward, reverse));
        let for_caches = Arc::clone(&re);
        Ok(Regex { re, caches: Pool::new(Box::new(move || for_caches.create_cache())), last: None })
    }

    /// The regex of a pattern every match of which ends with the ASCII byte
    /// `last` (`…:` with no top-level `|`), searched from each occurrence
    /// of that byte backwards, as the regex crate searches «ПОСТАНОВИЛ:»:
    /// a lazy DFA over the whole text costs more than a scan for `:` and a
    /// few bytes back from each.
    fn ending_with(mut self, last: u8) -> Regex {
        assert!(last.is_ascii());
        self.last = Some(last);
        self
    }

    /// The leftmost-first match that starts at or after `start`; the text
    /// before `start` still counts for look-around.
    pub fn find_at(&self, hay: &str, start: usize) -> Option<Match> {
        match self.last {
            Some(last) => self.find_by_last(hay, start, last, false),
            None => self.search(&Input::new(hay).range(start..)),
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        match self.last {
            Some(last) => self.find_by_last(hay, 0, last, true).is_some(),
            None => self.search(&Input::new(hay).earliest(true)).is_some(),
        }
    }

    /// [`Regex::find_at`] for a pattern whose matches all end with `last`.
    /// The reverse lazy DFA, anchored after each `last` from `start` on,
    /// finds the leftmost start of a match that ends there; the leftmost
    /// of those starts is that of the leftmost-first match, whose end the
    /// forward lazy DFA finds, anchored there. With `any`, the first match
    /// found, its end unknown.
    fn find_by_last(&self, hay: &str, start: usize, last: u8, any: bool) -> Option<Match> {
        let mut cache = self.caches.get();
        let (forward, reverse) = cache.as_parts_mut();
        let mut leftmost: Option<usize> = None;
        for i in memchr::memchr_iter(last, &hay.as_bytes()[start..]) {
            let end = start + i + 1;
            let back = Input::new(hay).range(start..end).anchored(Anchored::Yes);
            let found =
                self.re.reverse().try_search_rev(reverse, &back).expect("a lazy DFA that never gives up");
            if let Some(from) = found {
                if any {
                    return Some(Match::must(0, from.offset()..end));
                }
                leftmost = Some(leftmost.map_or(from.offset(), |l| l.min(from.offset())));
                if leftmost == Some(start) {
                    break;
                }
            }
        }
        let from = leftmost?;
        let input = Input::new(hay).range(from..).anchored(Anchored::Yes);
        let end = self.re.forward().try_search_fwd(forward, &input).expect("a lazy DFA that never gives up");
        Some(Match::must(0, from..end.expect("the match the reverse DFA found").offset()))
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter`
    /// gives them.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match> + use<'r, 'h> {
        let mut cache = self.caches.get();
        let mut searcher = Searcher::new(Input::new(hay));
        std::iter::from_fn(move || searcher.advance(|input| self.re.try_search(&mut cache, input)))
    }

    fn search(&self, input: &Input) -> Option<Match> {
        self.re.try_search(&mut self.caches.get(), input).expect("a lazy DFA that never gives up")
    }
}

/// A pattern over Russian text (with [`narrow_classes`]) that is only asked
/// whether it matches, and has no `\b`: its forward lazy DFA alone, without
/// the reverse one that a [`Regex`] builds to find where a match starts.
pub struct MatchRegex {
    dfa: LazyDfa,
}

impl MatchRegex {
    pub fn new(pattern: &str) -> Result<MatchRegex, String> {
        let dfa = LazyDfa::new(&[&narrow_classes(pattern)], hybrid::dfa::Config::new(), false)?;
        Ok(MatchRegex { dfa })
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let mut input = Input::new(hay).earliest(true);
        // A pattern that starts with `^` is tried at the start only.
        if self.dfa.always_anchored() {
            input.set_anchored(Anchored::Yes);
        }
        self.dfa.forward(&input).is_some()
    }
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<WordRegex, String> {
        let source = narrow_classes(pattern);
        let sources = alternatives(&source);
        let relaxed: Vec<String> = sources
            .iter()
            .map(|a| unbounded(&without_word_boundaries(a).unwrap_or_else(|| a.clone())))
            .collect();
        if sources == relaxed {
            let mut re = Regex::new(&source)?;
            // One alternative ending with `:` (not `\:`, a literal too, nor
            // in a class, which would end with `]`): every match ends so.
            // No `#`: no comment of `(?x)` that the `:` could end.
            if sources.len() == 1 && source.ends_with(':') && !source.contains('#') {
                re = re.ending_with(b':');
            }
            return Ok(WordRegex { source, imp: Imp::Plain(re) });
        }
        let dfa = LazyDfa::new(
            &relaxed.iter().map(String::as_str).collect::<Vec<_>>(),
            hybrid::dfa::Config::new().starts_for_each_pattern(true),
            false,
        )?;
        let alternatives = sources
            .into_iter()
            .zip(relaxed)
            .map(|(source, relaxed)| Alternative {
                exact: (source != relaxed).then(OnceLock::new),
                source,
                relaxed,
                reverse: OnceLock::new(),
            })
            .collect();
        let split = Box::new(Split { relaxed: dfa, alternatives });
        Ok(WordRegex { source, imp: Imp::Split(split) })
    }

    /// Builds every exact pattern and reverse automaton now rather than
    /// at its first candidate (for the tests and `make regexes`).
    #[cfg(any(test, feature = "regex-compiler"))]
    pub(crate) fn compile_all(&self) {
        let Imp::Split(split) = &self.imp else { return };
        for a in &split.alternatives {
            a.reverse();
            if let Some(cell) = &a.exact {
                exact(cell, &a.source);
            }
        }
    }

    /// The pattern as compiled (with [`narrow_classes`]): the regex crate
    /// finds the same matches with it.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The leftmost-first match that starts at or after `start`; the text
    /// before `start` still counts for `\b`.
    pub fn find_at(&self, hay: &str, start: usize) -> Option<Match> {
        let split = match &self.imp {
            Imp::Plain(re) => return re.find_at(hay, start),
            Imp::Split(split) => split,
        };
        let mut from = start;
        loop {
            let candidate = split.candidate(hay, from)?;
            let at = candidate.start();
            if let Some(end) = split.confirm(hay, candidate) {
                return Some(Match::must(0, at..end));
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
        match &self.imp {
            // Stops at the first match state rather than at the match's end.
            Imp::Plain(re) => re.is_match(hay),
            Imp::Split(_) => self.find(hay).is_some(),
        }
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

impl Split {
    /// The leftmost-first match of the relaxed alternatives from `from`,
    /// with the alternative that matched as its pattern: the forward lazy
    /// DFA finds where it ends, the alternative's reverse one where it
    /// starts (as `regex_automata::hybrid::regex::Regex` does).
    fn candidate(&self, hay: &str, from: usize) -> Option<Match> {
        let mut input = Input::new(hay).range(from..);
        // Patterns that all start with `^` are tried at `from` only.
        let anchored = self.relaxed.always_anchored();
        if anchored {
            input.set_anchored(Anchored::Yes);
        }
        let end = self.relaxed.forward(&input)?;
        let (pattern, end_at) = (end.pattern(), end.offset());
        if end_at == from || anchored {
            return Some(Match::new(pattern, from..end_at));
        }
        let back = Input::new(hay).range(from..end_at).anchored(Anchored::Yes);
        let start = self.alternatives[pattern.as_usize()].reverse().backward(&back);
        Some(Match::new(pattern, start.expect("the start of the forward DFA's match").offset()..end_at))
    }

    /// The end of the exact match at the start of `candidate`. Anchored at
    /// one place, the leftmost-first match of `a|b|c` is that of the first
    /// alternative that matches there. Those before the candidate's own do
    /// not, not even relaxed; its own does relaxed, and exactly if its
    /// exact pattern says so; a later one only if its relaxed copy matches
    /// there too.
    fn confirm(&self, hay: &str, candidate: Match) -> Option<usize> {
        let at = candidate.start();
        let first = candidate.pattern().as_usize();
        for (k, alternative) in self.alternatives.iter().enumerate().skip(first) {
            let end = if k == first {
                candidate.end()
            } else {
                let pattern = Anchored::Pattern(PatternID::new(k).expect("a pattern of the regex"));
                let input = Input::new(hay).range(at..).anchored(pattern);
                match self.relaxed.forward(&input) {
                    Some(end) => end.offset(),
                    None => continue,
                }
            };
            let Some(cell) = &alternative.exact else { return Some(end) };
            if let Some(end) = exact(cell, &alternative.source).end_at(hay, at) {
                return Some(end);
            }
        }
        None
    }
}

impl Alternative {
    fn reverse(&self) -> &LazyDfa {
        self.reverse.get_or_init(|| {
            let config = hybrid::dfa::Config::new().match_kind(MatchKind::All);
            LazyDfa::new(&[&self.relaxed], config, true)
                .expect("the reverse of a relaxed copy compiles as the copy did")
        })
    }
}

/// The exact pattern of an alternative. It runs only anchored at a
/// candidate, over a few words: the PikeVM or the backtracker do (no lazy
/// DFA, which gives up on `\b`), and need no reverse automaton. Its NFA
/// is in the table as the relaxed copy's is: the tests build every pattern.
fn exact<'a>(cell: &'a OnceLock<Exact>, source: &str) -> &'a Exact {
    cell.get_or_init(|| Exact::new(source).expect("the exact pattern builds as its relaxed copy did"))
}

/// An exact pattern, with the engines that run it anchored.
struct Exact {
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<ExactCaches, CacheFn<ExactCaches>>,
}

struct ExactCaches {
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
}

impl Exact {
    fn new(source: &str) -> Result<Exact, String> {
        let nfa = nfa(&[source], NfaConfig::CAPTURES)?;
        let backtrack =
            BoundedBacktracker::builder().build_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = PikeVM::builder().build_from_nfa(nfa).map_err(|e| e.to_string())?;
        let (b, p) = (backtrack.clone(), pikevm.clone());
        let caches: CacheFn<ExactCaches> =
            Box::new(move || ExactCaches { backtrack: b.create_cache(), pikevm: p.create_cache() });
        Ok(Exact { backtrack, pikevm, caches: Pool::new(caches) })
    }

    /// The end of the leftmost-first match that starts at `at`. The
    /// backtracker, faster, runs when the rest of the text is within its
    /// limit (its visited set is a bit per NFA state and byte), the PikeVM
    /// otherwise: as the regex crate chooses.
    fn end_at(&self, hay: &str, at: usize) -> Option<usize> {
        let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
        let mut caches = self.caches.get();
        let found = if input.get_span().len() <= self.backtrack.max_haystack_len() {
            self.backtrack.try_find(&mut caches.backtrack, input).expect("a haystack within the limit")
        } else {
            self.pikevm.find(&mut caches.pikevm, input)
        };
        found.map(|m| m.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find_iter`, `is_match` and `find_at` (from every char boundary) of
    /// a regex of ours find on `texts` what the regex crate finds with
    /// `pattern` (a macro: `Regex` and `WordRegex` share no trait).
    macro_rules! same_as_regex_crate {
        ($ours:expr, $pattern:expr, $texts:expr) => {{
            let (ours, pattern) = (&$ours, $pattern);
            let theirs = regex::Regex::new(&narrow_classes(pattern)).unwrap();
            for t in $texts {
                let (a, b): (Vec<_>, Vec<_>) =
                    (ours.find_iter(t).map(|m| m.range()).collect(), theirs.find_iter(t).map(|m| m.range()).collect());
                assert_eq!(a, b, "{pattern} on «{t}»");
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{pattern} on «{t}»");
                for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    let (a, b) = (ours.find_at(t, start), theirs.find_at(t, start));
                    assert_eq!(a.map(|m| m.range()), b.map(|m| m.range()), "{pattern} on «{t}» from {start}");
                }
            }
        }};
    }

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
            // A later alternative matching where an earlier one fails.
            r"(?i)\bотказ\w{0,2}\b|отказ|\bв\b|в\w",
            r"\bab\b|a\w+|\b\d{1,2}\b|\d|[|]\b|\|",
            r"(?i)а\b|(?-i)б\b|\bв",
            // Anchored, empty matches.
            r"^(?:в|вв)\b|^\d{1,2}",
            r"(?m)^\s*в\b|б$",
            r"\b",
            r"(?:\bа)?|x",
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
            "отказаться отказано ОТКАЗ, вв в ab abc ab| |a x|y",
            "Аа аА бБ Бб вв В",
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

    /// [`Regex`] finds what the regex crate finds, empty matches and
    /// matches inside multi-byte characters included.
    #[test]
    fn regex_matches_like_the_regex_crate() {
        let patterns = [
            r"x*",
            r"а|",
            r"(?m)^|$",
            r"[а-я]*",
            r"(?i)отказ\w*|ано",
            r"(?s)\{\{.*?\}\}|_{3,}",
            r"\d+(?:[.\-]\d+)*(?:-[А-ЯЁа-яё]+)?",
            r#":\s*["«„“]\s*(?:\S+\s+){2}"#,
        ];
        let texts = [
            "",
            "ааб ОТКАЗано, отказ",
            "x\nxx ё\n",
            "{{ a }} __ ___ {{b}}",
            "ст. 5.1-2, 19.34-а",
            "см.: «раз два три",
        ];
        for p in patterns {
            let ours = regex(p).unwrap();
            same_as_regex_crate!(ours, p, texts);
        }
        assert!(regex(r"\bа").is_err(), "the lazy DFA runs no Unicode word boundary");
        // Searched back from each `:` that ends the matches: a match ending
        // at a later `:` may start before one ending at an earlier one.
        let patterns = [
            r"(?:a.*c|b):",
            r"(?im)^[ \t]*(?:р\s*е\s*ш\s*и\s*л|о\s*п\s*р\s*е\s*д\s*е\s*л\s*и\s*л)\s*[аи]?\s*:",
            r"a*:",
        ];
        let texts =
            ["a b: c:", "b:b::ab:", "", ":", "х\nРЕШИЛ:\n р е ш и л а :\nопределил\n:", "aa:a:", "решил:"];
        for p in patterns {
            let ours = WordRegex::new(p).unwrap();
            assert!(matches!(&ours.imp, Imp::Plain(re) if re.last == Some(b':')), "{p}");
            same_as_regex_crate!(ours, p, texts);
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
            let theirs = regex::Regex::new(&narrow_classes(p)).unwrap();
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
    fn splits_top_level_alternatives() {
        assert_eq!(
            alternatives(r"(?i)a|b(?:c|d)|[|]|\||[]|]"),
            [r"(?i)a", r"(?i)b(?:c|d)", r"(?i)[|]", r"(?i)\|", r"(?i)[]|]"]
        );
        assert_eq!(
            alternatives(r"(?im)^a|(?-i:B|c)d|[^]|[|]]e"),
            [r"(?im)^a", r"(?im)(?-i:B|c)d", r"(?im)[^]|[|]]e"]
        );
        assert_eq!(alternatives(r"a"), ["a"]);
        // A flag group later at the top level changes what follows it.
        assert_eq!(alternatives(r"a|(?i)b|c"), [r"a|(?i)b|c"]);
        assert_eq!(alternatives(r"(?i)a|(?-i)b"), [r"(?i)a|(?-i)b"]);
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
