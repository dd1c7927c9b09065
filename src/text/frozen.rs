//! The checker's regexes, compiled ahead of time.
//!
//! Every pattern the checker runs is fixed in its code, yet compiling them
//! (parsing each pattern, then building its Thompson NFA) was most of the
//! cost of a first check, and the parser and the compiler, with their
//! Unicode tables, a large part of the WebAssembly module. So the NFAs are
//! compiled once, by `make regexes` (`cargo run --example freeze_regexes`),
//! and kept in `frozen_nfas.bin`; [`nfa`] rebuilds the one asked for with
//! regex-automata's `thompson::Builder`, state by state, into the NFA the
//! compiler gives. The lazy DFAs, the PikeVM and the bounded backtracker
//! are then built from it as from a compiled one.
//!
//! A request missing from the table is compiled at run time with the
//! `regex-compiler` feature (native builds), and is an error without it
//! (the WebAssembly build). A test checks that the table holds every
//! request of the crate, each as the compiler compiles it now, and nothing
//! else.
//!
//! The table (integers as LEB128 varints): `YNFA`, the entry count, then per
//! entry its key (8 bytes, see [`key`]), the length of its body and the
//! body: a flags byte (1: UTF-8, 2: reverse), the pattern count, the
//! anchored and unanchored starts and each pattern's start, the state count,
//! and the states, each a tag and its fields. A state id inside a state is
//! written as its zigzag difference from the state's own id: most point to
//! a neighbour.

use regex_automata::nfa::thompson::{Builder, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

/// How a request's patterns compile: forward or in reverse, with no
/// capture states or with the implicit group of the whole match (what the
/// PikeVM and the backtracker need to report where a match starts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NfaConfig {
    pub reverse: bool,
    pub implicit_captures: bool,
}

impl NfaConfig {
    /// For a forward lazy DFA.
    pub const FORWARD: NfaConfig = NfaConfig { reverse: false, implicit_captures: false };
    /// For a reverse lazy DFA.
    pub const REVERSE: NfaConfig = NfaConfig { reverse: true, implicit_captures: false };
    /// For the PikeVM and the bounded backtracker.
    pub const CAPTURES: NfaConfig = NfaConfig { reverse: false, implicit_captures: true };

    fn byte(self) -> u8 {
        u8::from(self.reverse) | u8::from(self.implicit_captures) << 1
    }

    #[cfg(feature = "regex-compiler")]
    fn thompson(self) -> regex_automata::nfa::thompson::Config {
        use regex_automata::nfa::thompson::WhichCaptures;
        let captures = if self.implicit_captures { WhichCaptures::Implicit } else { WhichCaptures::None };
        regex_automata::nfa::thompson::Config::new().reverse(self.reverse).which_captures(captures)
    }
}

/// The precompiled NFAs (`make regexes` writes them).
static TABLE: &[u8] = include_bytes!("frozen_nfas.bin");
const MAGIC: &[u8] = b"YNFA";

/// The NFA of `patterns` (one pattern each, in order) compiled with
/// `config`: from the table, else compiled now where the compiler is built
/// in.
pub fn nfa(patterns: &[&str], config: NfaConfig) -> Result<NFA, String> {
    #[cfg(feature = "regex-compiler")]
    record(patterns, config);
    match lookup(TABLE, patterns, config) {
        Ok(Some(body)) => decode(body),
        Ok(None) => missing(patterns, config, None),
        Err(e) => missing(patterns, config, Some(e)),
    }
}

/// A request not in the table, or a table that cannot be read (of an
/// older format, when `make regexes` writes it again): compiled now.
#[cfg(feature = "regex-compiler")]
fn missing(patterns: &[&str], config: NfaConfig, _: Option<String>) -> Result<NFA, String> {
    compile(patterns, config)
}

#[cfg(not(feature = "regex-compiler"))]
fn missing(patterns: &[&str], _: NfaConfig, error: Option<String>) -> Result<NFA, String> {
    Err(error
        .unwrap_or_else(|| format!("regex not precompiled (run `make regexes`): {}", patterns.join(" | "))))
}

/// The NFA as the compiler builds it.
#[cfg(feature = "regex-compiler")]
pub fn compile(patterns: &[&str], config: NfaConfig) -> Result<NFA, String> {
    regex_automata::nfa::thompson::Compiler::new()
        .configure(config.thompson())
        .build_many(patterns)
        .map_err(|e| e.to_string())
}

