//! The `yasno` binary, run as CI runs it: inputs and formats, output
//! formats, config, inline control, baseline, fixes and exit codes.

use std::io::{Cursor, Write};
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

#[path = "common/cli.rs"]
mod cli_helpers;
use cli_helpers::{write, yasno};

/// A project directory with a yasno.toml (so no config above it is found).
/// The fixtures exercise the CLI with the jargon rules; the syntax and layout
/// rules YS120–YS125, YS203–YS205 (tested in `src/rules/`) are switched off so
/// that they do not add findings.
fn project() -> TempDir {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "yasno.toml", DEFAULT_CONFIG.as_bytes());
    t
}

const DEFAULT_CONFIG: &str = "# defaults\n[rules.YS120]\nenabled = false\n[rules.YS121]\nenabled = false\n[rules.YS122]\nenabled = false\n[rules.YS123]\nenabled = false\n[rules.YS124]\nenabled = false\n[rules.YS125]\nenabled = false\n[rules.YS203]\nenabled = false\n[rules.YS204]\nenabled = false\n[rules.YS205]\nenabled = false\n";

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

fn findings(v: &Value) -> Vec<(String, String, String)> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["findings"].as_array().unwrap().iter().map(move |x| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    x["rule"].as_str().unwrap().to_string(),
                    x["text"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

/// A zip archive with the given parts, as Word and LibreOffice write them.
fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            if p.is_empty() {
                "<w:p/>".to_string()
            } else {
                // Split each paragraph into two runs, as Word does.
                let cut = p.char_indices().nth(p.chars().count() / 2).map_or(0, |(i, _)| i);
                format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    &p[..cut],
                    &p[cut..]
                )
            }
        })
        .collect();
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip_parts(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", &doc),
    ])
}

