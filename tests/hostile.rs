//! Hostile input for the core: it must never panic, hang or report invalid
//! spans, whatever is pasted.

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
