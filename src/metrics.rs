//! Document metrics: counts and readability indices adapted to Russian.
//!
//! The readability indices measure running text: they are computed over the
//! sentences that end with `.`, `!`, `?` or `…` (see [`is_prose`]), so that a
//! letterhead, an address block, a date line or a signature («С уважением»,
//! «Д.О. Салюков») — short lines without a full stop — do not pass for short
//! sentences and make a letter of 40-word sentences look easy. The counts
//! (`words`, `sentences`, `syllables`…) cover the whole text.

use serde::{Deserialize, Serialize};

use crate::text::normalize::syllables;
use crate::text::{Sentence, Text, TokenKind};

/// Words with at least this many syllables count as long.
pub const LONG_WORD_SYLLABLES: usize = 4;
/// Reading speed for official text, words per minute.
pub const WORDS_PER_MINUTE: f64 = 150.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metrics {
    /// Characters (Unicode scalar values).
    pub characters: usize,
    /// Words: words with letters, numbers and template placeholders.
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    /// Syllables (vowels) of the words with letters.
    pub syllables: usize,
    /// Average sentence length in words, over the sentences of running text.
    pub avg_sentence_words: f64,
    /// Average syllables per word with letters, over the running text.
    pub avg_word_syllables: f64,
    /// Share of words with letters that have four or more syllables, 0..1.
    pub long_words_share: f64,
    /// Flesch reading ease for Russian (Oborneva): 206.835 − 1.3·ASL − 60.1·ASW.
    pub flesch: f64,
    /// Flesch–Kincaid grade for Russian: 0.5·ASL + 8.4·ASW − 15.59.
    pub grade: f64,
    /// The reader's education level that the grade implies, in Russian.
    pub level: String,
    /// Reading time in seconds at 150 words a minute.
    pub reading_seconds: f64,
    /// Words in the longest sentence.
    pub longest_sentence_words: usize,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The education level that a Flesch–Kincaid grade implies.
pub fn level_for_grade(grade: f64) -> String {
    let g = grade.round();
    match g as i64 {
        i64::MIN..=4 => "понятно ученику начальной школы".to_string(),
        5..=11 => format!("понятно выпускнику {} класса", g as i64),
        12..=15 => "понятно студенту".to_string(),
        16..=17 => "понятно выпускнику вуза".to_string(),
        _ => "понятно только специалисту".to_string(),
    }
}

/// Lines without a full stop that still count as running text: at least
/// this many words with letters, making up two thirds of the line (a long
/// heading or a sentence whose full stop was lost, not a line of requisites).
pub const PROSE_MIN_WORDS: usize = 8;

/// True for a sentence of running text: it has a word with letters and ends
/// with `.`, `!`, `?` or `…` (closing quotes or brackets may follow), and the
/// last word before a full stop is not initials («Т.А.», «И.»), as at the end
/// of a signature or an addressee line; or, without such an ending, it has
/// [`PROSE_MIN_WORDS`] words with letters that make two thirds of its words.
pub fn is_prose(text: &Text, s: &Sentence) -> bool {
    let toks = text.sentence_tokens(s);
    let letter_words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    if letter_words == 0 {
        return false;
    }
    let closing = |t: &crate::text::Token| {
        t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | ")" | "'" | "]")
    };
    let end = toks.iter().rposition(|t| !closing(t));
    let terminal = end.filter(|&e| {
        toks[e].kind == TokenKind::Punct && matches!(toks[e].norm.as_str(), "." | "!" | "?" | "…" | "...")
    });
    match terminal {
        Some(e) => {
            let prev = e.checked_sub(1).map(|p| &toks[p]);
            let initials = toks[e].norm == "."
                && prev.is_some_and(|p| {
                    p.kind == TokenKind::Word
                        && text.src[p.start..p.end].split('.').all(|part| {
                            let mut c = part.chars();
                            c.next().is_some_and(char::is_uppercase) && c.next().is_none()
                        })
                });
            !initials
        }
        None => {
            let words = toks.iter().filter(|t| t.counts_as_word()).count();
            letter_words >= PROSE_MIN_WORDS && letter_words * 3 >= words * 2
        }
    }
}

