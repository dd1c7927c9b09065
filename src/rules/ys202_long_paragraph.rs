//! YS202: paragraphs that are too long.

use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct LongParagraph;

static DOC: RuleDoc = RuleDoc {
    id: "YS202",
    name: "long-paragraph",
    category: Category::Length,
    severity: Severity::Hint,
    title: "Длинный абзац",
    what: "Абзацы длиннее `max_words` слов (по умолчанию 120) или больше `max_sentences` предложений (по умолчанию 7), если в них хотя бы три четверти от `max_words` слов: восемь коротких фраз читаются легко.",
    why: "Сплошной блок текста отпугивает: читатель не видит, где начинается новая мысль, и пропускает важное.",
    bad: "Абзац на полстраницы, в котором описание проверки, её результат, решение и порядок обжалования идут подряд.",
    good: "Четыре коротких абзаца: что проверили, что нашли, что решили, как обжаловать.",
    fix: "Разбейте абзац по мыслям: один абзац — одна тема. Перечисления оформите списком.",
    options: &[
        OptionDoc { name: "max_words", default: 120, help: "Сколько слов можно в абзаце." },
        OptionDoc { name: "max_sentences", default: 7, help: "Сколько предложений можно в абзаце." },
    ],
    dictionary: false,
};

impl Rule for LongParagraph {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let max_words = out.option("max_words").max(1) as usize;
        let max_sentences = out.option("max_sentences").max(1) as usize;
        for p in &ctx.text.paragraphs {
            let sentences = &ctx.text.sentences[p.sentences.clone()];
            let words: usize = sentences.iter().map(|s| ctx.text.sentence_words(s)).sum();
            let n = sentences.len();
            if words > max_words {
                out.push(
                    p.start,
                    p.end,
                    format!(
                        "Длинный абзац: {} (не больше {max_words})",
                        super::plural(words, "слово", "слова", "слов")
                    ),
                );
            } else if n > max_sentences && words * 4 > max_words * 3 {
                out.push(
                    p.start,
                    p.end,
                    format!("Длинный абзац: {n} предложений (не больше {max_sentences})"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::spans;

    #[test]
    fn long_paragraphs_are_flagged() {
        let long = "Мы проверили участок дороги у дома 24 и выяснили, что знак стоит правильно. ".repeat(11);
        assert_eq!(spans("YS202", &long).len(), 1);
        let many = "Знак на месте, и разметка видна хорошо даже в тёмное время суток. ".repeat(9);
        assert_eq!(spans("YS202", &many).len(), 1, "nine sentences, 108 words");
        // A real answer run together without paragraph breaks, then a short paragraph.
        let answer = format!(
            "{}\n\nС уважением, заместитель руководителя.",
            "По вашему обращению о переходе у дома 24 сообщаем, что участок обследован специалистами. "
                .repeat(8)
        );
        let f = spans("YS202", &answer);
        assert_eq!(f.len(), 1);
        assert!(!f[0].contains("С уважением"), "{f:?}");
    }

    #[test]
    fn short_sentences_make_no_long_paragraph() {
        let slogans =
            "Хватит ждать! Решись сегодня! Всё просто! Жми сюда! Не бойся! Ты сможешь! Пиши нам! Мы рядом! ";
        assert!(spans("YS202", slogans).is_empty());
        let two = "Мы проверили участок дороги у дома 24 и выяснили, что знак стоит правильно. ".repeat(2);
        assert!(spans("YS202", &two).is_empty());
        // Many short paragraphs make no long one.
        let paragraphs = "Мы проверили участок дороги у дома 24. Знак стоит правильно.\n\n".repeat(10);
        assert!(spans("YS202", &paragraphs).is_empty());
    }
}
