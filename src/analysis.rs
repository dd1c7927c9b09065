//! Whole-document analysis that rules share: the kind of document and, for a
//! refusal, which of its required elements are there.
//!
//! # Kind
//! `Config.profile` fixes the kind; `auto` detects it:
//! 1. **refusal** — the text states a negative decision on the reader's
//!    application or complaint: «отказать», «отказано», «принято решение об
//!    отказе», «Уведомление об отказе в …», «Результат рассмотрения: отказ»,
//!    «оставить без удовлетворения», «заявление отклонено», or an evasive «не
//!    представляется возможным» / «не может быть предоставлено» about an
//!    application, a service, a payment or a permit. Mentions in passing do
//!    not count: conditions («в случае отказа», «если»), future notices
//!    («будет направлено уведомление об отказе»), grounds («является
//!    основанием для отказа»), the reader's own refusal («отказаться от»),
//!    and the labels of template fields («Причина отказа: …»). A fragment
//!    of fewer than 30 words is not taken for a refusal: a sentence typed
//!    into the web page is not a document that lacks contacts.
//! 2. **notice** — a heading near the top names a formal notice or decision:
//!    «Уведомление …», «Решение …», «Постановление», «Определение»,
//!    «Требование», or the text opens with «Направляется уведомление».
//! 3. **template** — three or more placeholders (`__________`, `{{ … }}`).
//! 4. **letter** — anything else.
//!
//! Answers to citizens' appeals that turn a proposal down («внесение
//! изменений … не планируется», «представляется нецелесообразным»,
//! «реализация … не представляется возможной») stay **letters**: they answer
//! a suggestion rather than decide on an application, there is usually no
//! procedure to appeal and no deadline; applying the refusal checklist to
//! them would report missing elements that do not exist. Set `profile =
//! "refusal"` to check such a letter anyway.
//!
//! # Refusal checklist
//! For a refusal (detected, or by profile; also a `template` profile whose
//! text holds a refusal) the analysis looks for the decision, the reason in
//! words, the next step, a deadline, how to appeal (where *and* within what
//! time) and contacts. In a template a blank in the right slot counts as
//! filled in later: «Причина отказа: ____», «в течение ____ дней»,
//! «Телефон: ____». A bare «Исполнитель: ____» does not promise a way to
//! reach anyone and does not count as contacts; «Контактная информация:
//! ____» in these forms holds the applicant's own data and does not count
//! either.

use std::ops::Range;
use std::sync::OnceLock;

use crate::text::word_regex::WordRegex as Regex;

use crate::config::{Config, Profile};
use crate::report::{ChecklistItem, DocKind};
use crate::text::{Text, TokenKind};

/// Facts about the document that several rules use.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub kind: DocKind,
    /// True when the kind was detected rather than set in the config.
    pub detected: bool,
    /// Required elements of a refusal, when the document is one.
    pub checklist: Vec<ChecklistItem>,
    /// What the refusal checks found; `None` when they do not apply.
    pub refusal: Option<Refusal>,
    /// The text holds template placeholders.
    pub template: bool,
}

/// A required element of a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Decision,
    Reason,
    NextStep,
    Deadline,
    Appeal,
    Contacts,
}

impl Element {
    pub const ALL: [Element; 6] = [
        Element::Decision,
        Element::Reason,
        Element::NextStep,
        Element::Deadline,
        Element::Appeal,
        Element::Contacts,
    ];

    /// Stable key of the checklist item.
    pub fn key(self) -> &'static str {
        match self {
            Element::Decision => "decision",
            Element::Reason => "reason",
            Element::NextStep => "next_step",
            Element::Deadline => "deadline",
            Element::Appeal => "appeal",
            Element::Contacts => "contacts",
        }
    }

    /// Russian label of the checklist item.
    pub fn label(self) -> &'static str {
        match self {
            Element::Decision => "Решение сказано прямо",
            Element::Reason => "Причина простыми словами",
            Element::NextStep => "Что делать дальше",
            Element::Deadline => "Срок",
            Element::Appeal => "Как обжаловать: куда и в какой срок",
            Element::Contacts => "Контакты для вопросов",
        }
    }

    /// The rule that reports the element when it is missing.
    pub fn rule(self) -> &'static str {
        match self {
            Element::Decision => "YS310",
            Element::Reason => "YS311",
            Element::NextStep => "YS312",
            Element::Deadline => "YS313",
            Element::Appeal => "YS314",
            Element::Contacts => "YS315",
        }
    }
}

