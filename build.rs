//! Embeds every `dictionaries/*.toml` into the binary, so that adding a
//! dictionary file (or an entry to one) needs no code change.
//!
//! Two forms are generated: `BUILTIN`, the TOML text as written (the tests
//! read its examples), and `BUILTIN_COMPACT`, the same dictionaries as JSON
//! without the example sentences, which is what a checker compiles at run
//! time: JSON parses several times faster than TOML and the examples are not
//! needed to check a text (this matters most for the WebAssembly module,
//! which ships only the compact form).
//!
//! A third output, `BUILTIN_KEYS`, is the stems under which the compiler
//! looks for each word of the built-in phrases: the noun keys
//! (`src/dict/noun_keys.rs`) of a noun, the stems of all forms of a verb
//! or an adjective (`src/morph/conjugate.rs`, `src/morph/adjective.rs`),
//! computed by the same code as at run time, where stemming them would be
//! most of what compiling the dictionaries costs a checker. One line per
//! word: the word, a tab, `n` (noun: the keys beyond its own stem), `v`
//! (verb) or `a` (adjective), a tab, the keys space-separated, each as the
//! number of letters it shares with the start of the word followed by the
//! rest of it («проводить», «провож» → `5ж`), a tab, and the word's own
//! stem, encoded the same way (the compiler's tokens of a phrase made of
//! such words need no stemmer).
use std::{collections::BTreeMap, env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/morph/adjective.rs"]
mod adjective;
#[allow(dead_code)]
#[path = "src/morph/conjugate.rs"]
mod conjugate;
#[path = "src/dict/noun_keys.rs"]
mod noun_keys;

/// As `yasno::morph::stem_word` (a test compares the two on every word).
fn stem_word(stemmer: &rust_stemmers::Stemmer, norm: &str) -> String {
    if norm.chars().count() <= 2 || !norm.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return norm.to_string();
    }
    stemmer.stem(norm).into_owned()
}

/// `key` as the number of letters it shares with the start of `word`, then
/// the rest of it.
fn encode_key(word: &str, key: &str) -> String {
    let shared = word.chars().zip(key.chars()).take_while(|(a, b)| a == b).count();
    let rest: String = key.chars().skip(shared).collect();
    format!("{shared}{rest}")
}

/// The keys of the words of `table`'s phrases, as the compiler finds them:
/// words as the tokenizer would normalise them when they are plain
/// (Cyrillic letters and hyphens); other words are left to the run time.
fn keys_of(table: &toml::Table, stemmer: &rust_stemmers::Stemmer, out: &mut BTreeMap<String, String>) {
    let Some(toml::Value::Array(entries)) = table.get("entry") else { return };
    for e in entries {
        let phrase = e.get("phrase").into_iter();
        let forms = e.get("forms").and_then(|f| f.as_array()).into_iter().flatten();
        for p in phrase.chain(forms).filter_map(|v| v.as_str()) {
            for w in p.split_whitespace() {
                let w = w.to_lowercase().replace('ё', "е");
                let plain = w.chars().all(|c| c == '-' || ('а'..='я').contains(&c));
                if !plain || w.chars().count() < 3 || out.contains_key(&w) {
                    continue;
                }
                let (kind, keys) = if let Some(forms) = conjugate::matching_forms(&w) {
                    ("v", forms_keys(&forms, stemmer))
                } else if let Some(forms) = adjective::matching_forms(&w) {
                    ("a", forms_keys(&forms, stemmer))
                } else {
                    let mut keys =
                        noun_keys::noun_keys(&w, stem_word(stemmer, &w), |x| stem_word(stemmer, x));
                    keys.remove(0);
                    ("n", keys)
                };
                let keys: Vec<String> = keys.iter().map(|k| encode_key(&w, k)).collect();
                let stem = encode_key(&w, &stem_word(stemmer, &w));
                let line = format!("{kind}\t{}\t{stem}", keys.join(" "));
                out.insert(w, line);
            }
        }
    }
}

/// The stems of `forms`, sorted, without repeats.
fn forms_keys(forms: &[String], stemmer: &rust_stemmers::Stemmer) -> Vec<String> {
    let mut keys: Vec<String> = forms.iter().map(|f| stem_word(stemmer, f)).collect();
    keys.sort();
    keys.dedup();
    keys
}

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("dictionaries");
    let out_dir = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed={}", dir.display());
    for f in ["build.rs", "src/dict/noun_keys.rs", "src/morph/adjective.rs", "src/morph/conjugate.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("dictionaries/ must exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut toml_list = String::new();
    let mut compact_list = String::new();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    let mut keys = BTreeMap::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        toml_list.push_str(&format!("    ({name:?}, include_str!({:?})),\n", f.display().to_string()));
        let src = fs::read_to_string(f).unwrap();
        // A file that does not parse is embedded as it is: the checker then
        // reports the TOML error with the file's name, as for any dictionary.
        let compact = match src.parse::<toml::Table>() {
            Ok(mut table) => {
                keys_of(&table, &stemmer, &mut keys);
                if let Some(toml::Value::Array(entries)) = table.get_mut("entry") {
                    for e in entries.iter_mut() {
                        if let toml::Value::Table(t) = e {
                            t.remove("examples");
                        }
                    }
                }
                serde_json::to_string(&table).unwrap()
            }
            Err(_) => src,
        };
        let path = Path::new(&out_dir).join(format!("{name}.json"));
        fs::write(&path, compact).unwrap();
        compact_list.push_str(&format!("    ({name:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    let keys: String = keys.iter().map(|(w, k)| format!("{w}\t{k}\n")).collect();
    let keys_path = Path::new(&out_dir).join("keys.txt");
    fs::write(&keys_path, keys).unwrap();
    let out = format!(
        "/// Built-in dictionaries: (file name, TOML text).\npub static BUILTIN: &[(&str, &str)] = &[\n{toml_list}];\n\n\
         /// Built-in dictionaries as compiled at run time: (file name, JSON without the\n\
         /// examples; the TOML text if it does not parse).\n\
         static BUILTIN_COMPACT: &[(&str, &str)] = &[\n{compact_list}];\n\n\
         /// The keys of the words of the built-in phrases (see build.rs).\n\
         static BUILTIN_KEYS: &str = include_str!({:?});\n",
        keys_path.display().to_string()
    );
    fs::write(Path::new(&out_dir).join("dictionaries.rs"), out).unwrap();
}
