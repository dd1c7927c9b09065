//! `yasno.toml`, the project config file of the command line: its text
//! turned into a [`Config`] plus what only a file-walking tool needs (paths to
//! extra dictionaries, ignored paths, a profile per glob). Pure: no file is
//! read here; every error names the line.
//!
//! ```
//! let f = yasno::config::file::parse("profile = \"refusal\"\n[rules.YS201]\nmax_words = 30\n").unwrap();
//! assert_eq!(f.config.profile, yasno::Profile::Refusal);
//! let err = yasno::config::file::parse("[rules.YS999]\n").unwrap_err();
//! assert_eq!(err.line, Some(1));
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Config, OptionValue, Profile, RuleConfig};
use crate::offsets::LineIndex;
use crate::report::Severity;

/// The name the command line looks for.
pub const FILE_NAME: &str = "yasno.toml";

/// What is wrong with a config file, and on which line (1-based) when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FileError {}

/// A string of the file and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnLine {
    pub value: String,
    pub line: usize,
}

/// `[[override]]`: files matching any of the globs get another profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideSpec {
    pub files: Vec<String>,
    pub profile: Profile,
    pub line: usize,
}

/// A parsed `yasno.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigFile {
    /// Everything but the extra dictionaries (their paths are in `dictionaries`).
    pub config: Config,
    /// Paths of extra dictionaries, relative to the config's directory.
    pub dictionaries: Vec<OnLine>,
    /// Gitignore-style patterns, relative to the config's directory.
    pub ignore: Vec<OnLine>,
    pub overrides: Vec<OverrideSpec>,
}

/// `yasno.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    profile: Option<Spanned<Profile>>,
    #[serde(default)]
    rules: BTreeMap<String, Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    #[serde(default)]
    dictionaries: Vec<Spanned<String>>,
    #[serde(default)]
    allowed_abbreviations: Vec<String>,
    #[serde(default)]
    no_builtin_dictionaries: bool,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default, rename = "override")]
    overrides: Vec<RawOverride>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Spanned<OneOrMany>,
    profile: Profile,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Parses and checks the text of a `yasno.toml`: unknown keys, rules and
/// rule options, and values of the wrong type are errors with their line.
/// Rules are named by id (`YS201`, any case) or name (`long-sentence`).
pub fn parse(text: &str) -> Result<ConfigFile, FileError> {
    let lines = LineIndex::new(text);
    let line_of = |span: Range<usize>| lines.line_col(text, floor_char_boundary(text, span.start)).0;
    let err = |line: Option<usize>, message: String| FileError { line, message };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let line = e.span().map(&line_of);
        err(line, e.message().trim().to_string())
    })?;

    let mut config = Config {
        profile: raw.profile.as_ref().map(|p| *p.get_ref()).unwrap_or_default(),
        allowed_abbreviations: raw.allowed_abbreviations,
        no_builtin_dictionaries: raw.no_builtin_dictionaries,
        ..Config::default()
    };

    let docs = crate::rule_docs();
    for (key, table) in &raw.rules {
        let line = line_of(table.span());
        let Some(doc) = docs.iter().find(|d| d.id.eq_ignore_ascii_case(key) || d.name == key) else {
            return Err(err(Some(line), format!("unknown rule `{key}` in [rules] (see `yasno rules`)")));
        };
        let mut rc = RuleConfig::default();
        for (name, value) in table.get_ref() {
            let vline = Some(line_of(value.span()));
            let bad = |expected: &str| {
                err(
                    vline,
                    format!("rules.{key}.{name}: expected {expected}, found {}", describe(value.get_ref())),
                )
            };
            match (name.as_str(), value.get_ref()) {
                ("enabled", toml::Value::Boolean(b)) => rc.enabled = Some(*b),
                ("enabled", _) => return Err(bad("true or false")),
                ("severity", toml::Value::String(s)) => {
                    rc.severity =
                        Some(Severity::parse(s).ok_or_else(|| bad("\"hint\", \"warning\" or \"error\""))?)
                }
                ("severity", _) => return Err(bad("\"hint\", \"warning\" or \"error\"")),
                (option, v) => {
                    if !doc.options.iter().any(|o| o.name == option) {
                        let known: Vec<&str> = ["enabled", "severity"]
                            .into_iter()
                            .chain(doc.options.iter().map(|o| o.name))
                            .collect();
                        return Err(err(
                            vline,
                            format!("unknown key `{option}` in [rules.{key}] (known: {})", known.join(", ")),
                        ));
                    }
                    match v {
                        toml::Value::Integer(n) if *n > 0 => {
                            rc.options.insert(option.to_string(), OptionValue::Int(*n));
                        }
                        _ => return Err(bad("a positive whole number")),
                    }
                }
            }
        }
        // Two keys may name one rule (`YS201` and `long-sentence`): the later wins.
        config.rules.insert(doc.id.to_string(), rc);
    }

    let on_line = |s: &Spanned<String>| OnLine { value: s.get_ref().clone(), line: line_of(s.span()) };
    let overrides = raw
        .overrides
        .iter()
        .map(|o| OverrideSpec {
            files: match o.files.get_ref() {
                OneOrMany::One(s) => vec![s.clone()],
                OneOrMany::Many(v) => v.clone(),
            },
            profile: o.profile,
            line: line_of(o.files.span()),
        })
        .collect();
    Ok(ConfigFile {
        config,
        dictionaries: raw.dictionaries.iter().map(on_line).collect(),
        ignore: raw.ignore.iter().map(on_line).collect(),
        overrides,
    })
}

