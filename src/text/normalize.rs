//! Normalisation for matching. The source text is never rewritten: tokens
//! keep their original byte spans and carry a normalised form beside them.

/// Lower-cases a word and folds the variants that must not matter for
/// matching: ё→е, soft hyphen and combining marks (stress accents) dropped,
/// all hyphen-like characters unified to `-`.
pub fn norm_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    norm_word_into(word, &mut out);
    out
}

/// [`norm_word`] into `out` (cleared first), which keeps its capacity.
pub fn norm_word_into(word: &str, out: &mut String) {
    out.clear();
    // Fast path for Russian and ASCII letters and digits: runs of the ones
    // that stay as they are are copied whole.
    let bytes = word.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < bytes.len() {
        let (b, next) = (bytes[i], bytes.get(i + 1).copied().unwrap_or(0));
        let folded = match (b, next) {
            (b'a'..=b'z' | b'0'..=b'9', _) => {
                i += 1;
                continue;
            }
            // а–п, р–я.
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => {
                i += 2;
                continue;
            }
            (b'A'..=b'Z', _) => b.to_ascii_lowercase() as char,
            // А–Я (U+0410–U+042F, two bytes D0 90–D0 AF) to а–я.
            (0xD0, 0x90..=0xAF) => char::from_u32(0x420 + u32::from(next & 0x3F)).unwrap_or('\0'),
            // Ё, ё.
            (0xD0, 0x81) | (0xD1, 0x91) => 'е',
            _ => break,
        };
        out.push_str(&word[run..i]);
        out.push(folded);
        i += if b < 0x80 { 1 } else { 2 };
        run = i;
    }
    out.push_str(&word[run..i]);
    for c in word[i..].chars() {
        match c {
            // Fast paths for the common letters, before the Unicode tables.
            'а'..='я' | 'a'..='z' | '0'..='9' => out.push(c),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            // Soft hyphen, zero-width characters and bidirectional marks.
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => {}
            '\u{0300}'..='\u{036F}' => {}
            'ё' | 'Ё' => out.push('е'),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// Normalises a punctuation mark: typographic quotes become `"`, dashes `—`,
/// and the ellipsis character three dots' worth `…`.
pub fn norm_punct(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    norm_punct_into(p, &mut out);
    out
}

/// [`norm_punct`] into `out` (cleared first), which keeps its capacity.
pub fn norm_punct_into(p: &str, out: &mut String) {
    out.clear();
    out.extend(p.chars().map(|c| match c {
        '«' | '»' | '“' | '”' | '„' | '‟' | '"' | '‹' | '›' => '"',
        '‘' | '’' | '‚' => '\'',
        '–' | '—' | '−' | '―' | '‒' => '—',
        c => c,
    }));
}

/// True for spaces of any kind, including NBSP and narrow NBSP.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{FEFF}')
}

/// True for characters that join parts of one word: hyphens and the
/// invisible marks that may sit inside a word.
pub fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// Russian vowels: one syllable each.
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'А'
            | 'Е'
            | 'Ё'
            | 'И'
            | 'О'
            | 'У'
            | 'Ы'
            | 'Э'
            | 'Ю'
            | 'Я'
    )
}

/// Number of syllables of a word (its vowels; at least one for a word with letters).
pub fn syllables(word: &str) -> usize {
    // The vowels are two-byte Cyrillic letters, and D0 and D1 only ever
    // lead a character: count the pairs instead of decoding characters.
    word.as_bytes()
        .windows(2)
        .filter(|pair| {
            matches!(
                (pair[0], pair[1]),
                // а е и о, А Е И О У Ы Э Ю Я, Ё
                (0xD0, 0xB0 | 0xB5 | 0xB8 | 0xBE | 0x90 | 0x95 | 0x98 | 0x9E | 0xA3 | 0xAB | 0xAD | 0xAE | 0xAF | 0x81)
                // у ы э ю я, ё
                | (0xD1, 0x83 | 0x8B | 0x8D | 0x8E | 0x8F | 0x91)
            )
        })
        .count()
}

/// `char::is_alphabetic` with fast paths for ASCII and Russian letters.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'А'..='я' | 'ё' | 'Ё' => true,
        '\0'..='\u{7F}' => false,
        c => c.is_alphabetic(),
    }
}

