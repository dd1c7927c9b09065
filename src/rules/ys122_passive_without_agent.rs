//! YS122: passive voice that hides who acts.

use super::syntax::{capitalised_inside, tags};
use super::{Context, Emitter, Rule, RuleDoc};
use crate::morph::heuristics::{is_preposition, we_form_of_reflexive, we_past_of_short_participle, Pos};
use crate::report::{Category, Severity};
use crate::text::{Sentence, Text, TokenKind};

pub struct PassiveWithoutAgent;

static DOC: RuleDoc = RuleDoc {
    id: "YS122",
    name: "passive-without-agent",
    category: Category::Syntax,
    severity: Severity::Hint,
    title: "Страдательный оборот без деятеля",
    what: "Краткие страдательные причастия («рассмотрено», «было принято», «будут направлены») и возвратные глаголы в страдательном значении («производится», «рассматривается», «принимаются»), когда в той же части предложения (до запятой) не назван тот, кто действует: нет слова в творительном падеже «кем?» («Префектурой», «комиссией», «судом», «Вами») и оборота «со стороны». Это совет (hint): в судебных актах, законопроектах и формах деятель часто ясен из контекста или не важен (см. docs/evaluation.md). Не отмечаются обороты в придаточном, которое описывает уже названный предмет («заявления, где указаны дети», «документы, которые направлены ранее»). Не считаются страдательными «является», «находится», «касается», «представляется», «связано с», «расположен», «основан на» и подобные.",
    why: "Когда в письме «принято решение» и «производится выплата», читатель не знает, кто решил и к кому обращаться. Действительный залог называет того, кто отвечает за действие, и делает фразу короче: «мы рассмотрели», «управа проверит».",
    bad: "Ваше обращение было рассмотрено, принято решение об отказе.",
    good: "Мы рассмотрели ваше обращение и решили отказать, потому что…",
    fix: "Назовите, кто действует, и поставьте глагол в действительный залог: «документы были рассмотрены» → «мы рассмотрели документы», «выплата производится» → «мы выплачиваем», «будет направлен ответ» → «управа направит ответ».",
    options: &[],
    dictionary: false,
};

/// Short participles that are not passives in practice: «связано с»,
/// «расположен», «основан на», «предназначен для».
fn stative(w: &str) -> bool {
    [
        "связан",
        "расположен",
        "основан",
        "предназначен",
        "изложен",
        "обезличен",
        "изъят",
        "подписан",
        "сопряжен",
        "обусловлен",
        "ориентирован",
        // Assessments of reasoning: «выводы не мотивированы».
        "мотивирован",
        "обоснован",
        // «Мотивированное постановление составлено 08 июня»: a dated formula.
        "составлен",
        "изготовлен",
        // What a text says or a street has: «в письме сказано», «переход устроен».
        "сказан",
        "написан",
        "устроен",
        "обустроен",
    ]
    .iter()
    .any(|s| w.starts_with(s))
}

/// Reflexive verbs that tell what happens by itself, not what someone does:
/// «трамваи задерживаются», «работы продлятся до мая», «движение
/// начинается в 6 утра».
fn intransitive(w: &str) -> bool {
    [
        "задержива",
        "продлит",
        "продлят",
        "продолжа",
        "начина",
        "заканчива",
        "оканчива",
        "увеличива",
        "уменьша",
        "ухудша",
        "улучша",
        "случа",
    ]
    .iter()
    .any(|s| w.starts_with(s))
}

fn is_aux(w: &str) -> bool {
    matches!(w, "был" | "была" | "было" | "были" | "будет" | "будут" | "быть" | "будь")
}

/// True for clause boundaries: a comma, a semicolon or a colon outside quotes.
fn boundary(text: &Text, i: usize, quoted: &[bool], first: usize) -> bool {
    let t = &text.tokens[i];
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "," | ";" | ":") && !quoted[i - first]
}