fn corrupt() -> String {
    "corrupt table of precompiled regexes".to_string()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or_else(corrupt)?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    #[inline]
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or_else(corrupt)?;
        self.at += 1;
        Ok(b)
    }

    /// Most integers of the table are under 128: one byte.
    #[inline]
    fn uint(&mut self) -> Result<usize, String> {
        match self.bytes.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                Ok(usize::from(b))
            }
            _ => self.long_uint(),
        }
    }

    #[inline(never)]
    fn long_uint(&mut self) -> Result<usize, String> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= usize::from(b & 0x7f).checked_shl(shift).ok_or_else(corrupt)?;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(corrupt())
    }

    fn state(&mut self) -> Result<StateID, String> {
        StateID::new(self.uint()?).map_err(|_| corrupt())
    }

    /// A state id written relative to state `from`.
    #[inline]
    fn next(&mut self, from: usize) -> Result<StateID, String> {
        let z = self.uint()? as u64;
        let delta = (z >> 1) as i64 ^ -((z & 1) as i64);
        let id = usize::try_from(from as i64 + delta).map_err(|_| corrupt())?;
        StateID::new(id).map_err(|_| corrupt())
    }
}

/// The body of the entry for (`patterns`, `config`).
fn lookup<'t>(table: &'t [u8], patterns: &[&str], config: NfaConfig) -> Result<Option<&'t [u8]>, String> {
    let key = key(patterns, config);
    let mut r = Reader { bytes: table, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(corrupt());
    }
    for _ in 0..r.uint()? {
        let same = r.take(8)? == key.to_le_bytes();
        let len = r.uint()?;
        let body = r.take(len)?;
        if same {
            return Ok(Some(body));
        }
    }
    Ok(None)
}

/// The key of a request in the table: a 64-bit FNV-1a hash of the config
/// byte and each pattern's length and bytes. The table holds no patterns
/// (they were a fifth of its compressed size); the test that checks the
/// table rebuilds every request of the crate from its entry, which two
/// requests with the same key would fail.
fn key(patterns: &[&str], config: NfaConfig) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(&[config.byte()]);
    for p in patterns {
        eat(&(p.len() as u64).to_le_bytes());
        eat(p.as_bytes());
    }
    hash
}

/// The patterns of a builder: those before `to` finished, `to` started
/// (all finished when `to` is their count). The states of a pattern's
/// captures and match come in the order of the patterns.
fn open_pattern(
    b: &mut Builder,
    open: &mut Option<usize>,
    started: &mut usize,
    starts: &[StateID],
    to: usize,
) -> Result<(), String> {
    while *open != Some(to) {
        if let Some(current) = open.take() {
            b.finish_pattern(starts[current]).map_err(|e| e.to_string())?;
        }
        if *started == starts.len() && to == starts.len() {
            return Ok(());
        }
        if *started > to || *started >= starts.len() {
            return Err(corrupt());
        }
        b.start_pattern().map_err(|e| e.to_string())?;
        *open = Some(*started);
        *started += 1;
    }
    Ok(())
}

