//! YS120: too many verbal nouns close together.

use super::syntax::{capitalised_inside, is_heading};
use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::{Text, TokenKind};

pub struct VerbalNounOverload;

static DOC: RuleDoc = RuleDoc {
    id: "YS120",
    name: "verbal-noun-overload",
    category: Category::Syntax,
    severity: Severity::Warning,
    title: "Много отглагольных существительных",
    what: "Три и больше отглагольных существительных (на -ание, -ение, -тие, -ация и частые «проверка», «выплата», «выдача») рядом в одном предложении: между соседними не больше `max_gap` слов (по умолчанию 3). Порог — `min_nouns` (по умолчанию 3). Существительные, которые называют предмет, а не действие («здание», «учреждение», «заявление», «решение», «информация», «организация»), не считаются. Строки без точки в конце (шапка бланка, заголовок) не проверяются.",
    why: "Отглагольное существительное прячет действие и того, кто действует. Цепочка «обеспечение выполнения … проведения» заставляет читателя самому восстанавливать, кто что делает и в каком порядке. Глагол короче и понятнее: «проверим», «выплатим», «рассмотрели».",
    bad: "Обеспечение выполнения требований о проведении проверки возложено на управу района.",
    good: "Управа района проверит, выполнены ли требования.",
    fix: "Замените одно-два существительных глаголами и назовите, кто действует: «осуществление контроля за выполнением» → «мы проверяем, выполняют ли». Если действий несколько, разбейте предложение.",
    options: &[
        OptionDoc { name: "min_nouns", default: 3, help: "Сколько отглагольных существительных рядом — уже много." },
        OptionDoc { name: "max_gap", default: 3, help: "Сколько других слов может стоять между соседними отглагольными существительными." },
    ],
    dictionary: false,
};

/// «по истечении», «во исполнение», «по окончании»: verbal nouns that are
/// part of a compound preposition (those are YS101's business).
fn in_compound_preposition(text: &Text, i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| text.tokens[p].norm.as_str());
    let w = text.tokens[i].norm.as_str();
    matches!(
        (prev, w),
        (Some("по"), "истечении" | "окончании" | "завершении" | "получении" | "поступлении")
            | (Some("во"), "исполнение")
            | (Some("в"), "продолжение")
    )
}

impl Rule for VerbalNounOverload {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let min = out.option("min_nouns").max(2) as usize;
        let max_gap = out.option("max_gap").max(0) as usize;
        let text = ctx.text;
        for s in &text.sentences {
            if is_heading(text, s) {
                continue;
            }
            // (token index, word position in the sentence)
            let mut cluster: Vec<(usize, usize)> = Vec::new();
            let mut pos = 0usize;
            let flush = |cluster: &mut Vec<(usize, usize)>, out: &mut Emitter| {
                if cluster.len() >= min {
                    let (a, b) = (cluster[0].0, cluster[cluster.len() - 1].0);
                    let names: Vec<&str> = cluster
                        .iter()
                        .map(|&(i, _)| text.slice(text.tokens[i].start, text.tokens[i].end))
                        .collect();
                    let f = out.push(
                        text.tokens[a].start,
                        text.tokens[b].end,
                        format!(
                            "{} отглагольных существительных подряд: {}",
                            cluster.len(),
                            names.join(", ")
                        ),
                    );
                    f.suggestions
                        .push("Замените часть существительных глаголами и назовите, кто действует".into());
                }
                cluster.clear();
            };
            for i in s.tokens.clone() {
                let t = &text.tokens[i];
                if t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "," | ";" | ":" | "(" | ")" | "—")
                {
                    // Enumerations and inserted phrases are another problem (YS205).
                    flush(&mut cluster, out);
                    continue;
                }
                if !t.counts_as_word() {
                    continue;
                }
                pos += 1;
                if t.kind != TokenKind::Word || capitalised_inside(text, s, i) {
                    continue;
                }
                if !text.facts[i].is_some_and(|f| f.verbal_noun) || in_compound_preposition(text, i) {
                    continue;
                }
                if let Some(&(_, last)) = cluster.last() {
                    if pos - last - 1 > max_gap {
                        flush(&mut cluster, out);
                    }
                }
                cluster.push((i, pos));
            }
            flush(&mut cluster, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_chains_of_verbal_nouns() {
        assert_eq!(
            spans(
                "YS120",
                "Обеспечение выполнения требований о проведении проверки возложено на управу района."
            ),
            ["Обеспечение выполнения требований о проведении проверки"]
        );
        assert_eq!(
            spans(
                "YS120",
                "По результатам рассмотрения вопроса о предоставлении компенсации принято решение об отказе."
            ),
            ["рассмотрения вопроса о предоставлении компенсации"]
        );
        assert_eq!(
            spans(
                "YS120",
                "Осуществление контроля за выполнением и соблюдением графика движения возложено на ГКУ «Организатор перевозок»."
            ),
            ["Осуществление контроля за выполнением и соблюдением"]
        );
        let f = findings(
            "YS120",
            "Проведение проверки и принятие мер будут организованы после регистрации заявления.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "YS120");
        assert_eq!(f[0].text, "Проведение проверки и принятие");
        assert!(f[0].message.contains("проверки"), "{}", f[0].message);
    }

    #[test]
    fn leaves_plain_sentences_alone() {
        for s in [
            // two verbal nouns only
            "Ваше обращение о благоустройстве двора рассмотрено.",
            // nouns naming things, not actions
            "Заявление и решение направлены в учреждение по месту жительства.",
            // far apart
            "Мы рассмотрели ваше обращение, и проверка показала, что водитель нарушил график; за нарушение его оштрафуют.",
            // a letterhead line without a full stop
            "Управление обеспечения выполнения решений о проведении проверок",
        ] {
            assert!(spans("YS120", s).is_empty(), "{s}");
        }
    }
}
