//! YS190: entries of an organisation's own dictionary.

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct OrganisationDictionary;

static DOC: RuleDoc = RuleDoc {
    id: "YS190",
    name: "organisation-dictionary",
    category: Category::Jargon,
    severity: Severity::Warning,
    title: "Словарь организации",
    what: "Слова и обороты из словаря, который организация подключила сама (`dictionaries` в `yasno.toml` или в настройках). Встроенных записей у правила нет.",
    why: "У каждого ведомства свои привычные обороты и внутренние термины, которых читатель не знает. Свой словарь позволяет ловить их так же, как встроенный канцелярит.",
    bad: "Заявка передана в ОИВ для отработки.",
    good: "Заявку передали в департамент, там её рассмотрят.",
    fix: "Следуйте подсказке из словаря организации.",
    options: &[],
    dictionary: true,
};

impl Rule for OrganisationDictionary {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Нежелательный оборот");
    }
}
