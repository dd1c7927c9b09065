//! Markdown: the text of paragraphs, headings, list items and table cells;
//! code blocks, inline code, raw HTML and front matter are skipped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{push_inline, Builder, Comment, Extracted, Format};

pub(super) fn extract(src: &str) -> Extracted {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder::default();
    // Depth of elements whose text is not checked (code blocks, front matter).
    let mut skip = 0usize;
    // Inline code just left out: a space before and after it would double.
    let mut after_code = false;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1);
                b.block_break();
            }
            Event::Start(Tag::HtmlBlock) => {
                collect_comments(&mut b, src, range.start, range.end);
                skip += 1;
            }
            Event::End(TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1);
                b.block_break();
            }
            Event::InlineHtml(_) | Event::Html(_) if skip == 0 => {
                collect_comments(&mut b, src, range.start, range.end);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => b.block_break(),
            Event::Text(cow) if skip == 0 => {
                let mut range = range;
                let mut text: &str = &cow;
                if std::mem::take(&mut after_code) && b.text.ends_with(' ') {
                    if let (Some(t), true) = (text.strip_prefix(' '), src[range.clone()].starts_with(' ')) {
                        text = t;
                        range.start += 1;
                    }
                }
                let raw = &src[range.clone()];
                if text == raw {
                    b.push(raw, range, true);
                } else if raw.contains('&') && !raw.contains('\\') {
                    // Entities: decode piece by piece so the rest stays verbatim.
                    push_inline(&mut b, raw, range.start, text, &|e: &str| decode_md_entity(e));
                } else {
                    // Backslash escapes and the like: one decoded piece.
                    b.push(text, range, false);
                }
            }
            Event::Code(_) if skip == 0 => {
                // Inline code is not prose: keep the words apart, check nothing.
                b.space();
                after_code = true;
            }
            Event::SoftBreak if skip == 0 && !b.text.ends_with([' ', '\n']) => {
                b.push(" ", range, false);
            }
            Event::HardBreak if skip == 0 => b.line_break(),
            _ => {}
        }
    }
    b.finish(Format::Markdown)
}

/// Decodes one `&…;` reference the way CommonMark does.
fn decode_md_entity(piece: &str) -> String {
    let parsed: Vec<_> = Parser::new(piece)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    parsed.concat()
}

/// Records `<!-- … -->` comments in `src[start..end]`.
fn collect_comments(b: &mut Builder, src: &str, start: usize, end: usize) {
    let mut at = start;
    while let Some(open) = src[at..end].find("<!--") {
        let body_start = at + open + 4;
        let Some(close) = src[body_start..end].find("-->") else { break };
        let body_end = body_start + close;
        if b.comments.last().is_none_or(|c| c.source.start != at + open) {
            b.comments.push(Comment {
                source: at + open..body_end + 3,
                body: src[body_start..body_end].trim().to_string(),
            });
        }
        at = body_end + 3;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::SourcePos;

    fn text(md: &str) -> String {
        extract(md).text
    }

    #[test]
    fn skips_code_front_matter_and_html() {
        let md = "---\nтитул: канцелярит в связи с\n---\n\n# Решение\n\nТекст `в связи с` и\nдалее.\n\n```\nв связи с\n```\n\n<div>в связи с</div>\n\n- пункт один\n- пункт два\n";
        assert_eq!(text(md), "Решение\n\nТекст и далее.\n\nпункт один\n\nпункт два");
    }

    #[test]
    fn maps_words_back_to_the_file() {
        let md = "Абзац *с выделением* и **жирным**.\n\n> Цитата в связи с этим.\n";
        let e = extract(md);
        for w in ["выделением", "жирным", "связи"] {
            let p = e.text.find(w).unwrap();
            assert_eq!(e.to_source(p), SourcePos::Byte(md.find(w).unwrap()), "{w}");
            assert_eq!(
                e.verbatim_source(p, p + w.len()),
                Some(md.find(w).unwrap()..md.find(w).unwrap() + w.len())
            );
        }
    }

    #[test]
    fn entities_and_escapes_are_decoded_but_not_editable() {
        let md = "Срок&nbsp;&mdash; 5 дней, \\*не\\* больше.\n";
        let e = extract(md);
        assert_eq!(e.text, "Срок\u{a0}— 5 дней, *не* больше.");
        let p = e.text.find("5 дней").unwrap();
        let src = md.find("5 дней").unwrap();
        assert_eq!(e.to_source(p), SourcePos::Byte(src));
        let dash = e.text.find('—').unwrap();
        assert_eq!(e.verbatim_source(dash, dash + '—'.len_utf8()), None);
    }

    #[test]
    fn collects_html_comments() {
        let md = "<!-- yasno-disable YS101 -->\n\nТекст <!-- yasno-enable --> дальше.\n";
        let e = extract(md);
        let bodies: Vec<&str> = e.comments.iter().map(|c| c.body.as_str()).collect();
        assert_eq!(bodies, ["yasno-disable YS101", "yasno-enable"]);
        assert_eq!(&md[e.comments[0].source.clone()], "<!-- yasno-disable YS101 -->");
    }
}