/// What was found for one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementCheck {
    pub element: Element,
    pub present: bool,
    /// Present only as a blank of a template, to be filled in later.
    pub blank: bool,
    /// Where it was found.
    pub at: Option<Range<usize>>,
    /// Why a partly present element still counts as missing, in Russian.
    pub note: Option<&'static str>,
}

/// The refusal checks of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Where findings about missing elements are anchored: the words that
    /// state the decision, or the first sentence.
    pub anchor: Range<usize>,
    pub checks: Vec<ElementCheck>,
}

impl Refusal {
    pub fn check(&self, e: Element) -> &ElementCheck {
        self.checks.iter().find(|c| c.element == e).expect("every element is checked")
    }
}

/// Analyses the document as a whole.
pub fn analyse(text: &Text, config: &Config) -> Analysis {
    let placeholders = text.tokens.iter().filter(|t| t.kind == TokenKind::Placeholder).count();
    let mut decision = find_decision(text);
    if config.profile == Profile::Refusal && decision.is_none() {
        // Declared a refusal: an evasive answer to a proposal states the
        // decision too («… не планируется», «… нецелесообразно»).
        decision = declined_re().find(text.src).map(|m| m.range());
    }
    let (kind, detected) = match config.profile.fixed_kind() {
        Some(kind) => (kind, false),
        None => (detect_kind(text, decision.is_some(), placeholders), true),
    };
    let applies = kind == DocKind::Refusal || (config.profile == Profile::Template && decision.is_some());
    let refusal = applies.then(|| check_refusal(text, decision));
    let checklist = refusal.as_ref().map_or_else(Vec::new, |r| {
        r.checks
            .iter()
            .map(|c| ChecklistItem {
                key: c.element.key().to_string(),
                label: c.element.label().to_string(),
                present: c.present,
                rule: c.element.rule().to_string(),
            })
            .collect()
    });
    Analysis { kind, detected, checklist, refusal, template: placeholders > 0 }
}

/// Fewer words than this make a fragment (a sentence typed into the web
/// page, a test snippet), not a document to hold to the refusal checklist.
const MIN_DOCUMENT_WORDS: usize = 30;

fn detect_kind(text: &Text, refusal: bool, placeholders: usize) -> DocKind {
    let words = text.tokens.iter().filter(|t| t.counts_as_word()).count();
    if refusal && words >= MIN_DOCUMENT_WORDS {
        DocKind::Refusal
    } else if has_notice_heading(text) {
        DocKind::Notice
    } else if placeholders >= 3 {
        DocKind::Template
    } else {
        DocKind::Letter
    }
}

/// Blank of a template, in the syntaxes `text::placeholder` knows.
const BLANK: &str = r"(?:_{3,}|«\s*_+\s*»|\{\{[^}]*\}\}|\$\{[^}]*\}|\[[^\]\n]{1,40}\])";

/// Builds every pattern of the analysis now, each down to its exact
/// alternatives and reverse automata (for `make regexes`).
#[cfg(feature = "regex-compiler")]
pub(crate) fn compile_regexes() {
    for re in all_regexes() {
        re.compile_all();
    }
}

/// Every pattern of the analysis.
#[cfg(any(test, feature = "regex-compiler"))]
fn all_regexes() -> [&'static Regex; 16] {
    [
        decision_re(),
        evasive_re(),
        declined_re(),
        application_re(),
        passing_re(),
        operative_re(),
        heading_re(),
        reason_re(),
        next_step_re(),
        deadline_re(),
        appeal_re(),
        appeal_where_re(),
        contacts_re(),
        executor_re(),
        basis_re(),
        blank_re(),
    ]
}

fn re(cell: &'static OnceLock<Regex>, pattern: impl FnOnce() -> String) -> &'static Regex {
    cell.get_or_init(|| Regex::new(&pattern()).expect("analysis regex"))
}

fn decision_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\bотказ(?:ать|ано|аны|ана|ан|ываем|ывает|ывают|ываю)\b",
            r"|(?:\bоб\s+отказе|\(\s*отказе|(?:^|\n|:)\s*отказ)\s+(?:в|во)\s+(?:предоставлении|выдаче|регистрации|выплате|при[её]ме|назначении|удовлетворении|принятии|продлении|возврате|замене|внесении|включении|согласовании|оказании|рассмотрении)",
            r"|\bрезультат\w*\s+рассмотрения[^:\n]{0,80}:\s*отказ",
            r"|\bбез\s+удовлетворения\b|\bв\s+удовлетворении\b[^.\n]{0,120}\bотказ",
            r"|\bне\s+(?:может|могут)\s+быть\s+удовлетворен\w*|\bне\s+подлеж\w+\s+удовлетворению",
            r"|\bотклон(?:ить|ено|ена|ены|ен|яется|яем)\b|\bвозвра\w+\s+без\s+рассмотрения",
        )
        .to_string()
    })
}

