//! YS203: sentences with too many clauses and participial phrases.

use super::syntax::tags;
use super::{plural, Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::morph::heuristics::{is_preposition, Pos};
use crate::report::{Category, Severity};
use crate::text::{Sentence, TokenKind};

pub struct ComplexSentence;

static DOC: RuleDoc = RuleDoc {
    id: "YS203",
    name: "complex-sentence",
    category: Category::Length,
    severity: Severity::Warning,
    title: "Сложное предложение",
    what: "Предложения, в которых больше `max_parts` (по умолчанию 3) зависимых частей: придаточных («который», «что», «чтобы», «если», «когда», «поскольку», «так как»…), причастных оборотов после запятой («…, поступившее на сервер») и деепричастных оборотов («Учитывая изложенное, …», «…, рассмотрев»). Предложения, где таких частей больше `error_parts` (по умолчанию 5), — ошибка. Правило дополняет YS201: короткое предложение тоже бывает слишком сложным.",
    why: "Каждое придаточное и каждый оборот — это ещё одна мысль, которую читатель держит в голове, пока не дойдёт до конца предложения. Когда их больше трёх, он теряет, что к чему относится, и перечитывает.",
    bad: "Учитывая, что обращение, поступившее на портал, касается участка, который находится на балансе управы, сообщаем, что ответ будет дан управой.",
    good: "Участок находится на балансе управы. Мы передали ваше обращение туда, ответит управа.",
    fix: "Разбейте предложение на несколько: одна мысль — одно предложение. Причастный оборот замените отдельным предложением или придаточным, деепричастный — глаголом.",
    options: &[
        OptionDoc { name: "max_parts", default: 3, help: "Сколько придаточных и оборотов можно без предупреждения." },
        OptionDoc { name: "error_parts", default: 5, help: "С какого числа частей это ошибка (больше этого числа)." },
    ],
    dictionary: false,
};

fn clause_word(w: &str) -> bool {
    w.starts_with("котор")
        || matches!(
            w,
            "что"
                | "чтобы"
                | "если"
                | "когда"
                | "где"
                | "куда"
                | "откуда"
                | "поскольку"
                | "хотя"
                | "пока"
                | "ибо"
                | "чей"
                | "чья"
                | "чье"
                | "чьи"
        )
}

#[derive(Default)]
struct Parts {
    clauses: usize,
    participial: usize,
    adverbial: usize,
}

impl Parts {
    fn total(&self) -> usize {
        self.clauses + self.participial + self.adverbial
    }
}

fn count(ctx: &Context, s: &Sentence) -> Parts {
    let text = ctx.text;
    let tags = tags(ctx, s);
    let first = s.tokens.start;
    let word = |i: usize| {
        (i < s.tokens.end && text.tokens[i].kind == TokenKind::Word).then(|| text.tokens[i].norm.as_str())
    };
    let mut parts = Parts::default();
    let mut after_break = true; // sentence start or after a comma
    for i in s.tokens.clone() {
        let t = &text.tokens[i];
        if t.kind == TokenKind::Punct {
            after_break = matches!(t.norm.as_str(), "," | ";" | "—" | "(") || (after_break && t.norm == "\"");
            continue;
        }
        if !after_break {
            continue;
        }
        after_break = false;
        let Some(w) = word(i) else { continue };
        // «, в котором», «, на основании которого»: a preposition before «который».
        let w2 = word(i + 1).unwrap_or("");
        let clause = clause_word(w) && i > first
            || is_preposition(w) && w2.starts_with("котор")
            || w == "так" && w2 == "как"
            || w == "потому" && w2 == "что";
        if clause {
            parts.clauses += 1;
        } else if tags[i - first] == Some(Pos::Gerund) {
            parts.adverbial += 1;
        } else if tags[i - first] == Some(Pos::Participle) && i > first {
            parts.participial += 1;
        }
    }
    parts
}

impl Rule for ComplexSentence {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let max = out.option("max_parts").max(1) as usize;
        let error = out.option("error_parts").max(1) as usize;
        for s in &ctx.text.sentences {
            let parts = count(ctx, s);
            let n = parts.total();
            if n <= max {
                continue;
            }
            let mut what = Vec::new();
            if parts.clauses > 0 {
                what.push(plural(parts.clauses, "придаточное", "придаточных", "придаточных"));
            }
            if parts.participial > 0 {
                what.push(plural(
                    parts.participial,
                    "причастный оборот",
                    "причастных оборота",
                    "причастных оборотов",
                ));
            }
            if parts.adverbial > 0 {
                what.push(plural(
                    parts.adverbial,
                    "деепричастный оборот",
                    "деепричастных оборота",
                    "деепричастных оборотов",
                ));
            }
            let f = out.push(
                s.start,
                s.end,
                format!("Сложное предложение: {} (не больше {max})", what.join(", ")),
            );
            f.suggestions.push("Разбейте предложение на несколько".into());
            if n > error {
                f.severity = f.severity.max(Severity::Error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};
    use crate::Severity;

    #[test]
    fn flags_sentences_with_many_dependent_parts() {
        let s = "Учитывая, что обращение, поступившее на портал, касается участка, который находится на балансе управы, сообщаем, что ответ будет дан управой.";
        let f = findings("YS203", s);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule.as_str(), f[0].text.as_str()), ("YS203", s));
        assert_eq!(
            f[0].message,
            "Сложное предложение: 3 придаточных, 1 причастный оборот, 1 деепричастный оборот (не больше 3)"
        );
        let s = "Сообщаем, что в рамках программы, которая утверждена постановлением, будет проведен ремонт, если подрядчик, выбранный по итогам конкурса, выполнит работы в срок.";
        assert_eq!(spans("YS203", s).len(), 1);
        let s = "Рассмотрев Ваше обращение, поступившее в управу, сообщаем, что участок, на котором расположен гараж, принадлежит городу, поскольку договор аренды, заключенный в 2010 году, расторгнут, так как арендатор не вносил плату.";
        let f = findings("YS203", s);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn simple_and_moderate_sentences_are_fine() {
        for s in [
            "Мы рассмотрели ваше обращение.",
            "Сообщаем, что переход, который вы просили, будет обустроен в мае.",
            "Рассмотрев обращение, сообщаем, что ремонт начнётся в мае.",
            "Автобус опоздал, потому что водитель заболел, а резервного не было.",
        ] {
            assert!(spans("YS203", s).is_empty(), "{s}: {:?}", findings("YS203", s));
        }
    }
}
