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
                let f = out.push(
                    s.start,
                    s.end,
                    format!(
                        "Длинное предложение: {} (не больше {max})",
                        super::plural(n, "слово", "слова", "слов")
                    ),
                );
                if n > error {
                    f.severity = f.severity.max(Severity::Error);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::findings;
    use crate::report::Severity;
    use crate::{Checker, Config};

    #[test]
    fn sentences_over_the_limit_are_flagged() {
        // 26 words: one over the default limit.
        let over =
            "Мы проверили участок дороги у дома 24 и выяснили, что знак стоит правильно, разметка видна \
                    хорошо, а светофор работает в обычном режиме круглые сутки без перерывов.";
        let f = findings("YS201", over);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].severity, f[0].text.as_str()), (Severity::Warning, over));

        // A legal reference does not end the sentence: one finding over all of it.
        let reference =
            "Согласно п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ орган не вправе \
                         требовать от заявителя документы, которые находятся в распоряжении других \
                         государственных органов и подведомственных им организаций.";
        let f = findings("YS201", reference);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, reference);

        // Past `error_words` (45) the finding is an error.
        let very =
            "Сообщаем, что в соответствии с планом работ на 2025 год ремонт покрытия проезжей части на \
                    участке улицы от дома 5 до дома 17 будет выполнен подрядной организацией после того, как \
                    другое ведомство завершит замену сетей водоснабжения, о чём жители будут заранее \
                    предупреждены объявлениями в подъездах и на портале управы района.";
        let f = findings("YS201", very);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn sentences_within_the_limit_are_not() {
        for s in [
            // 25 words exactly.
            "Мы проверили участок дороги у дома 24 и выяснили, что знак стоит правильно, разметка видна \
             хорошо, а светофор работает в обычном режиме круглые сутки подряд.",
            "Ваше заявление зарегистрировано 12.03.2025 под № 45-12/789. Ответ направим до 10 апреля.",
            // A placeholder is one word, however long.
            "Уважаемый {{ фамилия_имя_отчество_заявителя_полностью_как_в_паспорте }}! Мы получили ваше письмо.",
        ] {
            assert!(findings("YS201", s).is_empty(), "{s}");
        }
    }

    #[test]
    fn the_limit_is_configurable() {
        let text = "Мы проверили участок дороги у дома 24 и выяснили, что знак стоит правильно.";
        assert!(findings("YS201", text).is_empty());
        let config: Config = serde_json::from_str(r#"{"rules": {"YS201": {"max_words": 10}}}"#).unwrap();
        let report = Checker::new(config).unwrap().check(text);
        assert_eq!(report.findings.iter().filter(|f| f.rule == "YS201").count(), 1);
    }
}
