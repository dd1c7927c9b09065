//! Document readers: the text a person reads, taken out of `.md`, `.html`,
//! `.docx` and `.odt` files, with a map from every byte of that text back to
//! where it came from.
//!
//! Pure code: bytes in, [`Extracted`] out; no file I/O. Usable from
//! WebAssembly (`extractText(bytes, fileName)` in the npm package).
//!
//! ```
//! use yasno::formats::{extract, SourcePos};
//! let md = "# Заголовок\n\n```\nкод не проверяется\n```\n\nВ связи с **отсутствием** документов.\n";
//! let doc = extract(md.as_bytes(), "notice.md").unwrap();
//! assert_eq!(doc.text, "Заголовок\n\nВ связи с отсутствием документов.");
//! let at = doc.text.find("отсутствием").unwrap();
//! assert_eq!(doc.to_source(at), SourcePos::Byte(md.find("отсутствием").unwrap()));
//! ```

mod html;
mod markdown;
mod office;

pub use office::{Limits, LIMITS};

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// A file format yasno can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (also templates: `.j2`, `.hbs`, `.ftl`, `.tmpl`, …).
    Text,
    Markdown,
    Html,
    Docx,
    Odt,
}

impl Format {
    /// The format of a file by its extension (case-insensitive), if it is one
    /// yasno reads.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            // `.ftlh`: Freemarker with HTML output.
            "html" | "htm" | "xhtml" | "ftlh" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            // Template files are checked as text; their syntax is masked by the core.
            "j2" | "jinja" | "jinja2" | "tmpl" | "tpl" | "gotmpl" | "hbs" | "handlebars" | "mustache"
            | "ftl" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format of a file by its name; `None` when the extension is unknown.
    /// `notice.html.j2` is HTML: the template extension is looked through.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let mut parts = base.rsplit('.');
        let last = parts.next()?;
        if last.len() == base.len() {
            return None; // no extension
        }
        let f = Format::from_extension(last)?;
        if f == Format::Text && !matches!(last.to_ascii_lowercase().as_str(), "txt" | "text") {
            // A template extension: the one before it may name the host format.
            if let Some(inner) = parts.next().filter(|p| p.len() + last.len() + 1 < base.len()) {
                if let Some(host @ (Format::Markdown | Format::Html)) = Format::from_extension(inner) {
                    return Some(host);
                }
            }
        }
        Some(f)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }

    /// True when positions are paragraph numbers (`.docx`, `.odt`) rather
    /// than byte offsets of the file.
    pub fn is_paragraph_based(self) -> bool {
        matches!(self, Format::Docx | Format::Odt)
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormatError {
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// The `.docx`/`.odt` is not a readable zip archive or lacks its main part.
    Archive { message: String },
    /// The XML inside `.docx`/`.odt` is malformed.
    Xml { part: String, offset: u64, message: String },
    /// The document is past one of the reader's limits ([`LIMITS`]): a zip
    /// bomb or a document too large to check.
    TooLarge { message: String },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::InvalidUtf8 { offset } => write!(f, "not valid UTF-8 at byte {offset}"),
            FormatError::Archive { message } => write!(f, "not a readable document archive: {message}"),
            FormatError::Xml { part, offset, message } => {
                write!(f, "malformed XML in {part} at byte {offset}: {message}")
            }
            FormatError::TooLarge { message } => write!(f, "too large to check: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Checks that `bytes` are UTF-8, naming the first bad byte otherwise.
pub fn utf8(bytes: &[u8]) -> Result<&str, FormatError> {
    std::str::from_utf8(bytes).map_err(|e| FormatError::InvalidUtf8 { offset: e.valid_up_to() })
}

/// A piece of the extracted text and the piece of the source it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Byte range in [`Extracted::text`].
    pub text: Range<usize>,
    /// Byte range in the source file, or in the paragraph's own text for
    /// paragraph-based formats.
    pub source: Range<usize>,
    /// 1-based paragraph number for `.docx`/`.odt`; 0 otherwise.
    pub paragraph: usize,
    /// True when the text is a byte-for-byte copy of the source range (so an
    /// edit of the text can be applied to the file).
    pub verbatim: bool,
}

/// A comment of the host format (`<!-- … -->` in HTML and Markdown): where
/// `yasno-disable` and friends live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// Byte range of the whole comment in the source file.
    pub source: Range<usize>,
    /// The comment's text without the delimiters.
    pub body: String,
}

/// Where a position of the extracted text lies in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourcePos {
    /// A byte offset of the source file.
    Byte(usize),
    /// A byte offset inside the text of a paragraph (1-based number).
    Paragraph { paragraph: usize, offset: usize },
}

