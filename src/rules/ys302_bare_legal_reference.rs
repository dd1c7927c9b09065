//! YS302: references to legal acts that leave the reader to look the rule up.
//!
//! A reference is a chain of parts («п. 3 ч. 1 ст. 7») with the act it
//! points to, or an act named by its date, number or title («Федерального
//! закона от 27.07.2010 № 210-ФЗ», «постановлением Правительства Москвы от
//! 22.02.2017 № 56-ПП», «ГОСТ Р 52289-2019», «ст. 19.34 КоАП РФ»). The name
//! of a code alone («по правилам ПДД») is not a reference.
//!
//! The reference is explained — and not reported — when the words around it
//! tell the reader what the rule says or what follows from it:
//! 1. the same or the next sentence has an explanation or consequence
//!    («это значит», «то есть», «поэтому», «таким образом», «учитывая
//!    изложенное»), the reader's right or duty («вы можете», «вам нужно»,
//!    «можно»), or a concrete term or figure («в течение 30 дней», «не менее
//!    15 м»);
//! 2. the sentence gives a reason in words («так как», «поскольку», «по
//!    причине», «в связи с тем, что»);
//! 3. the reference opens the sentence and the clause after it states the
//!    rule («Согласно п. 24.2 ПДД РФ допускается движение велосипедистов…»,
//!    «Статьёй 6 закона установлено, что…»), not a procedural step
//!    («…уведомляем», «…принято решение»);
//! 4. the reference is a citation after a plain statement: in brackets, or
//!    at the end of a clause that is not a procedural step («может быть
//!    произведена эвакуация в рамках постановления …»), or a line
//!    «Основание: …» right after a sentence that gives the reason;
//! 5. the text of the rule is quoted after a colon, or (in a template) the
//!    next line is a «Причина: ____» field to be filled in.
//!
//! A reference named only to say that a procedure was followed
//! («рассмотрено в соответствии с …», «на основании статьи 73 … уведомляет»,
//! «руководствуясь ст. 328 ГПК РФ»), that something breaks it («в нарушение
//! требований …») or to qualify a noun («правонарушение, предусмотренное
//! ч. 1 ст. 19.34 КоАП РФ») is bare. Each act-and-article is reported once
//! per document, and not at all if one of its mentions is explained; at
//! most one finding per sentence. Footnotes are not checked.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::{hybrid, Anchored, Input, MatchKind};

use crate::text::frozen::{nfa, NfaConfig};
use crate::text::word_regex::{narrow_classes, regex, MatchRegex, Regex};

use super::{Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::{Text, TokenKind};

pub struct BareLegalReference;

static DOC: RuleDoc = RuleDoc {
    id: "YS302",
    name: "bare-legal-reference",
    category: Category::Explanation,
    severity: Severity::Warning,
    title: "Ссылка на закон без объяснения",
    what: "Ссылка на статью, пункт или нормативный акт («в соответствии с п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ», «согласно постановлению Правительства Москвы от … № …»), рядом с которой — в том же или следующем предложении — не сказано простыми словами, что требует эта норма и что из неё следует для читателя. Объяснением считаются: пересказ нормы после «Согласно … ,», слова «это значит», «то есть», «поэтому», «таким образом», права и обязанности читателя («вы можете», «вам нужно»), конкретные сроки и величины, причина («так как», «поскольку»), цитата нормы после двоеточия. Ссылка в скобках после понятного утверждения — это тоже нормально. Каждая норма сообщается один раз.",
    why: "Гражданин не знает, что написано в статье 7 закона № 210-ФЗ, и не станет её искать. Для него ссылка — набор цифр: он не понимает, почему получил такой ответ и что ему теперь делать. Ссылка нужна как подтверждение, а не вместо объяснения.",
    bad: "Ваше обращение рассмотрено в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации».",
    good: "Мы рассмотрели ваше обращение за 30 дней — это срок, который установлен законом об обращениях граждан (Федеральный закон от 02.05.2006 № 59-ФЗ).",
    fix: "Сначала скажите простыми словами, что требует норма и что это значит для читателя: «Закон запрещает требовать у вас справки, которые уже есть у ведомств. Поэтому приносить выписку не нужно». Ссылку дайте после объяснения, в скобках. Если ссылка ничего не добавляет (например, «рассмотрено в соответствии с законом»), уберите её.",
    options: &[],
    dictionary: false,
};

impl Rule for BareLegalReference {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        // A sentence that explains one of its references explains them all:
        // «Согласно частям 1 и 2 статьи 2 закона под влиянием, указанным в
        // части 1 статьи 1, понимается …».
        // A reference whose numbering fooled the segmenter («пункты 3.9. и
        // 9.1.1. Порядка») spans sentences; what follows it in the same
        // line still belongs to its sentence.
        let mut found: Vec<(Range<usize>, usize, bool)> = Vec::new();
        let mut carry: Option<(usize, usize)> = None; // (end of a spanning reference, its sentence)
        for r in find_references(text.src) {
            let Some(mut si) = text.sentence_at(r.start) else { continue };
            if let Some((end, first)) = carry {
                if end > text.sentences[si].start && first < si {
                    si = first;
                }
            }
            if text.sentence_at(r.end.saturating_sub(1)).is_some_and(|sj| sj > si) {
                carry = Some((r.end, si));
            }
            if is_footnote(text, si) {
                continue;
            }
            let explained = is_explained(text, si, r.clone());
            found.push((r, si, explained));
        }
        let explained_sentences: HashSet<usize> =
            found.iter().filter(|(_, _, e)| *e).map(|(_, si, _)| *si).collect();
        // key → (first bare span, explained somewhere)
        let mut refs: HashMap<String, (Option<Range<usize>>, bool)> = HashMap::default();
        let mut order: Vec<String> = Vec::new();
        let mut reported_sentences = HashSet::default();
        for (r, si, _) in found {
            let key = reference_key(&text.src[r.clone()]);
            // The rule may be stated in the next sentence: «Перечень … содержится
            // в статье 217 НК РФ. Согласно пункту 1 статьи 217 … не облагаются …».
            let explained = explained_sentences.contains(&si) || explained_sentences.contains(&(si + 1));
            let entry = refs.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                (None, false)
            });
            if explained {
                entry.1 = true;
            } else if entry.0.is_none() && !reported_sentences.contains(&si) {
                entry.0 = Some(r.clone());
                reported_sentences.insert(si);
            }
        }
        for key in order {
            if let (Some(r), false) = &refs[&key] {
                out.push(
                    r.start,
                    r.end,
                    "Ссылка на норму без объяснения: скажите простыми словами, что она значит для читателя",
                );
            }
        }
    }
}

/// The pattern of a legal reference (searched only anchored, see
/// [`reference_at`]).
fn reference_pattern() -> String {
    let [parts, acts] = reference_alternatives();
    format!("{parts}|{acts}")
}

