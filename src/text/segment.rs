//! Paragraphs and sentences over tokens.

use super::{Paragraph, Sentence, Token, TokenKind};

/// Abbreviations after which a full stop does not end a sentence
/// (normalised, without the dot). Units («руб.», «мин.», «тыс.») are not
/// here: before a capital letter they end the sentence («…до 2 мин. Затем…»),
/// and before a lower-case word nothing breaks anyway.
const ABBREVIATIONS: &[&str] = &[
    "абз",
    "акад",
    "бул",
    "вв",
    "гг",
    "гл",
    "гр",
    "г-жа",
    "г-н",
    "д",
    "дер",
    "доц",
    "др",
    "ед",
    "зам",
    "зд",
    "им",
    "и.о",
    "изд",
    "исп",
    "кв",
    "каб",
    "канд",
    "корп",
    "лит",
    "мкр",
    "нач",
    "наб",
    "напр",
    "обл",
    "отд",
    "пер",
    "пл",
    "под",
    "подп",
    "пом",
    "пос",
    "пп",
    "пр",
    "прим",
    "просп",
    "проф",
    "р-н",
    "разд",
    "расп",
    "ред",
    "рис",
    "св",
    "сл",
    "см",
    "соотв",
    "ср",
    "ст",
    "стр",
    "тел",
    "табл",
    "ул",
    "уч",
    "ф",
    "факс",
    "ш",
    "эт",
    "юр",
];

/// Abbreviations that usually close a list and so may end a sentence:
/// «и т. д.», «и т. п.», «и др.».
const CLOSING: &[&str] = &["д", "п", "др"];

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "…")
}

fn is_closing(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | ")" | "'" | "]")
}

fn starts_upper_or_digit(t: &Token, src: &str) -> bool {
    let first = src[t.start..t.end].chars().next().unwrap_or(' ');
    match t.kind {
        TokenKind::Placeholder => true,
        TokenKind::Number => true,
        TokenKind::Word => first.is_uppercase(),
        TokenKind::Punct => matches!(t.norm.as_str(), "\"" | "—" | "(" | "-" | "«" | "<"),
    }
}

/// Whether a newline in the gap before token `next` starts a new paragraph.
fn paragraph_break(src: &str, tokens: &[Token], i: usize) -> bool {
    let gap = &src[tokens[i].end..tokens[i + 1].start];
    if !gap.bytes().any(|b| b == b'\n' || b == b'\r') {
        return false;
    }
    let newlines = gap.matches('\n').count() + gap.matches('\r').filter(|_| !gap.contains('\n')).count();
    if newlines == 0 {
        return false;
    }
    let blank = gap.split('\n').count() > 2;
    if blank {
        return true;
    }
    // A hard-wrapped line: the line ends inside a sentence and the next line
    // goes on in lower case.
    let prev = &tokens[i];
    let next = &tokens[i + 1];
    let next_lower = next.kind == TokenKind::Word
        && src[next.start..next.end].chars().next().is_some_and(char::is_lowercase);
    let prev_open = prev.kind == TokenKind::Word || matches!(prev.norm.as_str(), "," | "-" | "—");
    !(next_lower && prev_open)
}

/// Decides whether the terminal run `tokens[a..=b]` ends a sentence, given
/// the token before it and the one after it.
fn ends_sentence(src: &str, tokens: &[Token], sent_start: usize, a: usize, b: usize) -> bool {
    let Some(next) = tokens.get(b + 1) else { return true };
    let spaced = tokens[b].end < next.start;
    if !starts_upper_or_digit(next, src) {
        return false;
    }
    let only_dot = a == b && tokens[a].norm == ".";
    if only_dot && a > 0 {
        let prev = &tokens[a - 1];
        let prev_text = &src[prev.start..prev.end];
        if prev.end == tokens[a].start {
            if prev.kind == TokenKind::Word {
                let n = prev.norm.chars().count();
                let is_initial = n == 1 && prev_text.chars().next().is_some_and(char::is_uppercase);
                if is_initial {
                    return false;
                }
                // Dotted abbreviations read as one word: «Б.В», «т.е», «и.о».
                if prev.norm.contains('.')
                    && prev.norm.chars().any(super::normalize::is_cyrillic)
                    && prev.norm.split('.').all(|p| p.chars().count() <= 3)
                {
                    let closes = matches!(prev.norm.as_str(), "т.д" | "т.п");
                    if !(closes && spaced && next.kind == TokenKind::Word) {
                        return false;
                    }
                }
                // A number with a glued abbreviation: «2024г.», «10ч.».
                let glued = prev.norm.starts_with(|c: char| c.is_ascii_digit())
                    && prev.norm.trim_start_matches(|c: char| c.is_ascii_digit()).chars().count() <= 2;
                if n == 1 || glued || ABBREVIATIONS.contains(&prev.norm.as_str()) {
                    // «и т. д. Далее…» ends the sentence; «т. е. Иванов» does not.
                    let closes = CLOSING.contains(&prev.norm.as_str())
                        && a >= 2
                        && matches!(tokens[a - 2].norm.as_str(), "." | "т" | "и");
                    if !(closes && spaced && next.kind == TokenKind::Word) {
                        return false;
                    }
                }
            }
            // Numbering at the start of a paragraph: «1.2. Текст», «3. Текст».
            if prev.kind == TokenKind::Number
                && tokens[sent_start..a].iter().all(|t| t.kind == TokenKind::Number || t.norm == ".")
            {
                return false;
            }
        }
    }
    if !spaced {
        // «году".Заявление»: a missing space after a sentence still ends it
        // when a lowercase word or a closing quote comes before the dot and a
        // capitalised word follows; «И.А.Иванов», «5.11.1» do not.
        let prev_ok = a > 0
            && (is_closing(&tokens[a - 1])
                || (tokens[a - 1].kind == TokenKind::Word
                    && tokens[a - 1].norm.chars().count() >= 3
                    && src[tokens[a - 1].start..tokens[a - 1].end].chars().all(|c| !c.is_uppercase())));
        let next_ok = next.kind == TokenKind::Word
            && next.norm.chars().count() >= 3
            && src[next.start..next.end].chars().skip(1).any(char::is_lowercase);
        return prev_ok && next_ok;
    }
    true
}

