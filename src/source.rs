//! Byte offsets to 1-based lines and UTF-16 columns, as editors and ESLint count them.

#[derive(Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { line_starts }
    }

    /// 1-based line and column (in UTF-16 code units) of a byte offset.
    pub fn position(&self, text: &str, offset: u32) -> (u32, u32) {
        let offset = offset.min(text.len() as u32);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        // A span can end inside a multi-byte character only for broken input.
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text[start..end].encode_utf16().count() as u32;
        (line as u32 + 1, column + 1)
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, text: &str, line: u32) -> Option<(usize, usize)> {
        let start = *self.line_starts.get(line.checked_sub(1)? as usize)? as usize;
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(text.len(), |next| *next as usize - 1);
        Some((start, end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn utf16_columns() {
        let text = "ab\n€x😀y\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        assert_eq!(index.position(text, 6), (2, 2)); // after the euro sign: one unit
        assert_eq!(index.position(text, 11), (2, 5)); // after the emoji: two units
        assert_eq!(index.line_range(text, 2), Some((3, 12)));
    }
}
