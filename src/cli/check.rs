//! Checking one input: read → extract the text (src/formats) → check (core)
//! → map findings back to the file → inline directives → baseline → fixes.

use std::collections::HashMap;
use std::io::Read;

use yasno::config::Profile;
use yasno::formats::{self, Extracted, Format, SourcePos};
use yasno::offsets::LineIndex;
use yasno::{Checker, Edit, Finding, Report, Severity};

use super::baseline::{fingerprint, Baseline};
use super::directives::{self, Directive, Place, Suppressor};
use super::inputs::Input;
use super::settings::Settings;

/// A finding placed in the file.
#[derive(Debug, Clone)]
pub struct Located {
    /// As the core returned it (offsets into the extracted text).
    pub finding: Finding,
    /// Byte offsets into the file; for .docx/.odt into the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// 1-based; the paragraph number for .docx/.odt.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// 1-based columns in UTF-16 code units (SARIF).
    pub column_utf16: usize,
    pub end_column_utf16: usize,
    /// Set for .docx/.odt.
    pub paragraph: Option<usize>,
    /// Stable across unrelated edits of the file (baseline, SARIF).
    pub fingerprint: String,
    /// Edits in file coordinates, already escaped for the format. Empty when
    /// the finding's edits cannot be applied to the file as is.
    pub file_edits: Vec<Edit>,
}

/// What became of one input.
pub struct FileResult {
    pub path: String,
    /// The path relative to the config's directory: the baseline's key.
    pub key: String,
    pub format: Format,
    pub outcome: Result<Checked, String>,
    /// Problems worth telling (unknown rule in a directive…).
    pub notes: Vec<String>,
}

pub struct Checked {
    pub findings: Vec<Located>,
    pub report: Report,
    /// Hidden by inline directives.
    pub suppressed: usize,
    /// Hidden by the baseline.
    pub baselined: usize,
    /// Safe edits applied (or, with --dry-run, that would be).
    pub fixed: usize,
    /// Unified diff of the fixes (--fix --dry-run).
    pub diff: Option<String>,
}

/// One checker per profile in use.
pub struct Engine {
    checkers: Vec<(Profile, Checker)>,
}

impl Engine {
    pub fn new(settings: &Settings, profiles: &[Profile]) -> Result<Engine, String> {
        let mut checkers = Vec::new();
        for &p in profiles {
            let config = yasno::Config { profile: p, ..settings.config.clone() };
            checkers.push((p, Checker::new(config).map_err(|e| e.to_string())?));
        }
        Ok(Engine { checkers })
    }

    fn checker(&self, p: Profile) -> &Checker {
        let i = self.checkers.iter().position(|(q, _)| *q == p).unwrap_or(0);
        &self.checkers[i].1
    }
}

/// What to do besides checking.
#[derive(Clone, Copy, Default)]
pub struct Mode {
    pub fix: bool,
    pub dry_run: bool,
}

