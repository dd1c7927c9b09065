//! Any text: the check never panics, spans are valid, edits stay in bounds.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yasno::{Checker, Config};

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(|| Checker::new(Config::default()).expect("default config"))
}

fuzz_target!(|data: &[u8]| {
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
