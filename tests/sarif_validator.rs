//! `yasno check --format sarif` through Microsoft's SARIF validator
//! (`@microsoft/sarif-multitool`, an npm devDependency). Needs `npm ci`, so
//! it is ignored by plain `cargo test`; `make test-sarif` runs it.

use std::io::{Cursor, Write};
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, name: &str, body: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, body).unwrap();
}

fn docx(text: &str) -> Vec<u8> {
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("word/document.xml", opts).unwrap();
    w.write_all(doc.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
#[ignore = "needs node_modules with @microsoft/sarif-multitool: run `make test-sarif`"]
fn sarif_passes_the_microsoft_validator() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = tempfile::tempdir().unwrap();
    let refusal =
        "Уважаемый [ФИО]!\n\nВаше заявление отклонено по причине отсутствия паспорта. 😀 В связи с этим \
                   сообщаем, что в настоящее время данная услуга в установленном порядке не оказывается.\n";
    write(t.path(), "letters/отказ 1.txt", refusal.as_bytes());
    write(t.path(), "letters/b.md", format!("# Отказ\n\n{refusal}").as_bytes());
    write(t.path(), "letters/c.html", format!("<p>{refusal}</p>").as_bytes());
    write(t.path(), "letters/d.docx", &docx(refusal.trim()));
    write(t.path(), "letters/broken.txt", b"\xff");
    let out = Command::new(env!("CARGO_BIN_EXE_yasno"))
        .current_dir(t.path())
        .args(["check", "--no-config", "--format", "sarif", "letters"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "an unreadable file is an input error");
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(log["runs"][0]["results"].as_array().unwrap().len() >= 12);
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], false);
    let sarif = t.path().join("yasno.sarif");
    std::fs::write(&sarif, &out.stdout).unwrap();

    let problems = validate(root, &sarif);
    println!("validator: {} findings\n{}", problems.len(), problems.join("\n"));
    let errors: Vec<&String> = problems.iter().filter(|p| p.starts_with("error")).collect();
    assert!(errors.is_empty(), "SARIF errors:\n{errors:#?}");

    // The harness itself can fail: a region with line 0 is an error.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    let bad = t.path().join("broken.sarif");
    std::fs::write(&bad, serde_json::to_vec(&broken).unwrap()).unwrap();
    assert!(validate(root, &bad).iter().any(|p| p.starts_with("error")));
}

/// The validator's findings, as `level ruleId: message`.
fn validate(root: &Path, sarif: &Path) -> Vec<String> {
    let verdict = sarif.with_extension("validation.sarif");
    let run = Command::new("npx")
        .current_dir(root)
        .args(["--no-install", "sarif-multitool", "validate"])
        .arg(sarif)
        .arg("--output")
        .arg(&verdict)
        .output()
        .expect("npx");
    assert!(
        verdict.exists(),
        "the validator did not run: {}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&verdict).unwrap()).unwrap();
    v["runs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["results"].as_array().cloned().unwrap_or_default())
        .map(|r| {
            format!(
                "{} {}: {}",
                r["level"].as_str().unwrap_or("warning"),
                r["ruleId"].as_str().unwrap_or("?"),
                r["message"]["text"].as_str().unwrap_or("")
            )
        })
        .collect()
}
