//! The WebAssembly bindings, built by `make wasm` as three modules: the
//! checker (cargo feature `wasm`), the document readers (`wasm-formats`) and
//! the TOML reader of custom dictionaries (`wasm-dictionaries`).
//!
//! A thin layer: JSON in, JSON out, offsets converted between the core's
//! bytes and JavaScript's UTF-16 code units. The npm package's entry
//! (`npm/index.js`) wraps these raw exports into the typed API, parses the
//! JSON and recovers a module after a panic.

use wasm_bindgen::prelude::*;

/// Turns a panic into a JS exception named `YasnoPanic` that carries the
/// panic message. The instance is not usable afterwards (its stack and
/// borrow flags are left mid-call); the JS wrapper re-instantiates it.
fn panic_hook(info: &std::panic::PanicHookInfo) {
    let err = js_sys::Error::new(&format!("yasno: internal error: {info}"));
    err.set_name("YasnoPanic");
    wasm_bindgen::throw_val(err.into());
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(panic_hook));
}

/// Test only: panics, to test recovery after a panic.
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test() {
    panic!("panic requested by __panicForTest");
}

#[cfg(feature = "wasm")]
pub use checker::*;

#[cfg(feature = "wasm")]
mod checker {
    use rustc_hash::FxHashMap as HashMap;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    use crate::offsets::{edits_from_utf16, report_to_utf16};
    use crate::{apply_edits, Checker, Config, Edit, Report};

    /// A configured checker. Use `Checker` from the package entry instead.
    #[wasm_bindgen]
    pub struct RawChecker {
        inner: Checker,
    }

    #[wasm_bindgen]
    impl RawChecker {
        /// `options` is the JSON of a `Config` (`null` or `{}` for defaults).
        #[wasm_bindgen(constructor)]
        pub fn new(options: &str) -> Result<RawChecker, JsError> {
            let bad = |e: &dyn std::fmt::Display| JsError::new(&format!("yasno: bad options: {e}"));
            let config: Option<Config> = serde_json::from_str(options).map_err(|e| bad(&e))?;
            let inner = Checker::new(config.unwrap_or_default()).map_err(|e| bad(&e))?;
            Ok(RawChecker { inner })
        }

        /// The JSON of `{ report, strings }`: the report with offsets in
        /// UTF-16 code units of `text`, each finding's `message` and
        /// `explanation` replaced by the index (as a string) of its text in
        /// `strings`, and its `text` left empty. Findings of one rule or
        /// dictionary entry share their messages and explanations, and the
        /// package entry takes a finding's text from the checked string
        /// itself (`text.slice(start, end)`), so the JSON of a long document
        /// is about half as long to write, decode and parse (30 KB of real
        /// letters: 111 KB with every string in place, 83 KB with each
        /// explanation once, 60 KB so). The package entry puts them back.
        pub fn check(&self, text: &str) -> String {
            let mut report = self.inner.check(text);
            report_to_utf16(&mut report, text);
            let mut strings: Vec<String> = Vec::new();
            let mut index: HashMap<String, usize> = HashMap::default();
            let mut intern = |s: &mut String| {
                let next = index.len();
                let i = *index.entry(std::mem::take(s)).or_insert_with_key(|s| {
                    strings.push(s.clone());
                    next
                });
                *s = i.to_string();
            };
            for f in &mut report.findings {
                intern(&mut f.message);
                intern(&mut f.explanation);
                f.text.clear();
            }
            #[derive(Serialize)]
            struct Wire<'a> {
                report: &'a Report,
                strings: Vec<String>,
            }
            serde_json::to_string(&Wire { report: &report, strings }).expect("a report serialises")
        }
    }

    /// Applies the JSON array of edits (offsets in UTF-16 code units) to `text`.
    #[wasm_bindgen(js_name = applyEdits)]
    pub fn apply_edits_utf16(text: &str, edits: &str) -> Result<String, JsError> {
        let edits: Vec<Edit> =
            serde_json::from_str(edits).map_err(|e| JsError::new(&format!("yasno: bad edits: {e}")))?;
        Ok(apply_edits(text, &edits_from_utf16(text, edits)))
    }

    /// The JSON array of the docs of every rule.
    #[wasm_bindgen]
    pub fn rules() -> String {
        serde_json::to_string(&crate::rule_docs()).expect("rule docs serialise")
    }

    /// The crate version.
    #[wasm_bindgen]
    pub fn version() -> String {
        crate::VERSION.to_string()
    }
}

/// The text a person reads in a document (`.txt`, `.md`, `.html`, `.docx`,
/// `.odt`; the format is taken from the file name, plain text otherwise).
#[cfg(feature = "wasm-formats")]
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(bytes: &[u8], file_name: &str) -> Result<String, JsError> {
    crate::formats::extract(bytes, file_name)
        .map(|doc| doc.text)
        .map_err(|e| JsError::new(&format!("yasno: cannot read {file_name}: {e}")))
}

/// A dictionary in the TOML format of `dictionaries/*.toml`, validated and
/// turned into the JSON that the checker module reads (which has no TOML
/// reader). The error names the file, the line and the entry.
#[cfg(feature = "wasm-dictionaries")]
#[wasm_bindgen(js_name = parseDictionary)]
pub fn parse_dictionary(source: &str, name: &str) -> Result<String, JsError> {
    crate::dict::DictFile::parse(source)
        .map(|file| file.to_json())
        .map_err(|e| JsError::new(&format!("yasno: dictionary {name}: {e}")))
}
