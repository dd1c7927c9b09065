//! Every example sentence of every built-in dictionary entry is a test of
//! that very entry:
//!
//! * the matcher (`Lexicon::find`, after the longest-match choice between
//!   entries) finds *this* entry in `bad`, not merely some entry of the
//!   same rule — an example that another, longer entry swallows does not
//!   show the entry at all;
//! * the rule reports it there: a finding of the entry's rule with exactly
//!   the matched span;
//! * for an entry with an edit (`fix = true` or `verb`), applying that
//!   finding's edit to `bad` yields exactly `good` — or, for an example
//!   marked `edit = false`, the finding carries no edit;
//! * the entry does not match `good` any more: the rewrite removes it.

use yasno::dict::{DictFile, BUILTIN};
use yasno::text::Text;
use yasno::{apply_edits, Checker, Config};

#[test]
fn every_dictionary_example_is_found_by_its_own_entry_and_fixed() {
    let checker = Checker::new(Config::default()).expect("built-in dictionaries load");
    let lexicon = checker.lexicon();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, src) in BUILTIN {
        let file = DictFile::parse(src).unwrap_or_else(|e| panic!("{name}: {e}"));
        for entry in &file.entries {
            let index = lexicon
                .entries
                .iter()
                .position(|lx| lx.source == *name && lx.entry.phrase == entry.phrase)
                .unwrap_or_else(|| panic!("{name}: «{}» is not in the lexicon", entry.phrase));
            let other = |i: usize| {
                let lx = &lexicon.entries[i];
                format!("«{}» ({})", lx.entry.phrase, lx.source)
            };
            for ex in &entry.examples {
                checked += 1;
                let at = format!("{name}: «{}» in «{}»", entry.phrase, ex.bad);
                let matches = lexicon.find(&Text::new(&ex.bad));
                let Some(m) = matches.iter().find(|m| m.entry == index) else {
                    let found: Vec<String> = matches.iter().map(|m| other(m.entry)).collect();
                    failures.push(format!("{at}: not matched (matched instead: {})", found.join(", ")));
                    continue;
                };
                let report = checker.check(&ex.bad);
                let Some(f) = report
                    .findings
                    .iter()
                    .find(|f| f.rule == file.rule && f.start == m.start && f.end == m.end)
                else {
                    failures.push(format!(
                        "{at}: matched «{}» but {} reports nothing there",
                        &ex.bad[m.start..m.end],
                        file.rule
                    ));
                    continue;
                };
                if ex.edit == Some(false) {
                    if !f.edits.is_empty() {
                        failures.push(format!(
                            "{at}: no edit expected, got «{}»",
                            apply_edits(&ex.bad, &f.edits)
                        ));
                    }
                } else if entry.fix || entry.verb.is_some() {
                    let good = ex.good.as_deref().expect("entries with an edit have `good`");
                    if f.edits.is_empty() {
                        failures.push(format!(
                            "{at}: no edit (mark the example `edit = false` if that is right)"
                        ));
                    } else {
                        let fixed = apply_edits(&ex.bad, &f.edits);
                        if fixed != good {
                            failures.push(format!("{at}: the edit gives «{fixed}», expected «{good}»"));
                        }
                    }
                }
                if let Some(good) = &ex.good {
                    if let Some(m) = lexicon.find(&Text::new(good)).iter().find(|m| m.entry == index) {
                        failures.push(format!(
                            "{name}: «{}» still matches «{}» in the rewrite «{good}»",
                            entry.phrase,
                            &good[m.start..m.end]
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} examples");
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
