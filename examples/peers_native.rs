//! Helper for `make peers`: for each file given, prints one JSON line with
//! yasno's sentence spans (byte offsets), its readability metrics, its
//! jargon findings, and the median in-process time of a full check after a
//! warm-up (native, single thread).

use std::time::Instant;

use yasno::text::Text;
use yasno::{Category, Checker, Config};

fn main() {
    let checker = Checker::new(Config::default()).expect("default config");
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        for _ in 0..3 {
            std::hint::black_box(checker.check(&src));
        }
        let mut times: Vec<f64> = (0..15)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(checker.check(&src));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let report = checker.check(&src);
        let text = Text::new(&src);
        let sentences: Vec<[usize; 2]> = text.sentences.iter().map(|s| [s.start, s.end]).collect();
        let jargon: Vec<serde_json::Value> = report
            .findings
            .iter()
            .filter(|f| matches!(f.category, Category::Jargon | Category::Syntax))
            .map(|f| serde_json::json!({"rule": f.rule, "start": f.start, "end": f.end, "text": f.text}))
            .collect();
        let line = serde_json::json!({
            "path": path,
            "median_ms": times[times.len() / 2],
            "sentences": sentences,
            "metrics": report.metrics,
            "jargon": jargon,
        });
        println!("{line}");
    }
}