/// The NFA of an entry's body, rebuilt state by state.
fn decode(body: &[u8]) -> Result<NFA, String> {
    let mut r = Reader { bytes: body, at: 0 };
    let flags = r.byte()?;
    let mut b = Builder::new();
    b.set_utf8(flags & 1 != 0);
    b.set_reverse(flags & 2 != 0);
    let patterns = r.uint()?;
    let (anchored, unanchored) = (r.state()?, r.state()?);
    let starts = (0..patterns).map(|_| r.state()).collect::<Result<Vec<_>, _>>()?;
    let (mut open, mut started) = (None, 0);
    for i in 0..r.uint()? {
        let added = match r.byte()? {
            0 => {
                let (start, end) = (r.byte()?, r.byte()?);
                b.add_range(Transition { start, end, next: r.next(i)? })
            }
            1 => {
                let mut transitions = Vec::new();
                for _ in 0..r.uint()? {
                    let (start, end) = (r.byte()?, r.byte()?);
                    transitions.push(Transition { start, end, next: r.next(i)? });
                }
                b.add_sparse(transitions)
            }
            2 => {
                let look = u32::try_from(r.uint()?).ok().and_then(Look::from_repr).ok_or_else(corrupt)?;
                b.add_look(r.next(i)?, look)
            }
            3 => {
                let alternates = (0..r.uint()?).map(|_| r.next(i)).collect::<Result<Vec<_>, _>>()?;
                b.add_union(alternates)
            }
            4 => {
                let alternates = vec![r.next(i)?, r.next(i)?];
                b.add_union(alternates)
            }
            tag @ (5 | 6) => {
                open_pattern(&mut b, &mut open, &mut started, &starts, r.uint()?)?;
                let group = u32::try_from(r.uint()?).map_err(|_| corrupt())?;
                let next = r.next(i)?;
                if tag == 5 {
                    let name = match r.uint()? {
                        0 => None,
                        len => Some(std::str::from_utf8(r.take(len - 1)?).map_err(|_| corrupt())?.into()),
                    };
                    b.add_capture_start(next, group, name)
                } else {
                    b.add_capture_end(next, group)
                }
            }
            7 => b.add_fail(),
            8 => {
                open_pattern(&mut b, &mut open, &mut started, &starts, r.uint()?)?;
                b.add_match()
            }
            _ => return Err(corrupt()),
        }
        .map_err(|e| e.to_string())?;
        if added.as_usize() != i {
            return Err(corrupt());
        }
    }
    open_pattern(&mut b, &mut open, &mut started, &starts, patterns)?;
    if r.at != body.len() {
        return Err(corrupt());
    }
    b.build(anchored, unanchored).map_err(|e| e.to_string())
}

#[cfg(feature = "regex-compiler")]
pub use compiler::freeze;

/// Recording the requests and writing the table (native builds only).
#[cfg(feature = "regex-compiler")]
mod compiler {
    use std::collections::BTreeSet;
    use std::sync::Mutex;

    use regex_automata::nfa::thompson::{State, NFA};

    use super::{compile, NfaConfig, MAGIC};

    /// Every request made in this process.
    pub(super) static REQUESTS: Mutex<BTreeSet<(NfaConfig, Vec<String>)>> = Mutex::new(BTreeSet::new());

    pub(super) fn record(patterns: &[&str], config: NfaConfig) {
        let key = (config, patterns.iter().map(|p| p.to_string()).collect());
        REQUESTS.lock().unwrap_or_else(|e| e.into_inner()).insert(key);
    }

    /// Builds every regex of the crate, down to each alternative's exact
    /// pattern and reverse automaton, so that every request is recorded.
    pub(super) fn compile_everything() {
        crate::analysis::compile_regexes();
        crate::rules::compile_regexes();
        crate::text::placeholder::compile_regexes();
    }

    /// The table of every request the crate makes, each compiled now:
    /// what `make regexes` writes to `src/text/frozen_nfas.bin`. Meant
    /// for a process that has made no other request.
    pub fn freeze() -> Result<Vec<u8>, String> {
        compile_everything();
        let requests = REQUESTS.lock().unwrap_or_else(|e| e.into_inner()).clone();
        table(&requests)
    }

    pub(super) fn table(requests: &BTreeSet<(NfaConfig, Vec<String>)>) -> Result<Vec<u8>, String> {
        let mut out = MAGIC.to_vec();
        uint(&mut out, requests.len());
        let mut keys = BTreeSet::new();
        for (config, patterns) in requests {
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let key = super::key(&refs, *config);
            if !keys.insert(key) {
                return Err(format!("two requests with the key {key:#x}: {patterns:?}"));
            }
            out.extend_from_slice(&key.to_le_bytes());
            let mut body = Vec::new();
            encode(&compile(&refs, *config)?, &mut body)?;
            uint(&mut out, body.len());
            out.extend_from_slice(&body);
        }
        Ok(out)
    }

    fn uint(out: &mut Vec<u8>, mut value: usize) {
        while value >= 0x80 {
            out.push(value as u8 | 0x80);
            value >>= 7;
        }
        out.push(value as u8);
    }

    fn next(out: &mut Vec<u8>, from: usize, to: regex_automata::util::primitives::StateID) {
        let delta = to.as_usize() as i64 - from as i64;
        uint(out, ((delta << 1) ^ (delta >> 63)) as usize);
    }

