//! YS310: a refusal that does not say in so many words what was decided.

use super::{refusal, Context, Emitter, Rule, RuleDoc};
use crate::analysis::Element;
use crate::report::{Category, Severity};

pub struct RefusalDecision;

static DOC: RuleDoc = RuleDoc {
    id: "YS310",
    name: "refusal-decision-unclear",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Отказ: решение не названо",
    what: "Документ отмечен как отказ (`profile = \"refusal\"`), но в нём нет фразы, которая сообщает решение: «отказано», «принято решение об отказе», «в удовлетворении … отказать», «заявление отклонено», «Результат рассмотрения: отказ» — или хотя бы уклончивого «не планируется», «нецелесообразно», «не представляется возможным» (такие обороты отмечает YS102). При автоматическом определении отказ находится именно по такой фразе, поэтому правило срабатывает только при заданном профиле.",
    why: "Если решение спрятано за описанием обстоятельств и оборотами вроде «реализация мероприятия представляется нецелесообразной», человек дочитывает письмо и всё ещё не уверен, отказали ему или нет. Без ясного решения он не может ни исправить заявление, ни обжаловать отказ.",
    bad: "Рассмотрев Ваше обращение, сообщаем, что реализация предлагаемого мероприятия представляется нецелесообразной.",
    good: "Мы отказываем в установке светофора на улице Заповедной: рядом, в 50 метрах, уже есть регулируемый переход.",
    fix: "В начале письма одной фразой скажите, что решили: «Мы отказали в …», «Ваше заявление отклонено». Потом объясните почему.",
    options: &[],
    dictionary: false,
};

impl Rule for RefusalDecision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        refusal::report(ctx, out, Element::Decision, "Решение не названо прямо: напишите, в чём отказано");
    }
}

#[cfg(test)]
mod tests {
    use super::super::refusal::testing::{messages, messages_as_refusal};

    #[test]
    fn flags_refusals_without_a_stated_decision() {
        for s in [
            "Сообщаем, что вопрос будет проработан в рамках деятельности окружной комиссии.",
            "Решение об организации выделенных полос принимается, исходя из интенсивности движения.",
            "Дорожное движение на участке организовано в соответствии с утверждённым проектом.",
        ] {
            assert_eq!(messages_as_refusal("YS310", s).len(), 1, "{s}");
        }
    }

    #[test]
    fn accepts_stated_decisions_and_ignores_letters() {
        for s in [
            "В предоставлении субсидии Вам отказано.",
            "Департаментом принято решение об отказе в выдаче разрешения.",
            "Результат рассмотрения заявления: отказ в предоставлении услуг отдыха и оздоровления.",
            // Evasive, but a decision all the same (YS102 asks to say it plainly).
            "Внесение изменений в проектную документацию в настоящее время не планируется.",
        ] {
            assert!(messages_as_refusal("YS310", s).is_empty(), "{s}");
        }
        // Without the profile a letter is not checked at all.
        assert!(messages("YS310", "Внесение изменений в проект не планируется.").is_empty());
    }
}