/// An evasive decision: a refusal only when its object is an application,
/// a service, a payment or a permit.
fn evasive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\bне\s+представляется\s+возможн\w+",
            r"|\bне\s+может\s+быть\s+(?:предоставлен|выдан|оказан|назначен|принят|зарегистрирован|выплачен)\w*",
            r"|\bоснований\s+для\s+(?:предоставления|выдачи|назначения|удовлетворения|регистрации|выплаты)\w*[^.\n]{0,60}\bне\s+(?:имеется|установлено|выявлено)",
        )
        .to_string()
    })
}

/// How answers to proposals say no; a decision only under the refusal profile.
fn declined_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\bне\s+представляется\s+возможн\w+|\bпредставляется\s+нецелесообразн\w+|\bнецелесообразн\w+",
            r"|\bне\s+(?:планируется|предусматривается|предусмотрен[оа]?|может\s+быть\s+\w+)\b",
            r"|\bоснований\s+для\b[^.\n]{0,80}\bне\s+(?:имеется|установлено|выявлено)|\bне\s+входит\s+в\s+компетенцию",
        )
        .to_string()
    })
}

fn application_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        r"(?i)заявлени|\bуслуг|выплат|разрешени|ходатайств|пособи|компенсаци|субсиди|путевк|льгот".to_string()
    })
}

/// Mentions of a refusal that are not a decision.
fn passing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\bв\s+случае\b|\bесли\b|\bбуд(?:ет|ут)\s+направлен|\bможет\s+быть\s+направлен|\bне\s+пришло\b",
            r"|\bоснован\w*\s+для\s+отказа|\bотказ\w*\s+от\b|\bпри\s+отказе\b|\bпричин\w*\s+отказа|\bоснован\w*\s+отказа",
        )
        .to_string()
    })
}

/// The heading of the operative part of a court act: «ПОСТАНОВИЛ:»,
/// «определила:», «р е ш и л:».
fn operative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        r"(?im)^[ \t]*(?:о\s*п\s*р\s*е\s*д\s*е\s*л\s*и\s*л|п\s*о\s*с\s*т\s*а\s*н\s*о\s*в\s*и\s*л|р\s*е\s*ш\s*и\s*л)\s*[аи]?\s*:".to_string()
    })
}

/// A court act: it has an operative part («ПОСТАНОВИЛ:», «определила:»).
pub fn is_court_act(text: &Text) -> bool {
    operative_re().is_match(text.src)
}

/// The words that state the decision, if the text refuses something. In a
/// court act only the operative part counts: the rest retells earlier
/// decisions («решением суда в удовлетворении иска отказано»).
fn find_decision(text: &Text) -> Option<Range<usize>> {
    let from = operative_re().find_iter(text.src).last().map_or(0, |m| m.end());
    let candidates =
        decision_re().find_iter(&text.src[from..]).map(|m| (from + m.start()..from + m.end(), false));
    let evasive = evasive_re().find_iter(&text.src[from..]).map(|m| (from + m.start()..from + m.end(), true));
    let mut all: Vec<(Range<usize>, bool)> = candidates.chain(evasive).collect();
    all.sort_by_key(|(r, _)| r.start);
    all.into_iter().find_map(|(r, weak)| {
        let si = text.sentence_at(r.start)?;
        let s = &text.sentences[si];
        let around = near(text, s.start..s.end.max(r.end), r.clone());
        // A field label: «Причина отказа: …», «Основание отказа: …».
        let head: String =
            text.slice(s.start, s.end).trim_start().chars().take(12).collect::<String>().to_lowercase();
        if head.starts_with("причин") || head.starts_with("основани") {
            return None;
        }
        if passing_re().is_match(around) {
            return None;
        }
        if weak && !application_re().is_match(around) {
            return None;
        }
        Some(r)
    })
}

/// How far around a match (in tokens) its context is read: a giant
/// «sentence» of a form without full stops costs no more than a short one.
/// Counted in tokens, so that no-break spaces change nothing.
const NEAR: usize = 160;

