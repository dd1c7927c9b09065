//! YS314: a refusal that does not say how to appeal: where and by when.

use super::{refusal, Context, Emitter, Rule, RuleDoc};
use crate::analysis::Element;
use crate::report::{Category, Severity};

pub struct RefusalAppeal;

static DOC: RuleDoc = RuleDoc {
    id: "YS314",
    name: "refusal-missing-appeal",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Отказ без порядка обжалования",
    what: "Отказ, в котором не сказано, как его обжаловать, или сказано не полностью. Нужны оба элемента в одной-двух фразах: куда подать жалобу (суд, вышестоящий орган, руководитель, портал, адрес) и в какой срок («в течение трёх месяцев»). «Может быть обжаловано в установленном порядке» не годится. Работает только для отказов.",
    why: "Право обжаловать отказ есть почти всегда, но человек о нём часто не знает, а срок обжалования короткий. Фраза без адреса и срока ничего не даёт: читатель не знает, куда идти, и пропускает срок.",
    bad: "Решение может быть обжаловано в установленном порядке.",
    good: "Если вы не согласны с решением, подайте жалобу руководителю департамента через mos.ru или в районный суд в течение трёх месяцев со дня получения этого письма.",
    fix: "Напишите, куда подать жалобу (название органа, адрес или портал) и до какого срока. Если жалобу можно подать несколькими способами, перечислите их.",
    options: &[],
    dictionary: false,
};

impl Rule for RefusalAppeal {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        refusal::report(ctx, out, Element::Appeal, "Порядок обжалования не указан полностью");
    }
}

#[cfg(test)]
mod tests {
    use super::super::refusal::testing::messages;

    #[test]
    fn flags_missing_or_partial_appeal() {
        let none = messages("YS314", "В предоставлении субсидии отказано, так как доход выше порога.");
        assert_eq!(none.len(), 1);
        assert!(none[0].contains("можно ли обжаловать"), "{}", none[0]);
        let vague = messages(
            "YS314",
            "В выдаче разрешения отказано. Решение может быть обжаловано в установленном порядке.",
        );
        assert!(vague[0].contains("куда и в какой срок"), "{}", vague[0]);
        let no_time = messages("YS314", "В выдаче разрешения отказано. Решение может быть обжаловано в вышестоящий таможенный орган или в суд.");
        assert!(no_time[0].contains("в какой срок"), "{}", no_time[0]);
    }

    #[test]
    fn accepts_a_complete_appeal() {
        for s in [
            "В выдаче разрешения отказано. Решение можно обжаловать в суд в течение трёх месяцев.",
            "Апелляционную жалобу оставить без удовлетворения. Определение может быть обжаловано в Третий кассационный суд общей юрисдикции в течение трёх месяцев.",
            "В выплате отказано. Если вы не согласны, подайте жалобу руководителю департамента через портал mos.ru в течение 30 дней.",
        ] {
            assert!(messages("YS314", s).is_empty(), "{s}");
        }
    }
}
