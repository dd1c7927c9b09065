//! Helpers shared by the tests that read the real corpus.
//!
//! The corpus is never copied into the repository: it is read at test time
//! from `$YASNO_CORPUS`, else from `../shared/corpus/real` beside the crate.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The corpus directory, or `None` (with a notice on stderr) when it is missing.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("YASNO_CORPUS") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "NOTICE: corpus directory {} not found; corpus tests skipped. \
             Set YASNO_CORPUS to the directory of the real documents.",
            dir.display()
        );
        None
    }
}

/// Every `.txt` document of the corpus, sorted by file name, with its text.
pub fn corpus_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, text)
        })
        .collect();
    files.sort();
    files
}
