//! YS301: abbreviations that are not expanded at their first use.
//!
//! An abbreviation here is a Cyrillic token of 2–6 letters written in
//! capitals (`ЕГРН`, `ГКУ`), possibly with a lower-case linking letter
//! (`КоАП`, `ДПиООС`). It counts as explained when, at its first use,
//! - the full form stands next to it in brackets, in either direction
//!   («Единый государственный реестр недвижимости (ЕГРН)»,
//!   «ЕГРН (Единый государственный реестр недвижимости)»): the initials of
//!   the words must spell the abbreviation;
//! - it is introduced with «(далее — ЕГРН)»;
//! - (3 letters or more) the words it stands for were already written out
//!   earlier in the document, so the reader has just seen them.
//!
//! Not abbreviations: capitals of letterheads and headings (a run of
//! capitals with a word of 7+ letters, a lone heading word before a colon),
//! ordinary words typed in capitals (`ЧТО` also written `что` elsewhere),
//! Roman numerals, tokens with digits (`210-ФЗ`, `56-ПП`, `ГСП-4`),
//! placeholders, and every abbreviation on a line of requisites (`ИНН`,
//! `ОГРН`, `БИК` …): those are copied, not read.

use rustc_hash::FxHashMap as HashMap;

use super::{Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::normalize::is_upper;
use crate::text::{Text, TokenKind};

pub struct UnexplainedAbbreviation;

static DOC: RuleDoc = RuleDoc {
    id: "YS301",
    name: "unexplained-abbreviation",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Сокращение без расшифровки",
    what: "Аббревиатура (`ЕГРН`, `ОМСУ`, `ЦОДД`), которая при первом упоминании не расшифрована. Расшифровкой считается полное название в скобках рядом — до или после сокращения — или «(далее — ЕГРН)»; для сокращений из трёх букв и длиннее — также полное название, уже написанное выше в документе. Сообщается только первое упоминание. Не проверяются общеизвестные сокращения (РФ, ИНН, СНИЛС, ФИО, МФЦ, ГИБДД, ЖКХ, ДТП, ПДД, «УК РФ», «КоАП РФ», «ТН ВЭД» и др.), организационно-правовая форма перед названием учреждения («ГКУ «Центр организации дорожного движения»», «ГБУ «Жилищник»»; сокращённое название после неё, как «ЦОДД» в «ГКУ ЦОДД», проверяется) и сокращения из настройки `allowed_abbreviations`, а также шапки бланков, набранные прописными, строки реквизитов и обозначения вида «210-ФЗ».",
    why: "Сокращения, привычные сотрудникам ведомства, гражданину незнакомы. Не поняв одно слово, читатель не поймёт и всё предложение: кто принял решение, куда идти, какой документ нужен. Расшифровать сокращение один раз — дело нескольких слов, а переспрашивать читателю придётся звонком или новым обращением.",
    bad: "Сведения о собственнике можно получить из ЕГРН.",
    good: "Сведения о собственнике можно получить из Единого государственного реестра недвижимости (ЕГРН).",
    fix: "При первом упоминании напишите полное название, а сокращение дайте в скобках: «Центр организации дорожного движения (ЦОДД)». Дальше можно писать сокращённо. Если сокращение встречается один раз, оставьте только полное название.",
    options: &[],
    dictionary: false,
};

/// Abbreviations an ordinary reader knows. Also requisites that are copied
/// rather than read.
const KNOWN: &[&str] = &[
    "РФ",
    "СССР",
    "США",
    "ООН",
    "ЕС",
    "СНГ",
    "ИНН",
    "КПП",
    "ОГРН",
    "ОГРНИП",
    "ОКПО",
    "ОКТМО",
    "ОКАТО",
    "ОКВЭД",
    "БИК",
    "КБК",
    "УИН",
    "СНИЛС",
    "ФИО",
    "МФЦ",
    "ГИБДД",
    "ДПС",
    "МВД",
    "МЧС",
    "ФНС",
    "ФТС",
    "ФСБ",
    "ЖКХ",
    "ТСЖ",
    "ДТП",
    "ПДД",
    "ГОСТ",
    "ЗАГС",
    "ВУЗ",
    "СМИ",
    "СМС",
    "НДС",
    "НДФЛ",
    "ООО",
    "ОАО",
    "ЗАО",
    "ПАО",
    "АО",
    "ИП",
    "НКО",
    "ЕГЭ",
    "ОГЭ",
    "ВИЧ",
    "ОРВИ",
    "ОСАГО",
    "КАСКО",
    "ПТС",
    "ТВ",
];

/// Labels that mark a line of requisites, in lower case as tokens' `norm`
/// holds them.
const REQUISITES_NORM: &[&str] =
    &["уид", "инн", "кпп", "огрн", "огрнип", "окпо", "октмо", "бик", "кбк", "уин", "окато"];

/// Short words that turn up typed in capitals (headings, OCR) and are not
/// abbreviations.
const CAPS_WORDS: &[&str] = &[
    "ЧТО",
    "КАК",
    "ЭТО",
    "ДЛЯ",
    "ИЛИ",
    "ПРИ",
    "ОТ",
    "НА",
    "ПО",
    "НЕ",
    "ДО",
    "ЗА",
    "ИЗ",
    "ВЫ",
    "МЫ",
    "ОН",
    "ОНА",
    "ОНИ",
    "ДА",
    "НЕТ",
    "ЕГО",
    "ЕЕ",
    "ЕЁ",
    "ВАС",
    "ВАМ",
    "НАС",
    "НАМ",
    "ВСЕ",
    "ВСЁ",
    "ТАК",
    "ГДЕ",
    "КТО",
    "ЕСЛИ",
    "ДАТА",
    "ДЕЛО",
    "РЕШИЛ",
    "РЕШИЛА",
    "ПРИКАЗ",
    "ОТКАЗ",
    "СУДЬЯ",
    "ВАЖНО",
    "СРОЧНО",
    "КОПИЯ",
    "ПРОЕКТ",
    "ОТВЕТ",
    "АДРЕС",
    "СПИСОК",
    "ИТОГО",
    "ПРИМЕР",
    "ОБРАЗЕЦ",
    "ДОБРЫЙ",
    "ДЕНЬ",
];

/// How far above (in words) a written-out full form still counts.
const ABOVE: usize = 300;
const ABOVE_SHORT: usize = 12;

/// Words that may sit inside a full form without giving a letter.
const FUNCTION_WORDS: &[&str] =
    &["и", "в", "во", "по", "о", "об", "с", "со", "для", "на", "при", "к", "из", "от"];

impl Rule for UnexplainedAbbreviation {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        // Most texts have few words that look like abbreviations, many none.
        let candidates: Vec<(usize, &str)> =
            (0..text.tokens.len()).filter_map(|i| abbreviation_letters(text, i).map(|l| (i, l))).collect();
        if candidates.is_empty() {
            return;
        }
        let parts = WordParts::new(text);
        let layout = Layout::new(text);
        // The candidates' words that the text also writes in lower case.
        let candidate_norms: rustc_hash::FxHashSet<&str> =
            candidates.iter().map(|&(i, _)| text.tokens[i].norm.as_str()).collect();
        let lower_words: rustc_hash::FxHashSet<&str> = text
            .tokens
            .iter()
            // Only words as short as an abbreviation (up to 6 letters and a digit) matter.
            .filter(|t| {
                t.is_word()
                    && t.norm.len() <= 14
                    && candidate_norms.contains(t.norm.as_str())
                    && text.slice(t.start, t.end).chars().skip(1).all(|c| !is_upper(c))
            })
            .map(|t| t.norm.as_str())
            .collect();
        let depersonalised = ["изъят", "обезличен"].iter().any(|m| text.src.contains(m));
        // key → (first token index, explained at first use)
        let mut seen: HashMap<String, (usize, bool)> = HashMap::default();
        let mut order: Vec<String> = Vec::new();
        let mut explained_later: HashMap<String, bool> = HashMap::default();
        for (i, letters) in candidates {
            let t = &text.tokens[i];
            let key = letters.to_uppercase();
            if KNOWN.contains(&key.as_str())
                || ctx
                    .allowed_abbreviations
                    .iter()
                    .any(|a| a.chars().flat_map(char::to_uppercase).eq(key.chars()))
                || CAPS_WORDS.contains(&key.as_str())
                || lower_words.contains(t.norm.as_str())
                || is_roman(&key)
                || layout.shouting[i]
                || is_heading_word(text, i)
                || layout.on_requisites_line(i)
                || is_quoted_name(text, i)
                || is_known_code(text, i, &key)
                || is_legal_form(text, i, &key)
                || layout.is_signature_label(text, i)
                || after_number_sign(text, i)
                || in_dotted_code(text, i)
                || (depersonalised && looks_like_hidden_name(text, i, &key))
            {
                continue;
            }
            match seen.get(&key) {
                None => {
                    let ok = explained_here(text, &parts, i, letters, true);
                    seen.insert(key.clone(), (i, ok));
                    order.push(key);
                }
                Some(&(_, false)) => {
                    if explained_here(text, &parts, i, letters, false) {
                        explained_later.insert(key, true);
                    }
                }
                Some(_) => {}
            }
        }
        for key in order {
            let (i, ok) = seen[&key];
            if ok {
                continue;
            }
            let t = &text.tokens[i];
            let abbr = abbreviation_letters(text, i).unwrap_or_default();
            let msg = if explained_later.contains_key(&key) {
                format!(
                    "Сокращение «{abbr}» расшифровано только ниже — дайте расшифровку при первом упоминании"
                )
            } else {
                format!("Сокращение «{abbr}» не расшифровано")
            };
            out.push(t.start, t.start + abbr.len(), msg);
        }
    }
}

