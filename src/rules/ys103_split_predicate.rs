//! YS103: split predicates, a light verb with a verbal noun («осуществлять проверку»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct SplitPredicate;

static DOC: RuleDoc = RuleDoc {
    id: "YS103",
    name: "split-predicate",
    category: Category::Jargon,
    severity: Severity::Warning,
    title: "Расщеплённое сказуемое",
    what: "Пустой глагол с отглагольным существительным вместо одного глагола: «осуществлять проверку», «производить оплату», «принять участие», «оказывать содействие». Словарь `dictionaries/split-predicates.toml`.",
    why: "Действие спрятано в существительное, а глагол ничего не значит. Фраза становится длиннее и абстрактнее, читателю труднее понять, кто что делает.",
    bad: "Инспекция осуществляет проверку ежегодно.",
    good: "Инспекция проверяет ежегодно.",
    fix: "Замените пару одним глаголом в той же форме: «осуществляет проверку» → «проверяет», «произвели оплату» → «оплатили». Если за существительным идёт зависимое слово, согласуйте его с новым глаголом.",
    options: &[],
    dictionary: true,
};

impl Rule for SplitPredicate {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Расщеплённое сказуемое");
    }
}
