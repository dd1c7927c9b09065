//! Shared reporting for rules backed by `dictionaries/*.toml`: how a
//! dictionary match becomes a finding, and when it gets an edit. The
//! conditions for edits are documented with the dictionary format in
//! [`crate::dict`].

use super::{Context, Emitter};
use crate::dict::{Arrangement, DictMatch, Entry, INFINITIVE};
use crate::morph::{adjective, conjugate};
use crate::report::Edit;
use crate::text::{Text, Token, TokenKind};

/// Words after a split predicate that never depend on its noun: adverbs
/// and particles. The verb edit may be made before them.
const FREE_WORDS: &[&str] = &[
    "не",
    "ни",
    "только",
    "лишь",
    "также",
    "тоже",
    "уже",
    "еще",
    "сразу",
    "вовремя",
    "своевременно",
    "регулярно",
    "ежегодно",
    "ежеквартально",
    "ежемесячно",
    "еженедельно",
    "ежедневно",
    "постоянно",
    "периодически",
    "повторно",
    "снова",
    "вновь",
    "опять",
    "всегда",
    "никогда",
    "иногда",
    "часто",
    "редко",
    "сегодня",
    "завтра",
    "вчера",
    "сейчас",
    "теперь",
    "ранее",
    "позже",
    "позднее",
    "затем",
    "потом",
    "срочно",
    "немедленно",
    "незамедлительно",
    "оперативно",
    "досрочно",
    "самостоятельно",
    "лично",
    "письменно",
    "устно",
    "бесплатно",
    "дистанционно",
    "онлайн",
    "полностью",
    "частично",
    "совместно",
    "дважды",
    "трижды",
    "здесь",
    "там",
    "ночью",
    "днем",
    "утром",
    "вечером",
    "летом",
    "зимой",
    "весной",
    "осенью",
    "поэтапно",
    "планово",
    "внепланово",
    "выборочно",
    "круглосуточно",
    "заранее",
    "заблаговременно",
    "быстро",
    "вместе",
    "бесперебойно",
    "без",
    "вручную",
    "автоматически",
    "ошибочно",
    "частями",
    "нерегулярно",
    "публично",
    "открыто",
    "непосредственно",
    "коллегиально",
    "неоднократно",
    "до",
    "через",
    "после",
    "перед",
];

/// Two-word adverbial phrases after which the verb edit may be made.
const FREE_PAIRS: &[(&str, &str)] = &[
    ("в", "течение"),
    ("в", "срок"),
    ("в", "случае"),
    ("в", "период"),
    ("в", "рамках"),
    ("на", "месте"),
    ("на", "территории"),
    ("на", "основании"),
    ("по", "адресу"),
    ("по", "месту"),
    ("по", "итогам"),
    ("по", "результатам"),
    ("по", "телефону"),
    ("за", "счет"),
    ("в", "присутствии"),
    ("в", "порядке"),
    ("в", "день"),
    ("в", "конце"),
    ("в", "начале"),
    ("в", "вечернее"),
    ("в", "рассрочку"),
    ("в", "электронной"),
    ("с", "согласия"),
    ("с", "опозданием"),
    ("по", "решению"),
    ("по", "заявлению"),
    ("по", "заявке"),
    ("по", "графику"),
    ("в", "ночное"),
    ("в", "дневное"),
    ("в", "рабочее"),
    ("в", "выходные"),
    ("в", "будние"),
    ("в", "январе"),
    ("в", "феврале"),
    ("в", "марте"),
    ("в", "апреле"),
    ("в", "мае"),
    ("в", "июне"),
    ("в", "июле"),
    ("в", "августе"),
    ("в", "сентябре"),
    ("в", "октябре"),
    ("в", "ноябре"),
    ("в", "декабре"),
    ("в", "этом"),
    ("в", "прошлом"),
    ("в", "следующем"),
];

/// Conjunctions after a comma that open a clause of their own.
const SUBORDINATORS: &[&str] = &[
    "если",
    "когда",
    "чтобы",
    "поскольку",
    "потому",
    "так",
    "хотя",
    "пока",
    "после",
    "как",
    "что",
    "однако",
];

/// Words after a number that make it a date.
const DATE_WORDS: &[&str] = &[
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "года",
    "г",
    "числа",
];