/// The readable text of a document and how it maps back to the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extracted {
    pub format: Format,
    /// The text to check: blocks (paragraphs, headings, list items, cells)
    /// separated by a blank line.
    pub text: String,
    /// Sorted by `text.start`, disjoint. Bytes of `text` in no segment are
    /// separators that yasno added.
    pub segments: Vec<Segment>,
    /// Host-format comments, in source order.
    pub comments: Vec<Comment>,
}

impl Extracted {
    /// The whole UTF-8 `src` as is: plain text and templates.
    pub fn plain(src: &str) -> Extracted {
        Extracted {
            format: Format::Text,
            text: src.to_string(),
            segments: if src.is_empty() {
                Vec::new()
            } else {
                vec![Segment { text: 0..src.len(), source: 0..src.len(), paragraph: 0, verbatim: true }]
            },
            comments: Vec::new(),
        }
    }

    /// Where byte `pos` of [`Extracted::text`] came from. A position inside
    /// a decoded piece (an entity, a collapsed line break) maps to the piece's
    /// start; a separator maps to the end of the piece before it.
    pub fn to_source(&self, pos: usize) -> SourcePos {
        self.map(pos, false)
    }

    /// Like [`Extracted::to_source`], for the end of a span: a position
    /// inside a decoded piece maps to the piece's end.
    pub fn to_source_end(&self, pos: usize) -> SourcePos {
        self.map(pos, true)
    }

    fn map(&self, pos: usize, end: bool) -> SourcePos {
        // The segment containing pos; for an end, one that ends at pos wins.
        let i = self.segments.partition_point(|s| if end { s.text.end < pos } else { s.text.end <= pos });
        let seg = match self.segments.get(i) {
            Some(s) if s.text.start <= pos && (pos < s.text.end || (end && pos == s.text.end)) => s,
            _ => {
                // In a separator (or past the end): the end of the segment before.
                return match i.checked_sub(1).and_then(|j| self.segments.get(j)) {
                    Some(prev) => self.pos(prev, prev.source.end),
                    None => match self.segments.first() {
                        Some(first) => self.pos(first, first.source.start),
                        None => self.pos_default(),
                    },
                };
            }
        };
        let off = if seg.verbatim {
            seg.source.start + (pos - seg.text.start)
        } else if end && pos > seg.text.start {
            seg.source.end
        } else {
            seg.source.start
        };
        self.pos(seg, off)
    }

    fn pos(&self, seg: &Segment, off: usize) -> SourcePos {
        if self.format.is_paragraph_based() {
            SourcePos::Paragraph { paragraph: seg.paragraph, offset: off }
        } else {
            SourcePos::Byte(off)
        }
    }

    fn pos_default(&self) -> SourcePos {
        if self.format.is_paragraph_based() {
            SourcePos::Paragraph { paragraph: 1, offset: 0 }
        } else {
            SourcePos::Byte(0)
        }
    }

    /// The segment of paragraph `paragraph` (1-based) of a `.docx`/`.odt`
    /// document; `None` for an empty paragraph. A binary search: segments
    /// are in paragraph order.
    pub fn paragraph_segment(&self, paragraph: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.paragraph < paragraph);
        self.segments.get(i).filter(|s| s.paragraph == paragraph)
    }

    /// 1-based paragraph number and 1-based column (in characters) of a
    /// position of a paragraph-based format.
    pub fn paragraph_column(&self, pos: SourcePos) -> Option<(usize, usize)> {
        let SourcePos::Paragraph { paragraph, offset } = pos else { return None };
        let seg = self.paragraph_segment(paragraph)?;
        let end = (seg.text.start + offset).min(seg.text.end);
        let end = (0..=end).rev().find(|&i| self.text.is_char_boundary(i)).unwrap_or(0);
        Some((paragraph, self.text[seg.text.start..end].chars().count() + 1))
    }

    /// The source byte range that `text[start..end]` copies verbatim, when
    /// it does (the span lies within verbatim segments that are contiguous
    /// in the source). Byte-based formats only.
    pub fn verbatim_source(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if self.format.is_paragraph_based() || start > end {
            return None;
        }
        let first = self.segments.partition_point(|s| s.text.end <= start);
        let mut src_start = None;
        let mut expect_text = start;
        let mut expect_src = None;
        for s in &self.segments[first..] {
            if s.text.start > expect_text || !s.verbatim {
                return None;
            }
            let a = expect_text - s.text.start;
            let src_a = s.source.start + a;
            if let Some(e) = expect_src {
                if e != src_a {
                    return None;
                }
            }
            src_start.get_or_insert(src_a);
            if end <= s.text.end {
                return Some(src_start.unwrap()..s.source.start + (end - s.text.start));
            }
            expect_text = s.text.end;
            expect_src = Some(s.source.end);
        }
        // Empty span at the very end of the text.
        if start == end && start == self.text.len() {
            return self.segments.last().filter(|s| s.verbatim).map(|s| s.source.end..s.source.end);
        }
        None
    }
}

