//! Inline control in comments of the host format (`<!-- … -->` in HTML and
//! Markdown) or of the template (`{# … #}`, `{{!-- … --}}`, `{{/* … */}}`,
//! `<#-- … -->`):
//!
//! - `yasno-disable-next-line [RULES]`: findings on the next line;
//! - `yasno-disable-line [RULES]`: findings on the comment's line;
//! - `yasno-disable [RULES]` … `yasno-enable [RULES]`: findings in between.
//!
//! RULES are ids or names separated by commas or spaces; none means all.
//! Text after ` -- ` is a free comment.

use std::sync::OnceLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    NextLine,
    Line,
    Disable,
    Enable,
}

/// A place in a file: its line (paragraph for .docx/.odt) and a sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub line: usize,
    pub key: u64,
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub kind: Kind,
    /// Rule ids; empty: all rules.
    pub rules: Vec<String>,
    /// Where the comment starts and ends.
    pub start: Place,
    pub end: Place,
}

/// Parses the body of a comment; `Err` names a rule that does not exist.
pub fn parse(body: &str) -> Option<Result<(Kind, Vec<String>), String>> {
    let body = body.trim();
    let body = body.split(" -- ").next().unwrap_or(body).trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let kind = match word {
        "yasno-disable-next-line" => Kind::NextLine,
        "yasno-disable-line" => Kind::Line,
        "yasno-disable" => Kind::Disable,
        "yasno-enable" => Kind::Enable,
        _ => return None,
    };
    let docs = yasno::rule_docs();
    let mut rules = Vec::new();
    for r in rest.split([',', ' ', '\t', '\n']).map(str::trim).filter(|r| !r.is_empty()) {
        match docs.iter().find(|d| d.id.eq_ignore_ascii_case(r) || d.name == r) {
            Some(d) => rules.push(d.id.to_string()),
            None => return Some(Err(format!("`{word}`: unknown rule `{r}` (see `yasno rules`)"))),
        }
    }
    Some(Ok((kind, rules)))
}

/// Template comments in the extracted text: byte ranges and bodies.
pub fn template_comments(text: &str) -> Vec<(usize, usize, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?s)\{#(.*?)#\}|\{\{!--(.*?)--\}\}|\{\{!(.*?)\}\}|\{\{-?\s*/\*(.*?)\*/\s*-?\}\}|<#--(.*?)-->",
        )
        .expect("comment regex")
    });
    re.captures_iter(text)
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let body = (1..=5).find_map(|i| c.get(i)).map_or("", |g| g.as_str());
            (m.start(), m.end(), body)
        })
        .collect()
}

/// Decides which findings the directives of one file hide.
pub struct Suppressor {
    directives: Vec<Directive>,
}

impl Suppressor {
    pub fn new(mut directives: Vec<Directive>) -> Suppressor {
        directives.sort_by_key(|d| d.start);
        Suppressor { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// True when a finding of `rule` starting at `at` is switched off.
    pub fn hides(&self, rule: &str, at: Place) -> bool {
        let applies = |d: &Directive| d.rules.is_empty() || d.rules.iter().any(|r| r == rule);
        // Region state just before `at`.
        let mut all = false;
        let mut except: Vec<&str> = Vec::new();
        let mut some: Vec<&str> = Vec::new();
        for d in &self.directives {
            match d.kind {
                Kind::NextLine if d.end.line + 1 == at.line && applies(d) => return true,
                Kind::Line if (d.start.line..=d.end.line).contains(&at.line) && applies(d) => return true,
                Kind::Disable | Kind::Enable if d.end.key <= at.key => {
                    let on = d.kind == Kind::Enable;
                    if d.rules.is_empty() {
                        all = !on;
                        except.clear();
                        some.clear();
                    } else {
                        for r in &d.rules {
                            let r = r.as_str();
                            match (all, on) {
                                (true, true) => except.push(r),
                                (true, false) => except.retain(|x| *x != r),
                                (false, false) => some.push(r),
                                (false, true) => some.retain(|x| *x != r),
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        (all && !except.contains(&rule)) || some.contains(&rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(line: usize, key: u64) -> Place {
        Place { line, key }
    }

    fn d(kind: Kind, rules: &[&str], line: usize, key: u64) -> Directive {
        Directive {
            kind,
            rules: rules.iter().map(|s| s.to_string()).collect(),
            start: place(line, key),
            end: place(line, key + 5),
        }
    }

    #[test]
    fn parses_bodies() {
        assert_eq!(
            parse(" yasno-disable-next-line YS101, long-sentence -- так надо "),
            Some(Ok((Kind::NextLine, vec!["YS101".into(), "YS201".into()])))
        );
        assert_eq!(parse("yasno-enable"), Some(Ok((Kind::Enable, vec![]))));
        assert!(parse("yasno-disable YS999").unwrap().is_err());
        assert_eq!(parse("просто комментарий"), None);
    }

    #[test]
    fn regions_and_lines() {
        let s = Suppressor::new(vec![
            d(Kind::NextLine, &["YS101"], 1, 0),
            d(Kind::Disable, &[], 5, 100),
            d(Kind::Enable, &["YS201"], 6, 120),
            d(Kind::Enable, &[], 9, 200),
        ]);
        assert!(s.hides("YS101", place(2, 30)));
        assert!(!s.hides("YS102", place(2, 30)));
        assert!(!s.hides("YS101", place(3, 50)));
        assert!(s.hides("YS102", place(7, 150)));
        assert!(!s.hides("YS201", place(7, 150)));
        assert!(!s.hides("YS102", place(10, 250)));
    }

    #[test]
    fn finds_template_comments() {
        let t = "{# yasno-disable #}a{{!-- x --}}b{{! y }}c{{- /* z */ -}}d<#-- w -->";
        let bodies: Vec<&str> = template_comments(t).into_iter().map(|c| c.2.trim()).collect();
        assert_eq!(bodies, ["yasno-disable", "x", "y", "z", "w"]);
    }
}
