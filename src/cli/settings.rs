//! `yasno.toml`: found from the current directory upwards (or given with
//! `--config`), turned into a [`yasno::Config`] plus what only the CLI needs
//! (ignored paths, a profile per glob). Every error names the key and line.
//! The text is parsed by the library ([`yasno::config::file`]); here are the
//! files and globs.

use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use yasno::config::file::FILE_NAME;
use yasno::config::{ExtraDictionary, Profile};
use yasno::Config;

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
        let file = yasno::config::file::parse(&text).map_err(|e| err(e.line, e.message))?;
        let mut config = file.config;

        for d in &file.dictionaries {
            let p = root.join(&d.value);
            let source = std::fs::read_to_string(&p)
                .map_err(|e| err(Some(d.line), format!("dictionaries: cannot read {}: {e}", p.display())))?;
            config.dictionaries.push(ExtraDictionary { name: d.value.clone(), source });
        }

        let ignore = if file.ignore.is_empty() {
            None
        } else {
            let mut b = GitignoreBuilder::new(&root);
            for pat in &file.ignore {
                b.add_line(None, &pat.value)
                    .map_err(|e| err(Some(pat.line), format!("ignore: bad pattern `{}`: {e}", pat.value)))?;
            }
            Some(b.build().map_err(|e| err(None, format!("ignore: {e}")))?)
        };

        let mut overrides = Vec::new();
        for o in &file.overrides {
            let mut globs = Vec::new();
            for p in &o.files {
                let g = Glob::new(p)
                    .map_err(|e| err(Some(o.line), format!("override.files: bad glob `{p}`: {e}")))?;
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
