//! Embeds every `dictionaries/*.toml` into the binary, so that adding a
//! dictionary file (or an entry to one) needs no code change.
//!
//! Two forms are generated: `BUILTIN`, the TOML text as written (the tests
//! read its examples), and `BUILTIN_COMPACT`, the same dictionaries as JSON
//! without the example sentences, which is what a checker compiles at run
//! time: JSON parses several times faster than TOML and the examples are not
//! needed to check a text (this matters most for the WebAssembly module,
//! which ships only the compact form).
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("dictionaries");
    let out_dir = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("dictionaries/ must exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut toml_list = String::new();
    let mut compact_list = String::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        toml_list.push_str(&format!("    ({name:?}, include_str!({:?})),\n", f.display().to_string()));
        let src = fs::read_to_string(f).unwrap();
        // A file that does not parse is embedded as it is: the checker then
        // reports the TOML error with the file's name, as for any dictionary.
        let compact = match src.parse::<toml::Table>() {
            Ok(mut table) => {
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
    let out = format!(
        "/// Built-in dictionaries: (file name, TOML text).\npub static BUILTIN: &[(&str, &str)] = &[\n{toml_list}];\n\n\
         /// Built-in dictionaries as compiled at run time: (file name, JSON without the\n\
         /// examples; the TOML text if it does not parse).\n\
         static BUILTIN_COMPACT: &[(&str, &str)] = &[\n{compact_list}];\n"
    );
    fs::write(Path::new(&out_dir).join("dictionaries.rs"), out).unwrap();
}