    /// The body of an entry: what [`super::decode`] rebuilds `nfa` from.
    pub(super) fn encode(nfa: &NFA, out: &mut Vec<u8>) -> Result<(), String> {
        if nfa.look_matcher().get_line_terminator() != b'\n' {
            return Err("only the default look-around matcher is stored".to_string());
        }
        out.push(u8::from(nfa.is_utf8()) | u8::from(nfa.is_reverse()) << 1);
        uint(out, nfa.pattern_len());
        uint(out, nfa.start_anchored().as_usize());
        uint(out, nfa.start_unanchored().as_usize());
        for pid in nfa.patterns() {
            uint(out, nfa.start_pattern(pid).expect("a pattern of the NFA").as_usize());
        }
        uint(out, nfa.states().len());
        let groups = nfa.group_info();
        for (i, state) in nfa.states().iter().enumerate() {
            match state {
                State::ByteRange { trans } => {
                    out.extend([0, trans.start, trans.end]);
                    next(out, i, trans.next);
                }
                State::Sparse(sparse) => {
                    out.push(1);
                    uint(out, sparse.transitions.len());
                    for t in sparse.transitions.iter() {
                        out.extend([t.start, t.end]);
                        next(out, i, t.next);
                    }
                }
                State::Dense(_) => return Err("dense NFA states are not stored".to_string()),
                State::Look { look, next: to } => {
                    out.push(2);
                    uint(out, look.as_repr() as usize);
                    next(out, i, *to);
                }
                State::Union { alternates } => {
                    out.push(3);
                    uint(out, alternates.len());
                    for &to in alternates.iter() {
                        next(out, i, to);
                    }
                }
                State::BinaryUnion { alt1, alt2 } => {
                    out.push(4);
                    next(out, i, *alt1);
                    next(out, i, *alt2);
                }
                State::Capture { next: to, pattern_id, group_index, slot } => {
                    let start = groups.slot(*pattern_id, group_index.as_usize()) == Some(slot.as_usize());
                    out.push(if start { 5 } else { 6 });
                    uint(out, pattern_id.as_usize());
                    uint(out, group_index.as_usize());
                    next(out, i, *to);
                    if start {
                        match groups.to_name(*pattern_id, group_index.as_usize()) {
                            None => uint(out, 0),
                            Some(name) => {
                                uint(out, name.len() + 1);
                                out.extend_from_slice(name.as_bytes());
                            }
                        }
                    }
                }
                State::Fail => out.push(7),
                State::Match { pattern_id } => {
                    out.push(8);
                    uint(out, pattern_id.as_usize());
                }
            }
        }
        Ok(())
    }

    /// The entries of a table: key and body.
    #[cfg(test)]
    pub(super) type Entry<'t> = (u64, &'t [u8]);

    #[cfg(test)]
    pub(super) fn entries(table: &[u8]) -> Result<Vec<Entry<'_>>, String> {
        let mut r = super::Reader { bytes: table, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(super::corrupt());
        }
        let mut out = Vec::new();
        for _ in 0..r.uint()? {
            let key = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
            let len = r.uint()?;
            out.push((key, r.take(len)?));
        }
        Ok(out)
    }
}

#[cfg(feature = "regex-compiler")]
use compiler::record;

/// The same NFA: states, starts, patterns, captures, look-around, flags.
#[cfg(all(test, feature = "regex-compiler"))]
fn same(a: &NFA, b: &NFA) -> bool {
    let (ga, gb) = (a.group_info(), b.group_info());
    a.states() == b.states()
        && a.start_anchored() == b.start_anchored()
        && a.start_unanchored() == b.start_unanchored()
        && a.pattern_len() == b.pattern_len()
        && a.patterns().all(|p| a.start_pattern(p) == b.start_pattern(p))
        && a.look_set_any() == b.look_set_any()
        && a.look_set_prefix_any() == b.look_set_prefix_any()
        && a.is_utf8() == b.is_utf8()
        && a.is_reverse() == b.is_reverse()
        && a.has_empty() == b.has_empty()
        && a.has_capture() == b.has_capture()
        && format!("{:?}", a.byte_classes()) == format!("{:?}", b.byte_classes())
        && ga.pattern_len() == gb.pattern_len()
        && ga.all_group_len() == gb.all_group_len()
        && a.patterns().all(|p| ga.pattern_names(p).eq(gb.pattern_names(p)))
}

