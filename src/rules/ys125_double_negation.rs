//! YS125: double negation («не можем не», «нельзя не отметить»).

use super::{Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::{Sentence, Text, TokenKind};

pub struct DoubleNegation;

static DOC: RuleDoc = RuleDoc {
    id: "YS125",
    name: "double-negation",
    category: Category::Syntax,
    severity: Severity::Warning,
    title: "Двойное отрицание",
    what: "Отрицание отрицания: «не можем не», «нельзя не отметить», «невозможно не», «не исключено, что … не», «не без оснований», «не лишено смысла», «не незаконно», «не необоснованно». Обычное для русского «ни … не» («никто не пришёл») — не двойное отрицание и не отмечается. Оборот «не представляется возможным» проверяет YS102, здесь он не повторяется.",
    why: "Чтобы понять двойное отрицание, читатель должен мысленно «перевернуть» его дважды. Смысл при этом утвердительный, и его проще сказать прямо: «не можем не отметить» — это «отмечаем», «не без оснований» — «обоснованно».",
    bad: "Не можем не отметить, что жалоба подана не без оснований.",
    good: "Жалоба обоснованна.",
    fix: "Скажите утвердительно: «не можем не» → «должны» или просто глагол («отмечаем»), «нельзя не признать» → «признаём», «не без оснований» → «обоснованно», «не исключено, что не успеем» → «можем не успеть».",
    options: &[],
    dictionary: false,
};

const MODALS: &[&str] = &[
    "можем",
    "могу",
    "может",
    "могут",
    "можете",
    "мог",
    "могла",
    "могло",
    "могли",
    "смогли",
    "смог",
    "сможем",
];

/// Negative adjectives and adverbs that make a double negation after «не».
const NEGATIVE_STEMS: &[&str] = &[
    "невозможн",
    "неправильн",
    "необоснованн",
    "незаконн",
    "неверн",
    "нецелесообразн",
    "недопустим",
    "неприемлем",
    "неважн",
    "нелегальн",
    "неправомерн",
    "неоправданн",
    "небезосновательн",
    "несущественн",
    "неуместн",
    "невыгодн",
    "неинтересн",
];

fn word<'a>(text: &'a Text<'_>, i: usize) -> Option<&'a str> {
    text.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.norm.as_str())
}

/// The end token (inclusive) of a double negation starting at token `i`,
/// with a suggestion.
fn match_at(text: &Text, s: &Sentence, i: usize) -> Option<(usize, &'static str)> {
    let w = word(text, i)?;
    let next = word(text, i + 1);
    let end = s.tokens.end;
    match w {
        "не" => {
            let n = next?;
            if MODALS.contains(&n) && word(text, i + 2) == Some("не") {
                return Some((i + 2, "должны (или просто глагол: «отмечаем»)"));
            }
            if n == "без" && i + 2 < end {
                return Some((i + 2, "с …, обоснованно"));
            }
            if n.starts_with("лишен") {
                return Some((i + 1, "имеет, есть"));
            }
            if NEGATIVE_STEMS.iter().any(|p| n.starts_with(p)) {
                return Some((i + 1, "утвердительная форма без «не»"));
            }
            if n == "исключено" {
                // «не исключено, что … не»
                let mut j = i + 2;
                let mut seen_that = false;
                while j < end && j <= i + 10 {
                    match text.tokens[j].norm.as_str() {
                        "что" => seen_that = true,
                        "не" if seen_that => return Some((j, "возможно, …; может …")),
                        "." | ";" => break,
                        _ => {}
                    }
                    j += 1;
                }
            }
            None
        }
        "нельзя" | "невозможно" if next == Some("не") => Some((i + 1, "нужно, следует")),
        _ => None,
    }
}

impl Rule for DoubleNegation {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        let stock = |start: usize, end: usize| {
            ctx.dict_matches
                .iter()
                .any(|m| ctx.lexicon.entries[m.entry].rule == "YS102" && m.start < end && start < m.end)
        };
        for s in &text.sentences {
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                if let Some((last, suggestion)) = match_at(text, s, i) {
                    let (start, end) = (text.tokens[i].start, text.tokens[last].end);
                    if !stock(start, end) {
                        let f =
                            out.push(start, end, format!("Двойное отрицание «{}»", text.slice(start, end)));
                        f.suggestions.push(suggestion.to_string());
                    }
                    i = last + 1;
                    continue;
                }
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_double_negations() {
        assert_eq!(
            spans("YS125", "Не можем не отметить, что жалоба подана не без оснований."),
            ["Не можем не", "не без оснований"]
        );
        assert_eq!(
            spans("YS125", "Нельзя не признать, что сроки ремонта были нарушены подрядчиком."),
            ["Нельзя не"]
        );
        assert_eq!(
            spans("YS125", "Не исключено, что автобус не сможет проехать по улице во время ремонта."),
            ["Не исключено, что автобус не"]
        );
        assert_eq!(spans("YS125", "Такое решение было бы не необоснованным."), ["не необоснованным"]);
        let f = findings("YS125", "Требование управы не лишено оснований.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule.as_str(), f[0].text.as_str()), ("YS125", "не лишено"));
    }

    #[test]
    fn leaves_single_and_concord_negation_alone() {
        for s in [
            "Мы не можем выполнить вашу просьбу, потому что участок не принадлежит городу.",
            "Никто из сотрудников не получал вашего заявления.",
            "Ни один документ не был утерян.",
            "Выполнить ваш запрос не представляется возможным.",
            "Заявление не рассмотрено, так как не приложен паспорт.",
        ] {
            assert!(spans("YS125", s).is_empty(), "{s}: {:?}", spans("YS125", s));
        }
    }
}
