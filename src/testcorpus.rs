//! The real documents for tests: the `.txt` files of `$YASNO_CORPUS`, or of
//! `../shared/corpus/real/` beside the repository. Empty when neither is
//! there (the tests still run their own texts).

pub fn documents() -> Vec<String> {
    let dir = std::env::var("YASNO_CORPUS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/real").to_string());
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}
