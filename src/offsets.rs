//! Converting byte offsets to what other layers need: UTF-16 code units
//! (JavaScript) and 1-based line and column (CLI, SARIF).

/// Maps byte offsets of one text to lines and columns.
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based column in Unicode scalar values
    /// (characters) of the byte offset `pos`.
    pub fn line_col(&self, text: &str, pos: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = text[self.starts[line]..pos].chars().count() + 1;
        (line + 1, col)
    }

    /// 1-based column in UTF-16 code units (what editors and SARIF with
    /// `columnKind: utf16CodeUnits` expect).
    pub fn line_col_utf16(&self, text: &str, pos: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= pos) - 1;
        let col = text[self.starts[line]..pos].encode_utf16().count() + 1;
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
    fn utf16_round_trip() {
        let s = "😀 осуществлять 👍🏽 проверку";
        let p = s.find("проверку").unwrap();
        let u = utf16_offsets(s, &[0, p, s.len()]);
        let utf16: Vec<u16> = s.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[u[1]..u[2]]).unwrap(), "проверку");
        assert_eq!(byte_offset_from_utf16(s, u[1]), p);
    }
}
