//! HTML: the text of the page, block by block; `script`, `style` and other
//! non-text elements are skipped, entities decoded, comments collected.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{push_inline, Builder, Comment, Extracted, Format};

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not text for a reader.
const SKIPPED: &[&str] = &["script", "style", "template", "noscript", "svg", "math", "object", "iframe"];

pub(super) fn extract(src: &str) -> Extracted {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut b = Builder::default();
    // The skipped element we are inside, with its nesting depth.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    // Inside <pre>, line breaks are the author's and are kept.
    let mut pre = 0usize;
    for token in Tokenizer::new_with_emitter(src, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0.to_ascii_lowercase();
                if let Some((skip_name, depth)) = &mut skipping {
                    if *skip_name == name && !tag.self_closing {
                        *depth += 1;
                    }
                    continue;
                }
                if name == b"pre" {
                    pre += 1;
                }
                if is_in(&name, SKIPPED) && !tag.self_closing {
                    skipping = Some((name, 1));
                } else if name == b"br" {
                    b.line_break();
                } else if is_in(&name, BLOCKS) {
                    b.block_break();
                } else if matches!(name.as_slice(), b"img" | b"input" | b"textarea" | b"select" | b"button") {
                    b.space();
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0.to_ascii_lowercase();
                if let Some((skip_name, depth)) = &mut skipping {
                    if *skip_name == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    }
                    continue;
                }
                if name == b"pre" {
                    pre = pre.saturating_sub(1);
                }
                if is_in(&name, BLOCKS) {
                    b.block_break();
                }
            }
            Token::String(s) if skipping.is_none() => {
                let range = s.span.start..s.span.end;
                let Some(raw) = src.get(range.clone()) else { continue };
                let decoded = String::from_utf8_lossy(&s.value.0);
                if pre > 0 && raw == decoded {
                    b.push(
                        raw.trim_start_matches('\n'),
                        range.start + (raw.len() - raw.trim_start_matches('\n').len())..range.end,
                        true,
                    );
                } else {
                    push_inline(&mut b, raw, range.start, &decoded, &decode_entity);
                }
            }
            Token::Comment(c) => {
                b.comments.push(Comment {
                    source: c.span.start..c.span.end,
                    body: String::from_utf8_lossy(&c.value.0).trim().to_string(),
                });
            }
            _ => {}
        }
    }
    b.finish(Format::Html)
}

fn is_in(name: &[u8], list: &[&str]) -> bool {
    list.iter().any(|n| n.as_bytes() == name)
}

/// Decodes one `&…;` character reference as the HTML tokenizer does.
fn decode_entity(piece: &str) -> String {
    let mut out = Vec::new();
    for token in Tokenizer::new(piece).flatten() {
        if let Token::String(s) = token {
            out.extend_from_slice(&s.value.0);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes text for insertion into HTML (used by `--fix`).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::SourcePos;

    #[test]
    fn blocks_scripts_and_entities() {
        let html = "<!DOCTYPE html><html><head><title>Уведомление</title>\n<style>p { color: red }</style>\
                    <script>var s = \"в связи с\";</script></head>\n<body>\n<h1>Решение</h1>\n\
                    <p>Срок&nbsp;&mdash; пять <b>рабочих</b>\n   дней.</p><p>Второй<br>абзац &amp; строка</p>\n\
                    <ul><li>один</li><li>два</li></ul></body></html>";
        let e = extract(html);
        assert_eq!(
            e.text,
            "Уведомление\n\nРешение\n\nСрок\u{a0}— пять рабочих дней.\n\nВторой\nабзац & строка\n\nодин\n\nдва"
        );
    }

    #[test]
    fn maps_words_back_to_the_file() {
        let html = "<p>В связи с <i>отсутствием</i>\n документов.</p>";
        let e = extract(html);
        for w in ["связи", "отсутствием", "документов"] {
            let p = e.text.find(w).unwrap();
            let src = html.find(w).unwrap();
            assert_eq!(e.to_source(p), SourcePos::Byte(src), "{w}");
            assert_eq!(e.verbatim_source(p, p + w.len()), Some(src..src + w.len()));
        }
        // A span across a tag is not one verbatim piece of the file.
        let p = e.text.find("с отсутствием").unwrap();
        assert_eq!(e.verbatim_source(p, p + "с отсутствием".len()), None);
    }

    #[test]
    fn template_syntax_in_html_survives_as_text() {
        let html = "<p>Уважаемый {{ user.name }}!</p>{% if refused %}<p>Отказ</p>{% endif %}";
        assert_eq!(
            extract(html).text,
            "Уважаемый {{ user.name }}!\n\n{% if refused %}\n\nОтказ\n\n{% endif %}"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        let html = "<p>Адрес:</p><pre>\nг. Москва,\nул. Тверская, д. 1</pre>";
        let e = extract(html);
        assert_eq!(e.text, "Адрес:\n\nг. Москва,\nул. Тверская, д. 1");
        let p = e.text.find("ул.").unwrap();
        assert_eq!(e.to_source(p), SourcePos::Byte(html.find("ул.").unwrap()));
    }

    #[test]
    fn comments_are_collected() {
        let html = "<p>а</p><!-- yasno-disable-next-line YS101 -->\n<p>б</p>";
        let e = extract(html);
        assert_eq!(e.comments.len(), 1);
        assert_eq!(e.comments[0].body, "yasno-disable-next-line YS101");
        assert_eq!(&html[e.comments[0].source.clone()], "<!-- yasno-disable-next-line YS101 -->");
    }

    #[test]
    fn escapes_for_fixes() {
        assert_eq!(escape_text("a < b & c"), "a &lt; b &amp; c");
    }
}
