//! YS204: words set in capitals inside ordinary text.

use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::normalize::{is_letter, is_lower};
use crate::text::{Paragraph, Text, TokenKind};

pub struct Caps;

static DOC: RuleDoc = RuleDoc {
    id: "YS204",
    name: "caps",
    category: Category::Length,
    severity: Severity::Hint,
    title: "Слова прописными буквами",
    what: "Слова, набранные целиком прописными буквами, внутри обычного текста: одно слово длиной от `min_letters` букв (по умолчанию 6) или несколько таких слов подряд. Не отмечаются: короткие сокращения («ГКУ», «ЦОДД», «ГИБДД ГУ МВД»), сокращения из списка организации (`allowed_abbreviations`), названия в кавычках и скобках («ГАУК \"МОСГОРТУР\"»), строки, где вообще нет строчных букв (шапка бланка «ДЕПАРТАМЕНТ КУЛЬТУРЫ ГОРОДА МОСКВЫ», заголовки «ПОСТАНОВЛЕНИЕ», «УСТАНОВИЛ:»), и банковские реквизиты. Шапку и заголовки прописными требует делопроизводство (ГОСТ Р 7.0.97), их служащий изменить не может, поэтому правило их не трогает.",
    why: "Текст прописными читается медленнее: у слов пропадает привычный силуэт. В письме человеку прописные воспринимаются как крик («ОБЯЗАТЕЛЬНО», «НЕ ДОПУСКАЕТСЯ»), а не как важное. Выделить главное лучше порядком слов, отдельным абзацем или полужирным шрифтом.",
    bad: "Заявление НЕОБХОДИМО подать ДО 1 ФЕВРАЛЯ.",
    good: "Подайте заявление до 1 февраля.",
    fix: "Наберите слово обычными буквами. Чтобы выделить главное, поставьте его в начало предложения или в отдельный абзац, укажите срок и последствия пропуска.",
    options: &[OptionDoc {
        name: "min_letters",
        default: 6,
        help: "Со скольких букв слово прописными отмечается (более короткие считаются сокращениями).",
    }],
    dictionary: false,
};

/// Letters of a word, when they are all capitals; `None` otherwise.
fn caps_letters(word: &str) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if is_lower(c) {
            return None;
        }
        if is_letter(c) {
            n += 1;
        }
    }
    (n >= 2 && word.chars().any(crate::text::normalize::is_cyrillic)).then_some(n)
}

/// A paragraph with no lower-case letter at all: a letterhead or a heading.
fn all_caps_paragraph(text: &Text, p: &Paragraph) -> bool {
    !text.slice(p.start, p.end).chars().any(is_lower)
}

/// True when the line around byte `pos` has no lower-case letter: a
/// heading wrapped into the paragraph below it («ПОСТАНОВЛЕНИЕ» above «о
/// назначении наказания»).
fn caps_line(text: &Text, pos: usize) -> bool {
    let src = text.src;
    let start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
    !src[start..end].chars().any(is_lower)
}

/// Bank details and registration numbers: names there are copied as registered.
fn requisites(text: &Text, p: &Paragraph) -> bool {
    let s = text.slice(p.start, p.end);
    ["ИНН", "КПП", "БИК", "ОГРН", "ОКПО", "р/с", "к/с", "л/с"].iter().any(|m| s.contains(m))
}

impl Rule for Caps {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let min = out.option("min_letters").max(2) as usize;
        let text = ctx.text;
        let allowed = |w: &str| ctx.allowed_abbreviations.iter().any(|a| a.to_lowercase() == w);
        for p in &text.paragraphs {
            if all_caps_paragraph(text, p) {
                continue;
            }
            // Looked up only when the paragraph has a run to report: eight
            // substring searches over every paragraph were a thirtieth of a check.
            let mut in_requisites: Option<bool> = None;
            let Some(first) = p.sentences.clone().next().map(|s| text.sentences[s].tokens.start) else {
                continue;
            };
            let last = text.sentences[p.sentences.end - 1].tokens.end;
            let mut quotes = 0usize;
            let mut brackets = 0i32;
            // A run of capitalised words: (first token, last token, any long word).
            let mut run: Option<(usize, usize, bool)> = None;
            let mut flush = |run: &mut Option<(usize, usize, bool)>, out: &mut Emitter| {
                if let Some((a, b, true)) = run.take() {
                    if *in_requisites.get_or_insert_with(|| requisites(text, p)) {
                        return;
                    }
                    let (start, end) = (text.tokens[a].start, text.tokens[b].end);
                    let span = text.slice(start, end);
                    let f = out.push(start, end, format!("Прописными буквами: «{span}»"));
                    f.suggestions.push(span.to_lowercase());
                }
                *run = None;
            };
            for i in first..last {
                let t = &text.tokens[i];
                match t.norm.as_str() {
                    "\"" => quotes += 1,
                    "(" | "[" => brackets += 1,
                    ")" | "]" => brackets -= 1,
                    _ => {}
                }
                // Inside quotes or brackets, or touching a quote: a name.
                let touches_quote = |j: Option<usize>| {
                    j.and_then(|j| text.tokens.get(j))
                        .is_some_and(|q| q.norm == "\"" && (q.end == t.start || q.start == t.end))
                };
                let sheltered = || {
                    quotes % 2 == 1
                        || brackets > 0
                        || touches_quote(i.checked_sub(1))
                        || touches_quote(Some(i + 1))
                        || caps_line(text, t.start)
                };
                let letters = (t.kind == TokenKind::Word)
                    .then(|| caps_letters(text.slice(t.start, t.end)))
                    .flatten()
                    .filter(|_| !sheltered());
                match letters {
                    Some(n) => {
                        let long = n >= min && !allowed(&t.norm);
                        run = Some(match run {
                            Some((a, _, l)) if a < i => (a, i, l || long),
                            _ => (i, i, long),
                        });
                    }
                    None => flush(&mut run, out),
                }
            }
            flush(&mut run, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_shouting_in_body_text() {
        assert_eq!(spans("YS204", "Заявление НЕОБХОДИМО подать ДО 1 ФЕВРАЛЯ."), ["НЕОБХОДИМО", "ФЕВРАЛЯ"]);
        assert_eq!(
            spans("YS204", "Обращаем внимание: повторная подача заявления НЕ ДОПУСКАЕТСЯ."),
            ["НЕ ДОПУСКАЕТСЯ"]
        );
        let f = findings("YS204", "Запущено официальное мобильное приложение РОСКОМНАДЗОРА.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule.as_str(), f[0].text.as_str()), ("YS204", "РОСКОМНАДЗОРА"));
        assert_eq!(f[0].suggestions, ["роскомнадзора"]);
    }

    #[test]
    fn letterheads_abbreviations_and_names_are_fine() {
        for s in [
            "ДЕПАРТАМЕНТ КУЛЬТУРЫ ГОРОДА МОСКВЫ\nГосударственное автономное учреждение культуры города Москвы",
            "Сведения направлены в ГИБДД ГУ МВД России по г. Москве.",
            "Запись производится в офисе ГАУК \"МОСГОРТУР\" по будням.",
            "ПОСТАНОВИЛ:\nжалобу оставить без удовлетворения.",
            "ПОСТАНОВЛЕНИЕ\nо назначении административного наказания",
            "ИНН 4345237223, КПП 434501001, банк получателя: ОТДЕЛЕНИЕ КИРОВ БАНКА РОССИИ",
        ] {
            assert!(spans("YS204", s).is_empty(), "{s}: {:?}", spans("YS204", s));
        }
    }
}
