//! Hostile input for the core and the document readers: they must never
//! panic, hang or report invalid spans, whatever is pasted or uploaded, and
//! documents past the readers' limits are refused with a clear error.
//! (Hostile files through the command line: tests/hostile_cli.rs; sizes that
//! need a release build: tests/large.rs.)

#[path = "common/archive.rs"]
mod archive;

use std::io::Read;

use yasno::formats::{extract, extract_limited, Format, FormatError, Limits, SourcePos, LIMITS};
use yasno::{Checker, Config, Report};

fn checker() -> Checker {
    Checker::new(Config::default()).unwrap()
}

/// Every span is on char boundaries and its text is the source slice.
fn assert_valid(src: &str, r: &Report) {
    for f in &r.findings {
        assert!(src.is_char_boundary(f.start) && src.is_char_boundary(f.end), "{f:?}");
        assert_eq!(&src[f.start..f.end], f.text);
        for e in &f.edits {
            assert!(src.is_char_boundary(e.start) && src.is_char_boundary(e.end) && e.start <= e.end);
        }
    }
    assert!((0.0..=10.0).contains(&r.score));
    assert!(r.metrics.flesch.is_finite() && r.metrics.grade.is_finite());
}

#[test]
fn empty_and_whitespace_only() {
    let c = checker();
    for src in ["", " ", "\n\n\n", "\t \u{a0}\u{202f}\r\n", "\u{feff}"] {
        let r = c.check(src);
        assert!(r.findings.is_empty(), "{src:?}: {:?}", r.findings);
        assert_eq!(r.metrics.words, 0);
        assert_eq!(r.score, 10.0);
    }
}

#[test]
fn punctuation_and_symbols_only() {
    let c = checker();
    let src = "!!! ??? ... ,,, ;;; — «» () [] {} № % $ € 😀 👍🏽 \u{0}\u{1}";
    let r = c.check(src);
    assert_valid(src, &r);
}

#[test]
fn one_megabyte_sentence_without_punctuation() {
    let c = checker();
    let unit = "в связи с осуществлением проверки данных заявителя ";
    let src = unit.repeat(1_000_000 / unit.len() + 1);
    let r = c.check(&src);
    assert_valid(&src, &r);
    assert_eq!(r.metrics.sentences, 1);
    // One long sentence, and the jargon inside it is still found.
    assert!(r.findings.iter().any(|f| f.rule == "YS201"));
    assert!(r.findings.iter().filter(|f| f.rule == "YS101").count() > 10_000);
}

#[test]
fn one_huge_word() {
    let c = checker();
    let src = "а".repeat(200_000) + " " + &"1".repeat(100_000) + " " + &"_".repeat(100_000);
    let r = c.check(&src);
    assert_valid(&src, &r);
    assert_eq!(r.metrics.words, 3);
}

#[test]
fn invisible_and_combining_characters() {
    let c = checker();
    // RTL marks, zero-width joiners, combining stress marks, emoji with
    // modifiers and ZWJ sequences, NUL and other control characters.
    let src = "\u{200f}В связи с\u{200e} ремонтом 👩\u{200d}👩\u{200d}👧 при\u{301}ём \u{0}закрыт. \
               Данный\u{200d} вопрос 🇷🇺 осуще\u{ad}ствляется в установленном порядке.\u{202e}тест\u{202c}";
    let r = c.check(src);
    assert_valid(src, &r);
    assert!(r.findings.iter().any(|f| f.rule == "YS101" && f.text.contains("связи")));
    assert!(r.findings.iter().any(|f| f.rule == "YS303"));
}

#[test]
fn broken_templates() {
    let c = checker();
    for src in ["{{ не закрыт", "{% if %} {% endif", "${", "[ФИО", "«____", "{{}}{{}}{{", "<#if x>"]
    {
        let r = c.check(src);
        assert_valid(src, &r);
    }
}

#[test]
fn deterministic_output() {
    let c = checker();
    let src = "В связи с ремонтом данный вопрос не решён. ЕГРН обновлён в установленном порядке.";
    let a = serde_json::to_string(&c.check(src)).unwrap();
    let b = serde_json::to_string(&checker().check(src)).unwrap();
    assert_eq!(a, b);
}

// ------------------------------------------------------------ documents

fn too_large(r: Result<yasno::formats::Extracted, FormatError>) -> String {
    match r {
        Err(e @ FormatError::TooLarge { .. }) => e.to_string(),
        other => panic!("expected TooLarge, got {:?}", other.map(|e| e.text.len())),
    }
}

#[test]
fn the_hand_made_deflate_stream_unpacks_to_what_it_claims() {
    let data = archive::deflate_repeated(b"<w:p/>", 100_000);
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(&data[..]).read_to_end(&mut out).unwrap();
    assert_eq!(out.len() as u64, archive::repeated_len(b"<w:p/>", 100_000));
    assert!(out.chunks(6).all(|c| b"<w:p/>".starts_with(c)));
    assert!(data.len() < 1000, "{}", data.len());
}