/// [`reference_pattern`]'s two halves: a reference that starts with the
/// parts of an act («п. 3 ст. 7 Федерального закона …»), and one that starts
/// with the act.
fn reference_alternatives() -> [String; 2] {
    let num = r"(?:\d+(?:\.\d+)*\.?|[«“][а-я][»”]|[IVXLC]+\b)";
    let nums = format!(r"{num}(?:\s*(?:,|и|-|–|—)\s*{num})*");
    let part = format!(
        r"(?:[Пп]ункт\w*|[Пп]одпункт\w*|подп\.|пп\.|п\.|[Аа]бзац\w*|абз\.|[Чч]аст(?:ь|и|ью|ям|ями|ях)\b|ч\.|[Сс]тать(?:я|и|ей|ю|е|ям|ями|ях)\b|ст\.|[Гг]лав(?:а|ы|ой|е|у)\b|гл\.|[Рр]аздел\w*|[Пп]риложени\w*)\s*(?:№\s*)?{nums}"
    );
    let chain = format!(r"{part}(?:\s*(?:,|и|,\s*а\s+также)?\s*{part})*");
    let date = r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[а-я]+\s+\d{4})\s*(?:г\.|года|г\b)?";
    let number = r"(?:№|N)\s*[\w./-]*\d[\w./-]*";
    let title = r#"(?:\s*[«"][^»"\n]{1,300}[»"])"#;
    let tail = format!(r"(?:\s+от\s+{date})?(?:\s*{number})?(?:\s+от\s+{date})?{title}?");
    let law = r"(?:(?:[Фф]едеральн\w+\s+(?:[Кк]онституционн\w+\s+)?)закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b(?:\s+(?:Российской\s+Федерации|РФ))?|Закон(?:а|у|ом|е)?\b(?:\s+(?:Российской\s+Федерации|РФ|города\s+Москвы|[А-ЯЁ]\w+\s+(?:области|края|республики)))?)";
    let code = r"(?:(?:[А-ЯЁа-яё]\w+(?:ого|ый|ой|ому|ым)\s+){0,2}[Кк]одекс\w*(?:(?:\s+[а-яё]{3,}){0,3}?\s+(?:Российской\s+Федерации|РФ|Союза|ЕАЭС|города\s+Москвы))?(?:\s+об?\s+[а-яё]+(?:\s+[а-яё]+)?(?:\s+(?:и|или)\s+[а-яё]+)?)?|\b(?:КоАП|ГК|НК|ТК|УК|УПК|ГПК|АПК|КАС|ЖК|ЗК|БК|СК)\s+(?:РФ|Российской\s+Федерации|ЕАЭС)\b|\bПДД(?:\s+РФ)?\b)";
    let decree = r"(?:[Пп]остановлени\w*|[Рр]аспоряжени\w*|[Пп]риказ\w*|[Уу]каз(?:а|ом|у|е)?\b)\s+(?:Пленума\s+)?(?:Правительства|Президента|Министерства|Мин\w+|ФТС|ФНС|Федеральн\w+\s+\w+\s+службы|Верховного\s+Суда|Департамента|Мэра)(?:\s+(?:Российской\s+Федерации|РФ|Москвы|России|Суда\s+Российской\s+Федерации))?";
    let standard = r"(?:\bГОСТ(?:\s+Р)?\s+\d[\d.]*(?:-\d+)?|\bСНиП\s+\d[\d.]*(?:-\d+)?\*?|\bСП\s+\d[\d.]*|\bСанПиН\s+\d[\d.]*(?:-\d+)?|[Сс]вод\w*\s+[Пп]равил\s+(?:СП\s+)?\d[\d.]*)";
    let defined = r"(?:Порядк(?:а|ом|у|е)|Регламент(?:а|ом|у|е)|Правил(?:ам|ами|ах)?(?:\s+дорожного\s+движения)?|Положени(?:я|ем|ю|и)|Закон(?:а|ом|у|е)|Кодекс(?:а|ом|у|е))\b";
    let link = r"\s*(?:(?:настоящего|указанного|данного|этого|того\s+же)\s+)?";
    [
        format!(r"{chain}{link}(?:{law}|{code}|{decree}|{standard}|{defined}){tail}"),
        format!(r"(?:{law}|{decree}){tail}|{standard}{title}?|{law}{link}№\s*\d+-ФЗ"),
    ]
}

/// Byte spans of the legal references in `src`, in order. A reference must
/// point to a norm: have a chain of parts, a date or a number. A law named
/// by its title alone («Федеральный закон «О полиции»») names a subject
/// rather than a rule and is left alone.
pub(crate) fn find_references(src: &str) -> Vec<Range<usize>> {
    let ident = ident_re();
    // The pattern's Unicode word boundaries make the regex engine give up its
    // fast automata on Cyrillic text, and a scan of a whole letter with the
    // slow one costs about a microsecond a byte. So the pattern is tried,
    // anchored, only where a reference can begin: at a word that opens one
    // of its alternatives. This finds what a scan would, in the same order.
    let mut out = Vec::new();
    let mut pos = 0;
    for start in candidate_starts(src) {
        if start < pos {
            continue;
        }
        let Some(end) = reference_at(&src[start..]) else { continue };
        let (m_start, m_end) = (start, start + end);
        pos = m_end;
        let s = &src[m_start..m_end];
        if ident.is_match(s) {
            // Do not end on a separator.
            let trimmed = s.trim_end_matches([' ', ',', '.', '\n']);
            out.push(m_start..m_start + trimmed.len());
        }
    }
    out
}

/// What a reference must hold to point to a norm: a chain of parts, a
/// date or a number.
fn ident_re() -> &'static MatchRegex {
    static IDENT: OnceLock<MatchRegex> = OnceLock::new();
    IDENT.get_or_init(|| {
        MatchRegex::new(&without_word_boundaries(r#"(?:№|N)\s*\d|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}\s*(?:г\.|года)|(?i:\b(?:п|ч|ст)\.|пункт|част|стать|глав|абзац|приложени|раздел)|ГОСТ|СНиП|СанПиН|\bСП\b|[Сс]вод"#))
            .expect("identifier regex")
    })
}

/// Builds every regex of the rule now (for `make regexes`).
#[cfg(feature = "regex-compiler")]
pub(crate) fn compile_regexes() {
    ident_re();
    reference_re();
    exact_reference_re();
    number_re();
    marker_re();
    reason_re();
    quote_re();
    footnote_re();
}

/// [`reference_pattern`] anchored at the start of the haystack: the
/// engines that run it and the relaxed copies that bound their work.
///
/// The pattern's Unicode `\b` keeps the lazy DFA out, and the PikeVM, which
/// runs anything, costs about seven hundred instructions a byte on it. So:
/// 1. The lazy DFA runs the pattern without `\b` (every match of the exact
///    pattern is one of the relaxed one's, with the same end) and reports
///    its *longest* match. With none, the exact pattern has none either (two
///    candidates in three); with one, no exact match ends past it, so the
///    exact pattern runs only up to there. A span changes no match: the
///    engines still see the text after it for `\b`.
/// 2. Over that span the bounded backtracker, several times faster than the
///    PikeVM, runs the exact pattern with its titles' `{1,300}` written `+`
///    (the backtracker clears a bit per NFA state and byte, and the three
///    counted titles are most of the NFA). A title's letters run to the
///    first closing quote or line end whatever the count, so the only paths
///    this adds are those with a title longer than 300 letters. When the
///    match holds no such run of letters, its path is one of the exact
///    pattern's and the first of them; otherwise the PikeVM runs the
///    pattern as written (as it does if the lazy DFA gives up).
///
/// The backtracker's set of visited states is cleared for each search, and
/// its size is the NFA's states times the bytes searched. So each of the
/// pattern's two halves ([`reference_alternatives`]) has its own engines:
/// anchored, the pattern `A|B` matches what `A` matches when `A` matches at
/// all, and what `B` matches otherwise.
struct ReferenceRe {
    halves: [Half; 2],
}

/// The engines of one half of the pattern.
struct Half {
    /// The half without `\b` or title bounds, reporting the longest match.
    relaxed: hybrid::dfa::DFA,
    /// The half with unbounded titles.
    backtrack: BoundedBacktracker,
}

/// The search state of [`ReferenceRe`]'s engines, one per thread.
struct ReferenceCaches {
    halves: [(hybrid::dfa::Cache, backtrack::Cache); 2],
    exact: Option<pikevm::Cache>,
}

/// The longest title [`reference_pattern`] accepts, in characters.
const TITLE_MAX: usize = 300;
const TITLE_LETTERS: &str = r#"[^»"\n]{1,300}"#;

/// The anchored reference pattern; with `unbounded_titles`, titles of any
/// length; without `word_boundaries`, no `\b`.
fn anchored_reference_pattern(unbounded_titles: bool, word_boundaries: bool) -> String {
    anchored(&reference_pattern(), unbounded_titles, word_boundaries)
}

/// `pattern` anchored at the start, with the classes of Russian text; with
/// `unbounded_titles`, titles of any length; without `word_boundaries`, no
/// `\b`.
fn anchored(pattern: &str, unbounded_titles: bool, word_boundaries: bool) -> String {
    let mut pattern = narrow_classes(&format!("^(?:{pattern})"));
    if unbounded_titles {
        pattern = pattern.replace(TITLE_LETTERS, r#"[^»"\n]+"#);
    }
    if !word_boundaries {
        pattern = pattern.replace(r"\b", "");
    }
    pattern
}

fn reference_re() -> &'static ReferenceRe {
    static RE: OnceLock<ReferenceRe> = OnceLock::new();
    RE.get_or_init(|| {
        let half = |pattern: &str| {
            // Enough for references of a few thousand bytes.
            let backtrack = BoundedBacktracker::builder()
                .configure(BoundedBacktracker::config().visited_capacity(1 << 20))
                .build_from_nfa(
                    nfa(&[&anchored(pattern, true, true)], NfaConfig::CAPTURES).expect("reference NFA"),
                )
                .expect("reference backtracker");
            let relaxed = hybrid::dfa::DFA::builder()
                .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All))
                .build_from_nfa(
                    nfa(&[&anchored(pattern, true, false)], NfaConfig::FORWARD).expect("relaxed NFA"),
                )
                .expect("relaxed reference regex");
            Half { relaxed, backtrack }
        };
        let [parts, acts] = reference_alternatives();
        ReferenceRe { halves: [half(&parts), half(&acts)] }
    })
}

