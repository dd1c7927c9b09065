//! The text model: tokens, sentences and paragraphs over the original text.
//! Every span is a byte range of the source; nothing is rewritten.

pub mod frozen;
mod norm;
pub mod normalize;
pub mod placeholder;
mod segment;
pub mod word_regex;

use std::ops::Range;
use std::sync::Arc;

use unicode_segmentation::UnicodeSegmentation;

use crate::morph::heuristics::Pos;
use crate::morph::{StemCache, WordFacts};
pub use norm::Norm;
use normalize::{is_hyphen, is_letter, is_space, norm_punct_into, norm_word_into};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word with letters, possibly hyphenated (`из-за`, `210-ФЗ`).
    Word,
    /// Digits, including dates and numbering (`01.02.2024`, `5.11`).
    Number,
    /// A punctuation mark or symbol.
    Punct,
    /// A template placeholder: opaque, never flagged, one word.
    Placeholder,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Normalised form: lower case, ё→е, without soft hyphens and stress
    /// marks; quotes and dashes unified for punctuation. Shared by the
    /// tokens of the same word.
    pub norm: Norm,
    /// Snowball stem of `norm` (words only; empty otherwise), shared by
    /// the tokens of the same word.
    pub stem: Arc<str>,
    /// What the heuristics guess of a word, when its tokens were read for
    /// a check ([`Text`]); `None` otherwise.
    pub facts: Option<WordFacts>,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// Counts as a word for lengths: words, numbers and placeholders.
    pub fn counts_as_word(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indices into [`Text::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Indices into [`Text::sentences`].
    pub sentences: Range<usize>,
}

/// A text split into tokens, sentences and paragraphs.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    pub src: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The guessed part of speech of every token (`None` for all but words).
    pub tags: Vec<Option<Pos>>,
    /// What the heuristics guess of every token (`None` for all but words).
    pub facts: Vec<Option<WordFacts>>,
}

impl<'a> Text<'a> {
    pub fn new(src: &'a str) -> Text<'a> {
        Text::with_stems(src, &mut StemCache::new())
    }

    /// As [`Text::new`], with stems taken from (and added to) `stems`,
    /// which may outlive the text: a checker keeps one across checks.
    pub fn with_stems(src: &'a str, stems: &mut StemCache) -> Text<'a> {
        let tokens = tokenize_with(src, stems, true, true);
        let (sentences, paragraphs) = segment::segment(src, &tokens);
        let facts: Vec<Option<WordFacts>> = tokens
            .iter()
            .map(|t| (t.kind == TokenKind::Word).then(|| t.facts.unwrap_or_else(|| stems.facts(&t.norm))))
            .collect();
        let tags = facts.iter().map(|f| f.map(|f| f.pos)).collect();
        Text { src, tokens, sentences, paragraphs, tags, facts }
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.src[start..end]
    }

    /// Tokens of a sentence.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    /// Number of words (words, numbers, placeholders) in a sentence.
    pub fn sentence_words(&self, s: &Sentence) -> usize {
        self.sentence_tokens(s).iter().filter(|t| t.counts_as_word()).count()
    }

    /// Index of the sentence containing byte `pos` (or the nearest one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        match self.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    /// The whitespace between token `i` and token `i + 1`.
    pub fn gap_after(&self, i: usize) -> &'a str {
        let end = self.tokens[i].end;
        let next = self.tokens.get(i + 1).map_or(self.src.len(), |t| t.start);
        &self.src[end..next]
    }

    /// True when `start..end` lies within one placeholder token.
    pub fn inside_placeholder(&self, start: usize, end: usize) -> bool {
        let i = self.tokens.partition_point(|t| t.end <= start);
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Placeholder && t.start <= start && end <= t.end)
    }
}

/// The tokens of a text without its sentences and paragraphs (dictionary
/// phrases: cheaper than [`Text::new`]).
pub fn tokens(src: &str) -> Vec<Token> {
    tokenize(src, &mut StemCache::new())
}

/// The tokens of a text with empty stems: for comparing normal forms, at a
/// fraction of the cost of [`tokens`].
pub fn tokens_without_stems(src: &str) -> Vec<Token> {
    tokenize(src, &mut StemCache::stemless())
}

fn tokenize(src: &str, stems: &mut StemCache) -> Vec<Token> {
    tokenize_with(src, stems, true, false)
}

/// `chunked`: cut the text at ASCII white space before the word
/// segmentation (the fast way, see `push_gap`); `false` segments each run
/// between placeholders whole (the reference for tests). `facts`: give the
/// words their [`WordFacts`].
fn tokenize_with(src: &str, stems: &mut StemCache, chunked: bool, facts: bool) -> Vec<Token> {
    let empty = stems.empty();
    // The normal form of the token at hand, before it is shared.
    let mut buf = String::new();
    // About one token per six bytes of Russian text.
    let mut tokens: Vec<Token> = Vec::with_capacity(src.len() / 6 + 1);
    let mut pos = 0;
    // `plain`: the segment is Russian or Latin letters and digits only, so
    // none of the tests for spaces, invisible characters or full stops
    // applies.
    let mut push_segment = |tokens: &mut Vec<Token>, start: usize, seg: &str, plain: bool| {
        {
            let end = start + seg.len();
            if plain {
                // (The hyphen test below only joins a segment that follows a
                // hyphen; a plain chunk follows a space or punctuation.)
            } else if seg.chars().all(is_space) {
                return;
            }
            // Invisible characters alone (zero-width joiners and the like).
            if seg
                .chars()
                .all(|c| c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{AD}'))
            {
                return;
            }
            // «порядке.Заявление»: UAX #29 keeps words joined by a full stop
            // together; in Russian text that is a missing space, unless
            // every part is short («т.е», «и.о», «Б.В»).
            if !plain
                && seg.contains('.')
                && seg.chars().any(normalize::is_cyrillic)
                && seg.split('.').any(|p| p.chars().count() >= 3)
            {
                let mut off = start;
                for (k, part) in seg.split('.').enumerate() {
                    if k > 0 {
                        tokens.push(Token {
                            start: off,
                            end: off + 1,
                            kind: TokenKind::Punct,
                            norm: stems.other("."),
                            stem: empty.clone(),
                            facts: None,
                        });
                        off += 1;
                    }
                    if !part.is_empty() {
                        tokens.push(word_token(src, off, off + part.len(), stems, &mut buf));
                    }
                    off += part.len();
                }
                return;
            }
            let kind = if plain {
                if seg.bytes().all(|b| b.is_ascii_digit()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                }
            } else if seg.chars().any(is_letter) {
                TokenKind::Word
            } else if seg.chars().any(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            // Join hyphenated words: из-за, 210-ФЗ, какой-либо.
            if kind != TokenKind::Punct && tokens.len() >= 2 {
                let n = tokens.len();
                let (a, h) = (&tokens[n - 2], &tokens[n - 1]);
                if h.kind == TokenKind::Punct
                    && is_hyphen(&src[h.start..h.end])
                    && a.end == h.start
                    && h.end == start
                    && matches!(a.kind, TokenKind::Word | TokenKind::Number)
                {
                    let a_start = a.start;
                    tokens.truncate(n - 2);
                    tokens.push(word_token(src, a_start, end, stems, &mut buf));
                    return;
                }
            }
            if kind == TokenKind::Word {
                let w = stems.spelled(seg, &mut buf, facts);
                tokens.push(Token { start, end, kind, norm: w.norm, stem: w.stem, facts: w.facts });
                return;
            }
            match kind {
                TokenKind::Punct => norm_punct_into(seg, &mut buf),
                _ => norm_word_into(seg, &mut buf),
            };
            tokens.push(Token {
                start,
                end,
                kind,
                norm: stems.other(&buf),
                stem: stems.empty(),
                facts: None,
            });
        }
    };
    // Word segmentation (UAX #29) of the text between placeholders. ASCII
    // white space always ends a segment, so the text is cut there into
    // chunks; a chunk of Russian or Latin letters and digits only is one
    // word segment, with punctuation around it one segment a mark (see
    // `plain_chunk`), and only the other chunks, with the white space before
    // them, go through the full segmentation.
    let mut push_gap = |tokens: &mut Vec<Token>, from: usize, to: usize| {
        let gap = &src[from..to];
        if !chunked {
            for (off, seg) in gap.split_word_bound_indices() {
                push_segment(tokens, from + off, seg, false);
            }
            return;
        }
        let bytes = gap.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let space = i;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let chunk = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if chunk == i {
                continue;
            }
            match plain_chunk(&gap[chunk..i]) {
                Some((core, tail)) => {
                    let (core_start, tail_start) = (chunk + core.start, chunk + tail);
                    for (off, c) in gap[chunk..core_start].char_indices() {
                        push_segment(
                            tokens,
                            from + chunk + off,
                            &gap[chunk + off..chunk + off + c.len_utf8()],
                            false,
                        );
                    }
                    if core_start < tail_start {
                        push_segment(tokens, from + core_start, &gap[core_start..tail_start], true);
                    }
                    for (off, c) in gap[tail_start..i].char_indices() {
                        let at = tail_start + off;
                        push_segment(tokens, from + at, &gap[at..at + c.len_utf8()], false);
                    }
                }
                None => {
                    for (off, seg) in gap[space..i].split_word_bound_indices() {
                        push_segment(tokens, from + space + off, seg, false);
                    }
                }
            }
        }
    };

    for (ps, pe) in placeholder::find(src) {
        push_gap(&mut tokens, pos, ps);
        tokens.push(Token {
            start: ps,
            end: pe,
            kind: TokenKind::Placeholder,
            norm: Norm::default(),
            stem: empty.clone(),
            facts: None,
        });
        pos = pe;
    }
    push_gap(&mut tokens, pos, src.len());
    tokens
}

/// A chunk between ASCII spaces that word segmentation (UAX #29) would cut
/// into punctuation marks, each a segment of its own, around one run of
/// Russian or Latin letters and digits («(заявления»,», «2024.»): the run
/// (possibly empty, when the chunk is punctuation only) and where the
/// punctuation after it starts. `None` for any other chunk. None of these
/// marks joins its neighbours: the ones between letters or digits
/// (`.`, `,`, `:`, `;`) join only with a letter or digit on both sides,
/// and the chunk has none beyond the run.
fn plain_chunk(chunk: &str) -> Option<(Range<usize>, usize)> {
    let is_edge = |c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '«' | '»');
    let is_plain =
        |c: char| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'a'..='z' | 'A'..='Z' | '0'..='9');
    let start = chunk.find(|c: char| !is_edge(c)).unwrap_or(chunk.len());
    let end = chunk
        .rfind(|c: char| !is_edge(c))
        .map_or(start, |i| i + chunk[i..].chars().next().map_or(0, char::len_utf8));
    chunk[start..end].chars().all(is_plain).then_some((start..end, end))
}

fn word_token(src: &str, start: usize, end: usize, stems: &mut StemCache, buf: &mut String) -> Token {
    norm_word_into(&src[start..end], buf);
    let kind = if buf.chars().any(is_letter) { TokenKind::Word } else { TokenKind::Number };
    let (norm, stem) =
        if kind == TokenKind::Word { stems.word(buf) } else { (stems.other(buf), stems.empty()) };
    Token { start, end, kind, norm, stem, facts: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let t = Text::new(s);
        t.tokens.iter().filter(|t| t.counts_as_word()).map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_of_one_word_share_their_normal_form() {
        let t = Text::new("Заявление принято. ЗАЯВЛЕНИЕ рассмотрено, заявлениё — нет; «нет».");
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "заявление",
                "принято",
                ".",
                "заявление",
                "рассмотрено",
                ",",
                "заявление",
                "—",
                "нет",
                ";",
                "\"",
                "нет",
                "\"",
                "."
            ]
        );
        // One string for the three spellings of «заявление», one for «нет».
        let at = |i: usize| t.tokens[i].norm.as_ptr();
        assert_eq!(at(0), at(3));
        assert_eq!(at(0), at(6));
        assert_eq!(at(8), at(11));
        assert_eq!(at(10), at(12));
        assert_ne!(at(0), at(8));
    }

    #[test]
    fn a_shared_cache_gives_every_word_its_own_facts() {
        // The cache keeps words by spelling across texts; what a text gets
        // must not depend on what came before.
        let mut stems = StemCache::new();
        let texts = [
            "Заявление рассмотрено. Осуществление проверки проводится.",
            "Проверка проводилась; ЗАЯВЛЕНИЕ рассмотрено, заявления рассматриваются.",
        ];
        for _ in 0..2 {
            for s in texts {
                let t = Text::with_stems(s, &mut stems);
                for (tok, facts) in t.tokens.iter().zip(&t.facts) {
                    let want = (tok.kind == TokenKind::Word).then(|| WordFacts::of(&tok.norm));
                    assert_eq!(*facts, want, "{}", tok.norm);
                    assert_eq!(tok.norm, normalize::norm_word(&s[tok.start..tok.end]).as_str());
                }
            }
        }
    }

    #[test]
    fn hyphenated_words_are_one_token() {
        assert_eq!(words("из-за 210-ФЗ какой-либо"), ["из-за", "210-ФЗ", "какой-либо"]);
    }

    #[test]
    fn placeholders_are_one_word() {
        assert_eq!(
            words("Уважаемый {{ client.name }}, дата __________."),
            ["Уважаемый", "{{ client.name }}", "дата", "__________"]
        );
    }

    #[test]
    fn soft_hyphen_and_stress_stay_inside_words() {
        let s = "осу\u{AD}ществление заме\u{301}на";
        let t = Text::new(s);
        assert_eq!(t.tokens.len(), 2);
        assert_eq!(t.tokens[0].norm, "осуществление");
        assert_eq!(t.tokens[1].norm, "замена");
    }

    #[test]
    fn words_glued_by_a_full_stop_are_split() {
        assert_eq!(
            words("порядке.Заявление т.е. Б.В. mos.ru"),
            ["порядке", "Заявление", "т.е", "Б.В", "mos.ru"]
        );
    }

    #[test]
    fn chunked_segmentation_gives_the_tokens_of_the_whole_one() {
        let texts = [
            "Уважаемый Иван Иванович! Ваше обращение от 01.02.2024 № 12-3/45 рассмотрено.",
            "т.е. и т. д., mos.ru; 1,5 км; 3.14; ул. Ленина, д. 5, кв. 7",
            "из-за 210-ФЗ какой-либо — «кавычки» „лапки“ (скобки) [ФИО] {{ name }} ______",
            "осу\u{AD}ществление заме\u{301}на \u{301}отдельно  \u{301}\t\u{200D}x",
            "Флаги 🇷🇺🇷🇺 🇷🇺x 👍🏽 👨‍👩‍👧 e\u{301} ё Ё ĳ ΑΒΓ مرحبا 日本語",
            "строка\r\nстрока\n\nабзац\tтаб\u{A0}nbsp\u{2009}тонкий\u{3000}идеограф",
            "порядке.Заявление O'Brien can't 3'14 ab:cd 12:30 __init__ a_b",
            " \u{301}начало с комбинирующего знака",
            "«Заявление», (копия). Итак: да; нет! Почему?! 5, 2024. (1) «а» \"б\" ... ,,, «» ()",
            "слово.\u{301} (\u{AD}слово) «слово»\u{200D} ).слово «т.е.» a.b. 12.30, 1,5. :а: ;б; 3:4 -5- «-»",
            "(Иванов) И.И., тел.: 8 (495) 123-45-67; e-mail: a@b.ru; т.д.). ст.5, ч.2 «Ёлка»?! ЁЖ.",
        ];
        let key = |t: &Token| (t.start, t.end, t.kind, t.norm.clone(), t.stem.to_string());
        // And the real documents, when the corpus is beside the repository.
        let documents = crate::testcorpus::documents();
        for s in texts.iter().copied().chain(documents.iter().map(String::as_str)) {
            let fast: Vec<_> = tokenize_with(s, &mut StemCache::new(), true, false).iter().map(key).collect();
            let whole: Vec<_> =
                tokenize_with(s, &mut StemCache::new(), false, false).iter().map(key).collect();
            assert_eq!(fast, whole, "«{s}»");
        }
    }

    #[test]
    fn tags_and_facts_are_the_guesses_for_each_word_with_a_shared_cache() {
        let texts = [
            "Ваше обращение рассмотрено. Сообщаем, что в предоставлении услуги отказано.",
            "Рассмотрев заявление, комиссия приняла решение; ЁЛКА ёлка Ёлка из-за 210-ФЗ {{ x }} [ФИО] ____",
            "Ваше обращение рассмотрено. Заявление принято.",
        ];
        let mut stems = StemCache::new();
        for s in texts {
            for t in [Text::with_stems(s, &mut stems), Text::new(s)] {
                assert_eq!(t.tags.len(), t.tokens.len());
                for ((tok, tag), facts) in t.tokens.iter().zip(&t.tags).zip(&t.facts) {
                    let expected =
                        (tok.kind == TokenKind::Word).then(|| crate::morph::heuristics::pos(&tok.norm));
                    assert_eq!(*tag, expected, "{}", tok.norm);
                    let expected = (tok.kind == TokenKind::Word).then(|| WordFacts::of(&tok.norm));
                    assert_eq!(*facts, expected, "{}", tok.norm);
                }
            }
        }
    }

    #[test]
    fn tokens_without_stems_differ_only_by_their_stems() {
        let s = "Ваше обращение рассмотрено, из-за 210-ФЗ «Ёлка» {{ x }} т.е. порядке.Заявление";
        let key = |t: &Token| (t.start, t.end, t.kind, t.norm.clone());
        let with: Vec<_> = tokens(s).iter().map(key).collect();
        let without: Vec<_> = tokens_without_stems(s).iter().map(key).collect();
        assert_eq!(with, without);
        assert!(tokens_without_stems(s).iter().all(|t| t.stem.is_empty()));
    }

    #[test]
    fn spans_are_char_boundaries_with_emoji() {
        let s = "Привет 👍🏽 мир, é\u{301} и 😀!";
        let t = Text::new(s);
        for tok in &t.tokens {
            assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
        }
    }
}
