//! Inputs too large for a debug build: a 50 MB text and a `.docx` with
//! 100 000 paragraphs, through the library and the binary. They run in a
//! release build (`make test-large`, part of `make test`: `cargo test
//! --release --test large`) and are skipped as ignored in a debug build.
//! Time and memory per size are measured by `benches/scaling.rs`, not here.

#[path = "common/archive.rs"]
mod archive;
mod common;

use assert_cmd::Command;
use yasno::{Checker, Config, Report};

/// Real text (the corpus), or a generated letter when the corpus is absent.
fn unit() -> String {
    let from_corpus = common::corpus_dir().map(|d| {
        common::corpus_files(&d).into_iter().map(|(_, t)| t).take(10).collect::<Vec<_>>().join("\n\n")
    });
    from_corpus.filter(|s| !s.is_empty()).unwrap_or_else(|| {
        "Уважаемый заявитель!\n\nВаше заявление отклонено по причине отсутствия паспорта. Данный вопрос \
         будет рассмотрен в установленном порядке после представления документов в МФЦ.\n"
            .repeat(20)
    })
}

fn assert_valid(src: &str, r: &Report) {
    for f in &r.findings {
        assert!(src.is_char_boundary(f.start) && src.is_char_boundary(f.end), "{f:?}");
        assert_eq!(&src[f.start..f.end], f.text);
    }
    assert!((0.0..=10.0).contains(&r.score));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "needs a release build: make test-large")]
fn fifty_megabyte_text() {
    let unit = unit() + "\n\n";
    let copies = 50_000_000 / unit.len() + 1;
    let text = unit.repeat(copies);
    assert!(text.len() >= 50_000_000);
    let checker = Checker::new(Config::default()).unwrap();
    let one = checker.check(&unit);
    let all = checker.check(&text);
    assert_valid(&text, &all);
    // Nothing is lost or cut: every copy counts, and the findings of the
    // first copy are those of the unit alone.
    assert_eq!(all.metrics.words, one.metrics.words * copies);
    let first: Vec<_> =
        all.findings.iter().filter(|f| f.end <= unit.len()).map(|f| (&f.rule, f.start, f.end)).collect();
    let alone: Vec<_> = one.findings.iter().map(|f| (&f.rule, f.start, f.end)).collect();
    assert_eq!(first, alone);
    let last_copy = text.len() - unit.len();
    assert!(all.findings.iter().any(|f| f.start >= last_copy), "findings reach the last copy");

    // Through the binary: a 50 MB file is read, checked and reported.
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("yasno.toml"), "").unwrap();
    std::fs::write(t.path().join("big.txt"), &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yasno"))
        .current_dir(t.path())
        .args(["check", "--format", "json", "--fail-on", "never", "big.txt"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = v["files"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), all.findings.len());
    let lines = text.lines().count() as u64;
    let last_line = findings.iter().map(|f| f["line"].as_u64().unwrap()).max().unwrap();
    assert!(last_line > lines - unit.lines().count() as u64 - 2, "{last_line} of {lines}");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "needs a release build: make test-large")]
fn docx_with_100_000_paragraphs_through_the_binary() {
    let n = 100_000;
    let doc = archive::docx(
        (1..=n).map(|i| format!("Абзац {i}. Заявление отклонено по причине отсутствия паспорта.")),
    );
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("yasno.toml"), "").unwrap();
    std::fs::write(t.path().join("big.docx"), &doc).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yasno"))
        .current_dir(t.path())
        .args(["check", "--format", "json", "--fail-on", "never", "big.docx"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let f = v["files"][0]["findings"].as_array().unwrap();
    let in_paragraph = |p: u64| f.iter().filter(|x| x["paragraph"] == p && x["rule"] == "YS101").count();
    // «по причине» in every paragraph, the first and the last placed right.
    assert_eq!(f.iter().filter(|x| x["rule"] == "YS101").count(), n);
    assert_eq!((in_paragraph(1), in_paragraph(n as u64)), (1, 1));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "needs a release build: make test-large")]
fn one_megabyte_line_through_the_binary() {
    // No line break and no sentence end in 1 MB, a finding every few words,
    // emoji and combining accents on the way: every column is still counted
    // from the line start, in characters and in UTF-16 code units.
    let unit = "в связи с 😀 осуществлением прове\u{301}рки данных заявителя ";
    let text = unit.repeat(1_000_000 / unit.len() + 1);
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("yasno.toml"), "").unwrap();
    std::fs::write(t.path().join("line.txt"), &text).unwrap();
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_yasno"))
            .current_dir(t.path())
            .args(["check", "--format", format, "--fail-on", "never", "line.txt"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let v: serde_json::Value = serde_json::from_slice(&run("json")).unwrap();
    let found = v["files"][0]["findings"].as_array().unwrap();
    let ys101: Vec<_> = found.iter().filter(|f| f["rule"] == "YS101").collect();
    assert_eq!(ys101.len(), text.matches("в связи с").count());
    for f in [ys101[0], ys101[ys101.len() / 2], ys101[ys101.len() - 1]] {
        let start = f["start"].as_u64().unwrap() as usize;
        assert_eq!(f["line"], 1);
        assert_eq!(f["column"].as_u64().unwrap() as usize, text[..start].chars().count() + 1);
    }
    let sarif: serde_json::Value = serde_json::from_slice(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let last = results.iter().rfind(|r| r["ruleId"] == "YS101").unwrap();
    let region = &last["locations"][0]["physicalLocation"]["region"];
    let start = text.rfind("в связи с").unwrap();
    assert_eq!(region["startColumn"].as_u64().unwrap() as usize, text[..start].encode_utf16().count() + 1);
}