/// The letters of token `i` if it looks like an abbreviation (a trailing
/// footnote digit, as in `ЕАЭС1`, is dropped).
fn abbreviation_letters<'a>(text: &Text<'a>, i: usize) -> Option<&'a str> {
    let t = &text.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let raw = text.slice(t.start, t.end);
    // Most words start with a lower-case letter: reject them first.
    if !raw.chars().next().is_some_and(is_upper) {
        return None;
    }
    let letters = raw.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.len() != raw.len() && text.tokens.get(i + 1).is_some_and(|n| n.start == t.end) {
        return None;
    }
    // Two to six Cyrillic letters, capitals but for at most one letter
    // inside: stop at the first letter that rules the word out.
    let (mut n, mut upper, mut last_upper) = (0, 0, false);
    for c in letters.chars() {
        if !is_cyrillic_letter(c) {
            return None;
        }
        n += 1;
        last_upper = is_upper(c);
        upper += usize::from(last_upper);
        if n > 6 || n - upper > 1 {
            return None;
        }
    }
    // (The first letter is a capital: tested above.)
    (n >= 2 && upper >= 2 && last_upper).then_some(letters)
}

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

/// Cyrillic letters that look like Roman numerals: «ХХ век».
fn is_roman(key: &str) -> bool {
    key.chars().all(|c| matches!(c, 'Х' | 'С' | 'М' | 'І'))
}

