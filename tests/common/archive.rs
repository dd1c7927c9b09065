//! Building `.docx`/`.odt` archives for tests, zip bombs included.

#![allow(dead_code)]

use std::io::{Cursor, Write};

/// A zip archive with the given parts, deflated.
pub fn zip_parts(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, body) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A `.docx` whose `word/document.xml` holds these paragraphs.
pub fn docx(paragraphs: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for p in paragraphs {
        xml.push_str("<w:p><w:r><w:t xml:space=\"preserve\">");
        xml.push_str(&p);
        xml.push_str("</w:t></w:r></w:p>");
    }
    xml.push_str("</w:body></w:document>");
    zip_parts(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml.as_bytes())])
}

/// Deflate bits, least significant first (RFC 1951).
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, bits: u32) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code: most significant bit first.
    fn code(&mut self, code: u32, bits: u32) {
        let mut rev = 0;
        for i in 0..bits {
            rev |= ((code >> i) & 1) << (bits - 1 - i);
        }
        self.put(rev as u64, bits);
    }
}

/// A raw deflate stream that unpacks to `seed` repeated (about) `size`
/// bytes long, written directly with fixed Huffman codes: each 258 bytes
/// cost 14 bits, so a gigabyte is 7 MB and takes milliseconds to make.
/// `seed` is ASCII, at most 143 per byte and at most 8 bytes long.
pub fn deflate_repeated(seed: &[u8], size: u64) -> Vec<u8> {
    assert!(!seed.is_empty() && seed.len() <= 8 && seed.iter().all(|&b| b < 144));
    let mut w = Bits { out: Vec::with_capacity((size / 258 * 14 / 8 + 64) as usize), acc: 0, n: 0 };
    w.put(1, 1); // final block
    w.put(1, 2); // fixed Huffman codes
    for &b in seed {
        w.code(0x30 + b as u32, 8); // literals 0..=143: 8 bits from 0x30
    }
    let dist = seed.len() as u32;
    // Distance codes 0..=3 are distances 1..=4; code 4: 5..=6, code 5: 7..=8 (one extra bit).
    let (dcode, extra, extra_bits) = match dist {
        1..=4 => (dist - 1, 0, 0),
        5 | 6 => (4, dist - 5, 1),
        _ => (5, dist - 7, 1),
    };
    for _ in 0..size.saturating_sub(seed.len() as u64) / 258 {
        w.code(0xC0 + 5, 8); // length code 285 = 258 bytes
        w.code(dcode, 5);
        w.put(extra as u64, extra_bits);
    }
    w.code(0, 7); // end of block
    if w.n > 0 {
        w.out.push(w.acc as u8);
    }
    w.out
}

/// The size `deflate_repeated(seed, size)` really unpacks to.
pub fn repeated_len(seed: &[u8], size: u64) -> u64 {
    seed.len() as u64 + size.saturating_sub(seed.len() as u64) / 258 * 258
}

/// A zip archive with one deflated entry `name` made of `data` (a raw
/// deflate stream), declaring `declared` as its uncompressed size. The
/// CRC is not computed (zero): a reader that refuses the entry early never
/// gets to check it.
pub fn zip_raw(name: &str, data: &[u8], declared: u64) -> Vec<u8> {
    let mut z = Vec::new();
    let name = name.as_bytes();
    let size32 = declared.min(u32::MAX as u64) as u32;
    let csize32 = data.len() as u32;
    // Local file header.
    z.extend_from_slice(&0x04034b50u32.to_le_bytes());
    z.extend_from_slice(&20u16.to_le_bytes()); // version needed
    z.extend_from_slice(&0u16.to_le_bytes()); // flags
    z.extend_from_slice(&8u16.to_le_bytes()); // deflate
    z.extend_from_slice(&[0; 4]); // time, date
    z.extend_from_slice(&0u32.to_le_bytes()); // crc
    z.extend_from_slice(&csize32.to_le_bytes());
    z.extend_from_slice(&size32.to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // extra length
    z.extend_from_slice(name);
    z.extend_from_slice(data);
    let cd_start = z.len() as u32;
    // Central directory header.
    z.extend_from_slice(&0x02014b50u32.to_le_bytes());
    z.extend_from_slice(&20u16.to_le_bytes()); // version made by
    z.extend_from_slice(&20u16.to_le_bytes()); // version needed
    z.extend_from_slice(&0u16.to_le_bytes());
    z.extend_from_slice(&8u16.to_le_bytes());
    z.extend_from_slice(&[0; 4]);
    z.extend_from_slice(&0u32.to_le_bytes());
    z.extend_from_slice(&csize32.to_le_bytes());
    z.extend_from_slice(&size32.to_le_bytes());
    z.extend_from_slice(&(name.len() as u16).to_le_bytes());
    z.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
    z.extend_from_slice(&[0; 4]); // external attributes
    z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
    z.extend_from_slice(name);
    let cd_len = z.len() as u32 - cd_start;
    // End of central directory.
    z.extend_from_slice(&0x06054b50u32.to_le_bytes());
    z.extend_from_slice(&[0; 4]); // disk numbers
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&1u16.to_le_bytes());
    z.extend_from_slice(&cd_len.to_le_bytes());
    z.extend_from_slice(&cd_start.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes()); // comment length
    z
}
