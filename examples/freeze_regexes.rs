//! Writes `src/text/frozen_nfas.bin`, the checker's regexes compiled to
//! Thompson NFAs ahead of time (see `src/text/frozen.rs`): `make regexes`.
//! Run it after changing a pattern; a test fails until the table is
//! written again.
//!
//! ```text
//! cargo run --example freeze_regexes
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let table = match yasno::text::frozen::freeze() {
        Ok(table) => table,
        Err(e) => {
            eprintln!("freeze_regexes: {e}");
            return ExitCode::FAILURE;
        }
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/frozen_nfas.bin");
    let unchanged = std::fs::read(path).is_ok_and(|old| old == table);
    if let Err(e) = std::fs::write(path, &table) {
        eprintln!("freeze_regexes: {path}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{path}: {} bytes{}", table.len(), if unchanged { ", unchanged" } else { "" });
    ExitCode::SUCCESS
}
