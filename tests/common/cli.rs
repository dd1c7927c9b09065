//! Helpers shared by the tests that run the `yasno` binary (`tests/cli.rs`,
//! `tests/hostile_cli.rs`).

#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The `yasno` binary run in `dir`, colours as on a terminal that allows them.
pub fn yasno(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_yasno"));
    c.current_dir(dir).env_remove("NO_COLOR");
    c
}

/// Writes `body` to `dir/name`, creating the directories on the way.
pub fn write(dir: &Path, name: &str, body: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, body).unwrap();
}