/// The part of `within` that lies at most `NEAR` tokens around `r`.
fn near<'a>(text: &Text<'a>, within: Range<usize>, r: Range<usize>) -> &'a str {
    let first = text.tokens.partition_point(|t| t.start < r.start);
    let a = text.tokens.get(first.saturating_sub(NEAR)).map_or(0, |t| t.start).min(r.start);
    let last = text.tokens.partition_point(|t| t.end <= r.end);
    let b = text
        .tokens
        .get((last + NEAR).min(text.tokens.len()).saturating_sub(1))
        .map_or(text.src.len(), |t| t.end);
    let (a, b) = (within.start.max(a), within.end.min(b.max(r.end)));
    &text.src[a.min(b)..b]
}

/// A heading near the top that names a notice or a decision.
fn has_notice_heading(text: &Text) -> bool {
    let heading = heading_re();
    text.paragraphs.iter().take(12).any(|p| {
        let line = text.slice(p.start, p.end).trim();
        let first_line = line.lines().next().unwrap_or("");
        // A heading is a short line, or at least one without a full stop;
        // «Решение об организации полос принимается …» is a sentence.
        let sentence = first_line.ends_with('.') && first_line.split_whitespace().count() > 8;
        // Only the start of the line decides: lower-case no more of it.
        let head: String = first_line.chars().take(64).collect();
        if sentence && !head.to_lowercase().starts_with("направляется уведомление") {
            return false;
        }
        // «П О С Т А Н О В Л Е Н И Е»: letters spaced out.
        let squeezed: String = if first_line.split_whitespace().all(|w| w.chars().count() == 1) {
            first_line.split_whitespace().collect()
        } else {
            first_line.to_string()
        };
        heading.is_match(&squeezed.chars().take(64).collect::<String>().to_lowercase())
    })
}

/// The start of a heading that names a notice or a decision.
fn heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        r"^(?:уведомление|решение|постановление|определение|кассационное определение|апелляционное определение|требование|предписание|извещение|направляется уведомление)\b"
            .to_string()
    })
}

fn reason_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\bпо\s+причине\b|\bпричин\w*[^:]{0,160}?:\s*\S|\bв\s+связи\s+с\b|\bтак\s+как\b|\bпоскольку\b",
            r"|\bпотому\s+что\b|\bиз-за\b|\bввиду\b|\bучитывая\b|\bисходя\s+из\b|\bне\s+соответству\w+",
            r"|\bотсутств\w+|\bне\s+представлен\w*|\bне\s+представил\w*|\bявляется\s+повторн\w+|\bист[её]к\w*",
            r"|\bпревыша\w+|\bне\s+является\b|\bне\s+относится\b|\bне\s+вправе\b|\bнесоблюдени\w*|\bнеисполнени\w*|\bнепредставлени\w*",
            r"|\bне\s+входит\b|\bпротивореч\w+|\bтаким\s+образом\b|\bучитывая\s+изложенное\b|\bв\s+связи\s+с\s+этим\b",
        )
        .to_string()
    })
}

fn next_step_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\b(?:вы|вам|вас)\s+(?:\S+\s+)?(?:можете|сможете|вправе|необходимо|нужно|следует|надо|рекомендуем|предлагаем)\b",
            r"|\bрекоменду\w+|\bпредлагаем\b|\bповторн\w+\s+(?:подач|обращ|направ|представ)\w*",
            r"|\bможно\s+(?:повторно|снова|подать|обратиться|записаться|представить|исправить|направить|получить)\b",
            r"|\b(?:обратитесь|подайте|позвоните|напишите|приложите|представьте|исправьте|запишитесь|приходите|принесите|направьте|проверьте|сообщите)\b",
        )
        .to_string()
    })
}

fn deadline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        let n = format!(r"(?:\d+|{BLANK}|[а-яё]+)");
        format!(
            concat!(
                r"(?i)\bв\s+течение\s+{n}(?:\s*\([^)\n]*\))?\s+(?:рабоч\w+\s+|календарн\w+\s+)?(?:дн|день|месяц|недел|год|лет|суток|час)\w*",
                r"|\bне\s+позднее\b|\bне\s+позже\b|\bв\s+срок\s+(?:до|не)\b|\bпо\s+истечении\b",
                r"|\bдо\s+(?:\d{{1,2}}\s*[.]\s*\d{{1,2}}\s*[.]\s*\d{{2,4}}|\d{{1,2}}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)|{b})",
                r"|\bс\s+\d{{1,2}}\s+по\s+\d{{1,2}}\s+[а-яё]+",
                r"|\b(?:\d+|{b})\s+(?:рабоч|календарн)\w*\s+дн\w*|\bсрок\w*\s+(?:обжалования|подачи|исполнения)\b|\bсрок\w*\s*:\s*\S",
            ),
            n = n,
            b = BLANK
        )
    })
}

