//! Any text as configuration: `yasno.toml` (the command line's parser), the
//! options object of the library and JavaScript (`Config` from TOML), and an
//! extra dictionary. Parsing and validation return errors, never panic; an
//! accepted config gives a working checker.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yasno::{Checker, Config, ExtraDictionary};

fuzz_target!(init: {
    // Compile the rules' regexes before the fuzzing starts (slow with the
    // sanitizer; it would count as a hang).
    let c = Checker::new(Config { no_builtin_dictionaries: true, ..Config::default() }).unwrap();
    c.check("Согласно п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ сведения ЕГРН проверены.");
}, |data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    match yasno::config::file::parse(src) {
        Ok(f) => {
            // Without the built-in dictionaries: building them each time is slow.
            let config = Config { no_builtin_dictionaries: true, ..f.config };
            if let Ok(c) = Checker::new(config) {
                c.check("В связи с отсутствием документов данный вопрос не рассмотрен.");
            }
        }
        Err(e) => {
            // Lines as the error reports count them (`yasno::offsets`): a
            // lone carriage return ends a line too.
            let bytes = src.as_bytes();
            let breaks = (0..bytes.len())
                .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .count();
            assert!(e.line.is_none_or(|l| l >= 1 && l <= breaks + 1), "line {:?} of {}", e.line, breaks + 1);
        }
    }
    if let Ok(config) = toml::from_str::<Config>(src) {
        let _ = Checker::new(Config { no_builtin_dictionaries: true, ..config });
    }
    // The same text as a dictionary (the format of dictionaries/*.toml).
    let dict = ExtraDictionary { name: "fuzz.toml".into(), source: src.to_string() };
    let config = Config { no_builtin_dictionaries: true, dictionaries: vec![dict], ..Config::default() };
    if let Ok(c) = Checker::new(config) {
        let report = c.check("В связи с отсутствием документов данный вопрос не рассмотрен в срок.");
        assert!((0.0..=10.0).contains(&report.score));
    }
});
