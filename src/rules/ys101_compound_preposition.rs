//! YS101: compound prepositions («в связи с», «в целях», «по причине»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct CompoundPreposition;

static DOC: RuleDoc = RuleDoc {
    id: "YS101",
    name: "compound-preposition",
    category: Category::Jargon,
    severity: Severity::Warning,
    title: "Составной предлог",
    what: "Составные предлоги канцелярского языка: «в связи с», «в целях», «в рамках», «в части», «на основании», «по причине» и другие из словаря `dictionaries/compound-prepositions.toml`.",
    why: "Составной предлог растягивает фразу и прячет смысл за служебными словами. Читатель тратит силы на разбор оборота, а не на суть. Простой предлог или союз говорит то же короче.",
    bad: "В связи с отсутствием документов заявление возвращено.",
    good: "Заявление вернули, потому что не хватает документов.",
    fix: "Замените оборот простым предлогом или союзом: «из-за», «для», «чтобы», «по», «если». Где меняется падеж, перестройте фразу.",
    options: &[],
    dictionary: true,
};

impl Rule for CompoundPreposition {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Составной предлог");
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::spans;

    #[test]
    fn applying_a_norm_is_not_a_compound_preposition() {
        assert_eq!(spans("YS101", "Уборку ведут с применением техники."), ["с применением"]);
        assert!(spans("YS101", "Наказание смягчено с применением ст. 64 УК РФ.").is_empty());
    }
}
