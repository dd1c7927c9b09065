//! Report formats: text, JSON, GitHub annotations, Checkstyle and JUnit XML.
//! SARIF is in `sarif.rs`. Every writer gets the results in input order.

use std::fmt::Write as _;

use serde::Serialize;
use yasno::report::DocumentInfo;
use yasno::{Finding, Severity};

use super::check::{FileResult, Located};

/// Counts for the final summary.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub hints: usize,
    /// Files that could not be read.
    pub unreadable: usize,
    pub suppressed: usize,
    pub baselined: usize,
    pub fixed: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary { files: results.len(), ..Summary::default() };
        for r in results {
            match &r.outcome {
                Ok(c) => {
                    s.suppressed += c.suppressed;
                    s.baselined += c.baselined;
                    s.fixed += c.fixed;
                    for l in &c.findings {
                        match l.finding.severity {
                            Severity::Error => s.errors += 1,
                            Severity::Warning => s.warnings += 1,
                            Severity::Hint => s.hints += 1,
                        }
                    }
                }
                Err(_) => s.unreadable += 1,
            }
        }
        s
    }

    /// One line in Russian: «Проверено файлов: 3; ошибок: 0, …».
    pub fn line(&self, seconds: f64) -> String {
        let mut s = format!(
            "Проверено файлов: {}; ошибок: {}, предупреждений: {}, советов: {}",
            self.files, self.errors, self.warnings, self.hints
        );
        if self.unreadable > 0 {
            let _ = write!(s, "; не прочитано: {}", self.unreadable);
        }
        if self.suppressed > 0 {
            let _ = write!(s, "; отключено в тексте: {}", self.suppressed);
        }
        if self.baselined > 0 {
            let _ = write!(s, "; известно по базовой линии: {}", self.baselined);
        }
        if self.fixed > 0 {
            let _ = write!(s, "; исправлено: {}", self.fixed);
        }
        let _ = write!(s, " ({seconds:.2} с)");
        s
    }
}

pub fn text(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        let Ok(c) = &r.outcome else { continue };
        for l in &c.findings {
            let f = &l.finding;
            let arrow = f.suggestions.first().map(|s| format!("  → {s}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "{}:{}:{}  {:<7}  {}  {}{arrow}",
                r.path,
                l.line,
                l.column,
                f.severity.as_str(),
                f.rule,
                f.message
            );
        }
    }
    if let [r] = results {
        if let Ok(c) = &r.outcome {
            let m = &c.report.metrics;
            let _ = writeln!(
                out,
                "{}: ясность {:.1}/10, {} слов, {} предложений, {}",
                r.path, c.report.score, m.words, m.sentences, m.level
            );
        }
    }
    out
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: FindingInFile<'a>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    fingerprint: &'a str,
}

/// A finding with offsets and edits in the file's coordinates.
#[derive(Serialize)]
struct FindingInFile<'a> {
    rule: &'a str,
    category: yasno::Category,
    severity: Severity,
    start: usize,
    end: usize,
    text: &'a str,
    message: &'a str,
    explanation: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    suggestions: &'a [String],
    edits: &'a [yasno::Edit],
    safe: bool,
}

fn in_file(l: &Located) -> FindingInFile<'_> {
    let f: &Finding = &l.finding;
    FindingInFile {
        rule: &f.rule,
        category: f.category,
        severity: f.severity,
        start: l.start,
        end: l.end,
        text: &f.text,
        message: &f.message,
        explanation: &f.explanation,
        suggestions: &f.suggestions,
        edits: &l.file_edits,
        safe: f.safe && !l.file_edits.is_empty(),
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    format: yasno::formats::Format,
    findings: Vec<JsonFinding<'a>>,
    suppressed: usize,
    metrics: &'a yasno::metrics::Metrics,
    score: f64,
    document: &'a DocumentInfo,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    schema_version: u32,
    tool: &'static str,
    version: &'static str,
    files: Vec<JsonFile<'a>>,
    errors: Vec<JsonError<'a>>,
    summary: Summary,
}

pub fn json(results: &[FileResult], summary: Summary) -> String {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match &r.outcome {
            Ok(c) => files.push(JsonFile {
                path: &r.path,
                format: r.format,
                findings: c
                    .findings
                    .iter()
                    .map(|l| JsonFinding {
                        finding: in_file(l),
                        line: l.line,
                        column: l.column,
                        end_line: l.end_line,
                        end_column: l.end_column,
                        paragraph: l.paragraph,
                        fingerprint: &l.fingerprint,
                    })
                    .collect(),
                suppressed: c.suppressed,
                metrics: &c.report.metrics,
                score: c.report.score,
                document: &c.report.document,
            }),
            Err(e) => errors.push(JsonError { path: &r.path, message: e }),
        }
    }
    let out = JsonOut {
        schema_version: yasno::SCHEMA_VERSION,
        tool: "yasno",
        version: yasno::VERSION,
        files,
        errors,
        summary,
    };
    serde_json::to_string_pretty(&out).expect("serialisable") + "\n"
}