/// Escapes a replacement for insertion into a source file of `format`.
pub fn escape_replacement(format: Format, s: &str) -> String {
    match format {
        Format::Html => html::escape_text(s),
        _ => s.to_string(),
    }
}

/// Reads a document by its file name's extension; unknown extensions are
/// read as plain UTF-8 text.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<Extracted, FormatError> {
    extract_as(bytes, Format::from_file_name(file_name).unwrap_or(Format::Text))
}

/// Reads a document of a known format, within the default [`LIMITS`].
pub fn extract_as(bytes: &[u8], format: Format) -> Result<Extracted, FormatError> {
    extract_limited(bytes, format, &LIMITS)
}

/// [`extract_as`] with other limits for `.docx` and `.odt` (say, smaller
/// ones in a browser).
pub fn extract_limited(bytes: &[u8], format: Format, limits: &Limits) -> Result<Extracted, FormatError> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    if !format.is_paragraph_based() && bytes.starts_with(BOM) {
        // A byte order mark is not text: read past it, keep file offsets.
        let mut e = extract_limited(&bytes[BOM.len()..], format, limits).map_err(|err| match err {
            FormatError::InvalidUtf8 { offset } => FormatError::InvalidUtf8 { offset: offset + BOM.len() },
            other => other,
        })?;
        for seg in &mut e.segments {
            seg.source = seg.source.start + BOM.len()..seg.source.end + BOM.len();
        }
        for c in &mut e.comments {
            c.source = c.source.start + BOM.len()..c.source.end + BOM.len();
        }
        return Ok(e);
    }
    match format {
        Format::Text => utf8(bytes).map(Extracted::plain),
        Format::Markdown => utf8(bytes).map(markdown::extract),
        Format::Html => utf8(bytes).map(html::extract),
        Format::Docx => office::extract_docx(bytes, limits),
        Format::Odt => office::extract_odt(bytes, limits),
    }
}

/// Builds [`Extracted`] for byte-based formats: text pieces with their
/// source ranges and block separators.
#[derive(Default)]
struct Builder {
    text: String,
    segments: Vec<Segment>,
    comments: Vec<Comment>,
    paragraph: usize,
}

impl Builder {
    /// Appends `piece`, copied from `source` (verbatim when equal to it).
    fn push(&mut self, piece: &str, source: Range<usize>, verbatim: bool) {
        if piece.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(piece);
        let seg = Segment { text: start..self.text.len(), source, paragraph: self.paragraph, verbatim };
        // Merge with the previous segment when both are contiguous verbatim copies.
        if let Some(last) = self.segments.last_mut() {
            if last.verbatim
                && seg.verbatim
                && last.text.end == seg.text.start
                && last.source.end == seg.source.start
                && last.paragraph == seg.paragraph
            {
                last.text.end = seg.text.end;
                last.source.end = seg.source.end;
                return;
            }
        }
        self.segments.push(seg);
    }

    /// Ends the current block: the next text starts after a blank line.
    fn block_break(&mut self) {
        let trimmed = self.text.trim_end_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed.ends_with("\n\n") {
            return;
        }
        // Trailing spaces that we added ourselves are dropped with the break.
        let keep = trimmed.len();
        if self.segments.last().is_none_or(|s| s.text.end <= keep) {
            self.text.truncate(keep);
        }
        if self.text.ends_with('\n') {
            self.text.push('\n');
        } else {
            self.text.push_str("\n\n");
        }
    }

