//! Template placeholders: opaque tokens that are never flagged and count as one word.

use std::sync::OnceLock;

use crate::text::word_regex::Regex;

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?s)\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", // Django comment block
            r"|\{\{!--.*?--\}\}",                                        // Handlebars block comment
            r"|\{\{\{.*?\}\}\}",                                         // Handlebars/Mustache raw {{{ }}}
            r"|\{\{.*?\}\}",     // Jinja, Django, Handlebars, Mustache, Go ({{- -}})
            r"|\{%.*?%\}",       // Jinja/Django tags
            r"|\{#.*?#\}",       // Jinja comments
            r"|\$\{[^}\n]*\}",   // Freemarker, JS templates
            r"|<#--.*?-->",      // Freemarker comments
            r"|</?[#@][^>\n]*>", // Freemarker directives and macros
            r"|\[[А-ЯЁA-Z][А-ЯЁA-Z0-9 _.,/\-]*\]", // [ФИО], [ДАТА РЕШЕНИЯ]
            r"|«\s*_+\s*»",      // «____»
            r"|_{3,}",           // __________
        ))
        .expect("placeholder regex")
    })
}

/// Builds the regex now (for `make regexes`).
#[cfg(feature = "regex-compiler")]
pub(crate) fn compile_regexes() {
    pattern();
}

/// Byte spans of the placeholders in `src`, sorted and disjoint.
pub fn find(src: &str) -> Vec<(usize, usize)> {
    // Every match holds one of these bytes (`«…»` holds `_`), and half of
    // the letters none: two scans for them cost less than the regex's one.
    let bytes = src.as_bytes();
    if memchr::memchr3(b'{', b'$', b'<', bytes).is_none() && memchr::memchr2(b'[', b'_', bytes).is_none() {
        return Vec::new();
    }
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
    fn template_engines() {
        // Go templates with whitespace trimming and comments.
        assert_eq!(found("{{- if .Refused -}}Отказ{{- end }}"), ["{{- if .Refused -}}", "{{- end }}"]);
        assert_eq!(found("a {{/* комментарий */}} b"), ["{{/* комментарий */}}"]);
        // Handlebars blocks, raw output and comments with braces inside.
        assert_eq!(found("{{#each items}}{{this}}{{/each}}"), ["{{#each items}}", "{{this}}", "{{/each}}"]);
        assert_eq!(found("{{{ html }}} и {{!-- {{x}} --}}"), ["{{{ html }}}", "{{!-- {{x}} --}}"]);
        // Freemarker directives, macros and comments.
        assert_eq!(found("<#if ok>да</#if>"), ["<#if ok>", "</#if>"]);
        assert_eq!(
            found("<@signature name=\"x\"/> <#-- заметка\nв связи с -->"),
            ["<@signature name=\"x\"/>", "<#-- заметка\nв связи с -->"]
        );
        // A Django comment block hides its text entirely.
        assert_eq!(
            found("А{% comment %}в связи с{% endcomment %}Б"),
            ["{% comment %}в связи с{% endcomment %}"]
        );
    }

    /// Each alternative of the pattern needs one of the bytes `find` looks
    /// for first.
    #[test]
    fn every_match_holds_a_marker_byte() {
        for s in
            ["{{x}}", "{%x%}", "{#x#}", "${x}", "<#-- x -->", "<#if>", "[ФИО]", "« __ »", "___", "{{{x}}}"]
        {
            assert_eq!(found(s), [s]);
            assert!(pattern().find_iter(&s.replace(['{', '$', '<', '[', '_'], "")).next().is_none(), "{s}");
        }
    }

    #[test]
    fn leaves_ordinary_brackets() {
        assert!(found("см. [1] и [далее]").is_empty());
        assert!(found("a_b").is_empty());
    }
}