pub fn read_input(input: &Input) -> std::io::Result<Vec<u8>> {
    match input {
        Input::File(p) => std::fs::read(p),
        Input::Stdin { .. } => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

pub fn process(
    input: &Input,
    bytes: std::io::Result<Vec<u8>>,
    encoding: Option<&'static encoding_rs::Encoding>,
    settings: &Settings,
    engine: &Engine,
    baseline: Option<&Baseline>,
    mode: Mode,
) -> FileResult {
    let path = input.display();
    let format = formats::Format::from_file_name(&path).unwrap_or(Format::Text);
    let key = match input {
        Input::File(p) => settings.key_for(p),
        Input::Stdin { name } => name.clone(),
    };
    let mut result = FileResult {
        path: path.clone(),
        key: key.clone(),
        format,
        outcome: Err(String::new()),
        notes: Vec::new(),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            result.outcome = Err(io_message(&e));
            return result;
        }
    };
    // Text formats: binary files, UTF-16 and legacy encodings are named (or
    // decoded with --encoding); from here on the text is UTF-8.
    let (bytes, file_encoding) = if format.is_paragraph_based() {
        (bytes, encoding_rs::UTF_8)
    } else {
        match super::encoding::to_utf8(bytes, encoding) {
            Ok(b) => b,
            Err(e) => {
                result.outcome = Err(e);
                return result;
            }
        }
    };
    let profile = match input {
        Input::File(p) => settings.profile_for(p),
        Input::Stdin { name } => settings.profile_for(std::path::Path::new(name)),
    };
    let checker = engine.checker(profile);
    let mut checked = match analyse(&bytes, format, checker, (&path, &key), baseline, &mut result.notes) {
        Ok(c) => c,
        Err(e) => {
            result.outcome = Err(e);
            return result;
        }
    };
    if mode.fix && !format.is_paragraph_based() && (mode.dry_run || matches!(input, Input::File(_))) {
        let source = std::str::from_utf8(&bytes).expect("checked as UTF-8");
        let (fixed_text, n) = apply_safe_edits(source, &checked.findings);
        if n > 0 {
            if mode.dry_run {
                checked.diff = Some(unified_diff(&path, source, &fixed_text));
                checked.fixed = n;
            } else if let Input::File(p) = input {
                let encoded = match super::encoding::from_utf8(&fixed_text, file_encoding) {
                    Ok(b) => b,
                    Err(e) => {
                        result.outcome = Err(format!("cannot write the fixes: {e}; the file is unchanged"));
                        return result;
                    }
                };
                if let Err(e) = std::fs::write(p, encoded) {
                    result.outcome = Err(format!("cannot write the fixes: {}", io_message(&e)));
                    return result;
                }
                // Report what is left in the fixed file.
                let mut notes = Vec::new();
                match analyse(fixed_text.as_bytes(), format, checker, (&path, &key), baseline, &mut notes) {
                    Ok(mut after) => {
                        after.fixed = n;
                        checked = after;
                    }
                    Err(e) => {
                        result.outcome = Err(e);
                        return result;
                    }
                }
            }
        }
    }
    result.outcome = Ok(checked);
    result
}

fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    // "Permission denied (os error 13)" → "Permission denied"
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Extracts, checks and places the findings of one file.
fn analyse(
    bytes: &[u8],
    format: Format,
    checker: &Checker,
    (path, key): (&str, &str),
    baseline: Option<&Baseline>,
    notes: &mut Vec<String>,
) -> Result<Checked, String> {
    let doc = formats::extract_as(bytes, format).map_err(|e| e.to_string())?;
    let source = if format.is_paragraph_based() { None } else { std::str::from_utf8(bytes).ok() };
    let mut report = checker.check(&doc.text);
    // Columns of byte-based formats count from the line start in the file;
    // those of .docx/.odt from the paragraph start in the extracted text.
    let lines = LineIndex::new(source.unwrap_or(&doc.text));
    let placer = Placer { doc: &doc, source, lines: &lines };

    let suppressor = Suppressor::new(collect_directives(&placer, notes, path));
    let findings = std::mem::take(&mut report.findings);
    let mut located = Vec::with_capacity(findings.len());
    let mut suppressed = 0;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for f in findings {
        let l = placer.locate(f, &mut seen);
        if !suppressor.is_empty() && suppressor.hides(&l.finding.rule, placer.place_of_located(&l)) {
            suppressed += 1;
            continue;
        }
        located.push(l);
    }
    let mut baselined = 0;
    if let Some(b) = baseline {
        let before = located.len();
        located = b.filter_new(key, located);
        baselined = before - located.len();
    }
    Ok(Checked { findings: located, report, suppressed, baselined, fixed: 0, diff: None })
}

struct Placer<'a> {
    doc: &'a Extracted,
    source: Option<&'a str>,
    /// Of `source`, else of `doc.text`.
    lines: &'a LineIndex,
}