/// Prepositions that take a number after them as a date or a period: «с 1 мая».
const DATE_PREPOSITIONS: &[&str] = &["с", "со", "к", "в", "на", "за", "по"];

/// Reports every dictionary match of the rule `rule_id`. `label` names the
/// kind of problem in the message: «Составной предлог».
pub fn report(ctx: &Context, out: &mut Emitter, rule_id: &str, label: &str) {
    for m in ctx.dict_matches {
        let lex = &ctx.lexicon.entries[m.entry];
        if lex.rule != rule_id {
            continue;
        }
        let e = &lex.entry;
        if context_excludes(ctx.text, m, e) || in_act_title(ctx.text, m.start, m.end) {
            continue;
        }
        let matched = &ctx.text.src[m.start..m.end];
        let edit = if let Some(verb) = &e.verb {
            verb_edit(ctx.text, m, e, verb)
        } else if e.fix {
            fix_edit(ctx.text, m, e)
        } else {
            None
        };
        let mut suggestions = e.suggestions.clone();
        if let Some(ed) = &edit {
            let r = ed.replacement.trim().to_lowercase();
            if !r.is_empty() && !suggestions.iter().any(|s| s.to_lowercase() == r) {
                suggestions.insert(0, r);
            }
        }
        let overridden = out.severity_overridden();
        let f = out.push(m.start, m.end, format!("{label} «{}»", matched.trim()));
        if let (Some(sev), false) = (lex.severity, overridden) {
            f.severity = sev;
        }
        f.explanation = e.explanation.trim().to_string();
        f.suggestions = suggestions.into_iter().filter(|s| !s.is_empty()).collect();
        if let Some(ed) = edit {
            f.edits.push(ed);
            f.safe = true;
        }
    }
}

/// True when a word right around the match is in the entry's `not_before`
/// or `not_after`: the phrase has another sense there.
pub fn context_excludes(text: &Text, m: &DictMatch, e: &Entry) -> bool {
    let listed = |list: &[String], t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == TokenKind::Word && list.iter().any(|w| crate::text::normalize::norm_word(w) == t.norm)
        })
    };
    (!e.not_before.is_empty() && listed(&e.not_before, text.tokens.get(m.last)))
        || (!e.not_after.is_empty() && m.first > 0 && listed(&e.not_after, text.tokens.get(m.first - 1)))
}

/// True when `start..end` lies inside the quoted title of a legal act:
/// «О таможенном регулировании в Российской Федерации», "Об организации
/// предоставления государственных услуг". The writer quotes the title and
/// cannot change its words.
pub fn in_act_title(text: &Text, start: usize, end: usize) -> bool {
    let src = text.src;
    let mut from = start.saturating_sub(600);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let before = &src[from..start];
    let quotes = ['«', '»', '"', '„', '“', '”'];
    // The title is on one line: stop at the line's start.
    let Some((qi, q)) = before.char_indices().rev().find(|(_, c)| *c == '\n' || quotes.contains(c)) else {
        return false;
    };
    if q == '\n' {
        return false;
    }
    let opening = match q {
        '»' | '”' => false,
        '"' => before[..qi].chars().next_back().is_none_or(|c| c.is_whitespace() || c == '('),
        _ => true,
    };
    let title = &before[qi + q.len_utf8()..];
    let line_end = src[end..].find('\n').map_or(src.len(), |i| end + i);
    opening
        && !title.contains('\n')
        && ["О", "Об", "Обо"]
            .iter()
            .any(|p| title.strip_prefix(p).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
        && src[end..line_end].contains(['»', '"', '“', '”'])
}

/// Matches the case of `replacement` to the original: a capital first letter stays capital.
fn match_case(original: &str, replacement: &str) -> String {
    let upper = original.chars().next().is_some_and(char::is_uppercase);
    if !upper {
        return replacement.to_string();
    }
    let mut cs = replacement.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The words of `src` normalised and joined by spaces, for comparing a
/// match with the phrases of its entry.
fn norm_words<'t>(tokens: impl Iterator<Item = &'t Token>) -> String {
    tokens.map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" ")
}

