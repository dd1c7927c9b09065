//! Any text: the check never panics, spans are valid, edits stay in bounds.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yasno::{Checker, Config};

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(Config::default()).expect("default config"))
}

/// Text that reaches every rule, so that their regexes are compiled before
/// the fuzzing starts (slow with the sanitizer; it would count as a hang).
const WARM_UP: &str = "Уважаемый {{ name }}! В связи с отсутствием документов данный вопрос не может быть \
    рассмотрен в установленном порядке согласно п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 \
    № 210-ФЗ. Сведения ЕГРН осуществляют проверку.";

fuzz_target!(init: { checker().check(WARM_UP); }, |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = checker().check(text);
    for f in &report.findings {
        assert!(f.start <= f.end && f.end <= text.len());
        assert_eq!(&text[f.start..f.end], f.text);
        for e in &f.edits {
            assert!(e.start <= e.end && e.end <= text.len());
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
    }
    assert!((0.0..=10.0).contains(&report.score));
    assert!(report.metrics.flesch.is_finite() && report.metrics.grade.is_finite());
});