pub(super) fn segment(src: &str, tokens: &[Token]) -> (Vec<Sentence>, Vec<Paragraph>) {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    if tokens.is_empty() {
        return (sentences, paragraphs);
    }
    let mut para_start_tok = 0;
    let mut sent_start = 0;
    let mut i = 0;
    let close_sentence = |sentences: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        if from < to {
            sentences.push(Sentence {
                start: tokens[from].start,
                end: tokens[to - 1].end,
                tokens: from..to,
                paragraph: para,
            });
        }
    };
    while i < tokens.len() {
        let mut end_here = false;
        let mut last = i;
        if is_terminal(&tokens[i]) {
            // Absorb a run of terminal marks and closing quotes or brackets.
            let mut b = i;
            while b + 1 < tokens.len()
                && tokens[b].end == tokens[b + 1].start
                && (is_terminal(&tokens[b + 1]) || is_closing(&tokens[b + 1]))
            {
                b += 1;
            }
            last = b;
            let para_ends = b + 1 < tokens.len() && paragraph_break(src, tokens, b);
            end_here = para_ends || ends_sentence(src, tokens, sent_start, i, b);
        }
        let para_break = last + 1 >= tokens.len() || paragraph_break(src, tokens, last);
        if end_here || para_break {
            close_sentence(&mut sentences, sent_start, last + 1, paragraphs.len());
            sent_start = last + 1;
        }
        if para_break {
            let first_sentence = paragraphs.last().map_or(0, |p: &Paragraph| p.sentences.end);
            paragraphs.push(Paragraph {
                start: tokens[para_start_tok].start,
                end: tokens[last].end,
                sentences: first_sentence..sentences.len(),
            });
            para_start_tok = last + 1;
        }
        i = last + 1;
    }
    (sentences, paragraphs)
}

#[cfg(test)]
mod tests {
    use crate::text::Text;

    fn sentences(s: &str) -> Vec<&str> {
        let t = Text::new(s);
        t.sentences.iter().map(|x| &s[x.start..x.end]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("Мы получили письмо. Ответим завтра! Вопросы?"),
            ["Мы получили письмо.", "Ответим завтра!", "Вопросы?"]
        );
    }

    #[test]
    fn keeps_abbreviations_inside() {
        let s = "Обратитесь в МФЦ, т. е. в центр госуслуг. Адрес: г. Москва, ул. Ленина, д. 5. Приём и т. д. Далее текст.";
        assert_eq!(
            sentences(s),
            [
                "Обратитесь в МФЦ, т. е. в центр госуслуг.",
                "Адрес: г. Москва, ул. Ленина, д. 5.",
                "Приём и т. д.",
                "Далее текст."
            ]
        );
    }

    #[test]
    fn keeps_legal_references_inside() {
        let s = "Согласно п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ документы не нужны. Ответ готов.";
        assert_eq!(sentences(s).len(), 2);
        assert!(sentences(s)[0].ends_with("не нужны."));
    }

    #[test]
    fn keeps_initials_and_dates() {
        let s = "Письмо подписал И. И. Иванов 01.02.2024. Ответ направил Б.В. Андреев.";
        assert_eq!(
            sentences(s),
            ["Письмо подписал И. И. Иванов 01.02.2024.", "Ответ направил Б.В. Андреев."]
        );
    }

    #[test]
    fn numbering_is_not_a_sentence() {
        let s = "1.2. Заявитель подаёт заявление.\n3. Орган рассматривает его.";
        assert_eq!(sentences(s), ["1.2. Заявитель подаёт заявление.", "3. Орган рассматривает его."]);
    }

    #[test]
    fn paragraphs_by_lines_and_blank_lines() {
        let s = "Заголовок\r\n\r\nПервый абзац. Ещё.\nВторой абзац\nпродолжается здесь.\n\nТретий.";
        let t = Text::new(s);
        let paras: Vec<&str> = t.paragraphs.iter().map(|p| &s[p.start..p.end]).collect();
        assert_eq!(
            paras,
            ["Заголовок", "Первый абзац. Ещё.", "Второй абзац\nпродолжается здесь.", "Третий."]
        );
        assert_eq!(t.sentences.len(), 5);
    }

    #[test]
    fn missing_space_after_quote_still_splits() {
        let s = "в текущем году\".Заявление является повторным.";
        assert_eq!(sentences(s).len(), 2);
    }

    #[test]
    fn units_end_sentences_and_abbreviations_do_not() {
        assert_eq!(
            sentences("Интервал составляет от 1,2 до 2 мин. Одновременно сотрудники проверили."),
            ["Интервал составляет от 1,2 до 2 мин.", "Одновременно сотрудники проверили."]
        );
        assert_eq!(sentences("Исп. Силаева Е.Е. тел. 8 (495) 361-79-40").len(), 1);
        assert_eq!(
            sentences("по ч. 3 ст. 183 УК РФ (в ред. 24.09.2022) и от 26 января 2024г. N БС-4").len(),
            1
        );
    }

    #[test]
    fn a_web_address_ends_a_sentence() {
        assert_eq!(sentences("Расписание на портале http://t.mos.ru. К факторам относятся пробки.").len(), 2);
    }

    #[test]
    fn empty_and_space_only() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t\u{a0} ").is_empty());
    }
}
