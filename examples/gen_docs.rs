//! Regenerates `docs/rules.md` and the rule table in `README.md` from the
//! rules' own docs. Run with `make docs`.

use std::fs;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn main() {
    fs::create_dir_all("docs").expect("create docs/");
    fs::write("docs/rules.md", yasno::rules::markdown::reference()).expect("write docs/rules.md");
    let readme = fs::read_to_string("README.md").expect("read README.md");
    let (a, rest) = readme.split_once(START).expect("README.md has <!-- rules:start -->");
    let (_, b) = rest.split_once(END).expect("README.md has <!-- rules:end -->");
    let table = yasno::rules::markdown::table();
    fs::write("README.md", format!("{a}{START}{table}{END}{b}")).expect("write README.md");
    println!("docs/rules.md and README.md updated");
}
