//! YS124: «Вы» and «вы» mixed in one document.

use super::syntax::capitalised_inside;
use super::{Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Edit, Severity};
use crate::text::TokenKind;

pub struct YouCapitalisation;

static DOC: RuleDoc = RuleDoc {
    id: "YS124",
    name: "you-capitalisation",
    category: Category::Syntax,
    severity: Severity::Warning,
    title: "«Вы» то с заглавной, то со строчной",
    what: "В одном документе местоимения «Вы», «Ваш» (во всех формах) написаны то с заглавной, то со строчной буквы. Считаются только слова внутри предложения: в начале предложения заглавная буква обязательна и ничего не говорит. Правило отмечает написание, которого меньше, и предлагает исправить его на то, которого больше (при равенстве — на то, что встретилось первым). Исправление безопасно: меняется только первая буква.",
    why: "Вежливое «Вы» с заглавной — знак уважения к одному адресату, «вы» со строчной — нейтральная норма. Когда в одном письме встречается и то и другое, читатель замечает небрежность, а смешение выглядит так, будто письмо собрано из кусков разных шаблонов.",
    bad: "Сообщаем, что Ваше обращение рассмотрено. Если у вас остались вопросы, позвоните нам.",
    good: "Сообщаем, что Ваше обращение рассмотрено. Если у Вас остались вопросы, позвоните нам.",
    fix: "Выберите одно написание для всего письма. В письме одному человеку уместно «Вы»; в массовой рассылке и на сайте — «вы». Примените исправление ко всем отмеченным словам.",
    options: &[],
    dictionary: false,
};

const FORMS: &[&str] = &[
    "вы",
    "вас",
    "вам",
    "вами",
    "ваш",
    "ваша",
    "ваше",
    "ваши",
    "вашего",
    "вашей",
    "вашему",
    "вашим",
    "вашими",
    "вашу",
    "вашем",
    "ваших",
];

impl Rule for YouCapitalisation {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        // (token index, capitalised?)
        let mut uses: Vec<(usize, bool)> = Vec::new();
        for s in &text.sentences {
            let first_word = text.tokens[s.tokens.clone()].iter().position(|t| t.kind != TokenKind::Punct);
            for i in s.tokens.clone() {
                let t = &text.tokens[i];
                if t.kind != TokenKind::Word || !FORMS.contains(&t.norm.as_str()) {
                    continue;
                }
                if first_word.map(|p| s.tokens.start + p) == Some(i) {
                    continue;
                }
                let word = text.slice(t.start, t.end);
                // «ВЫ», «ВАШ» in capitals say nothing either.
                if word.chars().skip(1).any(char::is_uppercase) {
                    continue;
                }
                uses.push((i, capitalised_inside(text, s, i)));
            }
        }
        let upper = uses.iter().filter(|u| u.1).count();
        let lower = uses.len() - upper;
        if upper == 0 || lower == 0 {
            return;
        }
        let majority_upper = match upper.cmp(&lower) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => uses[0].1,
        };
        let (major, minor) = if majority_upper { (upper, lower) } else { (lower, upper) };
        for &(i, cap) in uses.iter().filter(|u| u.1 != majority_upper) {
            let t = &text.tokens[i];
            let word = text.slice(t.start, t.end);
            let mut chars = word.chars();
            let first = chars.next().expect("a word");
            let fixed: String = if majority_upper {
                first.to_uppercase().chain(chars).collect()
            } else {
                first.to_lowercase().chain(chars).collect()
            };
            let f = out.push(
                t.start,
                t.end,
                format!(
                    "«{word}»: в документе {} «{}» и {} «{}» — пишите одинаково",
                    major,
                    if majority_upper { "Вы" } else { "вы" },
                    minor,
                    if cap { "Вы" } else { "вы" },
                ),
            );
            f.suggestions.push(fixed.clone());
            f.edits.push(Edit { start: t.start, end: t.end, replacement: fixed });
            f.safe = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};
    use crate::apply_edits;

    #[test]
    fn flags_the_minority_form_with_a_safe_edit() {
        let text = "Уважаемый Илья Александрович!\nСообщаем, что Ваше обращение рассмотрено. Ответ направлен Вам по почте. Если у вас остались вопросы, позвоните.";
        let f = findings("YS124", text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "YS124");
        assert_eq!(f[0].text, "вас");
        assert!(f[0].safe);
        assert_eq!(f[0].edits[0].replacement, "Вас");
        let fixed = apply_edits(text, &f[0].edits);
        assert!(fixed.contains("у Вас остались"), "{fixed}");

        assert_eq!(
            spans(
                "YS124",
                "Заявление зарегистрировано. Мы сообщим Вам о решении и направим вашу путевку по почте. Благодарим Вас."
            ),
            ["вашу"]
        );
        assert_eq!(
            spans("YS124", "Сообщаем, что ваше заявление зарегистрировано. Мы сообщим вам о решении и направим Вашу путевку."),
            ["Вашу"]
        );
        assert_eq!(
            spans(
                "YS124",
                "Просим Вас представить справку. Без справки мы не можем рассмотреть ваше заявление."
            ),
            ["ваше"]
        );
    }

    #[test]
    fn consistent_or_sentence_initial_forms_are_fine() {
        for s in [
            "Сообщаем, что Ваше обращение рассмотрено. Ответ направлен Вам по почте.",
            "Сообщаем, что ваше обращение рассмотрено. Ответ направлен вам по почте.",
            // sentence-initial capitals do not count
            "Мы рассмотрели ваше обращение. Вы можете обжаловать решение в суде.",
            "ВАШЕ ЗАЯВЛЕНИЕ ПРИНЯТО. Ответ направим вам по почте.",
        ] {
            assert!(spans("YS124", s).is_empty(), "{s}");
        }
    }
}