/// For each token of the sentence: is it inside quotes?
fn quoted(text: &Text, s: &Sentence) -> Vec<bool> {
    let mut inside = false;
    text.tokens[s.tokens.clone()]
        .iter()
        .map(|t| {
            if t.norm == "\"" {
                inside = !inside;
            }
            inside
        })
        .collect()
}

/// «Документ подготовлен Минприроды России»: a capitalised name right after
/// the predicate is the agent (but not «рассмотрено Ваше обращение»).
fn name_follows(text: &Text, s: &Sentence, i: usize) -> bool {
    let j = i + 1;
    j < s.tokens.end
        && text.tokens[j].kind == TokenKind::Word
        && capitalised_inside(text, s, j)
        && !text.tokens[j].norm.starts_with("ваш")
        && !text.tokens[j].norm.starts_with("вы")
}

/// Is token `i` an agent in the instrumental: «Префектурой», «судом»,
/// «Вами», «силами», not inside a prepositional phrase?
fn is_agent(text: &Text, s: &Sentence, tags: &[Option<Pos>], i: usize) -> bool {
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = t.norm.as_str();
    if matches!(w, "вами" | "нами" | "мной" | "ими" | "им" | "ею") {
        return true;
    }
    if w == "стороны" && i > s.tokens.start && text.tokens[i - 1].norm == "со" {
        return true;
    }
    // «рассмотрен на заседании Правительства»: the body that met acts.
    if w == "заседании" {
        return true;
    }
    let instrumental =
        ["ом", "ем", "ой", "ами", "ями", "ией", "ьей", "ью", "ею"].iter().any(|e| w.ends_with(e));
    let first = s.tokens.start;
    // «Римихановым Т.С.», «Ивановой»: a surname in the instrumental.
    let surname = (w.ends_with("ым") || w.ends_with("ой")) && capitalised_inside(text, s, i);
    if !instrumental && !surname || w.chars().count() < 4 || tags[i - first] != Some(Pos::Noun) && !surname {
        return false;
    }
    // Not inside a prepositional phrase: «в соответствии с законом».
    let mut j = i;
    while j > s.tokens.start {
        j -= 1;
        let p = &text.tokens[j];
        if p.kind != TokenKind::Word {
            return true;
        }
        match tags[j - first] {
            Some(Pos::Adj | Pos::Participle) => continue,
            _ => return !is_preposition(&p.norm),
        }
    }
    true
}

