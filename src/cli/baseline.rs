//! Fingerprints that survive unrelated edits, and the baseline file:
//! `yasno baseline` records the current findings, `--baseline FILE` reports
//! only findings that are not in it.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::check::Located;

/// How much text around a finding goes into its fingerprint.
const CONTEXT_CHARS: usize = 24;

/// FNV-1a, 64 bits: stable across Rust versions and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A hash of the rule, the flagged words and a little text around them on
/// the same line, with case and whitespace folded. Moving the sentence to another line keeps it;
/// rewording the sentence changes it. The caller appends `:N`, the number of
/// the occurrence of the same hash in the file.
pub fn fingerprint(rule: &str, text: &str, start: usize, end: usize) -> String {
    // The context within the line, read only as far as needed (a line may be
    // a megabyte long, with thousands of findings).
    let before: String = {
        let mut v: Vec<char> =
            text[..start].chars().rev().take_while(|&c| c != '\n').take(CONTEXT_CHARS).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[end..].chars().take_while(|&c| c != '\n').take(CONTEXT_CHARS).collect();
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let key = format!("{rule}\u{1f}{}\u{1f}{}\u{1f}{}", fold(&before), fold(&text[start..end]), fold(&after));
    format!("{:016x}", fnv1a(key.as_bytes()))
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Relative to the directory of yasno.toml (or the current directory).
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For people reading the file; not used for matching.
    #[serde(default)]
    pub text: String,
}

pub struct Baseline {
    /// (path, rule, fingerprint) → how many.
    known: HashMap<(String, String, String), usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}: not a yasno baseline: {e}", path.display(), e.line()))?;
        if file.version != 1 {
            return Err(format!("{}: unsupported baseline version {}", path.display(), file.version));
        }
        let mut known = HashMap::new();
        for e in file.findings {
            *known.entry((e.path, e.rule, e.fingerprint)).or_insert(0) += 1;
        }
        Ok(Baseline { known })
    }

    /// The findings of `path` that the baseline does not know.
    pub fn filter_new(&self, path: &str, findings: Vec<Located>) -> Vec<Located> {
        let mut used: HashMap<(String, String), usize> = HashMap::new();
        findings
            .into_iter()
            .filter(|l| {
                let key = (path.to_string(), l.finding.rule.clone(), l.fingerprint.clone());
                let total = self.known.get(&key).copied().unwrap_or(0);
                let n = used.entry((key.1, key.2)).or_insert(0);
                *n += 1;
                *n > total
            })
            .collect()
    }
}

pub fn entries(path: &str, findings: &[Located]) -> Vec<Entry> {
    findings
        .iter()
        .map(|l| Entry {
            path: path.to_string(),
            rule: l.finding.rule.clone(),
            fingerprint: l.fingerprint.clone(),
            text: l.finding.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_position_but_not_wording() {
        let a = "Первая строка.\nВ связи с отсутствием документов.";
        let b = "Новая строка сверху.\n\nПервая строка.\nВ  связи с отсутствием документов.";
        let fa = fingerprint("YS101", a, a.find("В связи").unwrap(), a.find(" отсутствием").unwrap());
        let fb = fingerprint("YS101", b, b.find("В  связи").unwrap(), b.find(" отсутствием").unwrap());
        assert_eq!(fa, fb);
        let c = "Первая строка.\nВ связи с болезнью заявителя.";
        let fc = fingerprint("YS101", c, c.find("В связи").unwrap(), c.find(" болезнью").unwrap());
        assert_ne!(fa, fc);
        assert_ne!(fa, fingerprint("YS102", a, a.find("В связи").unwrap(), a.find(" отсутствием").unwrap()));
    }
}
