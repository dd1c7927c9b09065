//! The rule list in README.md and docs/rules.md are generated from the rules'
//! docs; this fails when they are stale (run `make docs`).

use std::fs;

#[test]
fn rules_reference_is_current() {
    let on_disk = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    assert!(on_disk == yasno::rules::markdown::reference(), "docs/rules.md is stale: run `make docs`");
}

#[test]
fn readme_rule_table_is_current() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&yasno::rules::markdown::table()),
        "README.md rule table is stale: run `make docs`"
    );
}

#[test]
fn every_rule_is_fully_documented() {
    let docs = yasno::rule_docs();
    let mut ids = std::collections::HashSet::new();
    for d in docs {
        assert!(ids.insert(d.id), "duplicate id {}", d.id);
        assert!(d.id.len() == 5 && d.id.starts_with("YS") && d.id[2..].chars().all(|c| c.is_ascii_digit()));
        for (field, text) in [
            ("title", d.title),
            ("what", d.what),
            ("why", d.why),
            ("bad", d.bad),
            ("good", d.good),
            ("fix", d.fix),
        ] {
            assert!(text.chars().filter(|c| c.is_alphabetic()).count() >= 3, "{}: empty `{field}`", d.id);
        }
    }
}
