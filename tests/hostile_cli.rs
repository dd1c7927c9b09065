//! Hostile files through the `yasno` binary: legacy encodings, UTF-16,
//! binary files, empty files; one bad file never hides the others'
//! findings; the JSON and SARIF output are byte-identical whatever the
//! number of threads.

#[path = "common/archive.rs"]
mod archive;

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

#[path = "common/cli.rs"]
mod cli_helpers;
use cli_helpers::{write, yasno};

fn project() -> TempDir {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "yasno.toml", b"# defaults\n");
    t
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

fn errors(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_string(), e["message"].as_str().unwrap().to_string()))
        .collect()
}

/// (rule, text, line, column) of every finding of the file at `i`.
fn placed(v: &Value, i: usize) -> Vec<(String, String, u64, u64)> {
    v["files"][i]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["text"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

const LETTER: &str = "Уважаемый заявитель!\n\nВаше заявление отклонено по причине отсутствия паспорта. \
                      Данный вопрос будет рассмотрен в установленном порядке после представления \
                      документов.\n";

fn encode(enc: &'static encoding_rs::Encoding, s: &str) -> Vec<u8> {
    let (b, _, unmappable) = enc.encode(s);
    assert!(!unmappable);
    b.into_owned()
}

#[test]
fn legacy_encodings_are_named_and_the_other_files_checked() {
    let t = project();
    write(t.path(), "a.txt", LETTER.as_bytes());
    write(t.path(), "b.txt", &encode(encoding_rs::WINDOWS_1251, LETTER));
    write(t.path(), "c.md", &encode(encoding_rs::KOI8_R, LETTER));
    let out = yasno(t.path()).args(["check", "--format", "json", "a.txt", "b.txt", "c.md"]).assert().code(2);
    let v = json(&out.get_output().stdout);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["files"][0]["path"], "a.txt");
    assert!(!placed(&v, 0).is_empty());
    let e = errors(&v);
    assert_eq!(e[0].0, "b.txt");
    assert!(e[0].1.starts_with("not valid UTF-8 at byte 0; the file looks like Windows-1251"), "{}", e[0].1);
    assert!(e[0].1.contains("--encoding cp1251"));
    assert_eq!(e[1].0, "c.md");
    assert!(e[1].1.contains("KOI8-R") && e[1].1.contains("--encoding koi8-u"), "{}", e[1].1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("b.txt: not valid UTF-8 at byte 0; the file looks like Windows-1251"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_names_the_file_and_byte_and_the_others_are_checked() {
    let t = project();
    write(t.path(), "a.txt", LETTER.as_bytes());
    // A UTF-8 letter with one broken byte after «Уважаемый заявитель!\n\n».
    let at = LETTER.find("Ваше").unwrap();
    let mut broken = LETTER.as_bytes().to_vec();
    broken.insert(at, 0xC0);
    write(t.path(), "broken.txt", &broken);
    // The same through a byte order mark: the offset is still the file's.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&broken);
    write(t.path(), "bom.md", &bom);
    write(t.path(), "z.txt", LETTER.as_bytes());
    let out = yasno(t.path())
        .args(["check", "--format", "json", "a.txt", "broken.txt", "bom.md", "z.txt"])
        .assert()
        .code(2);
    let v = json(&out.get_output().stdout);
    let paths: Vec<_> = v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["a.txt", "z.txt"]);
    assert_eq!(placed(&v, 0), placed(&v, 1));
    assert!(!placed(&v, 1).is_empty());
    assert_eq!(
        errors(&v),
        [
            ("broken.txt".into(), format!("not valid UTF-8 at byte {at}")),
            ("bom.md".into(), format!("not valid UTF-8 at byte {}", at + 3)),
        ]
    );
    // The text output names them too, on standard error.
    let out = yasno(t.path()).args(["check", "broken.txt", "z.txt"]).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains(&format!("broken.txt: not valid UTF-8 at byte {at}")), "{stderr}");
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("z.txt:"), "{stdout}");
    // Standard input: named by --stdin-filename.
    let out = yasno(t.path())
        .args(["check", "--format", "json", "--stdin-filename", "письмо.txt", "-"])
        .write_stdin(broken)
        .assert()
        .code(2);
    let v = json(&out.get_output().stdout);
    assert_eq!(errors(&v), [("письмо.txt".into(), format!("not valid UTF-8 at byte {at}"))]);
}

#[test]
fn a_legacy_encoding_is_a_fallback_in_a_mixed_folder() {
    // Old letters in Windows-1251 beside new ones in UTF-8: one
    // `--encoding cp1251` checks both alike and fixes each in its encoding.
    let t = project();
    write(t.path(), "new.txt", LETTER.as_bytes());
    write(t.path(), "old.txt", &encode(encoding_rs::WINDOWS_1251, LETTER));
    let v = json(
        &yasno(t.path())
            .args([
                "check",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--encoding",
                "cp1251",
                "new.txt",
                "old.txt",
            ])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert!(errors(&v).is_empty(), "{v}");
    assert_eq!(placed(&v, 0), placed(&v, 1));
    yasno(t.path())
        .args(["check", "--fix", "--fail-on", "never", "--encoding", "cp1251", "new.txt", "old.txt"])
        .assert()
        .success();
    let new = std::fs::read_to_string(t.path().join("new.txt")).expect("still UTF-8");
    let old_bytes = std::fs::read(t.path().join("old.txt")).unwrap();
    let (old, _, bad) = encoding_rs::WINDOWS_1251.decode(&old_bytes);
    assert!(!bad);
    assert!(new.contains("из-за отсутствия паспорта"), "{new}");
    assert_eq!(old, new);
}

#[test]
fn encoding_option_decodes_and_places_findings_as_in_utf8() {
    let t = project();
    write(t.path(), "utf8.txt", LETTER.as_bytes());
    write(t.path(), "cp.txt", &encode(encoding_rs::WINDOWS_1251, LETTER));
    let run = |args: &[&str]| json(&yasno(t.path()).args(args).assert().success().get_output().stdout);
    let want = run(&["check", "--format", "json", "--fail-on", "never", "utf8.txt"]);
    let got = run(&["check", "--format", "json", "--fail-on", "never", "--encoding", "cp1251", "cp.txt"]);
    assert!(placed(&want, 0).len() >= 3);
    assert_eq!(placed(&got, 0), placed(&want, 0));
    // An unknown encoding is a usage error.
    yasno(t.path()).args(["check", "--encoding", "martian", "cp.txt"]).assert().code(2);
}

#[test]
fn fixes_keep_the_files_encoding() {
    let t = project();
    write(t.path(), "cp.txt", &encode(encoding_rs::WINDOWS_1251, LETTER));
    yasno(t.path())
        .args(["check", "--fix", "--fail-on", "never", "--encoding", "windows-1251", "cp.txt"])
        .assert()
        .success();
    let bytes = std::fs::read(t.path().join("cp.txt")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "still Windows-1251");
    let (text, _, bad) = encoding_rs::WINDOWS_1251.decode(&bytes);
    assert!(!bad);
    assert!(text.contains("отклонено из-за отсутствия паспорта"), "{text}");
}

#[test]
fn binary_files_nul_bytes_and_utf16_are_named_and_the_rest_checked() {
    let t = project();
    write(t.path(), "a.txt", LETTER.as_bytes());
    write(t.path(), "logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let mut nul = LETTER.as_bytes().to_vec();
    nul.insert(10, 0);
    write(t.path(), "nul.txt", &nul);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(LETTER.encode_utf16().flat_map(u16::to_le_bytes));
    write(t.path(), "utf16.txt", &utf16);
    let out = yasno(t.path())
        .args(["check", "--format", "json", "a.txt", "logo.png", "nul.txt", "utf16.txt"])
        .assert()
        .code(2);
    let v = json(&out.get_output().stdout);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert!(!placed(&v, 0).is_empty());
    let e = errors(&v);
    assert_eq!(e[0], ("logo.png".into(), "binary file (NUL byte at byte 8), not checked".into()));
    assert_eq!(e[1], ("nul.txt".into(), "binary file (NUL byte at byte 10), not checked".into()));
    assert_eq!(e[2].0, "utf16.txt");
    assert!(e[2].1.contains("UTF-16") && e[2].1.contains("--encoding utf-16le"), "{}", e[2].1);
    // Decoded as asked, it has the findings of the UTF-8 letter.
    let v = json(
        &yasno(t.path())
            .args(["check", "--format", "json", "--fail-on", "never", "--encoding", "utf-16le", "utf16.txt"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let rules: Vec<_> = placed(&v, 0).into_iter().map(|f| f.0).collect();
    assert!(rules.contains(&"YS101".to_string()), "{rules:?}");
}

#[test]
fn empty_and_whitespace_only_files() {
    let t = project();
    for (name, body) in
        [("empty.txt", ""), ("blank.md", " \n\n\t\n"), ("empty.html", ""), ("bom.txt", "\u{feff}")]
    {
        write(t.path(), name, body.as_bytes());
    }
    let v = json(
        &yasno(t.path())
            .args(["check", "--format", "json", "empty.txt", "blank.md", "empty.html", "bom.txt"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    for f in files {
        assert_eq!(f["findings"].as_array().unwrap().len(), 0, "{f}");
        assert_eq!(f["score"], 10.0);
    }
}

#[test]
fn a_too_large_document_is_an_error_and_the_rest_is_checked() {
    let t = project();
    write(t.path(), "a.txt", LETTER.as_bytes());
    let data = archive::deflate_repeated(b"<w:p/>", 1 << 30);
    write(
        t.path(),
        "bomb.docx",
        &archive::zip_raw("word/document.xml", &data, archive::repeated_len(b"<w:p/>", 1 << 30)),
    );
    let v =
        json(&yasno(t.path()).args(["check", "--format", "json", "."]).assert().code(2).get_output().stdout);
    assert_eq!(v["files"][0]["path"], "a.txt");
    let e = errors(&v);
    assert_eq!(e[0].0, "bomb.docx");
    assert!(e[0].1.starts_with("too large to check: word/document.xml is 1024.0 MiB"), "{}", e[0].1);
}

/// Files of every format (and one unreadable), the real corpus when present.
fn mixed_project() -> TempDir {
    let t = project();
    let corpus = std::env::var("YASNO_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"));
    if let Ok(rd) = std::fs::read_dir(&corpus) {
        std::fs::create_dir_all(t.path().join("corpus")).unwrap();
        for p in rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            std::fs::copy(&p, t.path().join("corpus").join(p.file_name().unwrap())).unwrap();
        }
    }
    for i in 0..30 {
        let body = format!("Письмо {i}. {LETTER}");
        write(t.path(), &format!("gen/{i:02}.txt"), body.as_bytes());
        write(t.path(), &format!("gen/{i:02}.md"), format!("# Ответ {i}\n\n{body}").as_bytes());
        write(t.path(), &format!("gen/{i:02}.html"), format!("<h1>Ответ</h1><p>{body}</p>").as_bytes());
        write(t.path(), &format!("gen/{i:02}.docx"), &archive::docx(body.lines().map(String::from)));
    }
    write(t.path(), "gen/broken.txt", &encode(encoding_rs::WINDOWS_1251, LETTER));
    t
}

#[test]
fn output_is_byte_identical_in_any_thread_count() {
    let t = mixed_project();
    // Each run checks the whole corpus (a debug build): JSON in three thread
    // counts, SARIF in two.
    for (format, others) in [("json", &["4", "2"][..]), ("sarif", &["4"][..])] {
        let run = |threads: &str| {
            yasno(t.path())
                .env("RAYON_NUM_THREADS", threads)
                .args(["check", "--format", format, "--fail-on", "never", "."])
                .assert()
                .code(2) // the broken file
                .get_output()
                .stdout
                .clone()
        };
        let one = run("1");
        assert!(one.len() > 10_000, "{format}: {} bytes", one.len());
        for &threads in others {
            assert!(run(threads) == one, "{format} with {threads} threads differs from one thread");
        }
    }
}
