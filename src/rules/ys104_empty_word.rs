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

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn words_around_keep_an_entry_quiet_where_it_means_something_else() {
        // «указанный» pointing back is officialese; with its own complement it is a participle.
        assert_eq!(spans("YS104", "Указанные документы мы вернём."), ["Указанные"]);
        assert!(spans("YS104", "Проверьте сведения, указанные в заявлении.").is_empty());
        assert!(spans("YS104", "Ответ пришёл по адресу, указанному Вами.").is_empty());
        // «физических лиц» is the name of a tax after «доходы».
        assert_eq!(spans("YS104", "Услуга бесплатна для физических лиц."), ["физических лиц"]);
        assert!(spans("YS104", "Компенсация облагается налогом на доходы физических лиц.").is_empty());
        // «тот или иной» is an idiom; a legal status is not a faceless official.
        assert_eq!(spans("YS104", "Иной порядок не предусмотрен."), ["Иной"]);
        assert!(spans("YS104", "Суд не высказал суждения о той или иной редакции статьи.").is_empty());
        assert!(spans("YS104", "Защитник утверждал, что она не является должностным лицом.")
            .iter()
            .all(|s| s != "должностным лицом"));
    }

    #[test]
    fn exercising_a_right_gets_its_own_suggestion() {
        let f = findings("YS104", "Осуществление права на льготу возможно после подачи заявления.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text, "Осуществление права");
        assert_eq!(f[0].suggestions, ["пользоваться правом"]);
    }
}
