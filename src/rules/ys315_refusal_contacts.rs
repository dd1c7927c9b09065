//! YS315: a refusal with no way to ask a question.

use super::{refusal, Context, Emitter, Rule, RuleDoc};
use crate::analysis::Element;
use crate::report::{Category, Severity};

pub struct RefusalContacts;

static DOC: RuleDoc = RuleDoc {
    id: "YS315",
    name: "refusal-missing-contacts",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Отказ без контактов",
    what: "Отказ, в котором нет ни телефона, ни электронной почты, ни адреса, ни сайта или портала, куда можно обратиться с вопросом. Подходят и реквизиты на бланке. В шаблоне годится пустое поле «Телефон: ____»; поле «Исполнитель: ____» без телефона не годится, а «Контактная информация: ____» в данных заявителя — это контакты самого читателя. Работает только для отказов; судебные акты (с резолютивной частью «ПОСТАНОВИЛ:», «ОПРЕДЕЛИЛА:») не проверяются — стороны знают суд, а порядок обжалования проверяет YS314.",
    why: "Получив отказ, человек почти всегда хочет что-то уточнить. Если в письме нет телефона или адреса, он ищет их на сайте, звонит в общую справочную и теряет дни.",
    bad: "В предоставлении услуги отказано. Исполнитель: __________",
    good: "В предоставлении услуги отказано. Вопросы можно задать по телефону 8 (495) 123-45-67 (исполнитель — Иванова Анна Петровна) или написать на otdyh@mos.ru.",
    fix: "Добавьте телефон или электронную почту исполнителя и адрес приёмной. В шаблоне — поле для телефона рядом с именем исполнителя.",
    options: &[],
    dictionary: false,
};

impl Rule for RefusalContacts {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        // The parties to a case know the court, and a judicial act does not
        // carry an executor's phone: how to appeal (YS314) is what it owes.
        if crate::analysis::is_court_act(ctx.text) {
            return;
        }
        refusal::report(ctx, out, Element::Contacts, "Нет контактов для вопросов");
    }
}

#[cfg(test)]
mod tests {
    use super::super::refusal::testing::messages;

    #[test]
    fn flags_refusals_without_contacts() {
        let executor = messages("YS315", "В предоставлении услуги отказано.\nИсполнитель: __________");
        assert_eq!(executor.len(), 1);
        assert!(executor[0].contains("Исполнитель"), "{}", executor[0]);
        let s = "Данные заявителя: __________\nКонтактная информация: __________, __________\nРезультат рассмотрения заявления: отказ в предоставлении выплаты.";
        assert_eq!(messages("YS315", s).len(), 1, "{s}");
    }

    #[test]
    fn accepts_refusals_with_contacts() {
        for s in [
            "В выплате отказано.\nИсполнитель: __________ Телефон: __________",
            "Проспект Мира, 18, Москва, 129090\nТелефон: (495) 681-71-81\nВ согласовании отказано.",
            "В предоставлении услуги отказано. Записаться на приём можно через официальный портал Мэра и Правительства Москвы mos.ru.",
            // a court act
            "Руководствуясь ст. 328 Гражданского процессуального кодекса РФ, судебная коллегия\nОПРЕДЕЛИЛА:\nрешение оставить без изменения, апелляционную жалобу оставить без удовлетворения.\nПредседательствующий\nСудьи",
        ] {
            assert!(messages("YS315", s).is_empty(), "{s}");
        }
    }
}
