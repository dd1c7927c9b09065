//! Bytes of a text file → UTF-8, or a clear reason why not: binary files
//! (a NUL byte), UTF-16, and legacy Cyrillic encodings (Windows-1251,
//! KOI8-R, …), which are named so that `--encoding` can decode them.
//! `.docx` and `.odt` are archives and never pass through here.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// The encoding named on the command line (a WHATWG label: `cp1251`,
/// `windows-1251`, `koi8-r`, `utf-16le`, …).
pub fn parse_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding `{label}` (try cp1251, koi8-r, cp866, utf-16le, utf-8)"))
}

/// The text of a file as UTF-8 bytes, and the encoding it was read in (to
/// write fixes back in). `forced`: the `--encoding` given, else the file must
/// be UTF-8 (a UTF-8 byte order mark is fine). A legacy single-byte encoding
/// is a fallback: a file that is valid UTF-8 is read as UTF-8 (Cyrillic in
/// Windows-1251 or KOI8-R is never valid UTF-8), so one `--encoding cp1251`
/// serves a folder where old and new files are mixed.
pub fn to_utf8(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<(Vec<u8>, &'static Encoding), String> {
    match forced {
        Some(enc)
            if enc == UTF_16LE
                || enc == UTF_16BE
                || (enc != UTF_8 && std::str::from_utf8(&bytes).is_err()) =>
        {
            let text = decode_strict(&bytes, enc)?;
            check_nul(text.as_bytes())?;
            Ok((text.into_bytes(), enc))
        }
        _ => {
            if let Some(utf16) = utf16_bom(&bytes) {
                return Err(format!(
                    "UTF-16 text (byte order mark at byte 0): save it as UTF-8, or check it with --encoding {utf16}"
                ));
            }
            check_nul(&bytes)?;
            if let Err(e) = std::str::from_utf8(&bytes) {
                let at = e.valid_up_to();
                return Err(match guess_cyrillic(&bytes, at) {
                    Some((name, label)) => format!(
                        "not valid UTF-8 at byte {at}; the file looks like {name}: check it with --encoding {label}, or save it as UTF-8"
                    ),
                    None => format!("not valid UTF-8 at byte {at}"),
                });
            }
            Ok((bytes, UTF_8))
        }
    }
}

/// Encodes fixed text back into the file's encoding; an error when the
/// encoding cannot hold some character of it.
pub fn from_utf8(text: &str, enc: &'static Encoding) -> Result<Vec<u8>, String> {
    if enc == UTF_8 {
        return Ok(text.as_bytes().to_vec());
    }
    if enc == UTF_16LE || enc == UTF_16BE {
        // The Encoding Standard has no UTF-16 encoder.
        let units = text.encode_utf16();
        let out: Vec<u8> = if enc == UTF_16LE {
            units.flat_map(u16::to_le_bytes).collect()
        } else {
            units.flat_map(u16::to_be_bytes).collect()
        };
        return Ok(out);
    }
    let mut encoder = enc.new_encoder();
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        out.reserve(
            encoder.max_buffer_length_from_utf8_without_replacement(rest.len()).unwrap_or(rest.len() * 4),
        );
        let (result, read) = encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            encoding_rs::EncoderResult::InputEmpty => return Ok(out),
            encoding_rs::EncoderResult::OutputFull => continue,
            encoding_rs::EncoderResult::Unmappable(c) => {
                return Err(format!("the fixed text has «{c}», which {} cannot hold", enc.name()))
            }
        }
    }
}

/// Decodes without replacement characters; the error names the first bad byte.
fn decode_strict(bytes: &[u8], enc: &'static Encoding) -> Result<String, String> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => {
            let at = read - after as usize - bad as usize;
            Err(format!("not valid {} at byte {at}", enc.name()))
        }
        DecoderResult::OutputFull => Err(format!("cannot decode as {}", enc.name())),
    }
}

/// A NUL byte is never in text: the file is binary (or UTF-16 without a
/// byte order mark, which is then named).
fn check_nul(bytes: &[u8]) -> Result<(), String> {
    let Some(at) = bytes.iter().position(|&b| b == 0) else { return Ok(()) };
    // UTF-16 of mostly ASCII or Cyrillic text has zeros or 0x04 in every other byte.
    let head = &bytes[..bytes.len().min(4096) & !1];
    let (even, odd) = head.chunks(2).fold((0, 0), |(e, o), p| {
        (e + usize::from(matches!(p[0], 0 | 4)), o + usize::from(matches!(p[1], 0 | 4)))
    });
    let pairs = head.len() / 2;
    if pairs >= 4 && odd * 10 >= pairs * 9 && even * 10 < pairs {
        return Err(format!(
            "NUL byte at byte {at}: looks like UTF-16LE text; check it with --encoding utf-16le, or save it as UTF-8"
        ));
    }
    if pairs >= 4 && even * 10 >= pairs * 9 && odd * 10 < pairs {
        return Err(format!(
            "NUL byte at byte {at}: looks like UTF-16BE text; check it with --encoding utf-16be, or save it as UTF-8"
        ));
    }
    Err(format!("binary file (NUL byte at byte {at}), not checked"))
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("utf-16le"),
        [0xFE, 0xFF, ..] => Some("utf-16be"),
        _ => None,
    }
}

