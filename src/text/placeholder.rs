//! Template placeholders: opaque tokens that are never flagged and count as one word.

use std::sync::OnceLock;

use regex::Regex;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?s)\{\{.*?\}\}",                    // Jinja, Django, Handlebars, Mustache, Go
            r"|\{%.*?%\}",                         // Jinja/Django tags
            r"|\{#.*?#\}",                         // Jinja comments
            r"|\$\{[^}\n]*\}",                     // Freemarker, JS templates
            r"|</?#[^>\n]*>",                      // Freemarker directives
            r"|\[[А-ЯЁA-Z][А-ЯЁA-Z0-9 _.,/\-]*\]", // [ФИО], [ДАТА РЕШЕНИЯ]
            r"|«\s*_+\s*»",                        // «____»
            r"|_{3,}",                             // __________
        ))
        .expect("placeholder regex")
    })
}

/// Byte spans of the placeholders in `src`, sorted and disjoint.
pub fn find(src: &str) -> Vec<(usize, usize)> {
    pattern().find_iter(src).map(|m| (m.start(), m.end())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<&str> {
        find(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn finds_each_syntax() {
        assert_eq!(found("Уважаемый {{ name }}!"), ["{{ name }}"]);
        assert_eq!(found("{% if x %}да{% endif %}"), ["{% if x %}", "{% endif %}"]);
        assert_eq!(found("Сумма ${amount} руб."), ["${amount}"]);
        assert_eq!(found("Уважаемый [ФИО]!"), ["[ФИО]"]);
        assert_eq!(found("Дата: __________"), ["__________"]);
        assert_eq!(found("от «____» 2024"), ["«____»"]);
    }

    #[test]
    fn leaves_ordinary_brackets() {
        assert!(found("см. [1] и [далее]").is_empty());
        assert!(found("a_b").is_empty());
    }
}
