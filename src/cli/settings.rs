//! `yasno.toml`: found from the current directory upwards (or given with
//! `--config`), turned into a [`yasno::Config`] plus what only the CLI needs
//! (ignored paths, a profile per glob). Every error names the key and line.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use toml::Spanned;
use yasno::config::{ExtraDictionary, OptionValue, Profile, RuleConfig};
use yasno::offsets::LineIndex;
use yasno::{Config, Severity};

pub const FILE_NAME: &str = "yasno.toml";

/// A config error: the file, the line and what is wrong.
#[derive(Debug)]
pub struct SettingsError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// `yasno.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
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
    overrides: Vec<Override>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    files: Spanned<OneOrMany>,
    profile: Profile,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Files that get another profile than the default.
pub struct ProfileOverride {
    globs: Vec<GlobMatcher>,
    pub profile: Profile,
}

/// Everything the CLI takes from `yasno.toml`.
pub struct Settings {
    /// Paths in the config are relative to this directory.
    pub root: PathBuf,
    pub config: Config,
    pub overrides: Vec<ProfileOverride>,
    ignore: Option<Gitignore>,
}

impl Settings {
    /// No config file: defaults, rooted at `cwd`.
    pub fn defaults(cwd: &Path) -> Settings {
        Settings { root: cwd.to_path_buf(), config: Config::default(), overrides: Vec::new(), ignore: None }
    }

    /// `explicit` or the nearest `yasno.toml` from `cwd` upwards; defaults when none.
    pub fn load(explicit: Option<&Path>, discover: bool, cwd: &Path) -> Result<Settings, SettingsError> {
        let path = match explicit {
            Some(p) => Some(cwd.join(p)),
            None if discover => find_upwards(cwd),
            None => None,
        };
        match path {
            Some(p) => Settings::from_file(&p),
            None => Ok(Settings::defaults(cwd)),
        }
    }

    pub fn from_file(path: &Path) -> Result<Settings, SettingsError> {
        let err =
            |line: Option<usize>, message: String| SettingsError { path: path.to_path_buf(), line, message };
        let text = std::fs::read(path).map_err(|e| err(None, format!("cannot read: {e}")))?;
        let text = String::from_utf8(text)
            .map_err(|e| err(None, format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to())))?;
        let root = absolute(path.parent().unwrap_or(Path::new(".")));
        let lines = LineIndex::new(&text);
        let line_of = |span: Range<usize>| lines.line_col(&text, span.start.min(text.len())).0;
        let file: File = toml::from_str(&text).map_err(|e| {
            let line = e.span().map(&line_of);
            err(line, e.message().trim().to_string())
        })?;

        let mut config = Config {
            profile: file.profile.as_ref().map(|p| *p.get_ref()).unwrap_or_default(),
            allowed_abbreviations: file.allowed_abbreviations,
            no_builtin_dictionaries: file.no_builtin_dictionaries,
            ..Config::default()
        };

        let docs = yasno::rule_docs();
        for (key, table) in &file.rules {
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
                        format!(
                            "rules.{key}.{name}: expected {expected}, found {}",
                            describe(value.get_ref())
                        ),
                    )
                };
                match (name.as_str(), value.get_ref()) {
                    ("enabled", toml::Value::Boolean(b)) => rc.enabled = Some(*b),
                    ("enabled", _) => return Err(bad("true or false")),
                    ("severity", toml::Value::String(s)) => {
                        rc.severity = Some(
                            Severity::parse(s).ok_or_else(|| bad("\"hint\", \"warning\" or \"error\""))?,
                        )
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
                                format!(
                                    "unknown key `{option}` in [rules.{key}] (known: {})",
                                    known.join(", ")
                                ),
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
            config.rules.insert(doc.id.to_string(), rc);
        }

        for d in &file.dictionaries {
            let p = root.join(d.get_ref());
            let source = std::fs::read_to_string(&p).map_err(|e| {
                err(Some(line_of(d.span())), format!("dictionaries: cannot read {}: {e}", p.display()))
            })?;
            config.dictionaries.push(ExtraDictionary { name: d.get_ref().clone(), source });
        }

        let ignore = if file.ignore.is_empty() {
            None
        } else {
            let mut b = GitignoreBuilder::new(&root);
            for pat in &file.ignore {
                b.add_line(None, pat.get_ref()).map_err(|e| {
                    err(Some(line_of(pat.span())), format!("ignore: bad pattern `{}`: {e}", pat.get_ref()))
                })?;
            }
            Some(b.build().map_err(|e| err(None, format!("ignore: {e}")))?)
        };

        let mut overrides = Vec::new();
        for o in &file.overrides {
            let pats = match o.files.get_ref() {
                OneOrMany::One(s) => vec![s.clone()],
                OneOrMany::Many(v) => v.clone(),
            };
            let mut globs = Vec::new();
            for p in pats {
                let g = Glob::new(&p).map_err(|e| {
                    err(Some(line_of(o.files.span())), format!("override.files: bad glob `{p}`: {e}"))
                })?;
                globs.push(g.compile_matcher());
            }
            overrides.push(ProfileOverride { globs, profile: o.profile });
        }

        // The core validates the rest (dictionaries) and its errors name them.
        yasno::Checker::new(config.clone()).map_err(|e| err(None, e.to_string()))?;
        Ok(Settings { root, config, overrides, ignore })
    }

    /// `path` relative to the config's directory, with `/` separators.
    fn relative(&self, path: &Path) -> Option<String> {
        let abs = absolute(path);
        let rel = abs.strip_prefix(absolute(&self.root)).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The path relative to the config's directory (the baseline's key), or
    /// as shown when it lies outside.
    pub fn key_for(&self, path: &Path) -> String {
        self.relative(path).unwrap_or_else(|| super::inputs::display_path(path))
    }

    /// True when `ignore` in the config covers `path` (or a directory above it).
    pub fn is_ignored(&self, path: &Path, is_dir: bool) -> bool {
        let Some(gi) = &self.ignore else { return false };
        let abs = absolute(path);
        if !abs.starts_with(absolute(&self.root)) {
            return false;
        }
        gi.matched_path_or_any_parents(&abs, is_dir).is_ignore()
    }

    /// The profile for a file: the last `[[override]]` whose glob matches it
    /// (globs without `/` match the file name), else the default.
    pub fn profile_for(&self, path: &Path) -> Profile {
        let Some(rel) = self.relative(path) else { return self.config.profile };
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let mut profile = self.config.profile;
        for o in &self.overrides {
            if o.globs
                .iter()
                .any(|g| g.is_match(&rel) || (!g.glob().glob().contains('/') && g.is_match(name)))
            {
                profile = o.profile;
            }
        }
        profile
    }

    /// Every profile a file may get.
    pub fn profiles(&self) -> Vec<Profile> {
        let mut v = vec![self.config.profile];
        for o in &self.overrides {
            if !v.contains(&o.profile) {
                v.push(o.profile);
            }
        }
        v
    }
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

fn find_upwards(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        dir = d.parent();
    }
    None
}

/// An absolute, lexically normalised path (no file-system access beyond the cwd).
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