/// `char::is_lowercase` with a fast path for Russian and ASCII letters.
pub fn is_lower(c: char) -> bool {
    match c {
        'а'..='я' | 'ё' | 'a'..='z' => true,
        'А'..='Я' | 'Ё' | '\0'..='\u{7F}' => false,
        c => c.is_lowercase(),
    }
}

/// `char::is_uppercase` with a fast path for Russian and ASCII letters.
pub fn is_upper(c: char) -> bool {
    match c {
        'А'..='Я' | 'Ё' | 'A'..='Z' => true,
        'а'..='я' | 'ё' | '\0'..='\u{7F}' => false,
        c => c.is_uppercase(),
    }
}

/// Pushes the lower case of `c` (as `char::to_lowercase`) with a fast
/// path for Russian and ASCII letters.
#[inline]
pub fn push_lower(out: &mut String, c: char) {
    match c {
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'Ё' => out.push('ё'),
        '\0'..='\u{7F}' => out.push(c.to_ascii_lowercase()),
        'а'..='я' | 'ё' => out.push(c),
        c => push_lower_slow(out, c),
    }
}

#[cold]
fn push_lower_slow(out: &mut String, c: char) {
    out.extend(c.to_lowercase());
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_case_helpers_agree_with_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            let mut ours = String::new();
            push_lower(&mut ours, c);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn folds_yo_soft_hyphen_and_stress() {
        assert_eq!(norm_word("Осу\u{AD}ществлённый"), "осуществленный");
        assert_eq!(norm_word("заме\u{301}на"), "замена");
        assert_eq!(norm_word("из\u{2011}за"), "из-за");
    }

    /// The character-by-character normalisation the fast path must equal.
    fn norm_word_by_chars(word: &str) -> String {
        let mut out = String::new();
        for c in word.chars() {
            match c {
                '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}' => {}
                '\u{0300}'..='\u{036F}' => {}
                'ё' | 'Ё' => out.push('е'),
                '\u{2010}' | '\u{2011}' => out.push('-'),
                c if c.is_uppercase() => out.extend(c.to_lowercase()),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn fast_normalisation_agrees_with_the_character_one() {
        let words = [
            "Заявление",
            "ОБРАЩЕНИЕ",
            "ёлка",
            "ЁЖ",
            "Осу\u{AD}ществлённый",
            "заме\u{301}на",
            "из\u{2011}за",
            "210-ФЗ",
            "GitHub",
            "ΣΟΦΙΑ",
            "Ǆ",
            "İstanbul",
            "пр\u{200D}имер",
            "Ґанок",
            "ЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
            "👍🏽слово",
            "слово👍",
            "",
        ];
        for w in words {
            assert_eq!(norm_word(w), norm_word_by_chars(w), "{w:?}");
        }
        // Every character, alone and after a Russian letter.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let w = format!("Я{c}ж");
            assert_eq!(norm_word(&w), norm_word_by_chars(&w), "{c:?}");
        }
    }

    #[test]
    fn folds_quotes_and_dashes() {
        assert_eq!(norm_punct("«"), "\"");
        assert_eq!(norm_punct("–"), "—");
    }

    #[test]
    fn lower_cases_every_script() {
        assert_eq!(norm_word("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"), "абвгдежзийклмнопрстуфхцчшщъыьэюя");
        assert_eq!(norm_word("ФЗ-210 GitHub ΣΟΦΙΑ Ǆ"), "фз-210 github σοφια ǆ");
    }

    #[test]
    fn letters_like_the_standard_library() {
        for c in ('\0'..='\u{2FFF}').chain(['𝔸', '中', '👍']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn counts_syllables() {
        assert_eq!(syllables("обращение"), 5);
        assert_eq!(syllables("ёлка"), 2);
        // The same count as testing every character.
        let by_chars = |w: &str| w.chars().filter(|&c| is_vowel(c)).count();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let w = format!("{c}аБ{c}Ё");
            assert_eq!(syllables(&w), by_chars(&w), "{c:?}");
        }
        for w in
            ["АЕЁИОУЫЭЮЯаеёиоуыэюя", "Осу\u{AD}ществлённый", "заме\u{301}на", "ГОСТ Р 52289-2019", "👍🏽ёж", ""]
        {
            assert_eq!(syllables(w), by_chars(w), "{w}");
        }
    }
}
