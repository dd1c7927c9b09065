//! Every example sentence of every built-in dictionary entry is a test: the
//! phrase is found by the entry's rule, and for entries with an edit,
//! applying it yields exactly the entry's `good` sentence — or, for an
//! example marked `edit = false`, the finding carries no edit at all.

use yasno::dict::{DictFile, BUILTIN};
use yasno::{apply_edits, Checker, Config};

#[test]
fn every_dictionary_example_is_found_and_fixed() {
    let checker = Checker::new(Config::default()).expect("built-in dictionaries load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, src) in BUILTIN {
        let file = DictFile::parse(src).unwrap_or_else(|e| panic!("{name}: {e}"));
        for entry in &file.entries {
            for ex in &entry.examples {
                checked += 1;
                let report = checker.check(&ex.bad);
                let hits: Vec<_> = report.findings.iter().filter(|f| f.rule == file.rule).collect();
                if hits.is_empty() {
                    failures.push(format!("{name}: «{}» not found in «{}»", entry.phrase, ex.bad));
                    continue;
                }
                if ex.edit == Some(false) {
                    if let Some(h) = hits.iter().find(|h| !h.edits.is_empty()) {
                        failures.push(format!(
                            "{name}: «{}»: no edit expected in «{}», got «{}»",
                            entry.phrase,
                            ex.bad,
                            apply_edits(&ex.bad, &h.edits)
                        ));
                    }
                } else if entry.fix || entry.verb.is_some() {
                    let good = ex.good.as_deref().unwrap();
                    if hits.iter().all(|h| h.edits.is_empty()) {
                        failures.push(format!(
                            "{name}: «{}»: no edit in «{}» (mark the example `edit = false` if that is right)",
                            entry.phrase, ex.bad
                        ));
                        continue;
                    }
                    let fixed: Vec<String> = hits.iter().map(|h| apply_edits(&ex.bad, &h.edits)).collect();
                    if !fixed.iter().any(|f| f == good) {
                        failures.push(format!(
                            "{name}: «{}»: edit gives «{}», expected «{good}»",
                            entry.phrase,
                            fixed.join("» / «")
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{} of {checked} examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn no_phrase_is_listed_twice() {
    let mut seen = std::collections::HashMap::new();
    for (name, src) in BUILTIN {
        let file = DictFile::parse(src).unwrap();
        for e in &file.entries {
            let key = yasno::text::normalize::norm_word(&e.phrase);
            if let Some(prev) = seen.insert(key.clone(), *name) {
                panic!("«{key}» is in both {prev} and {name}");
            }
        }
    }
}