/// The edit of a `fix = true` entry. The first suggestion replaces the
/// match as written when the match is the phrase itself or one of its
/// `forms`; an inflected form gets an edit only when the replacement can be
/// inflected the same way: a one-word adjective is declined like the
/// matched word («данной» → «этой»), and a one-word phrase whose
/// suggestion has the same ending takes the matched word's ending
/// («наименования» → «названия»). Otherwise there is no edit.
fn fix_edit(text: &Text, m: &DictMatch, e: &Entry) -> Option<Edit> {
    fix_edit_inner(text, m, e).map(|ed| with_preposition(text, m.first, ed))
}

/// The form of a preposition before `word`: «о данном» → «об этом»,
/// «с нижеследующими» → «со следующими». `None` for other words.
fn preposition_for(prep: &str, word: &str) -> Option<&'static str> {
    let mut cs = word.chars().flat_map(char::to_lowercase);
    let (a, b) = (cs.next()?, cs.next().unwrap_or(' '));
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    let cluster = |first: &str| first.contains(a) && !vowel(b) && b != ' ';
    let starts = |p: &str| word.to_lowercase().starts_with(p);
    Some(match prep {
        "о" | "об" | "обо" => {
            if starts("всё") || starts("все") || starts("мне") {
                "обо"
            } else if "аиоуыэ".contains(a) {
                "об"
            } else {
                "о"
            }
        }
        "с" | "со" => {
            if cluster("сзжш") || a == 'щ' || starts("мн") || starts("вс") {
                "со"
            } else {
                "с"
            }
        }
        "в" | "во" => {
            if cluster("вф") || starts("мн") || starts("вс") {
                "во"
            } else {
                "в"
            }
        }
        "к" | "ко" => {
            if cluster("кг") || starts("мн") || starts("вс") {
                "ко"
            } else {
                "к"
            }
        }
        _ => return None,
    })
}

/// Extends an edit that replaces the first word after a preposition so
/// that the preposition fits the new word.
fn with_preposition(text: &Text, first: usize, ed: Edit) -> Edit {
    if first == 0 || ed.replacement.is_empty() || ed.start != text.tokens[first].start {
        return ed;
    }
    let prev = &text.tokens[first - 1];
    let gap = text.gap_after(first - 1);
    if prev.kind != TokenKind::Word || gap.is_empty() || !gap.chars().all(char::is_whitespace) {
        return ed;
    }
    let Some(right) = preposition_for(&prev.norm, &ed.replacement) else { return ed };
    if right == prev.norm {
        return ed;
    }
    let original = &text.src[prev.start..prev.end];
    Edit {
        start: prev.start,
        end: ed.end,
        replacement: format!("{}{gap}{}", match_case(original, right), ed.replacement),
    }
}

fn fix_edit_inner(text: &Text, m: &DictMatch, e: &Entry) -> Option<Edit> {
    let replacement = &e.suggestions[0];
    let listed = || {
        let matched = norm_words(text.tokens[m.first..m.last].iter());
        std::iter::once(&e.phrase)
            .chain(e.forms.iter())
            .any(|p| norm_words(crate::text::tokens_without_stems(p).iter()) == matched)
    };
    let as_written = || Some(phrase_edit(text, m.first, m.last, replacement));
    if m.last - m.first != 1 {
        return if listed() { as_written() } else { None };
    }
    let lemma = crate::text::normalize::norm_word(&e.phrase);
    let tok = &text.tokens[m.first];
    if tok.norm == lemma {
        return as_written();
    }
    let mut words = replacement.splitn(2, ' ');
    let head = words.next()?;
    let rest = words.next();
    let inflected = if adjective::is_adjective(&lemma) {
        adjective::decline_like(&lemma, &tok.norm, head)
    } else {
        same_ending(&lemma, &tok.norm, head)
    };
    let Some(inflected) = inflected else {
        // An invariable replacement of a listed form: «имеются» → «есть».
        return if listed() && !adjective::is_adjective(&lemma) { as_written() } else { None };
    };
    let full = match rest {
        Some(r) => format!("{inflected} {r}"),
        None => inflected,
    };
    let original = &text.src[tok.start..tok.end];
    Some(Edit { start: tok.start, end: tok.end, replacement: match_case(original, &full) })
}