fn appeal_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        concat!(
            r"(?i)\b(?:может|могут)\s+быть\s+обжалован\w*|\bобжаловать\b|\bобжалуйте\b|\bобжаловани[ея]\b",
            r"|\bоспорить\b|\b(?:подать|подайте|направить|направьте|обратиться\s+с|обратитесь\s+с)\s+(?:\S+\s+){0,2}жалоб\w*|\bжалоб\w+\s+(?:можно|подаётся|подается|подаются)",
            r"|\bв\s+судебном\s+порядке\b",
        )
        .to_string()
    })
}

fn appeal_where_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        format!(
            concat!(
                r"(?i)\bсуд\w*|\bвышестоящ\w+|\bпрокуратур\w+|\bруководител\w+|\bминистерств\w+|\bдепартамент\w*",
                r"|\bкомисси\w+|\bколлеги\w+|\bуправлени\w+|\bслужб\w+|\bорган\w*|\bпо\s+адресу\b|\bпортал\w*|\bгосуслуг\w*|@|https?://|{b}",
            ),
            b = BLANK
        )
    })
}

fn contacts_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || {
        format!(
            concat!(
                // Phone numbers.
                r"(?:\+7|\b8)\s*\(?\d{{3,5}}\)?[\s-]*\d{{1,3}}[\s-]?\d{{2}}[\s-]?\d{{2}}\b|\(\d{{3,5}}\)\s*\d{{1,3}}[\s-]?\d{{2}}[\s-]?\d{{2}}\b",
                // A labelled phone, fax or e-mail, or its blank.
                r"|(?i:\b(?:тел\.?|телефон\w*|факс|e-?mail|эл\.\s*почт\w*|электронн\w+\s+почт\w+)\s*[:.]?\s*(?:{b}|\+|\d|\(|[\w.+-]+@))",
                // A postal address: a six-digit index by a street, or «по адресу» for a visit.
                r"|\b\d{{6}}\b[^\n]{{0,80}}(?i:ул\.|улица|просп|пер\.|переул|\bд\.\s*\d|наб\.|шоссе|проезд|бульвар|Москва)",
                r"|(?i:ул\.|улица|проспект|переулок|пер\.|площадь|вал\b)[^\n]{{0,80}}\b\d{{6}}\b",
                r"|(?i:офис\w*|при[её]м\w*|обратит\w+|явит\w+|прийти|приходите)[^.\n]{{0,80}}(?i:по\s+адресу)",
                // A site or a portal to write through.
                r"|(?i:(?:сайт|портал|кабинет|при[её]мн)[^.\n]{{0,80}}?(?:https?://|www\.|\b[\w-]+\.(?:ru|рф|su)\b))|\bwww\.\S+",
            ),
            b = BLANK
        )
    })
}

fn executor_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || format!(r"(?i)\bисполнитель\s*:?\s*{BLANK}"))
}

fn basis_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || r"(?i)\bоснован\w*(?:\s+\S+){0,6}?\s*:".to_string())
}

/// The sentence holding `r`, at most `NEAR` tokens around it.
fn sentence_near<'a>(text: &Text<'a>, r: Range<usize>) -> &'a str {
    let within =
        text.sentence_at(r.start).map_or(r.clone(), |i| text.sentences[i].start..text.sentences[i].end);
    near(text, within.start.min(r.start)..within.end.max(r.end), r)
}

fn blank_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, || BLANK.to_string())
}

fn has_blank(s: &str) -> bool {
    blank_re().is_match(s)
}