    /// A line break inside a block.
    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// A space between inline pieces (no double spaces, none at line start).
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n', '\t']) {
            self.text.push(' ');
        }
    }

    fn finish(mut self, format: Format) -> Extracted {
        let keep = self.text.trim_end().len();
        if self.segments.last().is_none_or(|s| s.text.end <= keep) {
            self.text.truncate(keep);
        }
        Extracted { format, text: self.text, segments: self.segments, comments: self.comments }
    }
}

/// Splits the source text `raw` (at `offset` in the file) whose decoded form
/// is `decoded` into verbatim runs and decoded pieces: line breaks inside a
/// block become one space; `&…;` entities (HTML) are decoded by `decode`.
fn push_inline(
    b: &mut Builder,
    raw: &str,
    offset: usize,
    decoded: &str,
    decode_entity: &dyn Fn(&str) -> String,
) {
    if raw == decoded && !raw.contains(['\n', '\r']) {
        b.push(raw, offset..offset + raw.len(), true);
        return;
    }
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut run = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                // The whole whitespace run around the line break becomes one space.
                let mut ws_start = i;
                while ws_start > run && matches!(bytes[ws_start - 1], b' ' | b'\t') {
                    ws_start -= 1;
                }
                b.push(&raw[run..ws_start], offset + run..offset + ws_start, true);
                let mut j = i;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r') {
                    j += 1;
                }
                if !b.text.is_empty() && !b.text.ends_with([' ', '\n']) {
                    b.push(" ", offset + ws_start..offset + j, false);
                }
                i = j;
                run = j;
            }
            b'&' => {
                let end = raw[i + 1..]
                    .char_indices()
                    .take(40)
                    .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
                    .map(|(k, c)| i + 1 + k + usize::from(c == ';'))
                    .unwrap_or(raw.len().min(i + 41));
                let piece = &raw[i..end];
                let dec = decode_entity(piece);
                if dec == piece {
                    i += 1; // a bare ampersand: part of the verbatim run
                    continue;
                }
                b.push(&raw[run..i], offset + run..offset + i, true);
                b.push(&dec, offset + i..offset + end, false);
                i = end;
                run = end;
            }
            _ => i += 1,
        }
    }
    b.push(&raw[run..], offset + run..offset + raw.len(), true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_name() {
        assert_eq!(Format::from_file_name("a/b/Письмо.DOCX"), Some(Format::Docx));
        assert_eq!(Format::from_file_name("notice.html.j2"), Some(Format::Html));
        assert_eq!(Format::from_file_name("notice.md.hbs"), Some(Format::Markdown));
        assert_eq!(Format::from_file_name("notice.j2"), Some(Format::Text));
        assert_eq!(Format::from_file_name("README"), None);
        assert_eq!(Format::from_file_name("archive.zip"), None);
    }

    #[test]
    fn plain_text_maps_one_to_one() {
        let s = "Уважаемый {{ name }}!\nВ связи с отсутствием.";
        let e = extract(s.as_bytes(), "a.txt").unwrap();
        assert_eq!(e.text, s);
        let p = s.find("отсутствием").unwrap();
        assert_eq!(e.to_source(p), SourcePos::Byte(p));
        assert_eq!(e.verbatim_source(p, s.len()), Some(p..s.len()));
    }

    /// Segments are sorted and disjoint, and verbatim ones copy the source.
    fn assert_invariants(src: &str, e: &Extracted) {
        let mut last_text = 0;
        for seg in &e.segments {
            assert!(seg.text.start >= last_text && seg.text.start < seg.text.end, "{seg:?}");
            last_text = seg.text.end;
            if seg.verbatim {
                assert_eq!(&e.text[seg.text.clone()], &src[seg.source.clone()]);
            }
        }
        // Every word of the extracted text maps into the source.
        for (i, _) in e.text.char_indices() {
            let SourcePos::Byte(b) = e.to_source(i) else { panic!("byte format") };
            assert!(b <= src.len() && src.is_char_boundary(b));
        }
    }

    #[test]
    fn real_letters_keep_the_invariants_as_markdown_and_html() {
        let dir = std::env::var("YASNO_CORPUS").map(std::path::PathBuf::from).unwrap_or_else(|_| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real")
        });
        let Ok(rd) = std::fs::read_dir(&dir) else {
            eprintln!("no corpus at {}: skipped", dir.display());
            return;
        };
        let mut n = 0;
        for entry in rd.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let md = extract(text.as_bytes(), "a.md").unwrap();
            assert_invariants(&text, &md);
            // Every paragraph of the letter survives as Markdown prose.
            let words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
            assert!(words(&md.text) * 10 >= words(&text) * 9, "{}", path.display());
            let html: String = text
                .split("\n\n")
                .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
                .collect();
            let h = extract(html.as_bytes(), "a.html").unwrap();
            assert_invariants(&html, &h);
            assert_eq!(words(&h.text), words(&text), "{}", path.display());
            n += 1;
        }
        assert!(n > 0 || std::env::var("YASNO_CORPUS").is_err());
    }

    #[test]
    fn a_byte_order_mark_is_skipped_but_offsets_stay_file_offsets() {
        let src = "\u{feff}<p>Срок <!-- x --> пять дней.</p>";
        let e = extract(src.as_bytes(), "a.html").unwrap();
        assert_eq!(e.text, "Срок  пять дней.");
        let p = e.text.find("пять").unwrap();
        assert_eq!(e.to_source(p), SourcePos::Byte(src.find("пять").unwrap()));
        assert_eq!(&src[e.comments[0].source.clone()], "<!-- x -->");
        let t = extract("\u{feff}Срок".as_bytes(), "a.txt").unwrap();
        assert_eq!(t.text, "Срок");
        assert_eq!(t.verbatim_source(0, t.text.len()), Some(3..3 + "Срок".len()));
        assert_eq!(extract(b"\xEF\xBB\xBFa\xFF", "a.txt"), Err(FormatError::InvalidUtf8 { offset: 4 }));
    }

    #[test]
    fn hostile_markup_never_panics_and_keeps_the_invariants() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "&amp;",
            "&",
            "&nbsp",
            "&#x41;",
            "&#99999999;",
            "<!--",
            "-->",
            "`",
            "```\n",
            "\n",
            "\r\n",
            "\n\n",
            "Привет",
            " ",
            "*",
            "_",
            "[",
            "]",
            "(",
            ")",
            "{{",
            "}}",
            "{%",
            "%}",
            "<script>",
            "</script>",
            "<style>",
            ";",
            "\\",
            "---\n",
            "| a |",
            "😀",
            "é\u{301}",
            "\u{feff}",
            "<br>",
            "> ",
            "- ",
            "1. ",
            "#",
            "<",
            ">",
            "\"",
            "\t",
            "<pre>",
            "</",
        ];
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let n = (next() % 40) as usize;
            let src: String = (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            for name in ["a.md", "a.html", "a.txt"] {
                let e = extract(src.as_bytes(), name).unwrap();
                assert_invariants_offset(&src, &e);
                for (i, _) in e.text.char_indices().chain([(e.text.len(), ' ')]) {
                    for j in [i, e.text.len()] {
                        if let Some(r) = e.verbatim_source(i, j) {
                            assert_eq!(&e.text[i..j], &src[r], "{name}: {src:?}");
                        }
                    }
                }
            }
        }
        // Arbitrary bytes are never a panic for the archive readers.
        for _ in 0..300 {
            let n = (next() % 200) as usize;
            let mut bytes: Vec<u8> = b"PK\x03\x04".to_vec();
            bytes.extend((0..n).map(|_| next() as u8));
            assert!(extract(&bytes, "a.docx").is_err());
            assert!(extract(&bytes, "a.odt").is_err());
        }
    }

    /// [`assert_invariants`] for texts that may start with a byte order mark.
    fn assert_invariants_offset(src: &str, e: &Extracted) {
        let full = src;
        let mut last_text = 0;
        for seg in &e.segments {
            assert!(seg.text.start >= last_text && seg.text.start < seg.text.end, "{seg:?} in {full:?}");
            last_text = seg.text.end;
            if seg.verbatim {
                assert_eq!(&e.text[seg.text.clone()], &full[seg.source.clone()], "{full:?}");
            }
        }
        for (i, _) in e.text.char_indices() {
            let SourcePos::Byte(b) = e.to_source(i) else { panic!("byte format") };
            assert!(b <= full.len() && full.is_char_boundary(b), "{full:?}");
            let SourcePos::Byte(b) = e.to_source_end(i) else { panic!("byte format") };
            assert!(b <= full.len() && full.is_char_boundary(b), "{full:?}");
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let mut bytes = "Привет".as_bytes().to_vec();
        bytes.push(0xFF);
        assert_eq!(extract(&bytes, "a.txt"), Err(FormatError::InvalidUtf8 { offset: 12 }));
        assert_eq!(extract(&bytes, "a.md"), Err(FormatError::InvalidUtf8 { offset: 12 }));
    }
}