/// GitHub Actions workflow commands: data escapes `%`, CR and LF;
/// property values also `:` and `,`.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn github(results: &[FileResult], summary: &Summary, seconds: f64) -> String {
    let mut out = String::new();
    for r in results {
        match &r.outcome {
            Ok(c) => {
                for l in &c.findings {
                    let f = &l.finding;
                    let level = level_name(f.severity, "notice");
                    let mut msg = f.message.clone();
                    if let Some(s) = f.suggestions.first() {
                        let _ = write!(msg, " → {s}");
                    }
                    let _ = writeln!(
                        out,
                        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                        gh_prop(&r.path),
                        l.line,
                        l.column,
                        l.end_line,
                        l.end_column,
                        gh_prop(&format!("{} {}", f.rule, rule_title(&f.rule))),
                        gh_data(&msg)
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(out, "::error file={},title=yasno::{}", gh_prop(&r.path), gh_data(e));
            }
        }
    }
    out.push_str(&summary.line(seconds));
    out.push('\n');
    out
}

/// A severity in a format's own words; `hint` is the format's lowest level.
fn level_name(severity: Severity, hint: &'static str) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => hint,
    }
}

fn rule_title(id: &str) -> &'static str {
    yasno::rule_docs().into_iter().find(|d| d.id == id).map_or("", |d| d.title)
}

/// XML attribute/text escaping (quick-xml) plus line breaks in attributes.
fn xml(s: &str) -> String {
    quick_xml::escape::escape(s).replace('\n', "&#10;").replace('\r', "&#13;")
}

pub fn checkstyle(results: &[FileResult]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for r in results {
        let _ = writeln!(out, "  <file name=\"{}\">", xml(&r.path));
        match &r.outcome {
            Ok(c) => {
                for l in &c.findings {
                    let f = &l.finding;
                    let sev = level_name(f.severity, "info");
                    let _ = writeln!(
                        out,
                        "    <error line=\"{}\" column=\"{}\" severity=\"{sev}\" message=\"{}\" source=\"yasno.{}\"/>",
                        l.line,
                        l.column,
                        xml(&f.message),
                        f.rule
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "    <error line=\"1\" severity=\"error\" message=\"{}\" source=\"yasno.input\"/>",
                    xml(e)
                );
            }
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}

/// One test case per file. It fails when a finding reaches `fail_on`; other
/// findings go to `system-out`. An unreadable file is an `error`.
pub fn junit(results: &[FileResult], fail_on: Option<Severity>, seconds: f64) -> String {
    let fails = |l: &Located| fail_on.is_some_and(|t| l.finding.severity >= t);
    let failures =
        results.iter().filter(|r| r.outcome.as_ref().is_ok_and(|c| c.findings.iter().any(fails))).count();
    let errors = results.iter().filter(|r| r.outcome.is_err()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"yasno\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{seconds:.3}\">\n  \
         <testsuite name=\"yasno\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" time=\"{seconds:.3}\">",
        n = results.len()
    );
    for r in results {
        let _ = write!(
            out,
            "    <testcase classname=\"yasno\" name=\"{}\" file=\"{}\"",
            xml(&r.path),
            xml(&r.path)
        );
        let line = |l: &Located| {
            let f = &l.finding;
            format!(
                "{}:{}:{}  {}  {}  {}\n",
                r.path,
                l.line,
                l.column,
                f.severity.as_str(),
                f.rule,
                f.message
            )
        };
        match &r.outcome {
            Ok(c) if c.findings.is_empty() => out.push_str("/>\n"),
            Ok(c) => {
                out.push_str(">\n");
                let failing: Vec<&Located> = c.findings.iter().filter(|l| fails(l)).collect();
                if !failing.is_empty() {
                    let body: String = failing.iter().map(|l| line(l)).collect();
                    let _ = writeln!(
                        out,
                        "      <failure type=\"yasno\" message=\"{}\">{}</failure>",
                        xml(&format!("замечаний: {}", failing.len())),
                        quick_xml::escape::escape(body.as_str())
                    );
                }
                let rest: String = c.findings.iter().filter(|l| !fails(l)).map(line).collect();
                if !rest.is_empty() {
                    let _ = writeln!(
                        out,
                        "      <system-out>{}</system-out>",
                        quick_xml::escape::escape(rest.as_str())
                    );
                }
                out.push_str("    </testcase>\n");
            }
            Err(e) => {
                let _ =
                    writeln!(out, ">\n      <error type=\"input\" message=\"{}\"/>\n    </testcase>", xml(e));
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(gh_prop("dir/a:b,c.txt"), "dir/a%3Ab%2Cc.txt");
    }
}