/// The legacy Cyrillic encoding the bytes look like, with the label to give
/// `--encoding`. Only for files whose valid UTF-8 start is plain ASCII: a
/// UTF-8 file with one broken byte is not a legacy file.
fn guess_cyrillic(bytes: &[u8], valid_up_to: usize) -> Option<(&'static str, &'static str)> {
    if !bytes[..valid_up_to].is_ascii() {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    [
        (encoding_rs::WINDOWS_1251, "Windows-1251", "cp1251"),
        (encoding_rs::KOI8_R, "KOI8-R", "koi8-r"),
        // KOI8-U is KOI8-R plus Ukrainian letters: the detector names it for both.
        (encoding_rs::KOI8_U, "KOI8-R/KOI8-U", "koi8-u"),
        (encoding_rs::IBM866, "CP866 (DOS)", "cp866"),
        (encoding_rs::ISO_8859_5, "ISO-8859-5", "iso-8859-5"),
        (encoding_rs::X_MAC_CYRILLIC, "Mac Cyrillic", "x-mac-cyrillic"),
    ]
    .into_iter()
    .find(|(e, ..)| *e == enc)
    .map(|(_, name, label)| (name, label))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Уважаемый заявитель! В связи с отсутствием документов ваше заявление \
                        возвращено без рассмотрения. Вы можете подать его повторно.";

    fn encoded(enc: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(TEXT);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn legacy_cyrillic_is_named() {
        for (enc, label) in [(encoding_rs::WINDOWS_1251, "cp1251"), (encoding_rs::KOI8_R, "koi8-u")] {
            let e = to_utf8(encoded(enc), None).unwrap_err();
            assert!(e.starts_with("not valid UTF-8 at byte 0;"), "{e}");
            assert!(e.contains(&format!("--encoding {label}")), "{e}");
            // Decoded with the label suggested, it is the text again.
            let forced = parse_label(label).unwrap();
            assert_eq!(to_utf8(encoded(enc), Some(forced)).unwrap(), (TEXT.as_bytes().to_vec(), forced));
            assert_eq!(from_utf8(TEXT, enc).unwrap(), encoded(enc));
            // A UTF-8 file stays UTF-8 under a legacy --encoding.
            assert_eq!(to_utf8(TEXT.into(), Some(forced)).unwrap(), (TEXT.as_bytes().to_vec(), UTF_8));
        }
    }

    #[test]
    fn a_broken_utf8_file_is_not_called_legacy() {
        let mut b = TEXT.as_bytes().to_vec();
        b.insert(19, 0xFF); // after «Уважаемый »
        assert_eq!(to_utf8(b, None).unwrap_err(), "not valid UTF-8 at byte 19");
    }

    #[test]
    fn binary_and_utf16() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert_eq!(to_utf8(png, None).unwrap_err(), "binary file (NUL byte at byte 8), not checked");
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(to_utf8(le.clone(), None).unwrap_err().contains("--encoding utf-16le"));
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        assert!(to_utf8(bom, None).unwrap_err().starts_with("UTF-16 text (byte order mark"));
        assert_eq!(to_utf8(le.clone(), Some(UTF_16LE)).unwrap(), (TEXT.as_bytes().to_vec(), UTF_16LE));
        assert_eq!(from_utf8(TEXT, UTF_16LE).unwrap(), le);
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(to_utf8(be, None).unwrap_err().contains("--encoding utf-16be"));
    }

    #[test]
    fn forced_encoding_errors_name_the_byte() {
        // An odd number of bytes is not UTF-16.
        let e = to_utf8(b"a\0b".to_vec(), Some(UTF_16LE)).unwrap_err();
        assert_eq!(e, "not valid UTF-16LE at byte 2");
        assert!(parse_label("cp-nonsense").is_err());
        assert_eq!(parse_label("CP1251").unwrap(), encoding_rs::WINDOWS_1251);
        let e = from_utf8("Ёлка 😀", encoding_rs::WINDOWS_1251).unwrap_err();
        assert!(e.contains('😀'), "{e}");
    }
}
