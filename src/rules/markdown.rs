//! Markdown generated from the rules' own docs: the rule table in the
//! README and the full reference in `docs/rules.md` (`make docs`).

use super::docs;

/// One line per rule: id, category, default severity, title.
pub fn table() -> String {
    let mut out = String::from("| id | name | category | severity | what |\n|---|---|---|---|---|\n");
    for d in docs() {
        out.push_str(&format!(
            "| [{id}](docs/rules.md#{lid}) | `{}` | {} | {} | {} |\n",
            d.name,
            d.category.as_str(),
            d.severity.as_str(),
            d.title,
            id = d.id,
            lid = d.id.to_lowercase(),
        ));
    }
    out
}

/// The full reference: every rule with what, why, example, fix and options.
pub fn reference() -> String {
    let mut out = String::from(
        "# Правила yasno\n\n<!-- Generated from the rules' docs by `make docs`; do not edit by hand. -->\n\n",
    );
    for d in docs() {
        out.push_str(&format!(
            "## {}\n\n**{}** · `{}` · {} · по умолчанию: {}\n\n",
            d.id,
            d.title,
            d.name,
            d.category.label_ru(),
            d.severity.label_ru()
        ));
        out.push_str(&format!("**Что ищет.** {}\n\n**Почему это плохо.** {}\n\n", d.what, d.why));
        out.push_str(&format!(
            "**Пример.**\n\n- Плохо: {}\n- Лучше: {}\n\n**Как исправить.** {}\n\n",
            d.bad, d.good, d.fix
        ));
        if !d.options.is_empty() {
            out.push_str("**Настройки** (`[rules.");
            out.push_str(d.id);
            out.push_str("]` в `yasno.toml`):\n\n");
            for o in d.options {
                out.push_str(&format!("- `{}` = {} — {}\n", o.name, o.default, o.help));
            }
            out.push('\n');
        }
    }
    out
}