/// The pattern as written, for the rare reference the fast way cannot take.
fn exact_reference_re() -> &'static PikeVM {
    static RE: OnceLock<PikeVM> = OnceLock::new();
    RE.get_or_init(|| {
        let nfa =
            nfa(&[&anchored_reference_pattern(false, true)], NfaConfig::CAPTURES).expect("reference NFA");
        PikeVM::builder().build_from_nfa(nfa).expect("reference regex")
    })
}

/// True when `s` holds a title longer than [`TITLE_MAX`] characters: more
/// than that many characters other than `»`, `"` and a line end right after
/// an opening quote.
fn has_long_title(s: &str) -> bool {
    let mut run: Option<usize> = None;
    for c in s.chars() {
        run = match (c, run) {
            ('"', _) | ('«', None) => Some(0),
            ('»' | '\n', _) => None,
            (_, Some(n)) => Some(n + 1),
            (_, None) => None,
        };
        if run.is_some_and(|n| n > TITLE_MAX) {
            return true;
        }
    }
    false
}

/// The end of the reference that starts `hay`, if one does: the
/// leftmost-first match of the anchored pattern, as the regex crate finds it.
fn reference_at(hay: &str) -> Option<usize> {
    thread_local! {
        static CACHES: RefCell<Option<ReferenceCaches>> = const { RefCell::new(None) };
    }
    let re = reference_re();
    let input = Input::new(hay).anchored(Anchored::Yes);
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let caches = caches.get_or_insert_with(|| ReferenceCaches {
            halves: re.halves.each_ref().map(|h| (h.relaxed.create_cache(), h.backtrack.create_cache())),
            exact: None,
        });
        let fast = 'fast: {
            for (half, (relaxed, backtrack)) in re.halves.iter().zip(&mut caches.halves) {
                let limit = match half.relaxed.try_search_fwd(relaxed, &input) {
                    Ok(None) => continue,
                    Ok(Some(longest)) => longest.offset(),
                    Err(_) => break 'fast None,
                };
                match half.backtrack.try_find(backtrack, input.clone().range(..limit)) {
                    Ok(None) => continue,
                    Ok(Some(m)) if !has_long_title(&hay[..m.end()]) => break 'fast Some(Some(m.end())),
                    _ => break 'fast None,
                }
            }
            // Neither half matches.
            Some(None)
        };
        if let Some(end) = fast {
            return end;
        }
        let exact = exact_reference_re();
        exact.find(caches.exact.get_or_insert_with(|| exact.create_cache()), input).map(|m| m.end())
    })
}

/// Words that may open a reference (lower case): acts, codes, standards
/// and the acts a text defines («Порядок»).
const OPENERS: &[&str] = &[
    "федеральн",
    "закон",
    "кодекс",
    "постановлени",
    "распоряжени",
    "приказ",
    "указ",
    "свод",
    "порядк",
    "регламент",
    "правил",
    "положени",
];

/// Abbreviations that may open a reference, as whole words.
const OPENER_WORDS: &[&str] = &[
    "коап",
    "гк",
    "нк",
    "тк",
    "ук",
    "упк",
    "гпк",
    "апк",
    "кас",
    "жк",
    "зк",
    "бк",
    "ск",
    "пдд",
    "гост",
    "снип",
    "сп",
    "санпин",
];

/// Parts of an act: they open a reference only when a number follows.
const PARTS: &[&str] = &["пункт", "подпункт", "абзац", "част", "стать", "глав", "раздел", "приложени"];
const PART_WORDS: &[&str] = &["п", "пп", "подп", "абз", "ч", "ст", "гл"];

/// True when what follows a part's name can be its number: «5», «№ 5»,
/// ««г»», «IV» after spaces or an abbreviation's full stop.
fn number_follows(rest: &str) -> bool {
    let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
    rest.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '№' | '«' | '“' | 'I' | 'V' | 'X' | 'L' | 'C')
    })
}

