//! Reading a source file: its bytes without blocking on a FIFO, decoded to text, with
//! binary data, files in another encoding, minified bundles and generated output told
//! apart before any parser sees them.

use std::path::Path;

use crate::discover::{self, SourcePath};

/// Reads a source file. `Ok(None)` for minified bundles and generated files of output
/// directories; `Err` says why a file cannot be analysed.
pub(super) fn read_source(source: &SourcePath) -> Result<Option<String>, String> {
    read_source_and_metadata(source).map(|(text, _)| text)
}

/// [`read_source`], and the metadata of the file it read.
pub(super) fn read_source_and_metadata(
    source: &SourcePath,
) -> Result<(Option<String>, std::fs::Metadata), String> {
    let path = source.path.as_path();
    use std::io::Read;
    let cannot_read = |e: std::io::Error| format!("cannot read this file: {e}");
    let mut file = open_without_blocking(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err("not a regular file (a FIFO, socket or device); it was skipped".to_owned());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    if source.output {
        // Bundles in output directories are large and tell themselves apart in their
        // first lines (a runtime, a minified line): the rest is read only for code.
        const HEAD: u64 = 16 * 1024;
        file.by_ref()
            .take(HEAD)
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
        if discover::head_looks_generated(&bytes) {
            return Ok((None, metadata));
        }
    }
    file.read_to_end(&mut bytes).map_err(cannot_read)?;
    Ok((decode(bytes, source.output)?, metadata))
}

/// Opening a FIFO for reading waits for a writer, and the run would hang: open without
/// waiting, then look at what was opened (one `fstat` instead of a second path lookup).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::File::open(path)
}

/// The text of a source file from its bytes, as `read_source` describes. `output`: the
/// file is in a build-output directory, where generated files are skipped.
pub(super) fn decode(bytes: Vec<u8>, output: bool) -> Result<Option<String>, String> {
    const BINARY: &str = "this looks like a binary file, not source code; it was skipped";
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        // Binary files are rarely valid UTF-8; a NUL near the start tells them from text
        // in another encoding (Latin-1) without misreading a NUL a string literal holds.
        Err(e) if e.as_bytes()[..e.as_bytes().len().min(8000)].contains(&0) => {
            return Err(BINARY.to_owned());
        }
        Err(e) => {
            return Err(format!(
                "this file is not valid UTF-8 (invalid byte at offset {}); it was skipped",
                e.utf8_error().valid_up_to()
            ));
        }
    };
    if mostly_control_bytes(text.as_bytes()) {
        return Err(BINARY.to_owned());
    }
    let text = blank_bom(text);
    if is_minified(&text) || (output && discover::looks_generated(&text)) {
        return Ok(None);
    }
    Ok(Some(text))
}

/// Whether the start of a valid UTF-8 file is more than a tenth control bytes (other
/// than tabs, line breaks and form feeds): data, not source. A NUL or an escape byte
/// inside a string literal is a few bytes among thousands.
fn mostly_control_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8000)];
    // Without branches, and counted in a byte per block of at most 255, so that the
    // compiler compares 16 or 32 bytes at a time. Blocks of a fixed size leave it no
    // bytes to count one by one after its wide steps, as blocks of 255 did (a quarter
    // of the bytes).
    const BLOCK: usize = 192;
    // Each byte adds 1 if it is a control byte, else 0, as a sum of comparisons that
    // each cost one wide instruction or two: the bytes below 0x20, less the range of
    // `\t`, `\n`, `\x0b`, `\x0c`, `\r`, plus the `\x0b` that range wrongly took, plus
    // DEL. The count of a block stays below 256, so wrapping sums are exact.
    let count = |block: &[u8]| {
        let in_block = block.iter().fold(0u8, |count, &b| {
            count
                .wrapping_add(u8::from(b < 0x20))
                .wrapping_sub(u8::from(b.wrapping_sub(b'\t') <= b'\r' - b'\t'))
                .wrapping_add(u8::from(b == 0x0b))
                .wrapping_add(u8::from(b == 0x7f))
        });
        usize::from(in_block)
    };
    let blocks = head.chunks_exact(BLOCK);
    let rest = count(blocks.remainder());
    let control: usize = rest
        + blocks
            .map(|block| match <&[u8; BLOCK]>::try_from(block) {
                Ok(block) => count(block),
                Err(_) => count(block),
            })
            .sum::<usize>();
    control * 10 > head.len()
}

/// Blanking the BOM keeps every offset as it is on disk.
fn blank_bom(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.replace_range(..3, "   ");
    }
    text
}

/// A large file whose lines are long on average: a minified bundle.
fn is_minified(text: &str) -> bool {
    const MIN_SIZE: usize = 20_000;
    const LONG_AVERAGE_LINE: usize = 500;
    text.len() > MIN_SIZE
        && text.len() / (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
            > LONG_AVERAGE_LINE
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn binary_is_invalid_utf8_or_mostly_control_bytes() {
        let source = b"const SEPARATOR = \"\0\";\nsocket.emit(\"log\", SEPARATOR);\n".to_vec();
        assert!(matches!(decode(source, false), Ok(Some(_))));
        let image: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
        assert!(decode(image, false).is_err_and(|e| e.contains("binary")));
        let data = [b"ok\n".as_slice(), &[1u8; 100]].concat();
        assert!(decode(data, false).is_err_and(|e| e.contains("binary")));
        let latin1 = b"const s = \"caf\xe9\";\n".to_vec();
        assert!(decode(latin1, false).is_err_and(|e| e.contains("UTF-8")));
    }

    #[test]
    fn control_bytes_are_counted_as_one_by_one() {
        let by_filter = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(8000)];
            let control = (head.iter())
                .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
                .count();
            control * 10 > head.len()
        };
        let all: Vec<u8> = (0..=255u8).collect();
        for share in [0, 1, 9, 10, 11, 50] {
            for len in [0, 10, 254, 255, 256, 1000, 7999, 8000, 9000] {
                let text: Vec<u8> = (0..len)
                    .map(|i| match i % 100 < share {
                        true => all[i % 32],
                        false => all[32 + i % 224],
                    })
                    .collect();
                assert_eq!(
                    super::mostly_control_bytes(&text),
                    by_filter(&text),
                    "{share} {len}"
                );
            }
        }
    }

    #[test]
    fn generated_files_are_skipped_only_in_output_dirs() {
        let bundle = b"(()=>{})();\n//# sourceMappingURL=main.js.map\n".to_vec();
        assert!(matches!(decode(bundle.clone(), true), Ok(None)));
        assert!(matches!(decode(bundle, false), Ok(Some(_))));
    }
}