impl Rule for PassiveWithoutAgent {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        let overridden = out.severity_overridden();
        for s in &text.sentences {
            let range = s.tokens.clone();
            let quotes = quoted(text, s);
            let tags = tags(ctx, s);
            for i in range.clone() {
                let t = &text.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = t.norm.as_str();
                let Some(p) = tags[i - range.start] else { continue };
                let short = p == Pos::ShortParticiple && !stative(w);
                let reflexive = !short
                    && p == Pos::Verb
                    && text.facts[i].is_some_and(|f| f.reflexive_passive)
                    && !intransitive(w);
                if !short && !reflexive || capitalised_inside(text, s, i) {
                    continue;
                }
                // «направлен на совершенствование» means «aimed at».
                if w.starts_with("направлен")
                    && text.tokens.get(i + 1).is_some_and(|n| n.norm == "на")
                    && text.facts.get(i + 2).is_some_and(|f| f.is_some_and(|f| f.verbal_noun))
                {
                    continue;
                }
                // «<Дата обезличена>», «{Адрес изъят}»: anonymisation marks.
                if text.tokens.get(i + 1).is_some_and(|n| matches!(n.norm.as_str(), ">" | "}" | "]")) {
                    continue;
                }
                // The clause around the predicate.
                let mut a = i;
                while a > range.start && !boundary(text, a - 1, &quotes, range.start) {
                    a -= 1;
                }
                // «Статьей 15.1 закона «…», предусмотрено»: a predicate that
                // opens its clause may take its agent from the one before.
                if a == i && a > range.start {
                    a -= 1;
                    while a > range.start && !boundary(text, a - 1, &quotes, range.start) {
                        a -= 1;
                    }
                }
                let mut b = i + 1;
                while b < range.end && !boundary(text, b, &quotes, range.start) {
                    b += 1;
                }
                if (a..b).any(|j| j != i && is_agent(text, s, tags, j)) || name_follows(text, s, i) {
                    continue;
                }
                // A relative clause describes something already named:
                // «заявления, где указаны дети», «документы, которые
                // направлены ранее»; who did it is beside the point.
                let relative = (a..i).any(|j| {
                    let w = text.tokens[j].norm.as_str();
                    matches!(w, "где" | "куда" | "откуда") || w.starts_with("котор")
                });
                if relative {
                    continue;
                }
                // Include an auxiliary: «было рассмотрено», «будут направлены».
                let prev = (a..i).rev().find(|&j| text.tokens[j].kind == TokenKind::Word);
                let aux = prev.filter(|&j| is_aux(&text.tokens[j].norm) && j + 2 >= i);
                let start = aux.map_or(t.start, |j| text.tokens[j].start);
                let future = aux.is_some_and(|j| text.tokens[j].norm.starts_with("буд"));
                let we = if short {
                    if future {
                        None
                    } else {
                        we_past_of_short_participle(w)
                    }
                } else {
                    we_form_of_reflexive(w)
                };
                let phrase = text.slice(start, t.end).to_string();
                let message = match &we {
                    Some(v) => format!(
                        "Страдательный оборот «{phrase}»: не сказано, кто действует. Например: «мы {v}»"
                    ),
                    None => format!("Страдательный оборот «{phrase}»: не сказано, кто действует"),
                };
                let f = out.push(start, t.end, message);
                if let Some(v) = we {
                    f.suggestions.push(format!("мы {v}"));
                }
                if reflexive && !overridden {
                    f.severity = Severity::Hint;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};
    use crate::Severity;

    #[test]
    fn flags_passives_without_agent() {
        let f = findings("YS122", "Ваше обращение было рассмотрено, принято решение об отказе.");
        let got: Vec<_> = f.iter().map(|f| (f.rule.as_str(), f.text.as_str())).collect();
        assert_eq!(got, [("YS122", "было рассмотрено"), ("YS122", "принято")]);
        assert_eq!(f[0].suggestions, ["мы рассмотрели"]);
        assert_eq!(f[1].suggestions, ["мы приняли"]);

        let f = findings("YS122", "Выплата компенсации производится в течение 30 рабочих дней.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "производится");
        assert_eq!(f[0].suggestions, ["мы производим"]);
        assert_eq!(f[0].severity, Severity::Hint);

        assert_eq!(
            spans("YS122", "Документы будут направлены в управу района после проверки."),
            ["будут направлены"]
        );
        assert_eq!(
            spans("YS122", "Выполнение графика движения постоянно контролируется и анализируется."),
            ["контролируется", "анализируется"]
        );
    }

    #[test]
    fn leaves_named_agents_and_non_passives_alone() {
        for s in [
            // the agent is named in the instrumental
            "Префектурой Северо-Восточного административного округа рассмотрено Ваше обращение.",
            "Камеры устанавливаются силами ГКУ ЦОДД.",
            "Нарушение было допущено водителем автобуса.",
            "Правонарушение Римихановым Т.С. совершено на 532 км дороги.",
            // not passives
            "Данный участок является частью дороги и находится на балансе управы.",
            "Задержка связана с ремонтом путей.",
            "Остановка расположена у дома 24.",
            // a relative clause about something already named
            "В первую очередь мы рассмотрим заявления, где указаны дети старше семи лет.",
            "Документы, которые были направлены ранее, мы получили.",
            // reflexive verbs of what happens by itself
            "В часы пик трамваи задерживаются на 5 минут, а работы продлятся до мая.",
            // an assessment of reasoning
            "Суд указал, что выводы не мотивированы.",
            // what a text says, what a street has
            "В письме сказано, что переход устроен по проекту.",
            // active voice
            "Мы рассмотрели ваше обращение и направили запрос в управу.",
        ] {
            assert!(spans("YS122", s).is_empty(), "{s}: {:?}", spans("YS122", s));
        }
    }
}