fn odt(paragraphs: &[&str]) -> Vec<u8> {
    let body: String =
        paragraphs.iter().map(|p| format!("<text:p text:style-name=\"P1\">{p}</text:p>")).collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip_parts(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", &content)])
}

const REFUSAL: &str = "Уважаемый заявитель!\n\nВаше заявление отклонено по причине отсутствия паспорта.\n";

// ---------------------------------------------------------------- output

#[test]
fn text_output_lists_findings_and_a_summary() {
    let t = project();
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    write(
        t.path(),
        "bom.txt",
        format!("\u{feff}{}", REFUSAL.trim_start_matches("Уважаемый заявитель!\n\n")).as_bytes(),
    );
    let a = yasno(t.path()).args(["check", "a.txt", "bom.txt"]).assert().success();
    let out = stdout(&a);
    assert!(out.contains("bom.txt:1:26  warning"), "a byte order mark is not a column: {out}");
    assert!(out.contains("a.txt:3:26  warning  YS101  Составной предлог «по причине»  → из-за"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("Проверено файлов: 2; ошибок: 0, предупреждений: 2"), "{last}");
    assert!(last.ends_with(" с)"), "the summary gives the time: {last}");
}

#[test]
fn json_offsets_are_bytes_of_the_file() {
    let t = project();
    let md = "---\nтема: по причине\n---\n\n# Отказ\n\nЗаявление *отклонено* по причине отсутствия паспорта.\n\n```\nпо причине\n```\n";
    let html = "<html><head><style>p{}</style></head><body>\n<p>Заявление отклонено\n  по причине отсутствия&nbsp;паспорта.</p></body></html>";
    write(t.path(), "a.md", md.as_bytes());
    write(t.path(), "b.html", html.as_bytes());
    let a = yasno(t.path()).args(["check", "--format", "json", "a.md", "b.html"]).assert().success();
    let v = json(&a.get_output().stdout);
    for (i, src) in [md, html].into_iter().enumerate() {
        let f = &v["files"][i]["findings"];
        assert_eq!(f.as_array().unwrap().len(), 1, "{f}");
        let (s, e) = (f[0]["start"].as_u64().unwrap() as usize, f[0]["end"].as_u64().unwrap() as usize);
        assert_eq!(&src[s..e], "по причине");
        let line = src[..s].matches('\n').count() + 1;
        let col = src[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            (f[0]["line"].as_u64().unwrap() as usize, f[0]["column"].as_u64().unwrap() as usize),
            (line, col)
        );
        assert_eq!(f[0]["edits"][0]["replacement"], "из-за");
    }
    assert_eq!(v["summary"]["warnings"], 2);
}

#[test]
fn sarif_has_rules_with_help_column_kind_and_stable_fingerprints() {
    let t = project();
    write(t.path(), "шаблоны/отказ 1.txt", REFUSAL.as_bytes());
    let run = |t: &TempDir| {
        json(
            &yasno(t.path())
                .args(["check", "--format", "sarif", "шаблоны"])
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    let v = run(&t);
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "utf16CodeUnits");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 5);
    for r in rules {
        assert!(r["help"]["text"].as_str().unwrap().len() > 40, "{r}");
        assert!(r["help"]["markdown"].is_string());
        assert!(r["shortDescription"]["text"].is_string());
    }
    let res = &run0["results"][0];
    assert_eq!(res["ruleId"], "YS101");
    assert_eq!(rules[res["ruleIndex"].as_u64().unwrap() as usize]["id"], "YS101");
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "%D1%88%D0%B0%D0%B1%D0%BB%D0%BE%D0%BD%D1%8B/%D0%BE%D1%82%D0%BA%D0%B0%D0%B7%201.txt"
    );
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(loc["region"]["startLine"], 3);
    let fp = res["partialFingerprints"].clone();
    assert!(fp.as_object().unwrap().values().all(|x| x.as_str().unwrap().len() > 10));

    // Lines added above keep the fingerprint; another sentence does not.
    write(t.path(), "шаблоны/отказ 1.txt", format!("Новая шапка.\n\n\n{REFUSAL}").as_bytes());
    let v2 = run(&t);
    let res2 = &v2["runs"][0]["results"][0];
    assert_eq!(res2["locations"][0]["physicalLocation"]["region"]["startLine"], 6);
    assert_eq!(res2["partialFingerprints"], fp);
    write(t.path(), "шаблоны/отказ 1.txt", "Жалоба отклонена по причине пропуска срока.\n".as_bytes());
    assert_ne!(run(&t)["runs"][0]["results"][0]["partialFingerprints"], fp);
}

#[test]
fn github_annotations_are_escaped_and_summarised() {
    let t = project();
    write(t.path(), "a,b:c%.txt", REFUSAL.as_bytes());
    let a = yasno(t.path()).args(["check", "--format", "github", "a,b:c%.txt"]).assert().success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("::warning file=a%2Cb%3Ac%25.txt,line=3,col=26,endLine=3,endColumn=36,title=YS101 Составной предлог::"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("Проверено файлов: 1"));
}

#[test]
fn checkstyle_and_junit_are_well_formed_xml() {
    let t = project();
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    write(t.path(), "clean.txt", "Мы приняли ваше заявление.\n".as_bytes());
    write(t.path(), "bad.txt", b"\xff\xfe");
    for (format, must) in [
        (
            "checkstyle",
            vec!["<checkstyle", "source=\"yasno.YS101\"", "severity=\"warning\"", "source=\"yasno.input\""],
        ),
        ("junit", vec!["<testsuites", "failures=\"1\"", "errors=\"1\"", "<failure", "<error type=\"input\""]),
    ] {
        let a = yasno(t.path())
            .args(["check", "--format", format, "--fail-on", "warning", "a.txt", "clean.txt", "bad.txt"])
            .assert()
            .code(2);
        let out = stdout(&a);
        for m in must {
            assert!(out.contains(m), "{format}: {m}\n{out}");
        }
        let mut reader = quick_xml::Reader::from_str(&out);
        let mut depth = 0i32;
        loop {
            match reader.read_event().unwrap_or_else(|e| panic!("{format}: {e}\n{out}")) {
                quick_xml::events::Event::Start(_) => depth += 1,
                quick_xml::events::Event::End(_) => depth -= 1,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0, "{format}");
    }
}

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_codes() {
    let t = project();
    write(t.path(), "clean.txt", "Мы приняли ваше заявление и рассмотрим его за пять дней.\n".as_bytes());
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    yasno(t.path()).args(["check", "clean.txt"]).assert().code(0);
    // A warning passes the default --fail-on error and fails --fail-on warning.
    yasno(t.path()).args(["check", "a.txt"]).assert().code(0);
    yasno(t.path()).args(["check", "--fail-on", "warning", "a.txt"]).assert().code(1);
    yasno(t.path()).args(["check", "--fail-on", "hint", "a.txt"]).assert().code(1);
    // Usage, missing input, unknown rule.
    yasno(t.path()).args(["check", "--format", "yaml", "a.txt"]).assert().code(2);
    yasno(t.path())
        .args(["check", "missing.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    yasno(t.path()).args(["explain", "YS999"]).assert().code(2);
    yasno(t.path()).args(["check", "--dry-run", "a.txt"]).assert().code(2);
}

#[test]
fn unreadable_files_are_reported_and_the_rest_checked() {
    let t = project();
    write(t.path(), "docs/a.txt", REFUSAL.as_bytes());
    let mut bad = "Привет, ".as_bytes().to_vec();
    bad.extend_from_slice(&[0xD0, 0x28]);
    write(t.path(), "docs/b.txt", &bad);
    write(t.path(), "docs/c.docx", b"PK\x03\x04 not really a zip");
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.txt", t.path().join("docs/d.txt")).unwrap();
    write(t.path(), "docs/e.md", "Жалоба отклонена по причине пропуска срока.\n".as_bytes());
    let a = yasno(t.path()).args(["check", "--format", "json", "docs"]).assert().code(2);
    let v = json(&a.get_output().stdout);
    let paths: Vec<&str> =
        v["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["docs/a.txt", "docs/e.md"]);
    let errors = v["errors"].as_array().unwrap();
    let msg =
        |p: &str| errors.iter().find(|e| e["path"] == p).map(|e| e["message"].as_str().unwrap().to_string());
    assert_eq!(msg("docs/b.txt").unwrap(), "not valid UTF-8 at byte 14");
    assert!(msg("docs/c.docx").unwrap().contains("archive"));
    #[cfg(unix)]
    assert!(msg("docs/d.txt").is_some());
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("docs/b.txt: not valid UTF-8 at byte 14"), "{err}");
}

// ---------------------------------------------------------------- inputs and formats

#[test]
fn docx_and_odt_findings_are_placed_by_paragraph() {
    let t = project();
    let paras =
        ["Уведомление", "", "Уважаемый [ФИО]!", "Ваше заявление отклонено по причине отсутствия паспорта."];
    write(t.path(), "Письмо.docx", &docx(&paras));
    write(t.path(), "Письмо.odt", &odt(&paras));
    let a =
        yasno(t.path()).args(["check", "--format", "json", "Письмо.docx", "Письмо.odt"]).assert().success();
    let v = json(&a.get_output().stdout);
    for i in 0..2 {
        let f = &v["files"][i]["findings"][0];
        assert_eq!(f["rule"], "YS101");
        assert_eq!(f["paragraph"], 4, "empty paragraphs count: {f}");
        assert_eq!(f["line"], 4);
        assert_eq!(f["column"], "Ваше заявление отклонено ".chars().count() + 1);
    }
    assert_eq!(v["files"][0]["format"], "docx");
    assert_eq!(v["files"][1]["format"], "odt");
    // --fix never edits a .docx.
    let before = std::fs::read(t.path().join("Письмо.docx")).unwrap();
    yasno(t.path()).args(["check", "--fix", "Письмо.docx"]).assert().success();
    assert_eq!(std::fs::read(t.path().join("Письмо.docx")).unwrap(), before);
}

#[test]
fn template_syntaxes_are_masked_and_their_text_checked() {
    let t = project();
    let cases = [
        ("jinja.txt.j2", "{% if refused %}Заявление {{ number }} отклонено по причине {{ reason | default('в связи с') }}.{% endif %}{# в связи с #}"),
        ("django.html", "<p>{% comment %}в связи с{% endcomment %}Заявление {{ number }} отклонено по причине {{ reason }}.</p>"),
        ("handlebars.hbs", "{{#each items}}{{!-- в связи с --}}Заявление {{{number}}} отклонено по причине {{reason}}.{{/each}}"),
        ("go.tmpl", "{{- if .Refused -}}Заявление {{ .Number }} отклонено по причине {{/* в связи с */}}{{ .Reason }}.{{- end }}"),
        ("freemarker.ftl", "<#if refused>Заявление ${number} отклонено по причине ${reason}.</#if><#-- в связи с --><@sign who=\"в связи с\"/>"),
        ("placeholders.txt", "Уважаемый [ФИО ЗАЯВИТЕЛЯ]! Заявление от «____» отклонено по причине [ПРИЧИНА В СВЯЗИ С]."),
    ];
    for (name, body) in cases {
        write(t.path(), name, body.as_bytes());
    }
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let a = yasno(t.path()).args(["check", "--format", "json"]).args(&names).assert().success();
    let got = findings(&json(&a.get_output().stdout));
    for name in names {
        let rules: Vec<&(String, String, String)> = got.iter().filter(|f| f.0 == name).collect();
        assert_eq!(rules.len(), 1, "{name}: {got:?}");
        assert_eq!((rules[0].1.as_str(), rules[0].2.as_str()), ("YS101", "по причине"), "{name}");
    }
}

#[test]
fn directories_honour_gitignore_and_config_ignores_and_globs_expand() {
    let t = tempfile::tempdir().unwrap();
    write(t.path(), "yasno.toml", b"ignore = [\"drafts/\", \"*.old.md\"]\n");
    write(t.path(), ".gitignore", b"build/\n");
    for p in
        ["t/a.md", "t/sub/b.txt", "t/x.old.md", "drafts/c.md", "build/d.md", "t/image.png", "t/sub/e.html"]
    {
        write(t.path(), p, REFUSAL.as_bytes());
    }
    let paths = |args: &[&str]| -> Vec<String> {
        let a = yasno(t.path()).args(["check", "--format", "json"]).args(args).assert().success();
        json(&a.get_output().stdout)["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(paths(&["."]), ["t/a.md", "t/sub/b.txt", "t/sub/e.html"]);
    assert_eq!(paths(&["t/**/*.txt", "t/*.md"]), ["t/sub/b.txt", "t/a.md"]);
    // Explicit files in ignored paths are skipped too (pre-commit passes them).
    assert_eq!(paths(&["drafts/c.md", "t/a.md"]), ["t/a.md"]);
    yasno(t.path())
        .args(["check", "nothing/*.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matches no file"));
}

#[test]
fn stdin_with_a_file_name() {
    let t = project();
    let a = yasno(t.path())
        .args(["check", "--format", "json", "--stdin-filename", "notice.html", "-"])
        .write_stdin("<p>Отказано <b>по причине</b> неуплаты.</p><script>по причине</script>")
        .assert()
        .success();
    let v = json(&a.get_output().stdout);
    assert_eq!(v["files"][0]["path"], "notice.html");
    assert_eq!(v["files"][0]["format"], "html");
    assert_eq!(findings(&v).len(), 1);
    assert_eq!(v["files"][0]["findings"][0]["start"], "<p>Отказано <b>".len());
}

#[test]
fn many_files_in_parallel_come_out_in_a_fixed_order() {
    let corpus = std::env::var("YASNO_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"));
    let t = project();
    let mut n = 0;
    if let Ok(rd) = std::fs::read_dir(&corpus) {
        let mut files: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        for p in files.into_iter().take(24) {
            std::fs::copy(&p, t.path().join(p.file_name().unwrap())).unwrap();
            n += 1;
        }
    }
    if n == 0 {
        // No corpus here: the same check on generated letters.
        for i in 0..24 {
            write(t.path(), &format!("{i:02}.txt"), format!("Письмо {i}. {REFUSAL}").as_bytes());
        }
        n = 24;
    }
    let run = || {
        json(
            &yasno(t.path())
                .args(["check", "--format", "json", "--fail-on", "never", "."])
                .assert()
                .success()
                .get_output()
                .stdout,
        )
    };
    let first = run();
    let paths: Vec<String> =
        first["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(paths.len(), n);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(first["summary"]["warnings"].as_u64().unwrap() > 0);
    assert_eq!(run(), first);
}

// ---------------------------------------------------------------- config

#[test]
fn config_is_found_upwards_and_applied() {
    let t = tempfile::tempdir().unwrap();
    write(
        t.path(),
        "yasno.toml",
        b"[rules.YS101]\nseverity = \"error\"\n\n[rules.long-sentence]\nmax_words = 5\n\n[[override]]\nfiles = \"otkazy/**\"\nprofile = \"refusal\"\n",
    );
    write(t.path(), "deep/er/a.txt", REFUSAL.as_bytes());
    let a = yasno(&t.path().join("deep/er")).args(["check", "--format", "json", "a.txt"]).assert().code(1);
    let v = json(&a.get_output().stdout);
    let f = &v["files"][0]["findings"];
    assert!(f.as_array().unwrap().iter().any(|x| x["rule"] == "YS101" && x["severity"] == "error"));
    assert!(f.as_array().unwrap().iter().any(|x| x["rule"] == "YS201"), "max_words = 5 applies: {f}");
    // The override gives files under otkazy/ the refusal profile.
    write(t.path(), "otkazy/b.txt", REFUSAL.as_bytes());
    let a = yasno(t.path())
        .args(["check", "--format", "json", "--fail-on", "never", "otkazy/b.txt", "deep/er/a.txt"])
        .assert()
        .success();
    let v = json(&a.get_output().stdout);
    assert_eq!(v["files"][0]["document"]["kind"], "refusal");
    assert_eq!(v["files"][0]["document"]["detected"], false);
    assert_ne!(v["files"][1]["document"]["detected"], false);
    // --config elsewhere and --no-config.
    write(t.path(), "other.toml", b"ignore = [\"skip/\"]\n\n[rules.YS101]\nenabled = false\n");
    let a = yasno(&t.path().join("deep/er"))
        .args(["check", "--config", "../../other.toml", "--format", "json", "a.txt"])
        .assert()
        .success();
    assert!(!findings(&json(&a.get_output().stdout)).iter().any(|f| f.1 == "YS101"));
    let a = yasno(&t.path().join("deep/er"))
        .args(["check", "--no-config", "--format", "json", "a.txt"])
        .assert()
        .success();
    assert!(findings(&json(&a.get_output().stdout)).iter().any(|f| f.1 == "YS101"));
}

#[test]
fn config_errors_name_the_key_and_line() {
    let t = project();
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    write(t.path(), "dict.toml", "rule = \"YS190\"\ntitle = \"Наш словарь\"\n\n[[entry]]\nphrase = \"заявитель\"\nsuggestions = [\"вы\"]\nexplanation = \"Обращайтесь к человеку прямо.\"\nexamples = [{ bad = \"Уважаемый заявитель!\" }]\n".as_bytes());
    let cases: &[(&str, &str)] = &[
        ("profile = \"letter\"\nprofil = \"x\"\n", ":2: unknown field `profil`"),
        ("\n\nprofile = \"lettre\"\n", ":3: unknown variant `lettre`"),
        ("[rules.YS999]\nenabled = false\n", ":1: unknown rule `YS999`"),
        (
            "[rules.YS201]\n\nmax_words = 0\n",
            ":3: rules.YS201.max_words: expected a positive whole number, found 0",
        ),
        ("[rules.YS201]\nmax_wrods = 20\n", ":2: unknown key `max_wrods` in [rules.YS201]"),
        (
            "[rules.YS101]\nseverity = \"fatal\"\n",
            ":2: rules.YS101.severity: expected \"hint\", \"warning\" or \"error\", found \"fatal\"",
        ),
        ("[rules.YS101]\nenabled = \"no\"\n", ":2: rules.YS101.enabled: expected true or false"),
        ("dictionaries = [\n  \"missing.toml\",\n]\n", ":2: dictionaries: cannot read"),
        ("ignore = [\"a\", 3]\n", ":1: invalid type: integer `3`"),
    ];
    for (toml, expected) in cases {
        write(t.path(), "bad.toml", toml.as_bytes());
        let a = yasno(t.path()).args(["check", "--config", "bad.toml", "a.txt"]).assert().code(2);
        let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
        assert!(err.contains(&format!("bad.toml{expected}")), "{toml:?}: {err}");
    }
    // A good extra dictionary is used.
    write(
        t.path(),
        "good.toml",
        "dictionaries = [\"dict.toml\"]\nallowed_abbreviations = [\"ЕГРН\"]\n".as_bytes(),
    );
    let a = yasno(t.path())
        .args(["check", "--config", "good.toml", "--format", "json", "a.txt"])
        .assert()
        .success();
    assert!(findings(&json(&a.get_output().stdout)).iter().any(|f| f.1 == "YS190" && f.2 == "заявитель"));
}

// ---------------------------------------------------------------- inline control

#[test]
fn inline_directives_in_host_and_template_comments() {
    let t = project();
    let html = "<p>Отклонено по причине неуплаты.</p>\n<!-- yasno-disable-next-line YS101 -->\n<p>Отклонено по причине неявки.</p>\n<!-- yasno-disable-next-line YS102 -->\n<p>Отклонено по причине болезни.</p>\n";
    let md = "Отклонено по причине неуплаты.\n\n<!-- yasno-disable -->\nОтклонено по причине неявки.\n\nОтклонено по причине болезни.\n<!-- yasno-enable -->\n\nОтклонено по причине отъезда.\n";
    let txt = "{# yasno-disable-next-line compound-preposition -- так принято #}\nОтклонено по причине неуплаты.\nОтклонено по причине неявки. {# yasno-disable-line #}\nОтклонено по причине болезни.\n";
    write(t.path(), "a.html", html.as_bytes());
    write(t.path(), "b.md", md.as_bytes());
    write(t.path(), "c.txt.j2", txt.as_bytes());
    let a =
        yasno(t.path()).args(["check", "--format", "json", "a.html", "b.md", "c.txt.j2"]).assert().success();
    let v = json(&a.get_output().stdout);
    let lines = |i: usize| -> Vec<u64> {
        v["files"][i]["findings"].as_array().unwrap().iter().map(|f| f["line"].as_u64().unwrap()).collect()
    };
    assert_eq!(lines(0), [1, 5]);
    assert_eq!(lines(1), [1, 9]);
    assert_eq!(lines(2), [4]);
    assert_eq!(v["files"][0]["suppressed"], 1);
    assert_eq!(v["files"][1]["suppressed"], 2);
    // A directive naming a rule that does not exist is reported.
    write(t.path(), "d.txt", "{# yasno-disable YS999 #}\nОтклонено по причине неуплаты.\n".as_bytes());
    yasno(t.path())
        .args(["check", "d.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("d.txt:1: `yasno-disable`: unknown rule `YS999`"));
}

#[test]
fn baseline_reports_only_new_findings() {
    let t = project();
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    write(t.path(), "b.md", "Жалоба отклонена по причине пропуска срока.\n".as_bytes());
    std::fs::create_dir(t.path().join("sub")).unwrap();
    yasno(t.path()).args(["baseline", "a.txt", "b.md"]).assert().success();
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(t.path().join(".yasno-baseline.json")).unwrap())
            .unwrap();
    assert_eq!(base["findings"].as_array().unwrap().len(), 2);
    yasno(t.path())
        .args(["check", "--baseline", ".yasno-baseline.json", "--fail-on", "hint", "a.txt", "b.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("известно по базовой линии: 2"));
    // Keys are relative to yasno.toml: an absolute path or another directory match too.
    let abs = t.path().join("a.txt");
    yasno(&t.path().join("sub"))
        .args(["check", "--baseline", "../.yasno-baseline.json", "--fail-on", "hint"])
        .arg(&abs)
        .assert()
        .code(0);
    // Text moved down and a new finding added: only the new one is reported.
    write(
        t.path(),
        "a.txt",
        format!("Шапка.\n\n{REFUSAL}\nЗаявление возвращено по причине ошибки в анкете.\n").as_bytes(),
    );
    let a = yasno(t.path())
        .args([
            "check",
            "--baseline",
            ".yasno-baseline.json",
            "--format",
            "json",
            "--fail-on",
            "warning",
            "a.txt",
            "b.md",
        ])
        .assert()
        .code(1);
    let got = findings(&json(&a.get_output().stdout));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "a.txt");
    yasno(t.path()).args(["check", "--baseline", "nope.json", "a.txt"]).assert().code(2);
}

// ---------------------------------------------------------------- fixing

#[test]
fn fix_edits_text_markdown_and_html_in_place() {
    let t = project();
    let md = "# Отказ\n\nЗаявление отклонено по причине неуплаты.\n\n```\nпо причине\n```\n";
    let html =
        "<p>Отклонено <b>по причине</b> неуплаты. По причине &laquo;болезни&raquo; срок продлён.</p>\n";
    write(t.path(), "a.txt", REFUSAL.as_bytes());
    write(t.path(), "b.md", md.as_bytes());
    write(t.path(), "c.html", html.as_bytes());
    // --dry-run prints a unified diff and changes nothing.
    let a =
        yasno(t.path()).args(["check", "--fix", "--dry-run", "a.txt", "b.md", "c.html"]).assert().success();
    let diff = stdout(&a);
    assert!(diff.contains("--- a/a.txt\n+++ b/a.txt\n"), "{diff}");
    assert!(diff.contains("-Ваше заявление отклонено по причине отсутствия паспорта.\n+Ваше заявление отклонено из-за отсутствия паспорта.\n"), "{diff}");
    assert!(diff.contains("+++ b/c.html"));
    assert_eq!(std::fs::read_to_string(t.path().join("b.md")).unwrap(), md);
    // --fix writes, and reports what is left.
    let a = yasno(t.path()).args(["check", "--fix", "a.txt", "b.md", "c.html"]).assert().success();
    assert!(stdout(&a).contains("исправлено: 4"), "{}", stdout(&a));
    assert_eq!(
        std::fs::read_to_string(t.path().join("a.txt")).unwrap(),
        REFUSAL.replace("по причине", "из-за")
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("b.md")).unwrap(),
        md.replacen("по причине", "из-за", 1)
    );
    assert_eq!(
        std::fs::read_to_string(t.path().join("c.html")).unwrap(),
        "<p>Отклонено <b>из-за</b> неуплаты. Из-за &laquo;болезни&raquo; срок продлён.</p>\n"
    );
}

// ---------------------------------------------------------------- rules

#[test]
fn rules_and_explain() {
    let t = project();
    yasno(t.path())
        .args(["rules"])
        .assert()
        .success()
        .stdout(predicate::str::contains("YS101").and(predicate::str::contains("compound-preposition")));
    let a = yasno(t.path()).args(["rules", "--format", "json"]).assert().success();
    assert!(json(&a.get_output().stdout).as_array().unwrap().iter().any(|r| r["id"] == "YS201"));
    yasno(t.path())
        .args(["explain", "ys201"])
        .assert()
        .success()
        .stdout(predicate::str::contains("max_words"));
}
