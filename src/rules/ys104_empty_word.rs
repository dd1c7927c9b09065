//! YS104: empty official words («является», «данный», «вышеуказанный»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct EmptyWord;

static DOC: RuleDoc = RuleDoc {
    id: "YS104",
    name: "empty-word",
    category: Category::Jargon,
    severity: Severity::Hint,
    title: "Канцелярское слово",
    what: "Слова, которые звучат официально, но ничего не добавляют: «является», «данный», «вышеуказанный», «осуществлять», «в настоящее время», «надлежащим образом». Словарь `dictionaries/officialese.toml`.",
    why: "Такие слова делают текст тяжёлым и безличным. Обычное слово понятнее и короче, а смысл не меняется.",
    bad: "Данный документ является основанием для выплаты.",
    good: "Этот документ — основание для выплаты.",
    fix: "Замените словом из разговорного официального языка: «данный» → «этот», «в настоящее время» → «сейчас», «является» → тире или «это».",
    options: &[],
    dictionary: true,
};

impl Rule for EmptyWord {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Канцелярское слово");
    }
}
