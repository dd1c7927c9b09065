//! YS105: intensifiers and vague evaluation («крайне», «максимально»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct Intensifier;

static DOC: RuleDoc = RuleDoc {
    id: "YS105",
    name: "intensifier",
    category: Category::Jargon,
    severity: Severity::Hint,
    title: "Усилитель или размытая оценка",
    what: "Усилители и оценки без фактов: «крайне», «максимально», «в полном объёме», «значительный», «в кратчайшие сроки». Словарь `dictionaries/intensifiers.toml`.",
    why: "Оценка без цифры ничего не сообщает: «в кратчайшие сроки» — это день или месяц? Читатель не может на неё опереться.",
    bad: "Работы будут выполнены в кратчайшие сроки.",
    good: "Работы закончим до 15 мая.",
    fix: "Замените оценку фактом: срок, число, сумму. Если факта нет, просто уберите усилитель.",
    options: &[],
    dictionary: true,
};

impl Rule for Intensifier {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Размытая оценка");
    }
}
