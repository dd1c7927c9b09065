//! Word (`.docx`, `word/document.xml`) and OpenDocument (`.odt`,
//! `content.xml`): the text of each paragraph. Positions are paragraph
//! numbers (every paragraph counts, empty ones too) and offsets inside them.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{Builder, Extracted, Format, FormatError, Segment};

/// What the `.docx`/`.odt` reader accepts. Past any of these the document is
/// refused with [`FormatError::TooLarge`], so that a zip bomb or a runaway
/// document costs bounded memory and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Limits {
    /// Entries (files) in the archive; real documents have a few dozen.
    pub entries: usize,
    /// Uncompressed size of the main XML part (`word/document.xml`,
    /// `content.xml`), declared or actual.
    pub part_bytes: u64,
    /// Uncompressed : compressed size of the main part, checked once the part
    /// is larger than `ratio_from_bytes`. Word's XML compresses about 10:1.
    pub ratio: u64,
    pub ratio_from_bytes: u64,
    /// Paragraphs, empty ones included.
    pub paragraphs: usize,
    /// Bytes of extracted text.
    pub text_bytes: usize,
}

/// The limits in force.
pub const LIMITS: Limits = Limits {
    entries: 10_000,
    part_bytes: 128 * MIB,
    ratio: 250,
    ratio_from_bytes: 4 * MIB,
    paragraphs: 200_000,
    text_bytes: 64 * MIB as usize,
};

const MIB: u64 = 1024 * 1024;

pub(super) fn extract_docx(bytes: &[u8], limits: &Limits) -> Result<Extracted, FormatError> {
    let xml = read_part(bytes, "word/document.xml", limits)?;
    let paragraphs = paragraphs(&xml, "word/document.xml", &DOCX, limits)?;
    Ok(build(paragraphs, Format::Docx))
}

pub(super) fn extract_odt(bytes: &[u8], limits: &Limits) -> Result<Extracted, FormatError> {
    let xml = read_part(bytes, "content.xml", limits)?;
    let paragraphs = paragraphs(&xml, "content.xml", &ODT, limits)?;
    Ok(build(paragraphs, Format::Odt))
}

fn mib(n: u64) -> String {
    format!("{:.1} MiB", n as f64 / MIB as f64)
}

fn read_part(bytes: &[u8], name: &str, limits: &Limits) -> Result<String, FormatError> {
    let archive_err = |e: &dyn std::fmt::Display| FormatError::Archive { message: e.to_string() };
    let too_large = |message: String| FormatError::TooLarge { message };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| archive_err(&e))?;
    if zip.len() > limits.entries {
        return Err(too_large(format!(
            "the archive has {} entries; the limit is {}",
            zip.len(),
            limits.entries
        )));
    }
    let part = zip.by_name(name).map_err(|e| archive_err(&format!("{name}: {e}")))?;
    // The declared sizes first (cheap), then the actual size while reading:
    // the declaration may lie.
    let declared = part.size();
    let over = |size: &str| {
        too_large(format!("{name} is {size} uncompressed; the limit is {}", mib(limits.part_bytes)))
    };
    if declared > limits.part_bytes {
        return Err(over(&mib(declared)));
    }
    let compressed = part.compressed_size().max(1);
    let ratio_err = |size: u64| {
        too_large(format!(
            "{name} unpacks {}:1 ({} from {} bytes), a zip bomb; the limit is {}:1",
            size / compressed,
            mib(size),
            compressed,
            limits.ratio
        ))
    };
    if declared > limits.ratio_from_bytes && declared / compressed > limits.ratio {
        return Err(ratio_err(declared));
    }
    let mut buf = Vec::new();
    part.take(limits.part_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|e| archive_err(&format!("{name}: {e}")))?;
    let actual = buf.len() as u64;
    if actual > limits.part_bytes {
        return Err(over(&format!("more than {}", mib(limits.part_bytes))));
    }
    if actual > limits.ratio_from_bytes && actual / compressed > limits.ratio {
        return Err(ratio_err(actual));
    }
    String::from_utf8(buf).map_err(|e| FormatError::Xml {
        part: name.to_string(),
        offset: e.utf8_error().valid_up_to() as u64,
        message: "not UTF-8".into(),
    })
}

