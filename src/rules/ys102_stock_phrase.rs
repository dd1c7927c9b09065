//! YS102: stock phrases of official letters («доводим до вашего сведения»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct StockPhrase;

static DOC: RuleDoc = RuleDoc {
    id: "YS102",
    name: "stock-phrase",
    category: Category::Jargon,
    severity: Severity::Warning,
    title: "Канцелярский штамп",
    what: "Готовые обороты официальных писем: «доводим до вашего сведения», «настоящим сообщаем», «рассмотрев ваше обращение», «не представляется возможным» и другие из словаря `dictionaries/stock-phrases.toml`.",
    why: "Штамп не несёт смысла: читатель пробегает его глазами и теряет нить. Письмо из штампов звучит равнодушно, и человек не верит, что его вопрос действительно разобрали.",
    bad: "Доводим до вашего сведения, что приём документов перенесён.",
    good: "Приём документов перенесли.",
    fix: "Уберите штамп и начните с сути. Пишите от первого лица: «сообщаем», «мы проверили», «не можем».",
    options: &[],
    dictionary: true,
};

impl Rule for StockPhrase {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Штамп");
    }
}
