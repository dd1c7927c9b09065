//! SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).
//!
//! Paths are relative to `%SRCROOT%` (the current directory) when they can
//! be; columns are UTF-16 code units (`columnKind`); each result has a
//! `partialFingerprints` entry that survives unrelated edits.

use std::path::Path;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};
use yasno::Severity;

use super::check::FileResult;
use super::settings::absolute;

/// Everything but unreserved characters and `/` is percent-encoded.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'/').remove(b'-').remove(b'_').remove(b'.').remove(b'~');

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "note",
    }
}

/// A SARIF `artifactLocation` for a shown path.
fn artifact(path: &str, cwd: &Path) -> Value {
    let p = Path::new(path);
    if path.starts_with('<') {
        return json!({ "uri": utf8_percent_encode(path, PATH).to_string() });
    }
    if p.is_absolute() {
        let abs = absolute(p);
        if let Ok(rel) = abs.strip_prefix(absolute(cwd)) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            return json!({ "uri": utf8_percent_encode(&rel, PATH).to_string(), "uriBaseId": "%SRCROOT%" });
        }
        let s = abs.to_string_lossy().replace('\\', "/");
        let s = if s.starts_with('/') { s } else { format!("/{s}") };
        return json!({ "uri": format!("file://{}", utf8_percent_encode(&s, PATH)) });
    }
    json!({ "uri": utf8_percent_encode(path, PATH).to_string(), "uriBaseId": "%SRCROOT%" })
}

/// A directory URI ending in `/`.
fn dir_uri(dir: &Path) -> String {
    let s = absolute(dir).to_string_lossy().replace('\\', "/");
    let s = if s.starts_with('/') { s } else { format!("/{s}") };
    let s = if s.ends_with('/') { s } else { format!("{s}/") };
    format!("file://{}", utf8_percent_encode(&s, PATH))
}

/// Ends a message with a full stop (SARIF asks for complete sentences).
fn sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?', '…']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

fn rules() -> Vec<Value> {
    yasno::rule_docs()
        .into_iter()
        .map(|d| {
            let help_text = format!(
                "{}\n\nПочему это плохо: {}\n\nПример: «{}» → «{}».\n\nКак исправить: {}",
                sentence(d.what),
                sentence(d.why),
                d.bad,
                d.good,
                sentence(d.fix)
            );
            let help_md = format!(
                "**{}**\n\n{}\n\n**Почему это плохо.** {}\n\n- ❌ {}\n- ✅ {}\n\n**Как исправить.** {}",
                d.title,
                sentence(d.what),
                sentence(d.why),
                d.bad,
                d.good,
                sentence(d.fix)
            );
            json!({
                "id": d.id,
                "name": pascal(d.name),
                "shortDescription": { "text": sentence(d.title) },
                "fullDescription": { "text": sentence(d.what) },
                "help": { "text": help_text, "markdown": help_md },
                "defaultConfiguration": { "level": level(d.severity) },
                "properties": {
                    "category": d.category.as_str(),
                    "tags": ["readability", d.category.as_str()],
                    "precision": "medium",
                    "problem.severity": match d.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Hint => "recommendation",
                    }
                }
            })
        })
        .collect()
}

/// `compound-preposition` → `CompoundPreposition`.
fn pascal(name: &str) -> String {
    name.split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

pub fn sarif(results: &[FileResult], cwd: &Path, execution_ok: bool) -> String {
    let docs = yasno::rule_docs();
    let mut out_results = Vec::new();
    let mut notifications = Vec::new();
    for r in results {
        match &r.outcome {
            Ok(c) => {
                for l in &c.findings {
                    let f = &l.finding;
                    let index = docs.iter().position(|d| d.id == f.rule);
                    let mut message = sentence(&f.message);
                    if let Some(s) = f.suggestions.first() {
                        message = format!("{message} Лучше: «{s}».");
                    }
                    let mut region = json!({
                        "startLine": l.line,
                        "startColumn": l.column_utf16,
                        "endLine": l.end_line.max(l.line),
                        "endColumn": if l.end_line > l.line { l.end_column_utf16 } else { l.end_column_utf16.max(l.column_utf16) },
                        "snippet": { "text": f.text },
                    });
                    if let Some(p) = l.paragraph {
                        region["properties"] = json!({ "paragraph": p });
                    }
                    let mut result = json!({
                        "ruleId": f.rule,
                        "level": level(f.severity),
                        "message": { "text": message },
                        "locations": [{
                            "physicalLocation": { "artifactLocation": artifact(&r.path, cwd), "region": region }
                        }],
                        "partialFingerprints": { "yasnoFindingHash/v1": l.fingerprint },
                    });
                    if let Some(i) = index {
                        result["ruleIndex"] = json!(i);
                    }
                    out_results.push(result);
                }
            }
            Err(e) => notifications.push(json!({
                "level": "error",
                "message": { "text": sentence(&format!("{}: {e}", r.path)) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact(&r.path, cwd) } }],
            })),
        }
    }
    let mut invocation = json!({ "executionSuccessful": execution_ok });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let repo = env!("CARGO_PKG_REPOSITORY");
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "yasno",
                "fullName": "Ясно (yasno)",
                "version": yasno::VERSION,
                "semanticVersion": yasno::VERSION,
                "informationUri": repo,
                "rules": rules(),
            }},
            "originalUriBaseIds": { "%SRCROOT%": { "uri": dir_uri(cwd) } },
            "columnKind": "utf16CodeUnits",
            "invocations": [invocation],
            "results": out_results,
        }]
    });
    serde_json::to_string_pretty(&log).expect("serialisable") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        let cwd = Path::new("/tmp/x");
        assert_eq!(
            artifact("шаблоны/отказ 1.md", cwd)["uri"],
            "%D1%88%D0%B0%D0%B1%D0%BB%D0%BE%D0%BD%D1%8B/%D0%BE%D1%82%D0%BA%D0%B0%D0%B7%201.md"
        );
        assert_eq!(artifact("/tmp/x/a.txt", cwd)["uri"], "a.txt");
        assert_eq!(artifact("/etc/a#b.txt", cwd)["uri"], "file:///etc/a%23b.txt");
        assert_eq!(pascal("compound-preposition"), "CompoundPreposition");
    }
}
