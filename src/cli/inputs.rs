//! Turning the command line's FILES into a list of inputs: files as given,
//! directories walked recursively (honouring `.gitignore`), globs expanded,
//! `-` for standard input; paths in `ignore` of `yasno.toml` skipped.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::GlobBuilder;
use ignore::WalkBuilder;
use yasno::formats::Format;

use super::settings::{absolute, Settings};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, with the name that picks its format.
    Stdin {
        name: String,
    },
}

impl Input {
    /// The name shown in reports (`/` separators, no leading `./`).
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => display_path(p),
            Input::Stdin { name } => name.clone(),
        }
    }
}

pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

/// An argument that named nothing to check.
#[derive(Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn walker(dir: &Path) -> WalkBuilder {
    let mut w = WalkBuilder::new(dir);
    // .gitignore counts even outside a git checkout; hidden files are skipped.
    w.require_git(false).sort_by_file_name(|a, b| a.cmp(b));
    w
}

/// Expands the arguments. Errors (a missing path, a glob matching nothing) are
/// returned separately so that everything else is still checked.
pub fn collect(
    args: &[String],
    stdin_name: Option<&str>,
    settings: &Settings,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |inputs: &mut Vec<Input>, p: PathBuf| {
        if seen.insert(absolute(&p)) {
            inputs.push(Input::File(p));
        }
    };
    let args: Vec<String> = if args.is_empty() { vec!["-".into()] } else { args.to_vec() };
    let mut stdin_used = false;
    for arg in &args {
        if arg == "-" {
            if !stdin_used {
                stdin_used = true;
                inputs.push(Input::Stdin { name: stdin_name.unwrap_or("<stdin>").to_string() });
            }
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            if settings.is_ignored(&path, true) {
                continue;
            }
            let mut found = Vec::new();
            let walk = walker(&path).build();
            for entry in walk {
                match entry {
                    Ok(e) => {
                        let p = e.path();
                        let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                        if is_dir || Format::from_file_name(&p.to_string_lossy()).is_none() {
                            continue;
                        }
                        if !settings.is_ignored(p, false) {
                            found.push(p.to_path_buf());
                        }
                    }
                    Err(e) => errors.push(InputError { path: arg.clone(), message: e.to_string() }),
                }
            }
            for p in found {
                add(&mut inputs, p);
            }
        } else if path.exists() || !is_glob(arg) {
            if !path.exists() {
                errors.push(InputError {
                    path: display_path(&path),
                    message: "no such file or directory".into(),
                });
            } else if !settings.is_ignored(&path, false) {
                add(&mut inputs, path);
            }
        } else {
            match expand_glob(arg, settings) {
                Ok(v) if v.is_empty() => errors
                    .push(InputError { path: arg.clone(), message: "the pattern matches no file".into() }),
                Ok(v) => {
                    for p in v {
                        add(&mut inputs, p);
                    }
                }
                Err(message) => errors.push(InputError { path: arg.clone(), message }),
            }
        }
    }
    (inputs, errors)
}

/// Files matching `pattern` (`**` crosses directories, `*` does not), found by
/// walking from the pattern's longest literal directory.
fn expand_glob(pattern: &str, settings: &Settings) -> Result<Vec<PathBuf>, String> {
    let pattern = pattern.replace('\\', "/");
    let literal: Vec<&str> = pattern.split('/').take_while(|c| !is_glob(c)).collect();
    let base = if literal.is_empty() { ".".to_string() } else { literal.join("/") };
    let base = if base.is_empty() { "/".to_string() } else { base };
    let glob = GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| e.to_string())?
        .compile_matcher();
    let mut out = Vec::new();
    if !Path::new(&base).is_dir() {
        return Ok(out);
    }
    for e in walker(Path::new(&base)).build().flatten() {
        if e.file_type().is_some_and(|t| t.is_dir()) {
            continue;
        }
        let p = e.path();
        // Walking from "." yields "./a/b"; the pattern is "a/b".
        let shown = if literal.is_empty() { display_path(p) } else { p.to_string_lossy().replace('\\', "/") };
        if glob.is_match(&shown) && !settings.is_ignored(p, false) {
            out.push(p.to_path_buf());
        }
    }
    Ok(out)
}
