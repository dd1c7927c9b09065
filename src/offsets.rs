//! Converting byte offsets to what other layers need: UTF-16 code units
//! (JavaScript) and 1-based line and column (CLI, SARIF).

use crate::report::{Edit, Report};

/// Maps byte offsets of one text to lines and columns, in time independent
/// of the length of the line (a 1 MB line with thousands of findings).
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// Every [`MARK_STEP`] bytes or so (at a char boundary): the byte offset,
    /// and the characters and UTF-16 code units before it.
    marks: Vec<(usize, usize, usize)>,
}

const MARK_STEP: usize = 512;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        let mut marks = Vec::with_capacity(text.len() / MARK_STEP + 1);
        let (mut chars, mut units, mut next) = (0, 0, 0);
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, chars, units));
                next = i + MARK_STEP;
            }
            chars += 1;
            units += c.len_utf16();
        }
        if marks.is_empty() {
            marks.push((0, 0, 0));
        }
        LineIndex { starts, marks }
    }

    /// Characters and UTF-16 code units in `text[..pos]` (`text` is the
    /// text of [`LineIndex::new`]).
    pub fn counts(&self, text: &str, pos: usize) -> (usize, usize) {
        let (at, mut chars, mut units) = self.marks[self.marks.partition_point(|m| m.0 <= pos) - 1];
        for c in text[at..pos].chars() {
            chars += 1;
            units += c.len_utf16();
        }
        (chars, units)
    }

    /// 1-based line and 1-based column in Unicode scalar values
    /// (characters) of the byte offset `pos`.
    pub fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = self.counts(text, pos).0 - self.counts(text, self.starts[line]).0 + 1;
        (line + 1, col)
    }

    /// 1-based column in UTF-16 code units (what editors and SARIF with
    /// `columnKind: utf16CodeUnits` expect).
    pub fn line_col_utf16(&self, text: &str, pos: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = self.counts(text, pos).1 - self.counts(text, self.starts[line]).1 + 1;
        (line + 1, col)
    }
}

/// Converts byte offsets of `text` to UTF-16 code-unit offsets. `sorted`
/// must be ascending; the result is in the same order.
pub fn utf16_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut byte = 0;
    let mut units = 0;
    let mut chars = text.char_indices().peekable();
    for &target in sorted {
        while byte < target {
            match chars.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        out.push(units);
    }
    out
}

/// Converts a UTF-16 code-unit offset of `text` to a byte offset (rounding
/// down to a char boundary).
pub fn byte_offset_from_utf16(text: &str, target: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= target {
            return i;
        }
        units += c.len_utf16();
        if units > target {
            return i;
        }
    }
    text.len()
}

/// Converts UTF-16 code-unit offsets of `text` to byte offsets. `sorted`
/// must be ascending; the result is in the same order. An offset that falls
/// inside a surrogate pair or past the end of the text gives `None`.
pub fn byte_offsets_from_utf16(text: &str, sorted: &[usize]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut byte = 0;
    let mut units = 0;
    let mut chars = text.chars();
    for &target in sorted {
        while units < target {
            match chars.next() {
                Some(c) => {
                    byte += c.len_utf8();
                    units += c.len_utf16();
                }
                None => break,
            }
        }
        out.push((units == target).then_some(byte));
    }
    out
}

/// Rewrites every byte offset of `report` (findings and their edits) as a
/// UTF-16 code-unit offset of `text`, the text the report was made from.
pub fn report_to_utf16(report: &mut Report, text: &str) {
    let mut all: Vec<usize> = Vec::new();
    for f in &report.findings {
        all.extend([f.start, f.end]);
        all.extend(f.edits.iter().flat_map(|e| [e.start, e.end]));
    }
    all.sort_unstable();
    all.dedup();
    let units = utf16_offsets(text, &all);
    let map = |b: &mut usize| *b = units[all.binary_search(b).expect("collected above")];
    for f in &mut report.findings {
        map(&mut f.start);
        map(&mut f.end);
        for e in &mut f.edits {
            map(&mut e.start);
            map(&mut e.end);
        }
    }
}

