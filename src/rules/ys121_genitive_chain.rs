//! YS121: chains of nouns in the genitive.

use super::syntax::{all_caps, capitalised_inside, is_heading, tags};
use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::morph::heuristics::{
    is_genitive_adj, is_genitive_noun, is_genitive_preposition, starts_upper, Pos,
};
use crate::report::{Category, Severity};
use crate::text::{Sentence, TokenKind};

pub struct GenitiveChain;

static DOC: RuleDoc = RuleDoc {
    id: "YS121",
    name: "genitive-chain",
    category: Category::Syntax,
    severity: Severity::Hint,
    title: "Цепочка родительных падежей",
    what: "Подряд `min_genitives` (по умолчанию 3) и больше существительных в родительном падеже, каждое зависит от предыдущего: «решение вопроса обеспечения выполнения требований». Согласованные прилагательные внутри цепочки допускаются («проекта организации дорожного движения»). Имена собственные (слова с заглавной буквы внутри предложения), сокращения, числа, предлоги и союзы цепочку прерывают. Строки без точки в конце (шапка бланка, заголовок) не проверяются. Цепочки внутри названия закона в кавычках («О порядке содержания объектов дорожного хозяйства…») не отмечаются: их нельзя переписать. Падеж определяется по окончанию, без словаря, поэтому правило пропускает часть цепочек, чтобы не ошибаться. Это совет (hint): устойчивые термины («пункт выдачи средств индивидуальной защиты») правило от цепочки не отличает.",
    why: "В цепочке родительных читатель должен держать в голове все слова, пока не поймёт, что от чего зависит. Три-четыре «кого? чего?» подряд — верный признак канцелярита: за ними обычно спрятано действие, которое проще назвать глаголом.",
    bad: "Сообщаем о результатах анализа работы маршрута трамвая № 17.",
    good: "Мы проверили, как ходил трамвай № 17.",
    fix: "Замените одно из существительных глаголом («анализ работы» → «проверили, как работает»), вынесите часть цепочки в придаточное («требования, которые…») или разбейте предложение.",
    options: &[OptionDoc {
        name: "min_genitives",
        default: 3,
        help: "Со скольких существительных в родительном подряд сообщать.",
    }],
    dictionary: false,
};

/// A chain being collected: its first token (the head noun or the first
/// genitive after a genitive preposition) and its genitive nouns.
#[derive(Default)]
struct Chain {
    start: Option<usize>,
    gens: Vec<usize>,
}

impl Chain {
    fn reset(&mut self) {
        self.start = None;
        self.gens.clear();
    }
}