fn is_caps_word(text: &Text, i: usize) -> bool {
    let t = &text.tokens[i];
    t.kind == TokenKind::Word && {
        let raw = text.slice(t.start, t.end);
        // A word token has a letter; it is a capitals word without a lower-case one.
        !raw.chars().any(crate::text::normalize::is_lower)
    }
}

/// Facts about lines and runs of capitals, computed once per text.
struct Layout {
    /// Line number of each token.
    line: Vec<usize>,
    /// Per line: holds a requisite label (`ИНН`, `ОГРН` …).
    requisites: Vec<bool>,
    /// Per line: number of words.
    words: Vec<usize>,
    /// Per token: in a run of capitalised words (separated by spaces only,
    /// on one line) that holds a word of 7 letters or more — the capitals
    /// of a letterhead or a heading.
    shouting: Vec<bool>,
}

impl Layout {
    fn new(text: &Text) -> Layout {
        let n = text.tokens.len();
        let mut line = Vec::with_capacity(n);
        let mut current = 0;
        for i in 0..n {
            line.push(current);
            current += text.gap_after(i).bytes().filter(|&b| b == b'\n').count();
        }
        let lines = current + 1;
        let mut requisites = vec![false; lines];
        let mut words = vec![0; lines];
        for (i, t) in text.tokens.iter().enumerate() {
            if t.is_word() {
                words[line[i]] += 1;
                // `norm` is the lower case: compare without allocating.
                if t.norm.len() <= 12 && REQUISITES_NORM.contains(&t.norm.as_str()) {
                    requisites[line[i]] = true;
                }
            }
        }
        let mut shouting = vec![false; n];
        let mut i = 0;
        while i < n {
            if !is_caps_word(text, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < n
                && {
                    let gap = text.gap_after(j);
                    !gap.contains('\n') && gap.chars().all(char::is_whitespace)
                }
                && is_caps_word(text, j + 1)
            {
                j += 1;
            }
            let long = (i..=j).any(|k| {
                let t = &text.tokens[k];
                text.slice(t.start, t.end).chars().filter(|c| c.is_alphabetic()).count() >= 7
            });
            shouting[i..=j].iter_mut().for_each(|x| *x = long);
            i = j + 1;
        }
        Layout { line, requisites, words, shouting }
    }

    /// Every abbreviation on a line of requisites is copied, not read.
    fn on_requisites_line(&self, i: usize) -> bool {
        self.requisites[self.line[i]]
    }

    /// An abbreviation alone in brackets on a short line, as a department
    /// code after the name of the person who prepared a letter: «Г.А.
    /// Логинов (ЗНВ)».
    fn is_signature_label(&self, text: &Text, i: usize) -> bool {
        let bracketed =
            i > 0 && text.tokens[i - 1].norm == "(" && text.tokens.get(i + 1).is_some_and(|t| t.norm == ")");
        bracketed && self.words[self.line[i]] <= 4
    }
}

/// A heading word alone on its line before a colon: «РЕШИЛ:».
fn is_heading_word(text: &Text, i: usize) -> bool {
    let line_start = i == 0 || text.gap_after(i - 1).contains('\n');
    let colon = text.tokens.get(i + 1).is_some_and(|t| t.norm == ":");
    let line_end = text.tokens.get(i + 2).is_none_or(|_| text.gap_after(i + 1).contains('\n'));
    line_start && colon && line_end
}

/// The whole content of quotes is a name, not an abbreviation to expand:
/// «ДКБ», "МОСГОРТУР".
fn is_quoted_name(text: &Text, i: usize) -> bool {
    let quote = |k: Option<&crate::text::Token>| k.is_some_and(|t| t.norm == "\"");
    i > 0 && quote(text.tokens.get(i - 1)) && quote(text.tokens.get(i + 1))
}

/// Codes everyone knows by their short names: «УК РФ», «ГК РФ», «КоАП РФ»,
/// «ТН ВЭД».
fn is_known_code(text: &Text, i: usize, key: &str) -> bool {
    let next_is = |w: &str| text.tokens.get(i + 1).is_some_and(|n| n.norm == w);
    let prev_is = |w: &str| i > 0 && text.tokens[i - 1].norm == w;
    (matches!(key, "УК" | "ГК" | "НК" | "ТК" | "ЖК" | "КОАП") && next_is("рф"))
        // The customs nomenclature «ТН ВЭД» of every customs form.
        || (key == "ТН" && next_is("вэд"))
        || (key == "ВЭД" && prev_is("тн"))
        || (key == "ЕАЭС" && prev_is("вэд"))
}

/// The legal form of an institution right before its name: «ГКУ «Центр
/// организации дорожного движения»», «ГБУ «Жилищник»», «ГКУ ЦОДД». Like
/// «ООО», it is part of the name and the reader needs the name, not the
/// form; an abbreviated name after it is reported on its own.
fn is_legal_form(text: &Text, i: usize, key: &str) -> bool {
    const FORMS: &[&str] = &[
        "ГУ",
        "ГКУ",
        "ГБУ",
        "ГАУ",
        "ГУП",
        "ГАУК",
        "ГБУК",
        "ГБУЗ",
        "ГБОУ",
        "ГКОУ",
        "ГАОУ",
        "ГБПОУ",
        "ФГУ",
        "ФКУ",
        "ФГКУ",
        "ФГБУ",
        "ФГАУ",
        "ФГУП",
        "ФГБОУ",
        "ФГАОУ",
        "МУ",
        "МКУ",
        "МБУ",
        "МАУ",
        "МУП",
        "МБОУ",
        "МАОУ",
        "АНО",
    ];
    if !FORMS.contains(&key) {
        return false;
    }
    let Some(next) = text.tokens.get(i + 1) else { return false };
    // «ГАУ г. Москвы «ДКБ»»: the city between the form and the name.
    let quote = matches!(next.norm.as_str(), "\"" | "«" | "„" | "“" | "г" | "города");
    let name =
        next.kind == TokenKind::Word && text.slice(next.start, next.end).chars().all(|c| c.is_uppercase());
    quote || name
}

/// Glued by full stops to other letters: a date mask «ДД.ММ.ГГГГ» or a code.
fn in_dotted_code(text: &Text, i: usize) -> bool {
    let glued = |a: usize, b: usize| text.tokens[a].end == text.tokens[b].start;
    let dot_word =
        |dot: usize, word: usize| text.tokens[dot].norm == "." && text.tokens[word].kind == TokenKind::Word;
    let n = text.tokens.len();
    (i + 2 < n && glued(i, i + 1) && glued(i + 1, i + 2) && dot_word(i + 1, i + 2))
        || (i >= 2 && glued(i - 2, i - 1) && glued(i - 1, i) && dot_word(i - 1, i - 2))
}

/// Part of an outgoing number: «№ ДПиООС 05-18-2205/26».
fn after_number_sign(text: &Text, i: usize) -> bool {
    i > 0 && matches!(text.tokens[i - 1].norm.as_str(), "№" | "no" | "nº" | "n")
}

/// In a depersonalised court act people are named by initials («АДС,
/// родившейся …», «защитник БАН, извещённые …»): three capitals followed
/// by a comma or a lower-case word.
fn looks_like_hidden_name(text: &Text, i: usize, key: &str) -> bool {
    key.chars().count() == 3
        && text.tokens.get(i + 1).is_some_and(|n| {
            n.norm == ","
                || (n.kind == TokenKind::Word
                    && text.slice(n.start, n.end).chars().next().is_some_and(char::is_lowercase))
        })
}

/// The words of the text split at hyphens, each part with the index of its
/// token: the units whose initials may spell an abbreviation.
struct WordParts<'t> {
    parts: Vec<(&'t str, usize)>,
}

impl<'t> WordParts<'t> {
    fn new(text: &'t Text) -> WordParts<'t> {
        let mut parts = Vec::with_capacity(text.tokens.len());
        for (i, t) in text.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                if !t.norm.contains('-') && !t.norm.is_empty() {
                    parts.push((t.norm.as_str(), i));
                    continue;
                }
                for p in t.norm.split('-').filter(|p| !p.is_empty()) {
                    parts.push((p, i));
                }
            }
        }
        WordParts { parts }
    }