/// Byte offsets of the words where a reference may begin, in order: words
/// in [`OPENERS`] or [`OPENER_WORDS`], parts followed by a number, and the
/// three words before «Кодекс» («Гражданского процессуального кодекса»).
/// The first letters of the words in [`OPENERS`], [`OPENER_WORDS`],
/// [`PARTS`] and [`PART_WORDS`].
fn first_letters() -> &'static [char] {
    static FIRST: OnceLock<Vec<char>> = OnceLock::new();
    FIRST.get_or_init(|| {
        let mut v: Vec<char> = [OPENERS, OPENER_WORDS, PARTS, PART_WORDS]
            .iter()
            .flat_map(|list| list.iter().filter_map(|w| w.chars().next()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn candidate_starts(src: &str) -> Vec<usize> {
    // A word starts at a letter after a character that is not a word
    // character (`char::is_alphanumeric` or `_`). Each word start goes
    // through a window of the last three words: a word leaves it as a
    // candidate when it opens a reference or when a «кодекс…» came within
    // the three words after it.
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    // (start, is a candidate) of the last three words, oldest first.
    let mut window: [(usize, bool); 3] = [(0, false); 3];
    let mut in_window = 0;
    let mut prev_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // (a letter, a word character, its length in bytes)
        let (letter, word, len) = if b < 0x80 {
            let letter = b.is_ascii_alphabetic();
            (letter, letter || b.is_ascii_digit() || b == b'_', 1)
        } else if matches!(b, 0xD0 | 0xD1) {
            // U+0400–U+047F: Cyrillic letters, every one.
            (true, true, 2)
        } else {
            let c = src[i..].chars().next().unwrap_or(' ');
            let letter = crate::text::normalize::is_letter(c);
            (letter, letter || c.is_numeric(), c.len_utf8())
        };
        if letter && !prev_word {
            let (opens, kodeks) = word_opens(src, i);
            if kodeks {
                for w in &mut window[..in_window] {
                    w.1 = true;
                }
            }
            if in_window == 3 {
                if window[0].1 {
                    out.push(window[0].0);
                }
                window.rotate_left(1);
                in_window = 2;
            }
            window[in_window] = (i, opens);
            in_window += 1;
        }
        prev_word = word;
        i += len;
    }
    out.extend(window[..in_window].iter().filter(|w| w.1).map(|w| w.0));
    out
}

/// The index (0–31) of the Russian letter `а`–`я` or `А`–`Я` whose UTF-8
/// bytes start `bytes`.
fn russian_index(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [0xD0, b @ 0xB0..=0xBF, ..] => Some(u32::from(b - 0xB0)),
        [0xD1, b @ 0x80..=0x8F, ..] => Some(u32::from(b - 0x80) + 16),
        [0xD0, b @ 0x90..=0xAF, ..] => Some(u32::from(b - 0x90)),
        _ => None,
    }
}

/// Whether the word starting at byte `i` of `src` may open a reference,
/// and whether it is «кодекс…».
fn word_opens(src: &str, i: usize) -> (bool, bool) {
    let bytes = src.as_bytes();
    let c = src[i..].chars().next().unwrap_or(' ');
    // Most words are turned away by their first two letters (the lists are
    // all in Russian lower case).
    match russian_index(&bytes[i..]) {
        Some(l1) => {
            let next = &bytes[i + 2..];
            let l2 = match next.first() {
                None => 32,
                Some(&b) if b < 0x80 => {
                    if b.is_ascii_alphanumeric() || b == b'_' {
                        // A second letter or digit outside а–я matches no list.
                        return (false, false);
                    }
                    32
                }
                Some(0xD0 | 0xD1) => match russian_index(next) {
                    Some(l2) => l2,
                    // Another Cyrillic letter.
                    None => return (false, false),
                },
                Some(_) => {
                    let n = src[i + 2..].chars().next().unwrap_or(' ');
                    if crate::text::normalize::is_letter(n) || n.is_numeric() {
                        return (false, false);
                    }
                    // A one-letter word («п», «ч»).
                    32
                }
            };
            if opener_pairs()[l1 as usize] & (1 << l2) == 0 {
                return (false, false);
            }
        }
        None if c.is_ascii() => return (false, false),
        None => {}
    }
    let is_word =
        |c: char| crate::text::normalize::is_letter(c) || c.is_ascii_digit() || c == '_' || c.is_numeric();
    // The word's first twelve letters in lower case (enough for every
    // opener), on the stack when they are all Russian letters.
    let mut buf = [0u8; 24];
    let (mut n, mut chars, mut len, mut simple) = (0, 0, 0, true);
    for c in src[i..].chars().take_while(|&c| is_word(c)) {
        if chars < 12 {
            match c {
                'а'..='я' => n += c.encode_utf8(&mut buf[n..]).len(),
                'А'..='Я' => {
                    n += char::from_u32(c as u32 + 0x20).unwrap_or(c).encode_utf8(&mut buf[n..]).len()
                }
                _ => simple = false,
            }
        }
        chars += 1;
        len += c.len_utf8();
    }
    let slow;
    let w = if simple {
        std::str::from_utf8(&buf[..n]).unwrap_or_default()
    } else {
        // Most words cannot open a reference by their first letter alone.
        if !c.to_lowercase().any(|l| first_letters().contains(&l)) {
            return (false, false);
        }
        let mut lower = String::new();
        for c in src[i..i + len].chars().take(12) {
            crate::text::normalize::push_lower(&mut lower, c);
        }
        slow = lower;
        slow.as_str()
    };
    let whole = chars <= 12;
    let part = (PARTS.iter().any(|o| w.starts_with(o)) || whole && PART_WORDS.contains(&w))
        && number_follows(&src[i + len..]);
    let opens = part || OPENERS.iter().any(|o| w.starts_with(o)) || whole && OPENER_WORDS.contains(&w);
    (opens, w.starts_with("кодекс"))
}

/// For each first letter `а`–`я` (0–31), a bit per second letter (0–31)
/// that some word of [`OPENERS`], [`OPENER_WORDS`], [`PARTS`] or
/// [`PART_WORDS`] begins with; bit 32: the list has the one-letter word.
fn opener_pairs() -> &'static [u64; 32] {
    static PAIRS: OnceLock<[u64; 32]> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs = [0u64; 32];
        for w in [OPENERS, OPENER_WORDS, PARTS, PART_WORDS].iter().flat_map(|list| list.iter()) {
            let mut letters = w.chars().map(|c| {
                assert!(('а'..='я').contains(&c), "«{w}»: the lists are in Russian lower case");
                c as u32 - 'а' as u32
            });
            let first = letters.next().expect("no empty words");
            pairs[first as usize] |= 1 << letters.next().unwrap_or(32);
        }
        pairs
    })
}

/// Identifies a norm across its mentions: the numbers of its parts and the
/// act's number («1|19.34», «56-пп»).
fn reference_key(s: &str) -> String {
    let nums: Vec<&str> = number_re().find_iter(s).map(|m| &s[m.range()]).collect();
    if nums.is_empty() {
        s.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        nums.join("|").to_lowercase()
    }
}

fn number_re() -> &'static Regex {
    static NUM: OnceLock<Regex> = OnceLock::new();
    NUM.get_or_init(|| regex(r"\d+(?:[.\-]\d+)*(?:-[А-ЯЁа-яё]+)?").expect("number regex"))
}

/// The same yes-or-no test as `pattern` without Unicode word boundaries:
/// `\b` before a word becomes `(?:^|\W)`, after a word `(?:\W|$)`. On
/// Cyrillic text the regex engine cannot run its fast automata for a pattern
/// with `\b` and falls back to a matcher a hundred times slower; for
/// `is_match` consuming the neighbouring character changes nothing. Only for
/// patterns whose `\b` stands right before or after a word.
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find(r"\b") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let before_word = after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '(' | '[' | '\\'));
        out.push_str(if before_word { r"(?:^|\W)" } else { r"(?:\W|$)" });
        rest = after;
    }
    out.push_str(rest);
    out
}