impl GenitiveChain {
    fn sentence(&self, ctx: &Context, s: &Sentence, min: usize, out: &mut Emitter) {
        let text = ctx.text;
        let mut chain = Chain::default();
        let emit = |chain: &mut Chain, out: &mut Emitter| {
            let start = chain.start.unwrap_or_else(|| chain.gens.first().copied().unwrap_or(0));
            let last = chain.gens.last().copied().unwrap_or(start);
            // The quoted title of a legal act cannot be rewritten.
            let quoted =
                || super::dictionary::in_act_title(text, text.tokens[start].start, text.tokens[last].end);
            if chain.gens.len() >= min && !quoted() {
                let words: Vec<&str> = chain
                    .gens
                    .iter()
                    .map(|&i| text.slice(text.tokens[i].start, text.tokens[i].end))
                    .collect();
                let f = out.push(
                    text.tokens[start].start,
                    text.tokens[last].end,
                    format!(
                        "{} существительных в родительном падеже подряд: {}",
                        chain.gens.len(),
                        words.join(" ")
                    ),
                );
                f.suggestions.push("Замените одно из существительных глаголом или разбейте оборот".into());
            }
            chain.reset();
        };
        // True while the previous word could head a genitive (a noun or a
        // genitive preposition).
        let mut open = false;
        let tags = tags(ctx, s);
        let first = s.tokens.start;
        for i in s.tokens.clone() {
            let t = &text.tokens[i];
            // (Both tests below need a capital first letter: most words have none.)
            let capital = t.kind == TokenKind::Word && starts_upper(text.slice(t.start, t.end));
            if t.kind != TokenKind::Word || capital && (capitalised_inside(text, s, i) || all_caps(text, i)) {
                emit(&mut chain, out);
                open = false;
                continue;
            }
            let w = t.norm.as_str();
            if is_genitive_preposition(w) {
                emit(&mut chain, out);
                open = true;
                continue;
            }
            match tags[i - first].unwrap_or(Pos::Function) {
                Pos::Noun => {
                    if open && is_genitive_noun(w) {
                        chain.gens.push(i);
                    } else {
                        emit(&mut chain, out);
                        chain.start = Some(i);
                    }
                    open = true;
                }
                Pos::Adj | Pos::Participle if open && is_genitive_adj(w) => {
                    // An agreeing adjective inside the chain: «дорожного движения».
                    let next =
                        tags[i + 1 - first..].iter().find(|p| !matches!(p, Some(Pos::Adj | Pos::Participle)));
                    if next != Some(&Some(Pos::Noun)) {
                        emit(&mut chain, out);
                        open = false;
                    }
                }
                Pos::Adj | Pos::Participle => {
                    // An adjective before a new head: «плановые интервалы».
                    emit(&mut chain, out);
                    open = false;
                }
                _ => {
                    emit(&mut chain, out);
                    open = false;
                }
            }
        }
        emit(&mut chain, out);
    }
}

impl Rule for GenitiveChain {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let min = out.option("min_genitives").max(2) as usize;
        for s in &ctx.text.sentences {
            if !is_heading(ctx.text, s) {
                self.sentence(ctx, s, min, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_genitive_chains() {
        assert_eq!(
            spans("YS121", "Прошу ускорить решение вопроса обеспечения выполнения требований жильцов."),
            ["решение вопроса обеспечения выполнения требований жильцов"]
        );
        assert_eq!(
            spans("YS121", "По результатам анализа работы трамвая № 17 установлено, что вагон опоздал."),
            ["результатам анализа работы трамвая"]
        );
        assert_eq!(
            spans(
                "YS121",
                "Сроки проведения работ по замене покрытия определяются исходя из степени износа покрытия проезжей части дороги."
            ),
            ["степени износа покрытия проезжей части дороги"]
        );
        let f = findings("YS121", "Для обеспечения безопасности движения пешеходов установлены ограждения.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "YS121");
        assert_eq!(f[0].text, "обеспечения безопасности движения пешеходов");
        assert!(f[0].message.starts_with("4 существительных"), "{}", f[0].message);
        // Quotes that are not the title of an act do not hide a chain.
        assert_eq!(
            spans("YS121", "Он сказал: «Прошу ускорить решение вопроса обеспечения выполнения требований»."),
            ["решение вопроса обеспечения выполнения требований"]
        );
    }

    #[test]
    fn leaves_short_chains_names_and_numbers_alone() {
        for s in [
            // two genitives only
            "Выполнение графика движения контролируется диспетчерской службой.",
            // a proper name breaks the chain
            "Обращение рассмотрено Департаментом транспорта и развития дорожно-транспортной инфраструктуры города Москвы.",
            // numbers and abbreviations break it
            "Сведения о нарушении ПДД водителем автобуса № 628 направлены в ГУП «Мосгортранс».",
            // prepositions break it
            "Заявление о предоставлении путевки для отдыха ребенка в лагере зарегистрировано.",
            // a letterhead line without a full stop
            "Управление организации работы отдела обеспечения деятельности префектуры",
            // the quoted title of a legal act
            "Работы ведутся по постановлению Правительства Москвы от 12.03.2013 № 1234-ПП «О порядке содержания объектов дорожного хозяйства улично-дорожной сети города».",
        ] {
            assert!(spans("YS121", s).is_empty(), "{s}: {:?}", spans("YS121", s));
        }
    }
}