    /// Index of the first part whose token is at or after token `tok`.
    fn at(&self, tok: usize) -> usize {
        self.parts.partition_point(|(_, t)| *t < tok)
    }

    /// True when some run of parts starting in `from..to` (and lying inside
    /// it) spells `letters`. With `strict` (for matching away from the
    /// abbreviation, where chance is higher) every letter is the initial of
    /// its own word and function words give none.
    fn spells(&self, from: usize, to: usize, letters: &[char], strict: bool) -> bool {
        (from..to)
            .any(|s| !FUNCTION_WORDS.contains(&self.parts[s].0) && self.spells_from(s, to, letters, strict))
    }

    fn spells_from(&self, p: usize, to: usize, letters: &[char], strict: bool) -> bool {
        if letters.is_empty() {
            return true;
        }
        if p >= to {
            return false;
        }
        let word = self.parts[p].0;
        let function = FUNCTION_WORDS.contains(&word);
        if function && self.spells_from(p + 1, to, letters, strict) {
            return true;
        }
        if function && strict {
            return false;
        }
        // The word gives its first letter and, outside strict mode, up to two
        // more in order: «ГОСТ» (ГОСударственный СТандарт), «ОМСУ» (Органы
        // Местного СамоУправления).
        let chars: Vec<char> = word.chars().collect();
        if chars.first() != letters.first() {
            return false;
        }
        if self.spells_from(p + 1, to, &letters[1..], strict) {
            return true;
        }
        if function || strict {
            return false;
        }
        let (mut taken, mut pos) = (1, 1);
        while taken < letters.len().min(3) {
            let next = letters[taken];
            let found = chars[pos..].iter().position(|&c| c == next).map(|q| pos + q);
            let Some(at) = found else { break };
            pos = at + 1;
            taken += 1;
            if self.spells_from(p + 1, to, &letters[taken..], strict) {
                return true;
            }
        }
        false
    }
}

