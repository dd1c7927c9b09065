//! Every rule carries complete docs: README.md, docs/rules.md, `yasno explain`
//! and the web page are generated from them.

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