fn check_refusal(text: &Text, decision: Option<Range<usize>>) -> Refusal {
    let src = text.src;
    let anchor = decision.clone().unwrap_or_else(|| {
        text.sentences.first().map_or(0..0, |s| s.start..s.end.min(s.start + 200).max(s.start))
    });
    let mut checks = Vec::new();
    let found = |m: Option<regex_automata::Match>| m.map(|m| m.range());

    // The decision.
    checks.push(ElementCheck {
        element: Element::Decision,
        present: decision.is_some(),
        blank: false,
        at: decision.clone(),
        note: None,
    });

    // The reason in words; a legal basis alone is not one.
    let reason = found(reason_re().find(src));
    let reason_note = (reason.is_none() && basis_re().is_match(src))
        .then_some("указано только основание — ссылка на норму, а причина своими словами не названа");
    checks.push(ElementCheck {
        element: Element::Reason,
        present: reason.is_some(),
        blank: reason.as_ref().is_some_and(|r| has_blank(sentence_near(text, r.clone()))),
        at: reason,
        note: reason_note,
    });

    // How to appeal: where and within what time, in the sentence that says
    // it can be appealed or in the next one.
    let mut appeal_at = None;
    let mut appeal_note = Some("не сказано, можно ли обжаловать решение");
    let mut appeal_sentences = rustc_hash::FxHashSet::default();
    for m in appeal_re().find_iter(src).take(50) {
        let Some(si) = text.sentence_at(m.start()) else { continue };
        appeal_sentences.insert(si);
        let s = &text.sentences[si];
        let end = text.sentences.get(si + 1).map_or(s.end, |n| n.end);
        let here = near(text, s.start..s.end, m.range());
        let scope = near(text, s.start..end, m.range());
        let place = appeal_where_re().is_match(here);
        let time = deadline_re().is_match(scope);
        appeal_at = Some(m.range());
        appeal_note = match (place, time) {
            (true, true) => None,
            (false, true) => Some("не сказано, куда подать жалобу"),
            (true, false) => Some("не сказано, в какой срок можно подать жалобу"),
            (false, false) => Some("не сказано, куда и в какой срок подать жалобу"),
        };
        if appeal_note.is_none() {
            break;
        }
    }
    let appeal_blank = appeal_at.as_ref().is_some_and(|r| has_blank(sentence_near(text, r.clone())));

    // The next step, not counting the appeal itself.
    let next = next_step_re()
        .find_iter(src)
        .find(|m| text.sentence_at(m.start()).is_none_or(|si| !appeal_sentences.contains(&si)))
        .map(|m| m.range());
    checks.push(ElementCheck {
        element: Element::NextStep,
        present: next.is_some(),
        blank: false,
        at: next,
        note: None,
    });

    // A deadline or date anywhere.
    let deadline = found(deadline_re().find(src));
    checks.push(ElementCheck {
        element: Element::Deadline,
        present: deadline.is_some(),
        blank: deadline.as_ref().is_some_and(|r| has_blank(&src[r.clone()])),
        at: deadline,
        note: None,
    });

    checks.push(ElementCheck {
        element: Element::Appeal,
        present: appeal_note.is_none(),
        blank: appeal_blank,
        at: appeal_at,
        note: appeal_note,
    });

    // Contacts of the sender.
    let contact = found(contacts_re().find(src));
    let contacts_note = (contact.is_none() && executor_re().is_match(src)).then_some(
        "в шаблоне есть только поле «Исполнитель» — по имени нельзя связаться, нужен телефон или адрес",
    );
    checks.push(ElementCheck {
        element: Element::Contacts,
        present: contact.is_some(),
        blank: contact.as_ref().is_some_and(|r| has_blank(&src[r.clone()])),
        at: contact,
        note: contacts_note,
    });

    checks.sort_by_key(|c| Element::ALL.iter().position(|e| *e == c.element));
    Refusal { anchor, checks }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn analysed(s: &str) -> Analysis {
        analyse(&Text::new(s), &Config::default())
    }

    /// A letter around `body`: a head and a signature that hold none of
    /// the checklist's elements, so that the text is a document, not a
    /// fragment.
    pub(crate) fn letter(body: &str) -> String {
        format!(
            "Департамент социальной защиты населения города Москвы\n\nУважаемая Анна Петровна!\n\nВаше заявление о назначении ежемесячной выплаты на ребёнка, поступившее в департамент, рассмотрено.\n\n{body}\n\nНачальник отдела\nИ.И. Иванов"
        )
    }

    fn kind(s: &str) -> DocKind {
        analysed(&letter(s)).kind
    }

    #[test]
    fn a_fragment_is_not_a_refusal() {
        assert_eq!(
            analysed("Ваше заявление отклонено по причине отсутствия паспорта.").kind,
            DocKind::Letter
        );
        assert_eq!(kind("Ваше заявление отклонено по причине отсутствия паспорта."), DocKind::Refusal);
    }

    fn present(s: &str, e: Element) -> bool {
        let a = analyse(&Text::new(s), &Config { profile: Profile::Refusal, ..Config::default() });
        a.refusal.expect("refusal profile").check(e).present
    }

    #[test]
    fn detects_refusals() {
        assert_eq!(kind("Уважаемая Анна Петровна!\nВ предоставлении субсидии Вам отказано, так как доход семьи выше порога."), DocKind::Refusal);
        assert_eq!(
            kind("Департамент принял решение об отказе в выдаче разрешения на строительство."),
            DocKind::Refusal
        );
        assert_eq!(kind("Уведомление об отказе в регистрации заявления о предоставлении услуг отдыха и оздоровления\nДата обращения: __________"), DocKind::Refusal);
        assert_eq!(
            kind("Результат рассмотрения заявления: отказ в предоставлении услуг отдыха и оздоровления."),
            DocKind::Refusal
        );
        assert_eq!(kind("Результат рассмотрения заявления: оказание услуг отдыха и оздоровления в 2024 году не представляется возможным."), DocKind::Refusal);
        assert_eq!(kind("Апелляционную жалобу оставить без удовлетворения."), DocKind::Refusal);
    }

    #[test]
    fn passing_mentions_are_not_refusals() {
        // A negative answer to a proposal stays a letter.
        assert_eq!(
            kind("Внесение изменений в проектную документацию в настоящее время не планируется."),
            DocKind::Letter
        );
        assert_eq!(kind("Учитывая изложенное, реализация предлагаемого мероприятия по обустройству перехода не представляется возможной."), DocKind::Letter);
        // Conditions, future notices, the reader's own refusal, grounds.
        assert_eq!(
            kind("В случае отказа или бездействия владельца сайта провайдер обязан ограничить доступ."),
            DocKind::Letter
        );
        assert_eq!(kind("Если по Вашему заявлению не пришло уведомление об отказе в предоставлении услуг, заявление прошло проверки."), DocKind::Letter);
        assert_eq!(
            kind("Для отказа от всех предложенных организаций необходимо лично обратиться в офис."),
            DocKind::Letter
        );
        assert_eq!(kind("Неявка в течение срока приостановления является основанием для отказа в предоставлении услуг."), DocKind::Letter);
    }

    #[test]
    fn detects_notices_and_templates() {
        assert_eq!(
            kind("ДЕПАРТАМЕНТ КУЛЬТУРЫ\nУведомление о предоставлении бесплатной путевки\nНомер: __________"),
            DocKind::Notice
        );
        assert_eq!(
            kind("ПЯТЫЙ КАССАЦИОННЫЙ СУД\n\nП О С Т А Н О В Л Е Н И Е\n\nг. Пятигорск"),
            DocKind::Notice
        );
        assert_eq!(
            kind("Уважаемый {{ name }}!\nВаше заявление № {{ number }} от {{ date }} зарегистрировано."),
            DocKind::Template
        );
        assert_eq!(
            kind("Уважаемый Илья Александрович!\nСообщаем, что Ваше обращение рассмотрено."),
            DocKind::Letter
        );
    }

    #[test]
    fn profile_overrides_detection() {
        let text = Text::new("Сообщаем, что вопрос будет проработан окружной комиссией.");
        let a = analyse(&text, &Config { profile: Profile::Refusal, ..Config::default() });
        assert_eq!(a.kind, DocKind::Refusal);
        assert!(!a.detected);
        assert_eq!(a.checklist.len(), 6);
        assert!(!a.checklist[0].present, "no decision stated");
        // Declared a refusal, an evasive «не планируется» is its decision.
        let text = Text::new("Внесение изменений в проект не планируется.");
        let a = analyse(&text, &Config { profile: Profile::Refusal, ..Config::default() });
        assert!(a.checklist[0].present);
        let text = Text::new("В предоставлении субсидии отказано.");
        let a = analyse(&text, &Config { profile: Profile::Letter, ..Config::default() });
        assert_eq!(a.kind, DocKind::Letter);
        assert!(a.refusal.is_none() && a.checklist.is_empty());
    }

    #[test]
    fn finds_each_element() {
        // Reason.
        assert!(present("Отказано, так как справка о доходах не приложена.", Element::Reason));
        assert!(present("Причина отказа: __________", Element::Reason));
        assert!(!present("Основание: пункт 5 Порядка.", Element::Reason));
        // Next step.
        assert!(present("Вы можете подать заявление повторно, приложив справку.", Element::NextStep));
        assert!(present("Рекомендуем убедиться в корректности внесенных сведений.", Element::NextStep));
        assert!(!present("Решение может быть обжаловано в суд в течение трёх месяцев.", Element::NextStep));
        // Deadline.
        assert!(present("Подайте документы до 15 марта 2025 года.", Element::Deadline));
        assert!(present("Ответ направляется в течение __________ рабочих дней.", Element::Deadline));
        assert!(!present("Ответ будет направлен позднее.", Element::Deadline));
        // Appeal: where and when.
        assert!(present("Решение может быть обжаловано в суд в течение трёх месяцев.", Element::Appeal));
        assert!(present("Постановление может быть обжаловано в Кировский областной суд в течение 10 дней со дня вручения.", Element::Appeal));
        assert!(!present("Вы можете обжаловать решение в установленном порядке.", Element::Appeal));
        assert!(!present("Жалобу можно подать в вышестоящий орган.", Element::Appeal));
        // Contacts.
        assert!(present("Справки по телефону 8 (495) 539-54-54.", Element::Contacts));
        assert!(present("Исполнитель: __________ Телефон: __________", Element::Contacts));
        assert!(present("E-mail: prefectura@mos.ru", Element::Contacts));
        assert!(!present("Исполнитель: __________", Element::Contacts));
        assert!(!present("Контактная информация: __________, __________", Element::Contacts));
        assert!(!present("Сидорчику И.А.\nilya@sidorchik.ru", Element::Contacts));
    }

    #[test]
    fn refusal_checklist_is_filled() {
        let a = analysed(a_src());
        assert_eq!(a.kind, DocKind::Refusal);
        let keys: Vec<&str> = a.checklist.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["decision", "reason", "next_step", "deadline", "appeal", "contacts"]);
        assert!(a.checklist.iter().all(|c| c.present), "{:?}", a.checklist);
        let r = a.refusal.unwrap();
        assert_eq!(&a_src()[r.anchor.clone()], "отказано");
    }

    /// Every pattern of the analysis, by name.
    fn patterns() -> Vec<(&'static str, &'static Regex)> {
        vec![
            ("decision", decision_re()),
            ("evasive", evasive_re()),
            ("declined", declined_re()),
            ("application", application_re()),
            ("passing", passing_re()),
            ("operative", operative_re()),
            ("heading", heading_re()),
            ("reason", reason_re()),
            ("next_step", next_step_re()),
            ("deadline", deadline_re()),
            ("appeal", appeal_re()),
            ("appeal_where", appeal_where_re()),
            ("contacts", contacts_re()),
            ("executor", executor_re()),
            ("basis", basis_re()),
            ("blank", blank_re()),
        ]
    }

    /// Each pattern finds what the regex crate finds with it, on the tests'
    /// texts and on the corpus (`YASNO_CORPUS`) when there is one.
    #[test]
    fn patterns_match_like_the_regex_crate() {
        let mut texts: Vec<String> = vec![
            a_src().to_string(),
            letter("В удовлетворении жалобы, поданной 1 марта, отказать. Причины отказа изложены ниже: нет справки."),
            "ПОСТАНОВИЛ:\nв удовлетворении заявления отказать.\nр е ш и л а :".to_string(),
            "Исполнитель: __________ тел. 8 (495) 123-45-67, 125009, г. Москва, ул. Тверская, д. 13".to_string(),
            "Срок: {{ date }}; в течение 10 (десяти) рабочих дней; до 01.02.2025; с 1 по 5 мая".to_string(),
        ];
        texts.extend(crate::testcorpus::documents());
        for (name, ours) in patterns() {
            // Compiled at the first candidate otherwise.
            ours.compile_all();
            let theirs = regex::Regex::new(ours.as_str()).unwrap();
            for t in &texts {
                let a: Vec<_> = ours.find_iter(t).map(|m| m.range()).collect();
                let b: Vec<_> = theirs.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, b, "{name} on «{}…»", t.chars().take(60).collect::<String>());
            }
        }
    }

    fn a_src() -> &'static str {
        "В предоставлении субсидии отказано, так как доход семьи выше порога. Вы можете подать заявление снова после 1 июля. Решение можно обжаловать в суд в течение трёх месяцев. Телефон: 8 (495) 111-22-33."
    }
}
