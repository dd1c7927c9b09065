//! Any bytes as a .html document: the reader returns text or an error, never
//! panics, and every extracted position maps back into the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yasno::formats::{extract_as, Format};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = extract_as(data, Format::Html) {
        for pos in [0, doc.text.len() / 2, doc.text.len()] {
            let _ = doc.to_source(pos);
        }
    }
});