fn marker_re() -> &'static MatchRegex {
    static RE: OnceLock<MatchRegex> = OnceLock::new();
    RE.get_or_init(|| {
        // Every alternative opens with `\b` and most close with one: written
        // once each, the pattern compiles in half the time.
        MatchRegex::new(&without_word_boundaries(concat!(
            r"(?i)\b(?:(?:это\s+(?:значит|означает)|то\s+есть|(?:иными|другими)\s+словами|проще\s+говоря|иначе\s+говоря",
            r"|поэтому|значит|следовательно|таким\s+образом|учитывая\s+изложенное|в\s+связи\s+с\s+(?:этим|чем)|исходя\s+из\s+этого",
            r"|(?:вы|вам|вас)\s+(?:\w+\s+)?(?:можете|сможете|вправе|нужно|необходимо|надо|следует|должны|обязаны|придется|придётся|имеете)|можно|имеете\s+право",
            r"|не\s+позднее|не\s+позже|по\s+истечении|в\s+срок\s+до",
            r"|котор\w+\s+(?:устанавливает|предусматривает|гласит|требует|запрещает|разрешает))\b",
            r"|т\.\s*е\.|в\s+течение\s+\S+|(?:согласно|в\s+соответствии\s+с)\s+котор\w+",
            r"|\d{1,3}(?:[,.]\d+)?(?:\s*[-–]\s*\d+)?\s*(?:(?:м|км|дн(?:я|ей|ю)|лет|год(?:а|у|ам)?)\b|метр\w*|рабоч\w*|календарн\w*|месяц\w*|час\w*|минут\w*|руб\w*|процент\w*|%))",
        )))
        .expect("marker regex")
    })
}

fn reason_re() -> &'static MatchRegex {
    static RE: OnceLock<MatchRegex> = OnceLock::new();
    RE.get_or_init(|| {
        MatchRegex::new(&without_word_boundaries(r"(?i)\b(?:так\s+как|поскольку|потому\s+что|по\s+причине|в\s+связи\s+с\s+тем,?\s+что|из-за|ввиду\s+того|учитывая|исходя\s+из)\b"))
            .expect("reason regex")
    })
}

/// Verb forms that make a clause a procedural step, not a statement of the
/// rule: «уведомляем», «принято решение», «рассмотрено», «руководствуясь».
const FRAME: &[&str] = &[
    "уведомляем",
    "уведомляет",
    "уведомляю",
    "сообщаем",
    "сообщает",
    "сообщаю",
    "информируем",
    "информирует",
    "информирую",
    "направляем",
    "направляет",
    "направляется",
    "направлено",
    "принято",
    "принят",
    "принята",
    "приняты",
    "принял",
    "приняла",
    "приняли",
    "рассмотрено",
    "рассмотрен",
    "рассмотрена",
    "рассмотрел",
    "рассмотрела",
    "рассмотрели",
    "постановил",
    "постановила",
    "постановляет",
    "определил",
    "определила",
    "определяет",
    "решил",
    "решила",
    "отказано",
    "отказать",
    "признать",
    "вынесено",
    "вынесен",
    "руководствуясь",
    "составлен",
    "составлено",
    "выдано",
];

/// «подлежит исполнению», «подлежит рассмотрению»: a step, not a rule.
fn is_frame_pair(a: &str, b: &str) -> bool {
    a.starts_with("подлеж")
        && matches!(
            b,
            "исполнению"
                | "рассмотрению"
                | "применению"
                | "удовлетворению"
                | "оплате"
                | "уплате"
        )
}

fn has_frame(words: &[&str]) -> bool {
    words.iter().any(|w| FRAME.contains(w)) || words.windows(2).any(|p| is_frame_pair(p[0], p[1]))
}

/// Words that introduce a reference as a citation.
const INTRODUCERS: &[&str] =
    &["согласно", "соответствии", "рамках", "основании", "силу", "исполнение", "реализации", "редакции"];

/// Whether the mention at `r` (starting in sentence `si`) comes with an
/// explanation. A reference whose title holds full stops may span several
/// sentences of the segmenter; they are read as one.
fn is_explained(text: &Text, si: usize, r: Range<usize>) -> bool {
    let sj = text.sentence_at(r.end.saturating_sub(1)).unwrap_or(si).max(si);
    // Only the words near the reference are read, so that a giant
    // «sentence» (a form without full stops) costs no more than a short one.
    let real_start = text.sentences[si].start;
    let s_start = real_start.max(tokens_back(text, r.start, WINDOW));
    let s_end = text.sentences[sj].end.max(r.end).min(tokens_forward(text, r.end, WINDOW).max(r.end));
    let cut_before = s_start > real_start;
    let head = text.slice(real_start, tokens_forward(text, real_start, 25).min(r.start).max(real_start));
    let next = text
        .sentences
        .get(sj + 1)
        .map_or("", |n| text.slice(n.start, n.end.min(tokens_forward(text, n.start, WINDOW)).max(n.start)));
    let around = format!("{} {}", text.slice(s_start, r.start), text.slice(r.end, s_end));
    // 1. Explanation, consequence, the reader's rights, a concrete term.
    if marker_re().is_match(&around) || marker_re().is_match(next) {
        return true;
    }
    // 2. A reason in words.
    if reason_re().is_match(&around) {
        return true;
    }
    // 5. The rule quoted after a colon; a reason field to fill in next.
    let next_end = text.sentences.get(sj + 1).map_or(s_end, |n| n.start + next.len()).max(s_end);
    if quotes_rule(text.slice(r.end, next_end.max(r.end))) || quotes_rule(next) || reason_field(text, sj + 1)
    {
        return true;
    }
    let first = text.tokens.partition_point(|t| t.start < s_start);
    let last = text.tokens.partition_point(|t| t.end <= s_end);
    let tokens = &text.tokens[first..last.max(first)];
    let words = |from: usize, to: usize| -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| t.start >= from && t.end <= to && t.kind != TokenKind::Punct)
            .map(|t| t.norm.as_str())
            .collect()
    };
    let words_before = words(s_start, r.start);
    let words_after = words(r.end, s_end);
    let sentence = head;
    // 4. In brackets after a statement.
    if inside_brackets(text, s_start, r.start) && words_before.len() + words_after.len() >= 5 {
        return true;
    }
    // 3. The reference opens the sentence (after a short lead-in such as
    //    «Сообщаем, что», «Также,») and the clause after it states the rule.
    let lead = words_before.iter().rposition(|w| *w == "что").map_or(0, |p| p + 1);
    let intro = &words_before[lead..];
    let opens = !cut_before
        && intro.len() <= 4
        && (intro.is_empty() || intro.iter().any(|w| INTRODUCERS.contains(w)) || intro.len() <= 1)
        && !intro.iter().any(|w| w.starts_with("руководств"))
        && !label_only(sentence);
    // The article named in brackets: «по статье 275 УК РФ («Государственная измена»)».
    if text.slice(r.end, s_end).trim_start().starts_with(['(']) && {
        let inner = text.slice(r.end, s_end).trim_start()[1..].trim_start();
        inner.starts_with(['«', '"'])
    } {
        return true;
    }
    let clause = words(skip_bracketed(text, s_end, r.end), s_end);
    // Where the rule is written, then what it says: «закрепление в статье 7
    // закона полномочий федеральных органов …».
    if words_before.last() == Some(&"в") && clause.len() >= 3 && !has_frame(&clause[..3]) {
        return true;
    }
    if opens && clause.len() >= 4 && !has_frame(&clause[..clause.len().min(3)]) {
        return true;
    }
    // 4. A citation at the end of a clause that states something.
    let k = words_before.len();
    let cited = k >= 2 && INTRODUCERS.contains(&words_before[k - 1])
        || k >= 3 && words_before[k - 2] == "соответствии";
    // Also a reference closing the sentence after a comma or a dash:
    // «…уволен в связи с приёмом основного работника, статья 288 ТК РФ.»
    let closes =
        words_after.is_empty() && text.slice(s_start, r.start).trim_end().ends_with([',', '—', '–', '-']);
    if (cited || closes) && k >= 6 {
        let clause_before = &words_before[k.saturating_sub(6)..k];
        if !has_frame(clause_before) && !label_only(sentence) {
            return true;
        }
    }
    // 4. «Основание: …» right after a sentence that gives the reason.
    if label_only(sentence) && si > 0 {
        let p = &text.sentences[si - 1];
        let prev = text.slice(p.start.max(tokens_back(text, p.end, WINDOW)).min(p.end), p.end);
        if reason_re().is_match(prev) || marker_re().is_match(prev) {
            return true;
        }
    }
    false
}

