//! Document kinds detected on the real corpus (`YASNO_CORPUS`, or
//! `../shared/corpus/real` next to the repository): answers to appeals are
//! letters, even those that turn a proposal down; refusal forms are
//! refusals with their checklist; other notices and court acts are notices.
//! Skipped, with a notice, when the corpus is absent.

use std::path::PathBuf;

use yasno::{Checker, Config, DocKind};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var("YASNO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"));
    dir.is_dir().then_some(dir)
}

fn read(dir: &std::path::Path, prefix: &str) -> String {
    let entry = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no corpus file {prefix}-*"));
    std::fs::read_to_string(entry.path()).unwrap()
}

#[test]
fn detected_kinds_on_the_real_corpus() {
    let Some(dir) = corpus() else {
        eprintln!("corpus not found (set YASNO_CORPUS): skipping detected_kinds_on_the_real_corpus");
        return;
    };
    let checker = Checker::new(Config::default()).unwrap();
    let expect = [
        // Answers to citizens' appeals, including ones that decline a
        // proposal («не планируется», «не представляется возможной»).
        ("002", DocKind::Letter),
        ("003", DocKind::Letter),
        ("005", DocKind::Letter),
        ("006", DocKind::Letter),
        ("011", DocKind::Letter),
        ("016", DocKind::Letter),
        ("020", DocKind::Letter),
        // Refusal forms.
        ("021", DocKind::Refusal),
        ("022", DocKind::Refusal),
        ("024", DocKind::Refusal),
        ("026", DocKind::Refusal),
        ("027", DocKind::Refusal),
        ("031", DocKind::Refusal),
        // Other notices that mention a refusal in passing.
        ("032", DocKind::Notice),
        ("033", DocKind::Notice),
        ("034", DocKind::Notice),
        ("036", DocKind::Notice),
        ("037", DocKind::Notice),
        ("043", DocKind::Notice),
        // A court act that quashes and sends back is not a refusal; one that
        // leaves the appeal unsatisfied is.
        ("050", DocKind::Notice),
        ("051", DocKind::Notice),
        ("053", DocKind::Refusal),
    ];
    let mut wrong = Vec::new();
    for (prefix, kind) in expect {
        let report = checker.check(&read(&dir, prefix));
        if report.document.kind != kind {
            wrong.push(format!("{prefix}: expected {kind:?}, got {:?}", report.document.kind));
        }
        let has_checklist = !report.document.checklist.is_empty();
        if has_checklist != (kind == DocKind::Refusal) {
            wrong.push(format!("{prefix}: checklist {has_checklist} for {kind:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn refusal_forms_lack_appeal_and_contacts() {
    let Some(dir) = corpus() else {
        eprintln!("corpus not found (set YASNO_CORPUS): skipping refusal_forms_lack_appeal_and_contacts");
        return;
    };
    let checker = Checker::new(Config::default()).unwrap();
    // 022 gives a reason field and advice but no appeal, deadline or contacts.
    let report = checker.check(&read(&dir, "022"));
    let present: Vec<(&str, bool)> =
        report.document.checklist.iter().map(|c| (c.key.as_str(), c.present)).collect();
    assert_eq!(
        present,
        [
            ("decision", true),
            ("reason", true),
            ("next_step", true),
            ("deadline", false),
            ("appeal", false),
            ("contacts", false)
        ]
    );
    let rules: Vec<&str> =
        report.findings.iter().map(|f| f.rule.as_str()).filter(|r| r.starts_with("YS31")).collect();
    assert_eq!(rules, ["YS313", "YS314", "YS315"]);
    // 049 (a court ruling with a fine) says where and by when to appeal.
    let report = checker.check(&read(&dir, "049"));
    assert_eq!(report.document.kind, DocKind::Notice);
}