/// Computes the metrics of a text.
pub fn compute(text: &Text) -> Metrics {
    let mut words = 0;
    let mut letter_words = 0;
    let mut syl = 0;
    let mut long = 0;
    // Syllables of each token, counted once for both passes.
    let mut token_syl = vec![0; text.tokens.len()];
    for (t, ts) in text.tokens.iter().zip(&mut token_syl) {
        if !t.counts_as_word() {
            continue;
        }
        words += 1;
        if t.kind == TokenKind::Word {
            letter_words += 1;
            let n = syllables(&t.norm);
            *ts = n;
            syl += n;
            if n >= LONG_WORD_SYLLABLES {
                long += 1;
            }
        }
    }
    let sentences = text.sentences.len();
    let longest = text.sentences.iter().map(|s| text.sentence_words(s)).max().unwrap_or(0);
    // Readability over running text; over everything when there is none.
    let (mut p_sentences, mut p_words, mut p_letter_words, mut p_syl) = (0, 0, 0, 0);
    for s in text.sentences.iter().filter(|s| is_prose(text, s)) {
        p_sentences += 1;
        for (t, &n) in text.sentence_tokens(s).iter().zip(&token_syl[s.tokens.clone()]) {
            if !t.counts_as_word() {
                continue;
            }
            p_words += 1;
            if t.kind == TokenKind::Word {
                p_letter_words += 1;
                p_syl += n;
            }
        }
    }
    if p_letter_words == 0 {
        (p_sentences, p_words, p_letter_words, p_syl) = (sentences, words, letter_words, syl);
    }
    let asl = if p_sentences > 0 { p_words as f64 / p_sentences as f64 } else { 0.0 };
    let asw = if p_letter_words > 0 { p_syl as f64 / p_letter_words as f64 } else { 0.0 };
    let (flesch, grade) = if letter_words > 0 {
        (206.835 - 1.3 * asl - 60.1 * asw, 0.5 * asl + 8.4 * asw - 15.59)
    } else {
        (0.0, 0.0)
    };
    Metrics {
        characters: text.src.chars().count(),
        words,
        sentences,
        paragraphs: text.paragraphs.len(),
        syllables: syl,
        avg_sentence_words: round2(asl),
        avg_word_syllables: round2(asw),
        long_words_share: if letter_words > 0 { round2(long as f64 / letter_words as f64) } else { 0.0 },
        flesch: round2(flesch),
        grade: round2(grade),
        level: if letter_words > 0 { level_for_grade(grade) } else { String::new() },
        reading_seconds: round2(words as f64 / WORDS_PER_MINUTE * 60.0),
        longest_sentence_words: longest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_a_small_text() {
        let t = Text::new("Мы получили письмо. Ответим завтра.\n\nСпасибо!");
        let m = compute(&t);
        assert_eq!((m.words, m.sentences, m.paragraphs), (6, 3, 2));
        // мы(1) получили(4) письмо(2) ответим(3) завтра(2) спасибо(3)
        assert_eq!(m.syllables, 15);
        assert_eq!(m.avg_sentence_words, 2.0);
        assert!((m.flesch - (206.835 - 1.3 * 2.0 - 60.1 * 2.5)).abs() < 0.01);
    }

    #[test]
    fn letterhead_and_signature_are_not_sentences_for_readability() {
        let body = "Мы рассмотрели ваше обращение о пешеходном переходе на улице Свободы. \
                    Переход построят в мае, если комиссия одобрит проект.";
        let letter = format!(
            "ПРАВИТЕЛЬСТВО МОСКВЫ\n\nЗАМЕСТИТЕЛЬ ПРЕФЕКТА\n\n25.02.2026 № 12-04-1810/26\n\n\
             Сидорчику И.А.\n\nУважаемый Илья Александрович!\n\n{body}\n\nС уважением\n\nД.О. Салюков"
        );
        let (m, b) = (compute(&Text::new(&letter)), compute(&Text::new(body)));
        assert_eq!(m.sentences, 9);
        // Running text: the salutation (3 words) and the two body sentences (10 and 8).
        assert_eq!(m.avg_sentence_words, 7.0);
        assert_eq!(b.avg_sentence_words, 9.0);
        assert!(m.words > 30);
    }

    #[test]
    fn a_long_line_without_a_full_stop_is_running_text() {
        let s = "Уведомление о приостановлении деятельности юридического лица в качестве владельца свободного склада\n\n\
                 Телефон: (495) 777-7777, факс: (495) 490-4463, ОКПО 41997488, ОГРН 1027739801605\n\nДеятельность приостановлена.";
        let m = compute(&Text::new(s));
        assert_eq!(m.sentences, 3);
        // The 11-word heading and the 2-word sentence; not the requisites.
        assert_eq!(m.avg_sentence_words, 6.5);
    }

    #[test]
    fn text_without_full_stops_falls_back_to_every_line() {
        let m = compute(&Text::new("Заявление\nФИО заявителя\nДата подачи"));
        assert_eq!((m.sentences, m.avg_sentence_words), (3, 1.67));
        assert!(m.flesch.is_finite() && m.grade.is_finite());
    }

    #[test]
    fn empty_text_is_finite() {
        let m = compute(&Text::new(""));
        assert_eq!(m.words, 0);
        assert!(m.flesch.is_finite() && m.grade.is_finite());
    }

    #[test]
    fn levels() {
        assert_eq!(level_for_grade(9.2), "понятно выпускнику 9 класса");
        assert_eq!(level_for_grade(19.0), "понятно только специалисту");
    }
}