/// «наименование», «наименования», «название» → «названия»: when the
/// phrase and its replacement end alike, the replacement takes the ending
/// of the matched word.
fn same_ending(lemma: &str, form: &str, replacement: &str) -> Option<String> {
    let tail = |s: &str| s.chars().rev().take(2).collect::<String>();
    if lemma.chars().count() < 4
        || replacement.chars().count() < 4
        || tail(lemma) != tail(&replacement.replace('ё', "е"))
    {
        return None;
    }
    let cut = |s: &str| s.char_indices().rev().nth(1).map(|(i, _)| i).unwrap_or(0);
    let (lemma_stem, repl_stem) = (&lemma[..cut(lemma)], &replacement[..cut(replacement)]);
    let ending = form.strip_prefix(lemma_stem)?;
    Some(format!("{repl_stem}{ending}"))
}

/// The edit that replaces tokens `first..last` with `replacement`. An empty
/// replacement deletes the phrase with the space after it and, at the start
/// of a sentence, capitalises the next word.
fn phrase_edit(text: &Text, first: usize, last: usize, replacement: &str) -> Edit {
    let start = text.tokens[first].start;
    let end = text.tokens[last - 1].end;
    let original = &text.src[start..end];
    if !replacement.is_empty() {
        return Edit { start, end, replacement: match_case(original, replacement) };
    }
    // Deletion: swallow the following spaces and re-capitalise the next word.
    let Some(next) = text.tokens.get(last) else {
        return Edit { start, end, replacement: String::new() };
    };
    let at_sentence_start = original.chars().next().is_some_and(char::is_uppercase);
    if at_sentence_start && next.kind == TokenKind::Word {
        let word = &text.src[next.start..next.end];
        return Edit { start, end: next.end, replacement: match_case(original, word) };
    }
    Edit { start, end: next.start, replacement: String::new() }
}

fn is_infinitive(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && ["ть", "ти", "чь", "ться", "тись", "чься"].iter().any(|e| t.norm.ends_with(e))
        && conjugate::is_known_verb(&t.norm)
}

/// True when the words after a split predicate (from token `last` on) do
/// not depend on its noun, so that the pair can become one verb.
fn free_after(text: &Text, last: usize, e: &Entry) -> bool {
    let Some(next) = text.tokens.get(last) else { return true };
    let same_sentence = text.sentence_at(next.start) == text.sentence_at(text.tokens[last - 1].start);
    if !same_sentence {
        return true;
    }
    let after = text.tokens.get(last + 1);
    match next.kind {
        TokenKind::Punct => match next.norm.as_str() {
            "." | "!" | "?" | "…" | ";" | ")" => true,
            "," => {
                after.is_none_or(|a| a.kind == TokenKind::Word && SUBORDINATORS.contains(&a.norm.as_str()))
            }
            _ => false,
        },
        TokenKind::Word => {
            let w = next.norm.as_str();
            if FREE_WORDS.contains(&w) || e.free_after.iter().any(|f| *f == w) {
                return true;
            }
            if e.free_after.iter().any(|f| f == INFINITIVE) && is_infinitive(next) {
                return true;
            }
            match after {
                Some(a) if a.kind == TokenKind::Number => DATE_PREPOSITIONS.contains(&w),
                Some(a) if a.kind == TokenKind::Word => FREE_PAIRS.contains(&(w, a.norm.as_str())),
                _ => false,
            }
        }
        // A date: «15 мая», «01.06.2025».
        TokenKind::Number => {
            next.norm.contains(['.', '/'])
                || after.is_some_and(|a| a.kind == TokenKind::Word && DATE_WORDS.contains(&a.norm.as_str()))
        }
        TokenKind::Placeholder => false,
    }
}

/// The edit for a split predicate: the light verb and its noun become one
/// verb in the light verb's form, when the words after it need no change.
fn verb_edit(text: &Text, m: &DictMatch, e: &Entry, verb: &str) -> Option<Edit> {
    if m.arrangement != Arrangement::Direct {
        return None;
    }
    let light = &text.tokens[m.first];
    if light.kind != TokenKind::Word || !free_after(text, m.last, e) {
        return None;
    }
    let phrase = if m.form == 0 { &e.phrase } else { e.forms.get(m.form - 1)? };
    let light_inf = crate::text::normalize::norm_word(phrase.split_whitespace().next()?);
    let form = conjugate::conjugate_like(&light_inf, &light.norm, verb)?;
    let start = light.start;
    let end = text.tokens[m.last - 1].end;
    Some(Edit { start, end, replacement: match_case(&text.src[start..end], &form) })
}