/// Whether occurrence `i` of an abbreviation with these letters comes with
/// its expansion.
fn explained_here(text: &Text, parts: &WordParts, i: usize, letters: &str, look_above: bool) -> bool {
    let lower: Vec<char> = letters.to_lowercase().replace('ё', "е").chars().collect();
    let toks = &text.tokens;
    // Inside brackets: «(далее — ЕГРН)» or «Полное название (ЕГРН …)».
    if let Some(open) = enclosing_bracket(text, i) {
        if toks[open + 1..i].iter().any(|t| t.norm == "далее") {
            return true;
        }
        let first_inside = toks[open + 1..i].iter().all(|t| t.kind != TokenKind::Word);
        if first_inside {
            let end = parts.at(open);
            let start = end.saturating_sub(16);
            if parts.spells(start, end, &lower, false) {
                return true;
            }
        }
    }
    // «ЕГРН (Единый государственный реестр недвижимости)».
    if toks.get(i + 1).is_some_and(|t| t.norm == "(") {
        let close = toks[i + 2..].iter().take(40).position(|t| t.norm == ")").map(|p| i + 2 + p);
        if let Some(close) = close {
            if parts.spells(parts.at(i + 2), parts.at(close), &lower, false) {
                return true;
            }
        }
    }
    // The full form was written out shortly above: within `ABOVE` words, or
    // right before for two-letter abbreviations, where chance is higher.
    let here = parts.at(i);
    let reach = if lower.len() >= 3 { ABOVE } else { ABOVE_SHORT };
    look_above && parts.spells(here.saturating_sub(reach), here, &lower, true)
}

