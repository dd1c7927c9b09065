//! YS201: sentences that are too long.

use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct LongSentence;

static DOC: RuleDoc = RuleDoc {
    id: "YS201",
    name: "long-sentence",
    category: Category::Length,
    severity: Severity::Warning,
    title: "Длинное предложение",
    what: "Предложения длиннее `max_words` слов (по умолчанию 25). Предложения длиннее `error_words` (по умолчанию 45) — ошибка. Числа и поля шаблона считаются словами.",
    why: "К концу длинного предложения читатель забывает начало. Исследования понятности текста показывают: предложения до 20 слов понимают с первого прочтения, длиннее 25 — перечитывают.",
    bad: "Префектурой рассмотрено Ваше обращение по вопросу организации дополнительного пешеходного перехода по адресу: проезд Дежнева, д. 24, направленное на официальный сервер Правительства Москвы, и сообщается следующее.",
    good: "Мы рассмотрели ваше обращение о новом пешеходном переходе у дома 24 по проезду Дежнева.",
    fix: "Разделите предложение на два-три. Одна мысль — одно предложение. Перечисления вынесите в список.",
    options: &[
        OptionDoc { name: "max_words", default: 25, help: "Сколько слов можно без предупреждения." },
        OptionDoc { name: "error_words", default: 45, help: "С какой длины это ошибка." },
    ],
    dictionary: false,
};

impl Rule for LongSentence {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let max = out.option("max_words").max(1) as usize;
        let error = out.option("error_words").max(1) as usize;
        for s in &ctx.text.sentences {
            let n = ctx.text.sentence_words(s);
            if n > max {
                let f = out.push(s.start, s.end, format!("Длинное предложение: {n} слов (не больше {max})"));
                if n > error {
                    f.severity = f.severity.max(Severity::Error);
                }
            }
        }
    }
}
