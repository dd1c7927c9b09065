//! YS205: a long enumeration inside one sentence.

use super::syntax::is_heading;
use super::{Context, Emitter, OptionDoc, Rule, RuleDoc};
use crate::morph::heuristics::Pos;
use crate::report::{Category, Severity};
use crate::text::{Sentence, Text, TokenKind};

pub struct InlineEnumeration;

static DOC: RuleDoc = RuleDoc {
    id: "YS205",
    name: "inline-enumeration",
    category: Category::Length,
    severity: Severity::Warning,
    title: "Длинное перечисление в строку",
    what: "Перечисление из `min_items` (по умолчанию 5) и больше однородных элементов через запятую или точку с запятой внутри одного предложения. Элементом считается отрезок между запятыми не длиннее `max_item_words` слов (по умолчанию 12), в котором есть обычное слово со строчной буквы; последний элемент может быть присоединён союзом «и», «или», «а также». Придаточные («который», «что», «если»…), причастные и деепричастные обороты, отрезки с глаголом в личной форме и одиночные прилагательные при общем существительном («специальных, антидемпинговых, компенсационных пошлин») элементами не считаются. Адреса, телефоны, номера и даты (отрезки без обычных слов) не считаются.",
    why: "Пять и больше пунктов в строку читатель не удержит в голове: он теряется, какой пункт к чему относится, и легко пропускает нужный — например, один документ из списка. Нумерованный список показывает, сколько пунктов, и позволяет проверить каждый.",
    bad: "К заявлению приложите паспорт, СНИЛС, свидетельство о рождении ребёнка, справку о доходах, выписку из домовой книги и копию трудовой книжки.",
    good: "К заявлению приложите:\n1) паспорт;\n2) СНИЛС;\n3) свидетельство о рождении ребёнка;\n4) справку о доходах;\n5) выписку из домовой книги;\n6) копию трудовой книжки.",
    fix: "Оформите перечисление списком: вводная фраза с двоеточием, каждый пункт с новой строки. Если пунктов очень много, сгруппируйте их.",
    options: &[
        OptionDoc { name: "min_items", default: 5, help: "Со скольких элементов перечисление должно быть списком." },
        OptionDoc { name: "max_item_words", default: 12, help: "Самый длинный отрезок между запятыми, который ещё считается элементом перечисления." },
    ],
    dictionary: false,
};

const CLAUSE_STARTS: &[&str] = &[
    "который",
    "которая",
    "которое",
    "которые",
    "которого",
    "которой",
    "которых",
    "которому",
    "которым",
    "которыми",
    "котором",
    "которую",
    "что",
    "чтобы",
    "если",
    "когда",
    "где",
    "куда",
    "откуда",
    "поскольку",
    "потому",
    "так",
    "хотя",
    "пока",
    "чем",
    "как",
    "то",
    "но",
    "а",
    "однако",
    "например",
    "т",
    "то есть",
];

/// One segment between separators: its tokens and whether it can be a list item.
struct Segment {
    first: usize,
    last: usize,
    item: bool,
    /// Ends with «… и X», «… или X»: two items in one segment.
    joined: bool,
}

/// `tags`: the part of speech of every token of the text ([`Context::tags`]).
fn segment(text: &Text, tags: &[Option<Pos>], from: usize, to: usize, max_words: usize) -> Option<Segment> {
    let toks = &text.tokens[from..to];
    let words: Vec<usize> = (from..to).filter(|&i| text.tokens[i].counts_as_word()).collect();
    let (&first, &last) = (words.first()?, words.last()?);
    // An ordinary word, or an abbreviation alone («СНИЛС»); not a name, an
    // index or a house number as in addresses.
    let lower_word = toks.iter().any(|t| {
        let w = text.slice(t.start, t.end);
        t.kind == TokenKind::Word
            && (t.norm.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase)
                || words.len() == 1
                    && w.chars().count() >= 3
                    && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase()))
    });
    let head = &text.tokens[first];
    let clause = head.kind == TokenKind::Word
        && (CLAUSE_STARTS.contains(&head.norm.as_str())
            || matches!(tags[first], Some(Pos::Participle | Pos::Gerund)));
    let joined =
        toks.iter().any(|t| t.kind == TokenKind::Word && matches!(t.norm.as_str(), "и" | "или" | "либо"));
    // «специальных, антидемпинговых, компенсационных пошлин»: adjectives
    // that share one noun are one item, not a list.
    let lone_adjective = words.len() == 1 && tags[first] == Some(Pos::Adj);
    // A finite verb makes the segment a clause of its own: «… жалоб,
    // протестов выносится решение об изменении постановления, …».
    let finite = || {
        toks.iter().zip(&tags[from..to]).any(|(t, &tag)| {
            t.kind == TokenKind::Word
                && !["ть", "ти", "чь", "ться", "тись", "чься"].iter().any(|e| t.norm.ends_with(e))
                && tag == Some(Pos::Verb)
        })
    };
    let item = lower_word && !clause && !lone_adjective && words.len() <= max_words && !finite();
    Some(Segment { first, last, item, joined })
}