/// The largest char boundary at or before `i` (spans from the TOML parser
/// may point past the end).
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "an array".into(),
        toml::Value::Table(_) => "a table".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_file() {
        let src = "profile = \"refusal\"\nallowed_abbreviations = [\"ЕГРН\"]\nignore = [\"drafts/\"]\n\
                   dictionaries = [\"org.toml\"]\n\n[rules.long-sentence]\nmax_words = 30\nseverity = \"error\"\n\n\
                   [rules.ys104]\nenabled = false\n\n[[override]]\nfiles = \"*.j2\"\nprofile = \"template\"\n";
        let f = parse(src).unwrap();
        assert_eq!(f.config.profile, Profile::Refusal);
        assert_eq!(f.config.allowed_abbreviations, ["ЕГРН"]);
        let r = &f.config.rules["YS201"];
        assert_eq!(r.options["max_words"], OptionValue::Int(30));
        assert_eq!(r.severity, Some(Severity::Error));
        assert_eq!(f.config.rules["YS104"].enabled, Some(false));
        assert_eq!(f.ignore, [OnLine { value: "drafts/".into(), line: 3 }]);
        assert_eq!(f.dictionaries, [OnLine { value: "org.toml".into(), line: 4 }]);
        assert_eq!(
            f.overrides,
            [OverrideSpec { files: vec!["*.j2".into()], profile: Profile::Template, line: 14 }]
        );
    }

    #[test]
    fn errors_name_the_line() {
        for (src, line, needle) in [
            ("profile = \"letter\"\n\n[rules.YS201]\nmax_words = -3\n", 4, "positive whole number"),
            ("[rules.YS201]\nmax_wrds = 3\n", 2, "unknown key `max_wrds`"),
            ("\n[rules.nope]\n", 2, "unknown rule `nope`"),
            ("[rules.YS201]\nseverity = \"fatal\"\n", 2, "\"hint\", \"warning\" or \"error\""),
            ("[rules.YS201]\nenabled = \"yes\"\n", 2, "true or false"),
            ("profile = \"memo\"\n", 1, "memo"),
            ("colour = 1\n", 1, "colour"),
            ("[rules\n", 1, ""),
        ] {
            let e = parse(src).unwrap_err();
            assert_eq!(e.line, Some(line), "{src:?}: {e}");
            assert!(e.message.contains(needle), "{src:?}: {e}");
        }
    }

    #[test]
    fn error_spans_past_multibyte_text_stay_on_a_line() {
        // The parser's span may end inside or after a multi-byte character.
        for src in ["ключ = «", "a = \"Привет", "[rules.\"Ё\"]\n", "profile = \"Ё\"", "ё"] {
            let e = parse(src).unwrap_err();
            assert!(e.line.is_some_and(|l| l >= 1), "{src:?}: {e:?}");
        }
    }
}