/// How far around a reference (in tokens) its explanation is looked for.
/// Counted in tokens, not bytes, so that no-break spaces or other wider
/// characters change nothing.
const WINDOW: usize = 80;

/// The start of the token `n` tokens before the one at `pos`.
fn tokens_back(text: &Text, pos: usize, n: usize) -> usize {
    let k = text.tokens.partition_point(|t| t.start < pos);
    text.tokens.get(k.saturating_sub(n)).map_or(0, |t| t.start.min(pos))
}

/// The end of the token `n` tokens after `pos`.
fn tokens_forward(text: &Text, pos: usize, n: usize) -> usize {
    let k = text.tokens.partition_point(|t| t.end <= pos);
    match text.tokens.get((k + n).min(text.tokens.len()).saturating_sub(1)) {
        Some(t) if k < text.tokens.len() => t.end.max(pos),
        _ => text.src.len(),
    }
}

/// «Основание: …», «Основание отказа: …»: a label and a citation.
fn label_only(sentence: &str) -> bool {
    let head = sentence.split(':').next().unwrap_or("");
    sentence.contains(':') && head.split_whitespace().count() <= 6 && head.to_lowercase().contains("основани")
}

/// The text of the rule is quoted after a colon: «пункт 5.11.1 Порядка:
/// "Наличие …"».
fn quotes_rule(rest: &str) -> bool {
    quote_re().is_match(rest)
}

fn quote_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| regex(r#":\s*["«„“]\s*(?:\S+\s+){4}"#).expect("quote regex"))
}

/// Sentence `i` is a template field for the reason, blank in it or in the
/// line after: «Причина отказа: ____».
fn reason_field(text: &Text, i: usize) -> bool {
    let Some(s) = text.sentences.get(i) else { return false };
    // The first words of a line are enough to see a field.
    let head = |s: &crate::text::Sentence| {
        let t = &text.tokens[s.tokens.clone()];
        &t[..t.len().min(40)]
    };
    let has_blank = |s: &crate::text::Sentence| head(s).iter().any(|t| t.kind == TokenKind::Placeholder);
    head(s).iter().any(|t| t.kind == TokenKind::Word && t.norm.starts_with("причин"))
        && (has_blank(s) || text.sentences.get(i + 1).is_some_and(has_blank))
}

fn inside_brackets(text: &Text, from: usize, pos: usize) -> bool {
    let before = text.slice(from, pos);
    before.matches('(').count() > before.matches(')').count()
}

/// Skips a bracketed remark right after the reference: «(далее — Порядок)».
fn skip_bracketed(text: &Text, end: usize, pos: usize) -> usize {
    let rest = text.slice(pos, end.max(pos));
    let trimmed = rest.trim_start();
    if trimmed.starts_with('(') {
        if let Some(close) = trimmed.find(')') {
            return pos + (rest.len() - trimmed.len()) + close + 1;
        }
    }
    pos
}

/// A footnote line: «1 Федеральный закон от …», «** Указывается …».
fn is_footnote(text: &Text, si: usize) -> bool {
    let p = &text.paragraphs[text.sentences[si].paragraph];
    footnote_re().is_match(text.slice(p.start, p.end))
}

fn footnote_re() -> &'static MatchRegex {
    static RE: OnceLock<MatchRegex> = OnceLock::new();
    RE.get_or_init(|| MatchRegex::new(r"^(?:\d{1,2}|\*+)\s*[А-ЯЁ]").expect("footnote regex"))
}

#[cfg(test)]
mod tests {
    use super::{find_references, without_word_boundaries};
    use crate::{Checker, Config};