impl InlineEnumeration {
    fn sentence(&self, ctx: &Context, s: &Sentence, min: usize, max_words: usize, out: &mut Emitter) {
        let (text, tags) = (ctx.text, ctx.tags());
        // Split at top-level commas and semicolons (not inside brackets or quotes).
        let mut segments = Vec::new();
        let (mut depth, mut quotes, mut from) = (0i32, 0usize, s.tokens.start);
        for i in s.tokens.clone() {
            let t = &text.tokens[i];
            match t.norm.as_str() {
                "(" => depth += 1,
                ")" => depth -= 1,
                "\"" => quotes += 1,
                "," | ";" if depth <= 0 && quotes % 2 == 0 => {
                    segments.extend(segment(text, tags, from, i, max_words));
                    from = i + 1;
                }
                _ => {}
            }
        }
        segments.extend(segment(text, tags, from, s.tokens.end, max_words));
        let mut k = 0;
        while k < segments.len() {
            if !segments[k].item {
                k += 1;
                continue;
            }
            let mut j = k;
            while j + 1 < segments.len() && segments[j + 1].item {
                j += 1;
            }
            // The first segment may carry the lead-in («приложите паспорт»);
            // the last may join two items with «и».
            let items = j - k + 1 + usize::from(j > k && segments[j].joined);
            if items >= min {
                let (start, end) = (text.tokens[segments[k].first].start, text.tokens[segments[j].last].end);
                let f =
                    out.push(start, end, format!("Перечисление из {items} элементов в одном предложении"));
                f.suggestions.push("Оформите перечисление списком".into());
            }
            k = j + 1;
        }
    }
}

impl Rule for InlineEnumeration {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let min = out.option("min_items").max(2) as usize;
        let max_words = out.option("max_item_words").max(1) as usize;
        for s in &ctx.text.sentences {
            if !is_heading(ctx.text, s) {
                self.sentence(ctx, s, min, max_words, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_long_enumerations() {
        assert_eq!(
            spans(
                "YS205",
                "К заявлению приложите паспорт, СНИЛС, свидетельство о рождении ребёнка, справку о доходах, выписку из домовой книги и копию трудовой книжки."
            ),
            ["К заявлению приложите паспорт, СНИЛС, свидетельство о рождении ребёнка, справку о доходах, выписку из домовой книги и копию трудовой книжки"]
        );
        let f = findings(
            "YS205",
            "Задержки вызваны пробками, ремонтом путей, погодными условиями, нехваткой водителей, поломками вагонов и перекрытием улиц.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "YS205");
        assert_eq!(f[0].message, "Перечисление из 6 элементов в одном предложении");
        assert_eq!(
            spans(
                "YS205",
                "В ходе проверки осмотрены остановки; проверены расписания; опрошены водители; изучены записи камер; проанализированы жалобы."
            ),
            ["В ходе проверки осмотрены остановки; проверены расписания; опрошены водители; изучены записи камер; проанализированы жалобы"]
        );
    }

    #[test]
    fn short_lists_addresses_and_clauses_are_fine() {
        for s in [
            "Приложите паспорт, СНИЛС и справку о доходах.",
            "Юридический адрес: Садовая-Самотечная улица, д. 1, ГСП-4, Москва, 127994.",
            "Трамваи отправились в 13:02, 13:08, 13:19, 13:22 и 13:30.",
            "Мы проверили участок, который указан в обращении, и выяснили, что знак установлен, как требует проект, поэтому менять его не будем.",
            // adjectives sharing one noun are one item
            "Обязанность по уплате таможенных платежей, специальных, антидемпинговых, компенсационных пошлин, процентов и пеней подлежит исполнению.",
            // a segment with a finite verb is a clause, not an item
            "По результатам рассмотрения жалобы, протеста на постановление, решения по жалобе, протестов выносится решение об изменении постановления, решения по жалобе, протеста.",
        ] {
            assert!(spans("YS205", s).is_empty(), "{s}: {:?}", spans("YS205", s));
        }
    }
}