#[test]
fn zip_bombs_are_refused_before_unpacking() {
    // 1 GiB of XML in a 7 MB archive, its size declared honestly.
    let size = 1 << 30;
    let data = archive::deflate_repeated(b"<w:p/>", size);
    for (name, file) in [("word/document.xml", "bomb.docx"), ("content.xml", "bomb.odt")] {
        let bomb = archive::zip_raw(name, &data, archive::repeated_len(b"<w:p/>", size));
        assert!(bomb.len() < 8_000_000);
        let msg = too_large(extract(&bomb, file));
        assert!(msg.contains(name) && msg.contains("1024.0 MiB") && msg.contains("128.0 MiB"), "{msg}");
    }
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_stops_at_the_limit() {
    // Declares 1000 bytes, unpacks to 64 MiB: reading stops past the limit
    // (1 MiB here, to keep the test fast; the code path is the default's).
    let data = archive::deflate_repeated(b"<w:p/>", 64 << 20);
    let bomb = archive::zip_raw("word/document.xml", &data, 1000);
    let limits = Limits { part_bytes: 1 << 20, ..LIMITS };
    let msg = too_large(extract_limited(&bomb, Format::Docx, &limits));
    assert!(msg.contains("more than 1.0 MiB"), "{msg}");
}

#[test]
fn an_extreme_compression_ratio_is_a_zip_bomb() {
    // 5 MiB that deflate packs about 1000:1: under the size limit, over the ratio.
    let xml = "<w:p/>".repeat((5 << 20) / 6);
    let z = archive::zip_parts(&[("word/document.xml", xml.as_bytes())]);
    assert!(xml.len() as u64 > LIMITS.ratio_from_bytes);
    let msg = too_large(extract(&z, "a.docx"));
    assert!(msg.contains("zip bomb") && msg.contains(":1"), "{msg}");
    // The same ratio on a small part is fine (a short letter compresses well too).
    let small = "<w:p/>".repeat(100_000);
    let z = archive::zip_parts(&[("word/document.xml", small.as_bytes())]);
    assert!(extract(&z, "a.docx").is_ok());
}

#[test]
fn a_docx_with_100_000_paragraphs_is_read() {
    let n = 100_000;
    let doc = archive::docx((1..=n).map(|i| format!("Абзац {i}: в связи с отсутствием документов.")));
    let e = extract(&doc, "big.docx").unwrap();
    assert_eq!(e.segments.len(), n);
    let last = e.text.rfind("Абзац 100000").unwrap();
    assert_eq!(e.to_source(last), SourcePos::Paragraph { paragraph: n, offset: 0 });
}

#[test]
fn past_the_paragraph_and_entry_limits_is_an_error() {
    let xml = format!("<w:document><w:body>{}</w:body></w:document>", "<w:p/>".repeat(LIMITS.paragraphs + 1));
    let z = archive::zip_parts(&[("word/document.xml", xml.as_bytes())]);
    let msg = too_large(extract(&z, "a.docx"));
    assert!(msg.contains("more than 200000 paragraphs"), "{msg}");
    // Exactly at the limit is fine.
    let xml = format!("<w:document><w:body>{}</w:body></w:document>", "<w:p/>".repeat(LIMITS.paragraphs));
    let z = archive::zip_parts(&[("word/document.xml", xml.as_bytes())]);
    assert!(extract(&z, "a.docx").is_ok());

    let names: Vec<String> = (0..=LIMITS.entries).map(|i| format!("media/{i}.png")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    parts.push(("word/document.xml", b"<w:document/>"));
    let z = archive::zip_parts(&parts);
    let msg = too_large(extract(&z, "a.docx"));
    assert!(msg.contains("10002 entries"), "{msg}");
}

#[test]
fn odt_space_runs_cannot_blow_up_the_text() {
    // `<text:s text:c="1000"/>` is 1000 spaces from 23 bytes of XML: 70 000
    // of them would be 70 MB of text from 1.6 MB of XML.
    let xml = format!(
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>\
         <text:p>Начало{}</text:p></office:text></office:body></office:document-content>",
        "<text:s text:c=\"1000\"/>".repeat(70_000)
    );
    let z = archive::zip_parts(&[("content.xml", xml.as_bytes())]);
    let msg = too_large(extract(&z, "a.odt"));
    assert!(msg.contains("longer than 64.0 MiB"), "{msg}");
}

#[test]
fn deeply_nested_html() {
    let c = checker();
    let depth = 100_000;
    let sentence = "В связи с ремонтом приём закрыт.";
    for (open, close) in
        [("<div>", "</div>"), ("<b>", ""), ("<ul><li>", "</li></ul>"), ("<table><tr><td>", "")]
    {
        let html = format!("{}{sentence}{}", open.repeat(depth), close.repeat(depth));
        let e = extract(html.as_bytes(), "deep.html").unwrap();
        assert_eq!(e.text.trim(), sentence, "{open}");
        let r = c.check(&e.text);
        assert!(r.findings.iter().any(|f| f.rule == "YS101"), "{open}");
    }
    // Unclosed skipped elements and comments swallow the rest, without error.
    for src in ["<script>".repeat(depth), "<!--".repeat(depth), "<svg><svg>".repeat(depth), "<".repeat(depth)]
    {
        extract(src.as_bytes(), "deep.html").unwrap();
    }
}

#[test]
fn deeply_nested_markdown() {
    let sentence = "В связи с ремонтом приём закрыт.";
    let depth = 10_000;
    let quotes = format!("{}{sentence}\n", "> ".repeat(depth));
    let lists: String = (0..200).map(|i| format!("{}- пункт {i}\n", "  ".repeat(i))).collect();
    for src in [quotes, lists] {
        let e = extract(src.as_bytes(), "deep.md").unwrap();
        assert!(
            e.text.contains("В связи с") || e.text.contains("пункт 199"),
            "{}",
            &e.text[..100.min(e.text.len())]
        );
    }
    // Runs of delimiters that could make a parser quadratic.
    let n = 50_000;
    for src in [
        "*".repeat(n),
        "*a".repeat(n),
        "[".repeat(n),
        "`".repeat(n),
        "![](".repeat(n),
        "<".repeat(n),
        "_a_ ".repeat(n),
    ] {
        extract(src.as_bytes(), "runs.md").unwrap();
    }
}