/// Element names (local names, without the namespace prefix) of a format.
struct Vocabulary {
    /// Paragraph elements.
    paragraph: &'static [&'static [u8]],
    /// Text is taken only inside these (docx `w:t`); empty: any text inside a paragraph.
    text_in: &'static [&'static [u8]],
    tab: &'static [u8],
    line_break: &'static [&'static [u8]],
    /// Elements whose whole content is skipped.
    skip: &'static [&'static [u8]],
    /// ODF `text:s`: `text:c` spaces.
    spaces: Option<&'static [u8]>,
    /// Characters for empty elements: docx non-breaking and soft hyphens.
    chars: &'static [(&'static [u8], char)],
}

const DOCX: Vocabulary = Vocabulary {
    paragraph: &[b"p"],
    text_in: &[b"t"],
    tab: b"tab",
    line_break: &[b"br", b"cr"],
    // `mc:Fallback` repeats the text of `mc:Choice` (text boxes).
    skip: &[b"delText", b"instrText", b"del", b"pPr", b"rPr", b"Fallback"],
    spaces: None,
    chars: &[(b"noBreakHyphen", '\u{2011}'), (b"softHyphen", '\u{AD}')],
};

const ODT: Vocabulary = Vocabulary {
    paragraph: &[b"p", b"h"],
    text_in: &[],
    tab: b"tab",
    line_break: &[b"line-break"],
    skip: &[b"note-citation", b"annotation", b"tracked-changes", b"bookmark-ref", b"sequence-decls"],
    spaces: Some(b"s"),
    chars: &[(b"soft-hyphen", '\u{AD}')],
};

/// The text of every paragraph, in document order (numbered from 1).
fn paragraphs(xml: &str, part: &str, v: &Vocabulary, limits: &Limits) -> Result<Vec<String>, FormatError> {
    let mut reader = Reader::from_str(xml);
    let too_many = || FormatError::TooLarge {
        message: format!("{part} has more than {} paragraphs, the limit", limits.paragraphs),
    };
    let too_long = || FormatError::TooLarge {
        message: format!("the text of {part} is longer than {}, the limit", mib(limits.text_bytes as u64)),
    };
    // Bytes of text so far: what each event added to the open paragraph.
    let mut text_bytes = 0usize;
    let xml_err = |reader: &Reader<&[u8]>, e: &dyn std::fmt::Display| FormatError::Xml {
        part: part.to_string(),
        offset: reader.buffer_position(),
        message: e.to_string(),
    };
    let mut done: Vec<String> = Vec::new();
    // Open paragraphs (paragraphs nest in text boxes and footnotes): their index in `done`.
    let mut open: Vec<usize> = Vec::new();
    let mut skip_depth = 0usize;
    let mut text_depth = 0usize;
    loop {
        if done.len() > limits.paragraphs {
            return Err(too_many());
        }
        if text_bytes > limits.text_bytes {
            return Err(too_long());
        }
        // Text goes only to the innermost open paragraph.
        let growing = open.last().map(|&i| (i, done[i].len()));
        let event = reader.read_event().map_err(|e| xml_err(&reader, &e))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 || v.skip.contains(&name) {
                    skip_depth += 1;
                } else if v.paragraph.contains(&name) {
                    done.push(String::new());
                    open.push(done.len() - 1);
                } else if v.text_in.contains(&name) {
                    text_depth += 1;
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    skip_depth -= 1;
                } else if v.paragraph.contains(&name) {
                    open.pop();
                } else if v.text_in.contains(&name) {
                    text_depth = text_depth.saturating_sub(1);
                }
            }
            Event::Empty(e) if skip_depth == 0 => {
                let name = e.local_name();
                let name = name.as_ref();
                if v.paragraph.contains(&name) {
                    done.push(String::new()); // an empty paragraph still counts
                    continue;
                }
                let Some(&i) = open.last() else { continue };
                if name == v.tab {
                    done[i].push('\t');
                } else if v.line_break.contains(&name) {
                    done[i].push('\n');
                } else if Some(name) == v.spaces {
                    let n = e
                        .try_get_attribute("text:c")
                        .ok()
                        .flatten()
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<usize>().ok())
                        .unwrap_or(1);
                    done[i].extend(std::iter::repeat_n(' ', n.min(1000)));
                } else if let Some((_, c)) = v.chars.iter().find(|(n, _)| *n == name) {
                    done[i].push(*c);
                }
            }
            Event::Text(t) if skip_depth == 0 && (v.text_in.is_empty() || text_depth > 0) => {
                let Some(&i) = open.last() else { continue };
                let s = t.xml10_content().map_err(|e| xml_err(&reader, &e))?;
                if v.text_in.is_empty() {
                    // ODF: whitespace in content is collapsed (spaces are `text:s`).
                    push_collapsed(&mut done[i], &s);
                } else {
                    done[i].push_str(&s);
                }
            }
            Event::CData(t) if skip_depth == 0 && (v.text_in.is_empty() || text_depth > 0) => {
                let Some(&i) = open.last() else { continue };
                done[i].push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if skip_depth == 0 && (v.text_in.is_empty() || text_depth > 0) => {
                let Some(&i) = open.last() else { continue };
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    done[i].push(c);
                } else {
                    let name = r.decode().map_err(|e| xml_err(&reader, &e))?;
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(s) => done[i].push_str(s),
                        None => return Err(xml_err(&reader, &format!("unknown entity &{name};"))),
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        if let Some((i, before)) = growing {
            text_bytes += done[i].len() - before;
        }
    }
    Ok(done)
}