#[cfg(all(test, feature = "regex-compiler"))]
mod tests {
    use std::collections::BTreeSet;

    use super::compiler::{compile_everything, encode, entries, table, REQUESTS};
    use super::*;

    /// Set in the process that [`table_is_complete_and_up_to_date`] starts.
    const CHILD: &str = "YASNO_FROZEN_CHILD";
    const RUN: &str = "run `make regexes` to write src/text/frozen_nfas.bin again";

    /// The table holds every request of the crate, as the compiler compiles
    /// it now, and nothing else. The requests are recorded in a process of
    /// its own (this test binary, running this test alone), where no other
    /// test makes requests of its own patterns.
    #[test]
    fn table_is_complete_and_up_to_date() {
        let name = "text::frozen::tests::table_is_complete_and_up_to_date";
        if std::env::var_os(CHILD).is_none() {
            let out = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", name, "--test-threads=1", "--nocapture"])
                .env(CHILD, "1")
                .output()
                .unwrap();
            let (stdout, stderr) =
                (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert!(out.status.success(), "{stdout}{stderr}");
            assert!(stdout.contains("1 passed"), "the child ran no test: {stdout}{stderr}");
            return;
        }
        compile_everything();
        let requests = REQUESTS.lock().unwrap().clone();
        assert!(requests.len() > 20, "{} requests", requests.len());
        for (config, patterns) in &requests {
            let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
            let body = lookup(TABLE, &refs, *config)
                .unwrap()
                .unwrap_or_else(|| panic!("{config:?} {patterns:?} is not in the table: {RUN}"));
            let compiled = compile(&refs, *config).unwrap();
            assert!(same(&decode(body).unwrap(), &compiled), "{config:?} {patterns:?} is out of date: {RUN}");
            let mut bytes = Vec::new();
            encode(&compiled, &mut bytes).unwrap();
            assert!(same(&decode(&bytes).unwrap(), &compiled), "{patterns:?} does not round-trip");
        }
        let made: BTreeSet<u64> = requests
            .iter()
            .map(|(c, p)| key(&p.iter().map(String::as_str).collect::<Vec<_>>(), *c))
            .collect();
        let stale = entries(TABLE).unwrap().into_iter().filter(|(k, _)| !made.contains(k)).count();
        assert!(stale == 0, "the table holds {stale} requests no longer made: {RUN}");
        assert!(table(&requests).unwrap() == TABLE, "{RUN}");
    }

    /// Each entry decodes, and encodes back to the same bytes (that it
    /// decodes to the NFA the compiler builds, and the round trip of that
    /// NFA, is checked with the requests above).
    #[test]
    fn entries_round_trip() {
        let entries = entries(TABLE).unwrap();
        assert!(!entries.is_empty());
        for (key, body) in entries {
            let decoded = decode(body).unwrap();
            let mut again = Vec::new();
            encode(&decoded, &mut again).unwrap();
            assert!(again == body, "{key:#x}");
        }
    }

    /// Named groups, several patterns, captures and every kind of state
    /// survive the round trip.
    #[test]
    fn other_nfas_round_trip() {
        let cases: &[(&[&str], NfaConfig)] = &[
            (&[r"(?P<year>\d{4})-(?<m>\d\d)|x*", r"\bа+?\b$"], NfaConfig::CAPTURES),
            (&[r"(?im)^[а-я]{2,5}(?:\s+\w+){0,3}"], NfaConfig::REVERSE),
            (&[r"[^a]", r"\x{10FFFF}", r"[a&&b]"], NfaConfig::FORWARD),
        ];
        for (patterns, config) in cases {
            let compiled = compile(patterns, *config).unwrap();
            let mut bytes = Vec::new();
            encode(&compiled, &mut bytes).unwrap();
            assert!(same(&decode(&bytes).unwrap(), &compiled), "{patterns:?}");
        }
        let with_all = regex_automata::nfa::thompson::Compiler::new()
            .build_many(&[r"(?P<a>x)(y)(?<c>z)?", r"(q)"])
            .unwrap();
        let mut bytes = Vec::new();
        encode(&with_all, &mut bytes).unwrap();
        assert!(same(&decode(&bytes).unwrap(), &with_all));
    }
}