/// Rewrites the UTF-16 code-unit offsets of `edits` as byte offsets of
/// `text`. Edits with an offset inside a surrogate pair or past the end of
/// the text are dropped.
pub fn edits_from_utf16(text: &str, edits: Vec<Edit>) -> Vec<Edit> {
    let mut all: Vec<usize> = edits.iter().flat_map(|e| [e.start, e.end]).collect();
    all.sort_unstable();
    all.dedup();
    let bytes = byte_offsets_from_utf16(text, &all);
    let map = |u: usize| bytes[all.binary_search(&u).expect("collected above")];
    edits
        .into_iter()
        .filter_map(|e| Some(Edit { start: map(e.start)?, end: map(e.end)?, replacement: e.replacement }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_with_emoji_and_combining() {
        let s = "а😀б\r\nе\u{301}ж";
        let idx = LineIndex::new(s);
        let b = s.find('б').unwrap();
        assert_eq!(idx.line_col(s, b), (1, 3));
        assert_eq!(idx.line_col_utf16(s, b), (1, 4));
        let zh = s.find('ж').unwrap();
        assert_eq!(idx.line_col(s, zh), (2, 3));
    }

    #[test]
    fn columns_of_long_lines_match_counting_from_the_line_start() {
        // Lines far longer than the marks' step, with 1- to 4-byte characters.
        let unit = "Абв d 😀 е\u{301} ";
        let s = format!("{}\n\n{}\r{}", unit.repeat(300), unit.repeat(7), unit.repeat(500));
        let idx = LineIndex::new(&s);
        for pos in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
            let start = s[..pos].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let line = 1 + s[..pos].matches(['\n', '\r']).count();
            assert_eq!(idx.line_col(&s, pos), (line, s[start..pos].chars().count() + 1), "{pos}");
            assert_eq!(idx.line_col_utf16(&s, pos), (line, s[start..pos].encode_utf16().count() + 1));
            assert_eq!(idx.counts(&s, pos), (s[..pos].chars().count(), s[..pos].encode_utf16().count()));
        }
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }

    #[test]
    fn utf16_round_trip() {
        let s = "😀 осуществлять 👍🏽 проверку";
        let p = s.find("проверку").unwrap();
        let u = utf16_offsets(s, &[0, p, s.len()]);
        let utf16: Vec<u16> = s.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[u[1]..u[2]]).unwrap(), "проверку");
        assert_eq!(byte_offset_from_utf16(s, u[1]), p);
    }

    #[test]
    fn utf16_to_bytes_in_batch() {
        let s = "а😀б";
        // а = 1 unit / 2 bytes, 😀 = 2 units / 4 bytes, б = 1 unit / 2 bytes.
        let got = byte_offsets_from_utf16(s, &[0, 1, 2, 3, 4, 5]);
        assert_eq!(got, vec![Some(0), Some(2), None, Some(6), Some(8), None]);
        let p = s.find('б').unwrap();
        let u = utf16_offsets(s, &[p])[0];
        assert_eq!(byte_offsets_from_utf16(s, &[u]), vec![Some(p)]);
    }

    #[test]
    fn report_offsets_become_utf16_and_edits_come_back() {
        let checker = crate::Checker::new(crate::Config::default()).unwrap();
        let text = "👍🏽 Заявление отклонено по причине отсутствия паспорта 😀 в настоящее время.";
        let mut report = checker.check(text);
        let bytes = report.clone();
        assert!(report.findings.iter().any(|f| !f.edits.is_empty()), "{report:?}");
        report_to_utf16(&mut report, text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for f in &report.findings {
            assert_eq!(String::from_utf16(&utf16[f.start..f.end]).unwrap(), f.text);
        }
        for (f, b) in report.findings.iter().zip(&bytes.findings) {
            let back = edits_from_utf16(text, f.edits.clone());
            assert_eq!(back, b.edits);
        }
        // An edit starting inside the surrogate pair of 😀 is dropped.
        let inside = utf16.len() - "😀 в настоящее время.".encode_utf16().count() + 1;
        let bad = Edit { start: inside, end: inside + 1, replacement: String::new() };
        assert!(edits_from_utf16(text, vec![bad]).is_empty());
    }
}