/// Appends ODF text, where runs of whitespace count as one space.
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Joins non-empty paragraphs with a blank line, one segment per paragraph.
fn build(paragraphs: Vec<String>, format: Format) -> Extracted {
    let mut b = Builder::default();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.trim().is_empty() {
            continue;
        }
        if !b.text.is_empty() {
            b.text.push_str("\n\n");
        }
        let start = b.text.len();
        b.text.push_str(p);
        b.segments.push(Segment {
            text: start..b.text.len(),
            source: 0..p.len(),
            paragraph: i + 1,
            verbatim: true,
        });
    }
    Extracted { format, text: b.text, segments: b.segments, comments: Vec::new() }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;
    use crate::formats::{extract, SourcePos};

    /// A zip archive with the given parts (deflated).
    pub(crate) fn zip_parts(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(body.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn docx_paragraphs_runs_tabs_and_deletions() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Уведомление</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t xml:space="preserve">В связи с </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>отсутствием</w:t></w:r><w:del><w:r><w:delText>удалено</w:delText></w:r></w:del><w:r><w:tab/><w:t>документов &amp; справок.</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ячейка</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#
        );
        let bytes = zip_parts(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &xml)]);
        let e = extract(&bytes, "Письмо.docx").unwrap();
        assert_eq!(e.text, "Уведомление\n\nВ связи с отсутствием\tдокументов & справок.\n\nЯчейка");
        let p = e.text.find("отсутствием").unwrap();
        assert_eq!(e.to_source(p), SourcePos::Paragraph { paragraph: 3, offset: "В связи с ".len() });
        assert_eq!(
            e.to_source(e.text.find("Ячейка").unwrap()),
            SourcePos::Paragraph { paragraph: 4, offset: 0 }
        );
        assert_eq!(e.verbatim_source(p, p + 4), None, "docx is never edited");
    }

    #[test]
    fn odt_paragraphs_spaces_and_notes() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text>
<text:h text:outline-level="1">Решение</text:h>
<text:p>Срок<text:s text:c="2"/>— пять
   <text:span>рабочих</text:span> дней<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Сноска.</text:p></text:note-body></text:note>.</text:p>
</office:text></office:body></office:document-content>"#;
        let bytes =
            zip_parts(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", xml)]);
        let e = extract(&bytes, "a.odt").unwrap();
        assert_eq!(e.text, "Решение\n\nСрок  — пять рабочих дней.\n\nСноска.");
        assert_eq!(
            e.to_source(e.text.find("Сноска").unwrap()),
            SourcePos::Paragraph { paragraph: 3, offset: 0 }
        );
    }

    #[test]
    fn broken_archives_and_xml_are_errors() {
        assert!(matches!(extract(b"not a zip", "a.docx"), Err(FormatError::Archive { .. })));
        let no_doc = zip_parts(&[("x.xml", "<a/>")]);
        let err = extract(&no_doc, "a.docx").unwrap_err();
        assert!(err.to_string().contains("word/document.xml"), "{err}");
        let bad = zip_parts(&[("word/document.xml", "<w:document><w:p></w:document>")]);
        assert!(matches!(extract(&bad, "a.docx"), Err(FormatError::Xml { .. })));
    }
}
