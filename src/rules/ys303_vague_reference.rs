//! YS303: vague references («в установленном порядке», «необходимые документы»).

use super::{dictionary, Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};

pub struct VagueReference;

static DOC: RuleDoc = RuleDoc {
    id: "YS303",
    name: "vague-reference",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Размытая ссылка",
    what: "Ссылки, которые ничего не называют: «в установленном порядке», «в установленный срок», «необходимые документы», «соответствующий орган». Словарь `dictionaries/vague-references.toml`.",
    why: "Читатель не знает, какой это порядок, срок или список документов, и не может сделать то, что от него ждут. Ему придётся звонить и переспрашивать.",
    bad: "Представьте необходимые документы в установленный срок.",
    good: "До 1 марта принесите паспорт и справку о доходах.",
    fix: "Назовите сам порядок, дату, список документов или орган. Если список длинный, дайте его ниже или ссылкой.",
    options: &[],
    dictionary: true,
};

impl Rule for VagueReference {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        dictionary::report(ctx, out, DOC.id, "Размытая ссылка");
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::spans;

    #[test]
    fn flags_vague_references_but_not_in_quoted_titles_or_named_bodies() {
        assert_eq!(
            spans("YS303", "Представьте необходимые документы в уполномоченный орган."),
            ["необходимые документы", "уполномоченный орган"]
        );
        for s in [
            // the quoted title of an act cannot be rewritten
            "Товары перечислены в решении Коллегии от 16 августа 2012 г. № 134 «О нормативных правовых актах в области нетарифного регулирования».",
            // the body is named right there
            "Таким уполномоченным органом является Минюст России.",
        ] {
            assert!(spans("YS303", s).is_empty(), "{s}: {:?}", spans("YS303", s));
        }
    }
}
