//! Document metrics: counts and readability indices adapted to Russian.

use serde::{Deserialize, Serialize};

use crate::text::normalize::syllables;
use crate::text::{Text, TokenKind};

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
    /// Average sentence length in words.
    pub avg_sentence_words: f64,
    /// Average syllables per word with letters.
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

/// Computes the metrics of a text.
pub fn compute(text: &Text) -> Metrics {
    let mut words = 0;
    let mut letter_words = 0;
    let mut syl = 0;
    let mut long = 0;
    for t in &text.tokens {
        if !t.counts_as_word() {
            continue;
        }
        words += 1;
        if t.kind == TokenKind::Word {
            letter_words += 1;
            let n = syllables(&t.norm);
            syl += n;
            if n >= LONG_WORD_SYLLABLES {
                long += 1;
            }
        }
    }
    let sentences = text.sentences.len();
    let longest = text.sentences.iter().map(|s| text.sentence_words(s)).max().unwrap_or(0);
    let asl = if sentences > 0 { words as f64 / sentences as f64 } else { 0.0 };
    let asw = if letter_words > 0 { syl as f64 / letter_words as f64 } else { 0.0 };
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