/// Index of the `(` that encloses token `i` on its line, if any.
fn enclosing_bracket(text: &Text, i: usize) -> Option<usize> {
    let mut depth = 0usize;
    for k in (i.saturating_sub(30)..i).rev() {
        match text.tokens[k].norm.as_str() {
            ")" => depth += 1,
            "(" if depth == 0 => return Some(k),
            "(" => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{Checker, Config};

    /// The one-pass test of [`super::abbreviation_letters`] gives what
    /// counting every letter did, on tricky words and the corpus.
    #[test]
    fn abbreviation_letters_as_counted() {
        use crate::text::{Text, TokenKind};
        let counted = |text: &Text, i: usize| -> Option<String> {
            let t = &text.tokens[i];
            let raw = text.slice(t.start, t.end);
            if t.kind != TokenKind::Word || !raw.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let letters = raw.trim_end_matches(|c: char| c.is_ascii_digit());
            if letters.len() != raw.len() && text.tokens.get(i + 1).is_some_and(|n| n.start == t.end) {
                return None;
            }
            if !letters.chars().all(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё')) {
                return None;
            }
            let n = letters.chars().count();
            let upper = letters.chars().filter(|c| c.is_uppercase()).count();
            let (first, last) = (letters.chars().next(), letters.chars().last());
            let ok = (2..=6).contains(&n)
                && upper >= 2
                && first.is_some_and(char::is_uppercase)
                && last.is_some_and(char::is_uppercase)
                && n - upper <= 1;
            ok.then(|| letters.to_string())
        };
        let tricky = "МФЦ ГБУ ЕАЭС1 ЕАЭС1, ФЗ-210 ГОСТ СНиП СанПиН ОАО УФМС ЁЖ ЁжЖ АбвГ АБВГДЕЖ АБВГДЕ Аб Я ЯЯ ЦАО-ЮАО ИПиК ЦБ2РФ XYZ ГОСТы";
        let documents = crate::testcorpus::documents();
        for s in std::iter::once(tricky).chain(documents.iter().map(String::as_str)) {
            let text = Text::new(s);
            for i in 0..text.tokens.len() {
                assert_eq!(
                    super::abbreviation_letters(&text, i).map(str::to_string),
                    counted(&text, i),
                    "{i} in {s}"
                );
            }
        }
    }

    fn flagged_with(config: Config, s: &str) -> Vec<String> {
        let checker = Checker::new(config).unwrap();
        checker.check(s).findings.into_iter().filter(|f| f.rule == "YS301").map(|f| f.text).collect()
    }

    fn flagged(s: &str) -> Vec<String> {
        flagged_with(Config::default(), s)
    }

    #[test]
    fn flags_unexpanded_abbreviations() {
        assert_eq!(flagged("Обустройство остановочного пункта будет согласовано с ГКУ ЦОДД."), ["ЦОДД"]);
        assert_eq!(
            flagged("Сведения о собственнике можно получить из ЕГРН. Выписка из ЕГРН платная."),
            ["ЕГРН"]
        );
        assert_eq!(
            flagged(
                "Для установления инвалидности пройдите освидетельствование в бюро МСЭ по месту жительства."
            ),
            ["МСЭ"]
        );
        assert_eq!(flagged("Вопрос находится в ведении ОМСУ."), ["ОМСУ"]);
    }

    #[test]
    fn expansion_given_later_is_still_reported_at_first_use() {
        let s = "Обратитесь в ОМСУ. Органы местного самоуправления (ОМСУ) ведут приём по вторникам.";
        let checker = Checker::new(Config::default()).unwrap();
        let r = checker.check(s);
        let f: Vec<_> = r.findings.iter().filter(|f| f.rule == "YS301").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].start, s.find("ОМСУ").unwrap());
        assert!(f[0].message.contains("только ниже"), "{}", f[0].message);
    }

    #[test]
    fn accepts_expansions_in_either_direction() {
        assert!(flagged("Сведения внесены в Единый государственный реестр недвижимости (ЕГРН). Выписку из ЕГРН выдаст МФЦ.")
            .is_empty());
        assert!(flagged("Сведения внесены в ЕГРН (Единый государственный реестр недвижимости).").is_empty());
        assert!(flagged(
            "Государственным казённым учреждением города Москвы - Центром организации дорожного движения Правительства Москвы (далее - ГКУ ЦОДД) рассмотрено Ваше обращение. Сотрудники ГКУ ЦОДД проверят участок."
        )
        .is_empty());
        assert!(flagged(
            "Департамент природопользования и охраны окружающей среды (ДПиООС) провёл обследование."
        )
        .is_empty());
        assert!(flagged("Решение можно обжаловать по Кодексу об административных правонарушениях (КоАП).")
            .is_empty());
        assert!(flagged("Частью 1 статьи 19.34 Кодекса Российской Федерации об административных правонарушениях (далее – КоАП РФ) установлена ответственность.").is_empty());
    }

    #[test]
    fn full_form_written_just_above_counts() {
        assert!(flagged("Документ подписан электронной подписью.\nСведения о сертификате ЭП").is_empty());
        // Initials that spell it by chance, with a multi-letter prefix, do not count.
        assert_eq!(
            flagged("Кодекс Российской Федерации об административных правонарушениях. На 534 км ФАД «Кавказ» водитель выехал на встречную полосу."),
            ["ФАД"]
        );
        assert!(flagged(
            "Обращение касается Северо-Восточного административного округа. Начальник управления СВАО"
        )
        .is_empty());
    }

    #[test]
    fn ignores_known_letterheads_requisites_and_designations() {
        assert!(flagged("Сообщаем, что Ваш ИНН и СНИЛС указаны верно, а ДТП оформлено в ГИБДД.").is_empty());
        assert!(flagged(
            "ПРАВИТЕЛЬСТВО МОСКВЫ\nДЕПАРТАМЕНТ ТРАНСПОРТА И РАЗВИТИЯ\nУважаемый Илья Александрович!"
        )
        .is_empty());
        assert!(flagged("ОКПО 20740408, ОГРН 1117746538084, ИНН/КПП 7704786030/770701001, ГСП-4").is_empty());
        assert!(flagged("Постановлением Правительства Москвы от 22 февраля 2017 г. № 56-ПП и Федеральным законом № 210-ФЗ установлено.").is_empty());
        assert!(flagged("В XX веке и в ХХ веке.").is_empty());
        assert!(flagged("Время содержания под стражей с ДД.ММ.ГГГГ года засчитано.").is_empty());
        assert!(flagged("Уважаемый {{ ФИО }}! Ответ на [ДАТА] готов.").is_empty());
        assert!(flagged("РЕШИЛ:\nпризнать виновной").is_empty());
        assert!(flagged("Заместитель руководителя\nА.В. Мельков\nГ.А. Логинов (ЗНВ)\n+7 (495) 957-73-76")
            .is_empty());
        assert!(flagged("Осуждён по ч. 3 ст. 183 УК РФ.").is_empty());
        assert_eq!(flagged("Согласно статье 277 ТК ЕАЭС декларант уплачивает пошлину."), ["ТК", "ЕАЭС"]);
        // A legal form before the name is part of the name, like «ООО».
        assert!(flagged(
            "Переход согласован с ГКУ «Центр организации дорожного движения Правительства Москвы»."
        )
        .is_empty());
        assert!(flagged("Рекомендации направлены ГБУ \"Жилищник района Тропарёво-Никулино\".").is_empty());
        assert_eq!(flagged("Документы передали в ГБУ, а оно не ответило."), ["ГБУ"]);
        assert!(flagged("Код товара по ТН ВЭД ЕАЭС указан неверно.").is_empty());
        assert!(flagged("Государственный заказчик – ГАУ г. Москвы «ДКБ».").is_empty());
        assert!(flagged("Установлено,\nЧТО\nавтобус прибыл, что подтверждено.").is_empty());
    }

    #[test]
    fn config_allows_local_abbreviations() {
        let cfg = Config { allowed_abbreviations: vec!["цодд".into()], ..Config::default() };
        assert!(flagged_with(cfg, "Обратитесь в ГКУ ЦОДД.").is_empty());
        let cfg = Config { allowed_abbreviations: vec!["цодд".into()], ..Config::default() };
        assert_eq!(flagged_with(cfg, "Обратитесь в ЦОДД или в ДКР."), ["ДКР"]);
    }
}