impl Placer<'_> {
    /// Line, column (chars), column (UTF-16), byte/paragraph offset of a source position.
    fn line_col(&self, pos: SourcePos) -> (usize, usize, usize, usize, Option<usize>) {
        let idx = self.lines;
        match (pos, self.source) {
            (SourcePos::Byte(b), Some(src)) => {
                let b = b.min(src.len());
                let (line, mut col) = idx.line_col(src, b);
                let (_, mut col16) = idx.line_col_utf16(src, b);
                if line == 1 && b > 0 && src.starts_with('\u{feff}') {
                    // Editors do not count a byte order mark.
                    col -= 1;
                    col16 -= 1;
                }
                (line, col, col16, b, None)
            }
            (SourcePos::Paragraph { paragraph, offset }, _) => {
                let text = &self.doc.text;
                let (col, col16) = match self.doc.paragraph_segment(paragraph) {
                    Some(s) => {
                        let mut end = (s.text.start + offset).min(s.text.end);
                        while !text.is_char_boundary(end) {
                            end -= 1;
                        }
                        let (c0, u0) = idx.counts(text, s.text.start);
                        let (c1, u1) = idx.counts(text, end);
                        (c1 - c0 + 1, u1 - u0 + 1)
                    }
                    None => (offset + 1, offset + 1),
                };
                (paragraph, col, col16, offset, Some(paragraph))
            }
            (SourcePos::Byte(b), _) => (1, b + 1, b + 1, b, None),
        }
    }

    fn place(&self, pos: SourcePos) -> Place {
        let (line, ..) = self.line_col(pos);
        let key = match pos {
            SourcePos::Byte(b) => b as u64,
            SourcePos::Paragraph { paragraph, offset } => ((paragraph as u64) << 32) | offset as u64,
        };
        Place { line, key }
    }

    fn place_of_located(&self, l: &Located) -> Place {
        let key = match l.paragraph {
            Some(p) => ((p as u64) << 32) | l.start as u64,
            None => l.start as u64,
        };
        Place { line: l.line, key }
    }

    fn locate(&self, f: Finding, seen: &mut HashMap<String, usize>) -> Located {
        let s = self.doc.to_source(f.start);
        let e = self.doc.to_source_end(f.end);
        let (line, column, column_utf16, start, paragraph) = self.line_col(s);
        let (end_line, end_column, end_column_utf16, end, _) = self.line_col(e);
        let base = fingerprint(&f.rule, &self.doc.text, f.start, f.end);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let fingerprint = format!("{base}:{n}");
        let mut file_edits = Vec::new();
        if self.source.is_some() {
            for ed in &f.edits {
                match self.doc.verbatim_source(ed.start, ed.end) {
                    Some(r) => file_edits.push(Edit {
                        start: r.start,
                        end: r.end,
                        replacement: formats::escape_replacement(self.doc.format, &ed.replacement),
                    }),
                    None => {
                        file_edits.clear();
                        break;
                    }
                }
            }
        }
        Located {
            finding: f,
            start,
            end: end.max(start),
            line,
            column,
            end_line,
            end_column,
            column_utf16,
            end_column_utf16,
            paragraph,
            fingerprint,
            file_edits,
        }
    }
}

/// Directives from host comments and template comments of one file.
fn collect_directives(p: &Placer, notes: &mut Vec<String>, path: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut add = |body: &str, start: Place, end: Place| match directives::parse(body) {
        Some(Ok((kind, rules))) => out.push(Directive { kind, rules, start, end }),
        Some(Err(msg)) => notes.push(format!("{path}:{}: {msg}", start.line)),
        None => {}
    };
    for c in &p.doc.comments {
        add(&c.body, p.place(SourcePos::Byte(c.source.start)), p.place(SourcePos::Byte(c.source.end)));
    }
    for (s, e, body) in directives::template_comments(&p.doc.text) {
        add(body, p.place(p.doc.to_source(s)), p.place(p.doc.to_source_end(e)));
    }
    out
}

/// Applies the safe edits of the findings; returns the new text and how
/// many findings were fixed.
pub fn apply_safe_edits(source: &str, findings: &[Located]) -> (String, usize) {
    let mut chosen: Vec<&Located> =
        findings.iter().filter(|l| l.finding.safe && !l.file_edits.is_empty()).collect();
    chosen.sort_by_key(|l| (l.file_edits[0].start, l.file_edits[0].end));
    let mut edits = Vec::new();
    let mut pos = 0;
    let mut n = 0;
    for l in chosen {
        let mut sorted = l.file_edits.clone();
        sorted.sort_by_key(|e| (e.start, e.end));
        // All of a finding's edits or none: they must not overlap earlier ones.
        let mut p = pos;
        if sorted.iter().all(|e| {
            let ok = e.start >= p && e.end >= e.start;
            p = e.end;
            ok
        }) {
            pos = p;
            edits.extend(sorted);
            n += 1;
        }
    }
    (yasno::apply_edits(source, &edits), n)
}

pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// The highest severity among findings.
pub fn worst(results: &[FileResult]) -> Option<Severity> {
    results
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok())
        .flat_map(|c| c.findings.iter().map(|l| l.finding.severity))
        .max()
}