    /// The regex crate's regex of `pattern` with the classes of Russian text.
    fn regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
        regex::Regex::new(&crate::text::word_regex::narrow_classes(pattern))
    }

    #[test]
    fn word_boundaries_rewritten_for_speed_test_the_same() {
        let pattern =
            r"(?i)\bпоэтому\b|\bт\.\s*е\.|\b(?:вы|вам)\s+можете\b|\b\d{1,3}\s*(?:м\b|дн(?:я|ей)\b)|\bСП\b";
        let (slow, fast) = (regex(pattern).unwrap(), regex(&without_word_boundaries(pattern)).unwrap());
        for s in [
            "поэтому",
            "и поэтому отказ",
            "непоэтому",
            "поэтомук",
            "т. е. так",
            "дт. е.",
            "Вы можете обжаловать",
            "вы можетее",
            "за 15 м до перехода",
            "за 15 мин",
            "в 215 м",
            "а215 м",
            "10 дней",
            "10 днейка",
            "по СП 42",
            "ГОСП 42",
            "СП_1",
            "",
        ] {
            assert_eq!(slow.is_match(s), fast.is_match(s), "«{s}»");
        }
    }

    /// Where a reference may start, [`super::reference_at`] finds what the
    /// regex crate finds with the exact pattern: on tricky text and on every
    /// word start of the corpus documents (when the corpus is there).
    #[test]
    fn bounded_anchored_search_matches_the_regex_crate() {
        let exact = regex::Regex::new(&super::anchored_reference_pattern(false, true)).unwrap();
        assert!(
            !super::reference_pattern().contains(r"\\"),
            "an escaped backslash would break the relaxed copy"
        );
        assert!(super::reference_pattern().contains(super::TITLE_LETTERS));
        assert!(!super::anchored_reference_pattern(true, true).contains("{1,300}"));
        let texts = [
            "в соответствии с п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ документы",
            "согласно постановлению Правительства Москвы от 22 февраля 2017 г. № 56-ПП \"Об организации отдыха\" (далее — Порядок)",
            "частью 1 статьи 16.9, статьями 16.13, 16.14 и частями 2 и 3 статьи 16.23 Кодекса Российской Федерации об административных правонарушениях",
            "Статьи 5 Законаx; статьи 5 Закона\u{301} РФ; ст. 5 КоАП РФы; ст. 5 КоАП РФ\u{301}; ПДДРФ; ПДД РФ_",
            "ГОСТ Р 52289-2019\u{A0}«Знаки»; СНиП 2.07.01-89*; СП 42.13330; СанПиН 2.1.3684-21; Свод правил СП 1",
            "п. IV раздела V; главы Vx; пункт «а» части 2; подп.\u{AD}1; Закона города Москвы от 1 мая 2020 г «О»",
            "Федерального закона «О полиции» и Закона Московской области № 5/2020-ОЗ; Указа Президента РФ от 1.1.20 г.",
            "приказом Минтруда России от 01.01.2020 №\u{A0}1н 👍 «заголовок\nс переводом строки» Порядка Кодекса",
            "статья 5 Жилищного кодекса РФ\u{301}; Гражданского процессуального кодекса РФ",
        ];
        let documents = crate::testcorpus::documents();
        // Titles around the longest one the pattern takes.
        let titles: Vec<String> = [299, 300, 301, 302, 700]
            .iter()
            .flat_map(|&n| {
                let title = "ж".repeat(n);
                [
                    format!("ст. 5 Федерального закона от 01.02.2003 № 4-ФЗ «{title}» и «коротко»"),
                    format!("ГОСТ Р 1-2 \"{title}\""),
                    format!("Закона РФ «{title}"),
                ]
            })
            .collect();
        let mut tried = 0;
        let all = texts.iter().copied().chain(titles.iter().map(String::as_str));
        for s in all.chain(documents.iter().map(String::as_str)) {
            let mut prev = ' ';
            for (i, c) in s.char_indices() {
                // Every word start, and every position of the short texts.
                if (c.is_alphanumeric() && !prev.is_alphanumeric()) || s.len() < 400 {
                    let hay = &s[i..];
                    assert_eq!(super::reference_at(hay), exact.find(hay).map(|m| m.end()), "at {i} of «{s}»");
                    tried += 1;
                }
                prev = c;
            }
        }
        assert!(tried > 1000);
    }

    /// The word-by-word reference: a word is a candidate when it opens a
    /// reference or a «кодекс…» follows within three words.
    fn candidate_starts_reference(src: &str) -> Vec<usize> {
        use super::{first_letters, number_follows, OPENERS, OPENER_WORDS, PARTS, PART_WORDS};
        let is_word = |c: char| {
            crate::text::normalize::is_letter(c) || c.is_ascii_digit() || c == '_' || c.is_numeric()
        };
        let mut words: Vec<(usize, bool, bool)> = Vec::new();
        let mut prev = ' ';
        for (i, c) in src.char_indices() {
            if crate::text::normalize::is_letter(c) && !is_word(prev) {
                let may_open = c.to_lowercase().any(|l| first_letters().contains(&l));
                let len: usize = src[i..].chars().take_while(|&c| is_word(c)).map(char::len_utf8).sum();
                let word = &src[i..i + len];
                let w: String = word.chars().take(12).flat_map(char::to_lowercase).collect();
                let whole = word.chars().nth(12).is_none();
                let part = (PARTS.iter().any(|o| w.starts_with(o))
                    || whole && PART_WORDS.contains(&w.as_str()))
                    && number_follows(&src[i + len..]);
                let opens = may_open
                    && (part
                        || OPENERS.iter().any(|o| w.starts_with(o))
                        || whole && OPENER_WORDS.contains(&w.as_str()));
                words.push((i, opens, may_open && w.starts_with("кодекс")));
            }
            prev = c;
        }
        (0..words.len())
            .filter(|&k| words[k].1 || words[k + 1..].iter().take(3).any(|w| w.2))
            .map(|k| words[k].0)
            .collect()
    }

    #[test]
    fn two_byte_cyrillic_is_all_letters() {
        // `candidate_starts` takes every character led by 0xD0 or 0xD1 for a letter.
        for c in '\u{400}'..='\u{47F}' {
            assert!(c.is_alphabetic() && crate::text::normalize::is_letter(c), "{c:?}");
            assert!(matches!(c.to_string().as_bytes()[0], 0xD0 | 0xD1));
        }
        for c in ['а', 'п', 'р', 'я', 'А', 'Я'] {
            let lower = c.to_lowercase().next().unwrap();
            assert_eq!(super::russian_index(c.to_string().as_bytes()), Some(lower as u32 - 'а' as u32));
        }
        for c in ['ё', 'Ё', 'ѐ', 'Ѐ', 'a', '1'] {
            assert_eq!(super::russian_index(c.to_string().as_bytes()), None);
        }
    }

    #[test]
    fn candidate_starts_are_every_word_that_may_open_a_reference() {
        let texts = [
            "в соответствии с п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ",
            "ст.5 Гражданского процессуального кодекса; Жилищного кодекса РФ; один два три кодекс",
            "П. 5, Ч.2, пп. 3, подп. 4, абз. 2, гл. 1, ст 7, ч 8, п_1, п1, п-2, ГК РФ, Гк, гК, НК, ГОСТ Р 1",
            "ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА; Приказом; указ; СВОД ПРАВИЛ; порядке; Регламента; положением",
            "ёлка Ёж при\u{301}каз За\u{301}кон Ф\u{301}едерального 5закон _закон a-закон закон-указ",
            "Ϊ İ ß Σ ǅ 👍закон «кодекс» x кодекс; a b c кодекса; ②Закон ٣кодекс",
            "",
            "п",
            "ч 1",
        ];
        let documents = crate::testcorpus::documents();
        let mut found = 0;
        for s in texts.iter().copied().chain(documents.iter().map(String::as_str)) {
            let starts = super::candidate_starts(s);
            assert_eq!(starts, candidate_starts_reference(s), "«{s}»");
            found += starts.len();
        }
        assert!(found > 40, "{found}");
    }

    /// The explanation patterns, written with each `\b` once, match where
    /// their plain alternations do: on tricky text and on every line and
    /// every window of a few words of the corpus documents.
    #[test]
    fn factored_patterns_match_like_their_alternations() {
        let plain = |p: &str| regex(&without_word_boundaries(p)).unwrap();
        let pairs = [
            (
                plain(concat!(
                    r"(?i)\bэто\s+(?:значит|означает)\b|\bто\s+есть\b|\bт\.\s*е\.|\b(?:иными|другими)\s+словами\b|\bпроще\s+говоря\b|\bиначе\s+говоря\b",
                    r"|\bпоэтому\b|\bзначит\b|\bследовательно\b|\bтаким\s+образом\b|\bучитывая\s+изложенное\b|\bв\s+связи\s+с\s+(?:этим|чем)\b|\bисходя\s+из\s+этого\b",
                    r"|\b(?:вы|вам|вас)\s+(?:\w+\s+)?(?:можете|сможете|вправе|нужно|необходимо|надо|следует|должны|обязаны|придется|придётся|имеете)\b|\bможно\b|\bимеете\s+право\b",
                    r"|\bв\s+течение\s+\S+|\bне\s+позднее\b|\bне\s+позже\b|\bпо\s+истечении\b|\bв\s+срок\s+до\b",
                    r"|\b(?:согласно|в\s+соответствии\s+с)\s+котор\w+|\bкотор\w+\s+(?:устанавливает|предусматривает|гласит|требует|запрещает|разрешает)\b",
                    r"|\b\d{1,3}(?:[,.]\d+)?(?:\s*[-–]\s*\d+)?\s*(?:м\b|км\b|метр\w*|дн(?:я|ей|ю)\b|рабоч\w*|календарн\w*|месяц\w*|лет\b|год(?:а|у|ам)?\b|час\w*|минут\w*|руб\w*|процент\w*|%)",
                )),
                super::marker_re(),
            ),
            (
                plain(
                    r"(?i)\bтак\s+как\b|\bпоскольку\b|\bпотому\s+что\b|\bпо\s+причине\b|\bв\s+связи\s+с\s+тем,?\s+что\b|\bиз-за\b|\bввиду\s+того\b|\bучитывая\b|\bисходя\s+из\b",
                ),
                super::reason_re(),
            ),
        ];
        let texts = [
            "Это значит, что срок 30 дней; это значит-то; тоесть; т. е. так; т.е.",
            "поэтому5 поэтому_ непоэтому, ПОЭТОМУ! вам теперь можете; вас можно",
            "в течение 10 дней, 15 м, 15 мин, 20 км., 3 годам, 1,5 – 2 года, 12 %",
            "согласно которому; в соответствии с которыми; которая устанавливает",
            "так как, таккак, поскольку-то, из-за, ввиду того что, исходя из",
        ];
        let documents = crate::testcorpus::documents();
        let mut hays: Vec<&str> = texts.to_vec();
        for d in &documents {
            hays.extend(d.lines());
            let starts: Vec<usize> = d.match_indices(' ').map(|(i, _)| i + 1).collect();
            for w in starts.windows(4) {
                hays.push(&d[w[0]..w[3]]);
            }
        }
        for (plain, factored) in &pairs {
            for h in &hays {
                assert_eq!(plain.is_match(h), factored.is_match(h), "«{h}»");
            }
        }
    }

    fn flagged(s: &str) -> Vec<String> {
        let checker = Checker::new(Config::default()).unwrap();
        checker.check(s).findings.into_iter().filter(|f| f.rule == "YS302").map(|f| f.text).collect()
    }

    fn refs(s: &str) -> Vec<&str> {
        find_references(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn finds_references() {
        assert_eq!(
            refs("в соответствии с п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ документы"),
            ["п. 3 ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ"]
        );
        assert_eq!(
            refs("согласно постановлению Правительства Москвы от 22 февраля 2017 г. № 56-ПП \"Об организации отдыха\" (далее — Порядок)"),
            ["постановлению Правительства Москвы от 22 февраля 2017 г. № 56-ПП \"Об организации отдыха\""]
        );
        assert_eq!(
            refs("предусмотренное частью 1 статьи 19.34 КоАП РФ, и"),
            ["частью 1 статьи 19.34 КоАП РФ"]
        );
        assert_eq!(
            refs("Согласно п. 4.5.2.1 ГОСТ Р 52766-2007 «Дороги»"),
            ["п. 4.5.2.1 ГОСТ Р 52766-2007 «Дороги»"]
        );
        assert_eq!(refs("пункт 5.11.1 Порядка: текст"), ["пункт 5.11.1 Порядка"]);
        assert_eq!(
            refs("частью 1 статьи 16.9, статьями 16.13, 16.14 и частями 2 и 3 статьи 16.23 Кодекса Российской Федерации об административных правонарушениях"),
            ["частью 1 статьи 16.9, статьями 16.13, 16.14 и частями 2 и 3 статьи 16.23 Кодекса Российской Федерации об административных правонарушениях"]
        );
        // Not references: a code named without an article, a statute in general.
        assert!(refs("требованиями, предусмотренными ПДД РФ для движения пешеходов").is_empty());
        assert!(refs("в соответствии с действующим законодательством").is_empty());
        assert!(refs("в части 2 раза чаще").is_empty());
        assert!(refs("Согласно Федеральному закону «О полиции», контроль ведёт Госавтоинспекция.").is_empty());
        assert!(refs("по указанию Президента Российской Федерации от 6 декабря 2012 года").is_empty());
    }

    #[test]
    fn flags_bare_references() {
        assert_eq!(
            flagged("Ваше обращение рассмотрено в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»."),
            ["Федеральным законом от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»"]
        );
        assert_eq!(
            flagged("Данная информация распространяется в нарушение требований Федерального закона № 244-ФЗ, в том числе установленных частями 1-3 статьи 5 указанного Федерального закона."),
            ["Федерального закона № 244-ФЗ"]
        );
        assert_eq!(
            flagged("Руководствуясь ст. 328 Гражданского процессуального кодекса РФ, судебная коллегия определила: решение оставить без изменения."),
            ["ст. 328 Гражданского процессуального кодекса РФ"]
        );
        assert_eq!(
            flagged("Обязанность по уплате таможенных платежей подлежит исполнению в соответствии со статьей 30 Федерального закона от 3 августа 2018 г. № 289-ФЗ."),
            ["статьей 30 Федерального закона от 3 августа 2018 г. № 289-ФЗ"]
        );
        assert_eq!(
            flagged("Основание: пункт 6.4 Порядка организации отдыха и оздоровления детей, утвержденного постановлением Правительства Москвы от 22 февраля 2017 г. № 56-ПП."),
            ["пункт 6.4 Порядка"]
        );
    }

    #[test]
    fn accepts_explained_references() {
        // The clause after the reference states the rule.
        assert!(flagged("Согласно п. 4.5.2.1 ГОСТ Р 52766-2007 «Дороги автомобильные общего пользования», пешеходные переходы в населенных пунктах располагаются через 200-300 метров.").is_empty());
        assert!(flagged("Согласно п. 24.2 ПДД РФ допускается движение велосипедистов по правому краю проезжей части, если отсутствует велосипедная дорожка.").is_empty());
        // The reader's right and the deadline are said.
        assert!(flagged("В соответствии со статьей 15.2 Федерального закона от 27.07.2006 № 149-ФЗ доступ к материалам должен быть ограничен в течение 3 рабочих дней.").is_empty());
        assert!(flagged("Решение принято на основании ч. 1 ст. 7 Федерального закона от 27.07.2010 № 210-ФЗ. Это значит, что справку из налоговой вам приносить не нужно.").is_empty());
        // A citation after a plain statement.
        assert!(flagged("Брошенные самокаты могут быть эвакуированы на специальную стоянку в рамках постановления Правительства Москвы от 29.11.2023 № 2334-ПП.").is_empty());
        assert!(
            flagged("Решение можно обжаловать в суде в течение трёх месяцев (ст. 219 КАС РФ).").is_empty()
        );
        // The rule quoted after a colon.
        assert!(flagged("Причина отказа: пункт 5.11.1 Порядка: \"Наличие в отношении одного и того же ребёнка другого заявления в текущем календарном году\".").is_empty());
    }

    #[test]
    fn accepts_explanations_in_templates_and_neighbouring_lines() {
        // «Основание:» right after the sentence that gives the reason.
        assert!(flagged("Результат рассмотрения заявления: учитывая получение услуг отдыха в предыдущие годы, оказание услуг в 2024 году не представляется возможным.\nОснование: пункты 3.9. и 9.1.1. Порядка, утвержденного постановлением Правительства Москвы от 22 февраля 2017 г. № 56-ПП.").is_empty());
        // The rule quoted on the next line.
        assert!(flagged("Основание: пункт 6.4 Порядка, утвержденного постановлением Правительства Москвы от 22 февраля 2017 г. № 56-ПП:\n\"Необходимость личной явки заявителя в офис учреждения\".").is_empty());
        // A reason field of a template.
        assert!(flagged("Основание отказа: Порядок, утвержденный постановлением Правительства Москвы от 22 февраля 2017 г. № 56-ПП.\nПричина отказа: __________").is_empty());
        // The article named in brackets.
        assert!(flagged("Возбуждено уголовное дело по статье 275 Уголовного кодекса Российской Федерации («Государственная измена»).").is_empty());
        // The rule stated in the next sentence.
        assert!(flagged("Перечень доходов, не облагаемых налогом, содержится в статье 217 Налогового кодекса РФ. Согласно пункту 1 статьи 217 Налогового кодекса РФ не облагаются налогом пособия по беременности.").is_empty());
    }

    #[test]
    fn one_finding_per_norm() {
        let s = "Дело об административном правонарушении, предусмотренном частью 1 статьи 19.34 КоАП РФ, рассмотрено. АДС совершила правонарушение, предусмотренное частью 1 статьи 19.34 КоАП РФ.";
        assert_eq!(flagged(s).len(), 1);
        let explained_later = format!("{s} Часть 1 статьи 19.34 КоАП РФ предусматривает штраф за работу иностранного агента без включения в реестр.");
        assert!(flagged(&explained_later).is_empty());
    }
}
