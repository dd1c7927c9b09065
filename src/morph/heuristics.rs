//! Small morphology heuristics for the syntax rules: a coarse part of speech
//! and case guessed from the ending of a normalised word form (lower case,
//! ё→е), plus short stop-lists for the frequent exceptions.
//!
//! There is no dictionary here on purpose: a full Russian morphological
//! dictionary is several megabytes and would not fit the WebAssembly budget.
//! The guesses are tuned for precision on official letters: when an ending is
//! ambiguous the functions answer «no», so a rule misses a case rather than
//! flags a wrong one.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A coarse part of speech guessed from the word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Prepositions, conjunctions, particles, pronouns, numerals in words.
    Function,
    /// A finite verb or an infinitive.
    Verb,
    /// A short passive participle: «рассмотрено», «направлены».
    ShortParticiple,
    /// A short adjective or a predicative: «должны», «необходимо».
    ShortAdj,
    /// An adverbial participle (деепричастие): «учитывая», «рассмотрев».
    Gerund,
    /// A full participle: «поступившее», «указанный».
    Participle,
    Adverb,
    Adj,
    Noun,
}

/// A small, fast, non-cryptographic hasher for the word sets (FxHash).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The word lists of `words.txt`: one bit of [`flags`] each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Preposition,
    Function,
    Verb,
    ShortAdj,
    NounLikeParticiple,
    NounLaLi,
    ZeroGenitivePlural,
    AdjIj,
    GenException,
    Noun,
    ConcreteNie,
    ConcreteCija,
    VerbalKaStem,
    GenitivePreposition,
}

impl List {
    /// Section names in `words.txt`.
    const SECTIONS: [(&'static str, List); 14] = [
        ("preposition", List::Preposition),
        ("function", List::Function),
        ("verb", List::Verb),
        ("short-adjective", List::ShortAdj),
        ("noun-like-participle", List::NounLikeParticiple),
        ("noun-la-li", List::NounLaLi),
        ("zero-genitive-plural", List::ZeroGenitivePlural),
        ("adjective-ij", List::AdjIj),
        ("genitive-exception", List::GenException),
        ("noun", List::Noun),
        ("concrete-nie", List::ConcreteNie),
        ("concrete-cija", List::ConcreteCija),
        ("verbal-ka-stem", List::VerbalKaStem),
        ("genitive-preposition", List::GenitivePreposition),
    ];

    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The word lists: data, not code (see the file's header).
const WORDS: &str = include_str!("words.txt");

/// `(word, list)` for every word of `words.txt`, in file order.
fn parse_words(src: &'static str) -> impl Iterator<Item = (&'static str, List)> {
    let mut list = None;
    src.lines().flat_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let found = List::SECTIONS.iter().find(|(n, _)| *n == name);
            list = Some(found.unwrap_or_else(|| panic!("words.txt: unknown section [{name}]")).1);
            return Vec::new();
        }
        let list = list;
        line.split_whitespace()
            .map(|w| (w, list.unwrap_or_else(|| panic!("words.txt: «{w}» before any section"))))
            .collect()
    })
}

/// The list bits of a word: one hash lookup answers every list.
fn flags(w: &str) -> u32 {
    static MAP: OnceLock<HashMap<&'static str, u32, BuildHasherDefault<FxHasher>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map: HashMap<&'static str, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        for (w, list) in parse_words(WORDS) {
            *map.entry(w).or_default() |= list.bit();
        }
        map
    });
    map.get(w).copied().unwrap_or(0)
}

fn has(w: &str, list: List) -> bool {
    flags(w) & list.bit() != 0
}

fn is_gen_preposition_set(w: &str) -> bool {
    has(w, List::GenitivePreposition)
}

/// True for a preposition that governs the genitive.
pub fn is_genitive_preposition(w: &str) -> bool {
    is_gen_preposition_set(w)
}

fn is_preposition_set(w: &str) -> bool {
    has(w, List::Preposition)
}

/// True for a preposition (any case).
pub fn is_preposition(w: &str) -> bool {
    is_preposition_set(w) || is_gen_preposition_set(w)
}

fn is_function_set(w: &str) -> bool {
    has(w, List::Function)
}

/// True for prepositions, conjunctions, particles, pronouns and a few
/// numerals and adverbs: words that never head or continue a noun chain.
pub fn is_function_word(w: &str) -> bool {
    is_function_set(w) || is_preposition(w)
}

fn is_short_adj_set(w: &str) -> bool {
    has(w, List::ShortAdj)
}

fn is_noun_like_participle(w: &str) -> bool {
    has(w, List::NounLikeParticiple)
}

fn is_noun_la_li(w: &str) -> bool {
    has(w, List::NounLaLi)
}

fn is_zero_genitive_plural(w: &str) -> bool {
    has(w, List::ZeroGenitivePlural)
}

fn is_adj_ij(w: &str) -> bool {
    has(w, List::AdjIj)
}

fn chars_rev(w: &str) -> std::iter::Rev<std::str::Chars<'_>> {
    w.chars().rev()
}

/// The letter `n` positions from the end (0 = last).
fn from_end(w: &str, n: usize) -> Option<char> {
    chars_rev(w).nth(n)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

fn is_consonant(c: char) -> bool {
    ('а'..='я').contains(&c) && !is_vowel(c) && c != 'ь' && c != 'ъ' && c != 'й'
}

/// The length in letters of a Cyrillic word (two bytes a letter; hyphens
/// and Latin letters count as half a letter, which is fine for thresholds).
fn len(w: &str) -> usize {
    w.len() / 2
}

/// True when the text starts with a capital letter (fast for Cyrillic and Latin).
pub fn starts_upper(s: &str) -> bool {
    match s.chars().next() {
        Some(c @ 'А'..='Я') | Some(c @ 'Ё') | Some(c @ 'A'..='Z') => c != '\0',
        Some('а'..='я' | 'ё' | 'a'..='z') | None => false,
        Some(c) => c.is_uppercase(),
    }
}

/// True when the word is written in Cyrillic letters (and hyphens) only.
pub fn is_cyrillic_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё' || c == '-')
}

/// The last part of a hyphenated word: «дорожно-транспортной» → «транспортной».
fn last_part(w: &str) -> &str {
    w.rsplit('-').next().unwrap_or(w)
}

/// Is this form of a noun in «-ие»/«-ий» a noun (решение, решений) rather
/// than an adjective (последние, российский)?
fn ie_ij_is_noun(w: &str) -> bool {
    // w ends in "ие" or "ий"; look at the two letters before.
    let b1 = from_end(w, 2);
    let b2 = from_end(w, 3);
    match b1 {
        Some('г') => {
            w.ends_with("логий") || w.ends_with("логие") || w.ends_with("ргий") || w.ends_with("тегий")
        }
        Some('к' | 'х' | 'ч' | 'щ' | 'ж' | 'ш') => false,
        Some('н') => b2.is_some_and(is_vowel) && !is_adj_ij(w),
        Some('т') => !is_adj_ij(w),
        Some(c) if is_consonant(c) => !is_adj_ij(w),
        Some('ь') => true, // «-ьи» is not adj; «-ьий» rare («чьий»)
        _ => false,
    }
}

/// Guesses the part of speech of a normalised word form.
pub fn pos(word: &str) -> Pos {
    const FUNCTION: u32 = List::Preposition.bit() | List::Function.bit() | List::GenitivePreposition.bit();
    const NOUN: u32 = List::NounLikeParticiple.bit()
        | List::NounLaLi.bit()
        | List::ZeroGenitivePlural.bit()
        | List::Noun.bit();
    let f = flags(word);
    if f & FUNCTION != 0 {
        return Pos::Function;
    }
    if f & List::Verb.bit() != 0 {
        return Pos::Verb;
    }
    if f & List::ShortAdj.bit() != 0 {
        return Pos::ShortAdj;
    }
    let w = last_part(word);
    if w.is_empty() || !is_cyrillic_word(w) {
        return Pos::Noun;
    }
    let fw = if w.len() == word.len() { f } else { flags(w) };
    if fw & NOUN != 0 {
        return Pos::Noun;
    }
    let n = len(w);
    if n <= 2 {
        return Pos::Function;
    }
    // Reflexive verbs, gerunds in -сь; nouns in «-пись» («подпись»).
    if (w.ends_with("ся") || w.ends_with("сь")) && !w.ends_with("пись") && !w.ends_with("смесь")
    {
        if w.ends_with("вшись") || w.ends_with("ясь") || (w.ends_with("ась") && !w.ends_with("лась"))
        {
            return Pos::Gerund;
        }
        if is_participle_ending(&w[..w.len() - "ся".len()]) {
            return Pos::Participle;
        }
        return Pos::Verb;
    }
    if w.ends_with("ть") {
        // «деятельность», «часть», «путь» are nouns.
        return if w.ends_with("сть")
            || matches!(w, "путь" | "смерть" | "сеть" | "нить" | "треть" | "суть" | "мать")
        {
            Pos::Noun
        } else {
            Pos::Verb
        };
    }
    if w.ends_with("чь") && !matches!(w, "речь" | "печь" | "дочь" | "ночь" | "мощь") || is_infinitive_ti(w)
    {
        return Pos::Verb;
    }
    if is_gerund(w) {
        return Pos::Gerund;
    }
    if is_short_participle(w) {
        return Pos::ShortParticiple;
    }
    if is_short_adj(w) {
        return Pos::ShortAdj;
    }
    if is_participle_ending(w) {
        return Pos::Participle;
    }
    if is_past_verb(w) || is_present_verb(w) {
        return Pos::Verb;
    }
    if w.ends_with("чески") || w.ends_with("ьски") {
        return Pos::Adverb;
    }
    if n >= 5 && (w.ends_with("имо") || w.ends_with("ко") && !w.ends_with("око"))
        || (n >= 5 && w.ends_with("но") && from_end(w, 2).is_some_and(|c| is_consonant(c) || c == 'ь'))
    {
        return Pos::Adverb;
    }
    if w.ends_with("ие") || w.ends_with("ий") {
        return if ie_ij_is_noun(w) { Pos::Noun } else { Pos::Adj };
    }
    if w.ends_with("ей") {
        return match from_end(w, 2) {
            Some('щ' | 'ш' | 'ч') => Pos::Adj,
            // «статьей», «судьей» are nouns; «третьей», «Божьей» adjectives.
            Some('ь') => {
                if w.ends_with("третьей") || w.ends_with("чьей") || w.ends_with("жьей") {
                    Pos::Adj
                } else {
                    Pos::Noun
                }
            }
            Some('ж') if from_end(w, 3).is_some_and(is_consonant) => Pos::Adj,
            Some('н') if from_end(w, 3).is_some_and(is_consonant) => Pos::Adj,
            _ => Pos::Noun,
        };
    }
    if w.ends_with("ой") {
        // «городской», «дорожной», «второй» are adjectives; «проверкой»,
        // «стороной» are noun instrumentals: told apart only by context.
        return if w.ends_with("ской")
            || w.ends_with("цкой")
            || w.ends_with("ной") && from_end(w, 3).is_some_and(|c| is_consonant(c) || c == 'ь')
            || w.ends_with("вой")
            || w.ends_with("рой") && n <= 6
            || w.ends_with("гой")
            || w.ends_with("кой") && n <= 5
        {
            Pos::Adj
        } else {
            Pos::Noun
        };
    }
    if w.ends_with("ом") {
        // «установленном», «московском», «правовом» vs «законом», «вопросом».
        let adj = w.ends_with("нном")
            || w.ends_with("ьном")
            || w.ends_with("ском")
            || w.ends_with("цком")
            || w.ends_with("овом")
            || w.ends_with("емом")
            || w.ends_with("имом")
            || w.ends_with("ном") && from_end(w, 3).is_some_and(is_consonant);
        return if adj { Pos::Adj } else { Pos::Noun };
    }
    if w.ends_with("ем") {
        let adj = matches!(from_end(w, 2), Some('щ' | 'ч' | 'ш' | 'ж'))
            || w.ends_with("нем") && from_end(w, 3).is_some_and(is_consonant);
        return if adj { Pos::Adj } else { Pos::Noun };
    }
    if w.ends_with("им") {
        return if matches!(from_end(w, 2), Some('к' | 'г' | 'х' | 'н' | 'щ' | 'ч' | 'ш' | 'ж')) {
            Pos::Adj
        } else if matches!(w, "режим" | "аноним" | "грим" | "экстрим") {
            Pos::Noun
        } else {
            Pos::Verb
        };
    }
    const ADJ: &[&str] = &[
        "ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ый", "ым", "ых", "их", "ую",
        "юю",
    ];
    if ADJ.iter().any(|e| w.ends_with(e)) && n >= 4 {
        return Pos::Adj;
    }
    Pos::Noun
}

/// Short adjectives that are not participles: «обязателен», «возможен».
fn is_short_adj(w: &str) -> bool {
    let stem = ["а", "о", "ы"].iter().find_map(|e| w.strip_suffix(e)).unwrap_or(w);
    stem.ends_with("телен")
        || stem.ends_with("ствен")
        || stem.ends_with("ственн")
        || stem.ends_with("асен")
        || stem.ends_with("езен")
        || stem.ends_with("обходим")
        || matches!(stem, "возможен" | "невозможен" | "нужен" | "важен" | "сложен" | "должен" | "виден")
}

fn is_gen_exception(w: &str) -> bool {
    has(w, List::GenException)
}

/// Infinitives in «-ти»: «провести», «найти».
fn is_infinitive_ti(w: &str) -> bool {
    w.ends_with("вести")
        || w.ends_with("нести")
        || w.ends_with("йти")
        || w.ends_with("учести")
        || w.ends_with("расти")
        || w.ends_with("обрести")
        || w.ends_with("цвести")
        || w.ends_with("мести")
        || w.ends_with("плести")
        || w == "идти"
}

/// Past tense: «поступил», «рассмотрела», «направили».
fn is_past_verb(w: &str) -> bool {
    let n = len(w);
    if n < 4 || is_noun_la_li(w) {
        return false;
    }
    if w.ends_with("тели") && !matches!(w, "хотели" | "летели" | "вертели" | "терпели" | "смотрели")
    {
        return false;
    }
    for e in ["ла", "ло", "ли"] {
        if let Some(stem) = w.strip_suffix(e) {
            // «-ила», «-ела», «-ала», «-яла», «-ыла», «-ула»; «могла», «шла».
            return stem
                .chars()
                .last()
                .is_some_and(|c| is_vowel(c) || matches!(c, 'г' | 'к' | 'с' | 'з' | 'б' | 'р'));
        }
    }
    if w.ends_with("ил") || w.ends_with("ел") || w.ends_with("ял") || w.ends_with("ыл") {
        return !matches!(w, "отдел" | "раздел" | "предел" | "пробел" | "удел" | "тыл" | "крокодил");
    }
    false
}

/// Present or future tense: «рассматривает», «проводит», «принимают».
fn is_present_verb(w: &str) -> bool {
    let n = len(w);
    if n < 4 {
        return false;
    }
    let before = |k: usize| from_end(w, k);
    if w.ends_with("ет") || w.ends_with("ют") || w.ends_with("ем") {
        // «-ает», «-яет», «-еет», «-ует», «-ают», «-уют»: verbs; «бюджет», «ответ»: nouns.
        return before(2).is_some_and(|c| matches!(c, 'а' | 'я' | 'е' | 'у' | 'ю'))
            && !matches!(w, "поэт" | "диет" | "объем" | "прием" | "подъем" | "заем" | "проем" | "водоем")
            && !w.ends_with("ием")
            && !w.ends_with("ием");
    }
    if w.ends_with("ит") {
        // «проводит», «входит»; nouns in -ит are few.
        return !matches!(
            w,
            "кредит"
                | "лимит"
                | "визит"
                | "аудит"
                | "депозит"
                | "транзит"
                | "дефицит"
                | "реквизит"
                | "магнит"
                | "гранит"
                | "аппетит"
                | "бандит"
                | "паразит"
                | "кит"
                | "гит"
                | "алфавит"
                | "самит"
        ) && n >= 5;
    }
    if w.ends_with("ят") {
        return !w.ends_with("ият");
    }
    if w.ends_with("ешь")
        || w.ends_with("ишь")
        || ["аете", "яете", "уете", "еете", "ожете", "удете"].iter().any(|e| w.ends_with(e))
    {
        return true;
    }
    if w.ends_with("ат") {
        return matches!(from_end(w, 2), Some('ж' | 'ш' | 'ч' | 'щ'));
    }
    false
}

/// Endings of a full participle (active or passive), any case.
fn is_participle_ending(w: &str) -> bool {
    let n = len(w);
    if n < 6 {
        return false;
    }
    const ACTIVE: &[&str] = &["ющ", "ущ", "ащ", "ящ", "вш"];
    const PASSIVE: &[&str] = &["анн", "енн", "янн", "ованн", "емы", "имы", "аем", "яем", "уем"];
    const CASE: &[&str] = &[
        "ий", "ая", "ее", "ие", "его", "ей", "ему", "им", "ими", "их", "ую", "ем", "ий", "ый", "ое", "ые",
        "ого", "ой", "ому", "ым", "ыми", "ых",
    ];
    for c in CASE {
        if let Some(stem) = w.strip_suffix(c) {
            if ACTIVE.iter().any(|s| stem.ends_with(s)) {
                return ![
                    "сущ",
                    "общ",
                    "настоящ",
                    "надлежащ",
                    "служащ",
                    "предыдущ",
                    "последующ",
                    "будущ",
                    "текущ",
                ]
                .iter()
                .any(|e| stem.ends_with(e));
            }
            if PASSIVE.iter().any(|s| stem.ends_with(s)) {
                // Adjectives in -енн-/-анн- from nouns: «государственный»,
                // «временный», «собственный».
                return !(stem.ends_with("ственн")
                    || stem.ends_with("таможенн")
                    || stem.ends_with("казенн")
                    || stem.ends_with("промышленн")
                    || stem.ends_with("постоянн")
                    || stem.ends_with("уважаем")
                    || stem == "данн"
                    || stem.ends_with("вышеуказанн")
                    || stem.ends_with("менн")
                    || stem.ends_with("иенн")
                    || stem.ends_with("ценн")
                    || stem.ends_with("военн")
                    || stem.ends_with("длинн")
                    || stem.ends_with("странн")
                    || stem.ends_with("жизненн")
                    || stem.ends_with("оенн")
                    || stem.ends_with("нн") && stem.ends_with("уженн"));
            }
            return false;
        }
    }
    false
}

/// True for a full participle: «поступившее», «указанный», «рассматриваемый».
pub fn is_full_participle(w: &str) -> bool {
    matches!(pos(w), Pos::Participle)
}

/// Adverbial participles: «учитывая», «рассмотрев», «руководствуясь».
fn is_gerund(w: &str) -> bool {
    if matches!(w, "включая" | "исходя" | "благодаря" | "несмотря" | "начиная" | "спустя" | "будучи")
    {
        return false;
    }
    if w.ends_with("вши") || w.ends_with("ывая") || w.ends_with("ивая") || w.ends_with("авая")
    {
        return true;
    }
    if w.ends_with("ируя") || w.ends_with("уя") && len(w) >= 6 {
        return true;
    }
    // «выполняя», «проверяя», «изменяя»; not «последняя», «средняя».
    if w.ends_with("яя") && len(w) >= 6 {
        // «-лняя», «-сняя», vowel + «няя» are gerunds; «-дняя», «-тняя», «-нняя» adjectives.
        return !w.ends_with("няя") || from_end(w, 3).is_some_and(|c| is_vowel(c) || c == 'л' || c == 'с');
    }
    if w.ends_with("имая") && !w.ends_with("димая") && !w.ends_with("чимая") {
        return false;
    }
    if let Some(stem) = w.strip_suffix('в') {
        let n = len(w);
        if n < 6 {
            return false;
        }
        if stem.ends_with("ов") || stem.ends_with("о") {
            return false;
        }
        if stem.ends_with("ив") || stem.ends_with('и') {
            // «изучив», «получив», «установив»; nouns: «архив», «коллектив».
            return !(stem.ends_with("ти") || stem.ends_with("хи") || stem.ends_with("ци"))
                || stem.ends_with("ерти");
        }
        if stem.ends_with('е') {
            // «рассмотрев»; genitives «случаев», «месяцев».
            let c = from_end(stem, 1);
            return c.is_some_and(|c| is_consonant(c) && !matches!(c, 'ц' | 'ж' | 'ш' | 'ч' | 'щ'));
        }
        if stem.ends_with('а') {
            return !matches!(w, "состав" | "устав" | "рукав" | "сплав" | "прав");
        }
        if stem.ends_with('ы') {
            return stem.ends_with("кры") || stem.ends_with("забы");
        }
    }
    false
}

/// Short passive participles: «рассмотрено», «принят», «направлены»,
/// «организована». Not short adjectives («должны», «обязаны», «уверен»).
pub fn is_short_participle(w: &str) -> bool {
    let n = len(w);
    if n < 5 || is_noun_like_participle(w) || is_short_adj_set(w) {
        return false;
    }
    let stem = ["а", "о", "ы"].iter().find_map(|e| w.strip_suffix(e)).unwrap_or(w);
    // Double «нн» means an adjective or adverb: «возможно», «длинно».
    if stem.ends_with("нн") {
        return false;
    }
    if stem.ends_with("ован") || stem.ends_with("еван") || stem.ends_with("ирован") {
        return true;
    }
    if matches!(stem, "учтен" | "решен" | "дан") {
        return true;
    }
    if is_short_adj(w) {
        return false;
    }
    if let Some(s) = stem.strip_suffix("ен") {
        // «рассмотрен», «направлен», «получен», «проведен»; not «обмен», «член».
        let c = s.chars().last();
        // «обустроен», «освоен»: a vowel before «-ен» is «-оен».
        return len(stem) >= 6
            && c.is_some_and(|c| is_consonant(c) && !matches!(c, 'м' | 'ц' | 'г') || c == 'о');
    }
    if let Some(s) = stem.strip_suffix("ан") {
        // «указан», «написано», «оказана», «признан», «разработан»; not
        // «плана», «органа», «капитан».
        return s.ends_with('з')
            || s.ends_with('с')
            || s.ends_with('д') && len(stem) >= 4
            || s.ends_with('ш')
            || s.ends_with("зн")
            || s.ends_with('т') && len(stem) >= 7;
    }
    if let Some(s) = stem.strip_suffix("ят") {
        return matches!(s, "прин" | "зан" | "сн" | "вз" | "изъ" | "отн" | "пон" | "предприн" | "восприн")
            || s.ends_with("прин")
            || s.ends_with("изъ");
    }
    if let Some(s) = stem.strip_suffix("ыт") {
        return s.ends_with("кр") || s.ends_with("заб") || s.ends_with("доб");
    }
    if let Some(s) = stem.strip_suffix("ут") {
        return s.ends_with("стигн") || s.ends_with("помян") || s.ends_with("тянут") || s.ends_with("гн");
    }
    false
}

/// A reflexive verb that is probably a passive («рассматривается»,
/// «производится», «принимаются»), not a middle or a deponent
/// («является», «находится», «касается»).
pub fn is_reflexive_passive(w: &str) -> bool {
    const NOT_PASSIVE: &[&str] = &[
        "явля",
        "появля",
        "оказыва",
        "каса",
        "оста",
        "отлича",
        "нужда",
        "пыта",
        "стара",
        "стрем",
        "наход",
        "относ",
        "приход",
        "станов",
        "обраща",
        "уда",
        "получа",
        "нрав",
        "каж",
        "представля",
        "разреша",
        "запреща",
        "допуска",
        "требу",
        "счита",
        "полага",
        "начина",
        "заканчива",
        "продолжа",
        "увеличива",
        "уменьша",
        "сокраща",
        "изменя",
        "повыша",
        "снижа",
        "развива",
        "движ",
        "располага",
        "размеща",
        "соглаша",
        "отказыва",
        "знаком",
        "связыва",
        "руководству",
        "основыва",
        "опира",
        "занима",
        "пользу",
        "интересу",
        "сталкива",
        "боре",
        "бо",
        "смея",
        "надея",
        "случа",
        "кажу",
        "станут",
        "решаю",
        "обращаю",
        "возвраща",
        "возника",
        "происход",
        "сохраня",
        "прекраща",
        "откладыва",
        "улучша",
        "ухудша",
        "завис",
        "подлеж",
        "следу",
        "сод",
        "состо",
        "соотве",
        "распростран",
        "действу",
        "нуждаю",
        "явл",
        "нахо",
        "обязу",
        "готов",
        "учас",
        "включа",
        "встреча",
        "заключа",
        "слож",
        "скаж",
        "собира",
        "удаё",
        "прибыва",
        "выход",
        "вход",
        "отно",
        "присоедин",
        "выража",
        "колебл",
        "меня",
        "повтор",
        "исчисля",
        "оказ",
        "проявля",
        "регистрируе",
        "открыва",
        "закрыва",
        "загружа",
        "отобража",
        "парку",
    ];
    let Some(stem) = w.strip_suffix("ся") else { return false };
    // Third person only: «-ется», «-ется», «-ются», «-ится», «-ятся», «-атся».
    let base = if let Some(b) = stem.strip_suffix("ет").or_else(|| stem.strip_suffix("ют")) {
        b
    } else if let Some(b) = stem.strip_suffix("ит").or_else(|| stem.strip_suffix("ят")) {
        b
    } else {
        return false;
    };
    if len(base) < 4 {
        return false;
    }
    if NOT_PASSIVE.iter().any(|p| base.starts_with(p) || base.trim_start_matches("не").starts_with(p)) {
        return false;
    }
    // Passive-prone derivations: -ирует-, -ует-, -ивает-/-ывает-, -яет-, -ает-;
    // and a short list of «-ит» verbs.
    if stem.ends_with("ет") || stem.ends_with("ют") {
        return base.ends_with('у') || base.ends_with('я') || base.ends_with('а');
    }
    const IT_VERBS: &[&str] = &[
        "производ",
        "провод",
        "осуществ",
        "выплач",
        "взыск",
        "соверш",
        "устан",
        "отправ",
        "направ",
        "предостав",
        "оформ",
        "рассмотр",
        "определ",
        "выдел",
        "исполн",
        "заполн",
        "формир",
        "обеспеч",
        "перевод",
        "достав",
        "став",
        "учит",
        "выяв",
        "опред",
        "решит",
        "изуч",
        "провер",
        "утвержд",
        "установ",
        "пересмотр",
        "продл",
        "закреп",
        "выстав",
        "размест",
        "созда",
        "уточн",
        "сохран",
        "хран",
        "предусмотр",
        "подтверд",
        "обслуж",
        "строит",
        "возмещ",
        "компенсир",
        "начисл",
        "погаш",
        "уплач",
        "оплач",
        "выполн",
    ];
    IT_VERBS.iter().any(|p| base.starts_with(p) || base.contains(p))
}

/// The «мы» form of a reflexive passive: «рассматривается» → «рассматриваем»,
/// «проводится» → «проводим», «принимаются» → «принимаем».
pub fn we_form_of_reflexive(w: &str) -> Option<String> {
    let stem = w.strip_suffix("ся")?;
    if let Some(b) = stem.strip_suffix("ет").or_else(|| stem.strip_suffix("ют")) {
        return Some(format!("{b}ем"));
    }
    if let Some(b) =
        stem.strip_suffix("ит").or_else(|| stem.strip_suffix("ят")).or_else(|| stem.strip_suffix("ат"))
    {
        return Some(format!("{b}им"));
    }
    None
}

/// The «мы» past form of a short participle when it can be built reliably:
/// «рассмотрено» → «рассмотрели», «принято» → «приняли», «направлены» →
/// «направили», «организована» → «организовали».
pub fn we_past_of_short_participle(w: &str) -> Option<String> {
    const IRREGULAR: &[(&str, &str)] = &[
        ("рассмотрен", "рассмотрели"),
        ("пересмотрен", "пересмотрели"),
        ("предусмотрен", "предусмотрели"),
        ("проведен", "провели"),
        ("введен", "ввели"),
        ("произведен", "произвели"),
        ("приведен", "привели"),
        ("переведен", "перевели"),
        ("внесен", "внесли"),
        ("перенесен", "перенесли"),
        ("учтен", "учли"),
        ("найден", "нашли"),
        ("получен", "получили"),
        ("обеспечен", "обеспечили"),
        ("разрешен", "разрешили"),
        ("завершен", "завершили"),
        ("изменен", "изменили"),
        ("определен", "определили"),
        ("назначен", "назначили"),
        ("проверен", "проверили"),
        ("отклонен", "отклонили"),
        ("исполнен", "исполнили"),
        ("выполнен", "выполнили"),
        ("заполнен", "заполнили"),
        ("дополнен", "дополнили"),
        ("продлен", "продлили"),
        ("отменен", "отменили"),
        ("применен", "применили"),
        ("заменен", "заменили"),
        ("уточнен", "уточнили"),
        ("сохранен", "сохранили"),
        ("устранен", "устранили"),
        ("возвращен", "вернули"),
        ("прекращен", "прекратили"),
        ("сокращен", "сократили"),
        ("запрещен", "запретили"),
        ("снижен", "снизили"),
        ("размещен", "разместили"),
        ("возмещен", "возместили"),
        ("освобожден", "освободили"),
        ("подтвержден", "подтвердили"),
        ("утвержден", "утвердили"),
        ("уведомлен", "уведомили"),
        ("зарегистрирован", "зарегистрировали"),
    ];
    let stem = ["а", "о", "ы"].iter().find_map(|e| w.strip_suffix(e)).unwrap_or(w);
    for (p, v) in IRREGULAR {
        if let Some(prefix) = stem.strip_suffix(p) {
            // «не» and particles are separate tokens; a prefix here is a verb prefix.
            if prefix.is_empty() {
                return Some((*v).to_string());
            }
        }
    }
    if let Some(b) = stem.strip_suffix("ован") {
        return Some(format!("{b}овали"));
    }
    if let Some(b) = stem.strip_suffix("ан") {
        return Some(format!("{b}али"));
    }
    if let Some(b) = stem.strip_suffix("ят") {
        return Some(format!("{b}яли"));
    }
    if let Some(b) = stem.strip_suffix("ыт") {
        return Some(format!("{b}ыли"));
    }
    // «направлен» → «направили»: the «л» after a labial is epenthetic.
    if let Some(b) = stem.strip_suffix("лен") {
        if b.ends_with(['в', 'б', 'п', 'м', 'ф']) {
            return Some(format!("{b}или"));
        }
    }
    None
}

/// Is this noun form a genitive? Only the endings that are reliably
/// genitive after another noun: «вопроса», «проверки», «требований», «услуг».
/// The caller knows the word is noun-like ([`pos`] returned [`Pos::Noun`]).
pub fn is_genitive_noun(word: &str) -> bool {
    let w = last_part(word);
    let n = len(w);
    if n < 3 || !is_cyrillic_word(w) {
        return false;
    }
    if is_zero_genitive_plural(w) || is_gen_exception(w) {
        return true;
    }
    if w.ends_with("ами") || w.ends_with("ями") || w.ends_with("ми") {
        return false;
    }
    if w.ends_with("ов") || w.ends_with("ев") {
        return n >= 4;
    }
    if w.ends_with("ий") {
        return ie_ij_is_noun(w);
    }
    if w.ends_with("ей") {
        return matches!(
            from_end(w, 2),
            Some('т' | 'л' | 'д' | 'р' | 'з' | 'с' | 'в' | 'б' | 'п' | 'м' | 'ж')
        ) || w.ends_with("ней") && from_end(w, 3).is_some_and(is_vowel)
            || matches!(w, "дней" | "уровней" | "вещей" | "врачей" | "ключей" | "этажей" | "товарищей");
    }
    let last = w.chars().last().unwrap_or(' ');
    let prev = from_end(w, 1).unwrap_or(' ');
    match last {
        'а' => {
            if w.ends_with("ла") {
                return is_noun_la_li(w);
            }
            // Feminine nominatives: «задача», «выдача», «продажа».
            if w.ends_with("дача") || w.ends_with("дажа") || w.ends_with("ия") {
                return false;
            }
            // «-ка»: feminine nouns are nominatives («проверка»); masculine
            // genitives are «порядка», «участка», «срока», «ответчика».
            if w.ends_with("ка") {
                return w.ends_with("чика")
                    || w.ends_with("щика")
                    || w.ends_with("ника") && !matches!(w, "техника" | "клиника" | "механика")
                    || w.ends_with("енка")
                    || w.ends_with("ядка")
                    || w.ends_with("стка")
                    || w.ends_with("тка") && w.ends_with("статка")
                    || matches!(
                        w,
                        "срока"
                            | "языка"
                            | "рынка"
                            | "знака"
                            | "банка"
                            | "иска"
                            | "потока"
                            | "итога"
                    );
            }
            is_consonant(prev) || prev == 'ь'
        }
        'я' => {
            if w.ends_with("ая")
                || w.ends_with("яя")
                || w.ends_with("ья") && !matches!(w, "здоровья" | "жилья")
            {
                return false;
            }
            // «решения», «развития»; feminine «-ия» nominatives excluded
            // unless the «-ния», «-тия», «-вия» of a neuter noun.
            if w.ends_with("мя") {
                return false;
            }
            if w.ends_with("ия") {
                return w.ends_with("ния")
                    || w.ends_with("тия")
                    || w.ends_with("вия")
                    || w.ends_with("дия") && n > 6;
            }
            !matches!(
                w,
                "земля"
                    | "неделя"
                    | "доля"
                    | "воля"
                    | "роля"
                    | "пуля"
                    | "семья"
                    | "статья"
                    | "судья"
            ) && (is_consonant(prev) || prev == 'ь')
        }
        'ы' => !w.ends_with("ны") || is_noun_like_participle(w) || !is_short_participle(w),
        'и' => {
            if w.ends_with("ли") {
                return is_noun_la_li(w);
            }
            // «-нии», «-тии» are the prepositional of «-ние», «-тие» nouns.
            if w.ends_with("чески")
                || w.ends_with("нии")
                || w.ends_with("тии")
                || w.ends_with("вии")
                || matches!(w, "дети" | "люди")
            {
                return false;
            }
            true
        }
        _ => false,
    }
}

/// Is this adjective (or participle, or possessive) form a possible
/// genitive: «-ого», «-его», «-ых», «-их», «-ой», «-ей»?
pub fn is_genitive_adj(word: &str) -> bool {
    if matches!(
        word,
        "его"
            | "ее"
            | "их"
            | "этого"
            | "этой"
            | "этих"
            | "того"
            | "той"
            | "тех"
            | "нашего"
            | "нашей"
            | "наших"
            | "вашего"
            | "вашей"
            | "ваших"
            | "своего"
            | "своей"
            | "своих"
            | "всего"
            | "всей"
            | "всех"
            | "такого"
            | "такой"
            | "таких"
            | "каждого"
            | "каждой"
            | "иного"
            | "иной"
            | "иных"
            | "другого"
            | "другой"
            | "других"
            | "одного"
            | "одной"
            | "самого"
            | "самой"
    ) {
        return true;
    }
    let w = last_part(word);
    len(w) >= 4
        && (w.ends_with("ого")
            || w.ends_with("его")
            || w.ends_with("ых")
            || w.ends_with("их")
            || w.ends_with("ой")
            || w.ends_with("ей"))
}

/// Verbal nouns (отглагольные существительные): «рассмотрение»,
/// «организации», «принятия», «проверка». Nouns that name a thing, not an
/// action, are excluded even when formed the same way: «здание»,
/// «учреждение», «заявление» (the document), «информация».
pub fn is_verbal_noun(word: &str) -> bool {
    verbal_noun_parts(word).is_some()
}

fn is_concrete_nie(w: &str) -> bool {
    has(w, List::ConcreteNie)
}

fn is_concrete_cija(w: &str) -> bool {
    has(w, List::ConcreteCija)
}

fn is_verbal_ka_stem(w: &str) -> bool {
    has(w, List::VerbalKaStem)
}

/// The dictionary form of a verbal noun, or `None` when the word is not one:
/// «выполнения» → «выполнение».
pub fn verbal_noun_lemma(word: &str) -> Option<String> {
    verbal_noun_parts(word).map(|(stem, end)| format!("{stem}{end}"))
}

/// The stem and the dictionary ending of a verbal noun, without allocating.
fn verbal_noun_parts(word: &str) -> Option<(&str, &'static str)> {
    let w = last_part(word);
    if !is_cyrillic_word(w) || len(w) < 6 {
        return None;
    }
    // -ние / -тие.
    const NIE: &[&str] = &["ние", "ния", "нию", "нием", "нии", "ний", "ниям", "ниями", "ниях"];
    for e in NIE {
        if let Some(stem) = w.strip_suffix(e) {
            let b = stem.chars().last()?;
            if !matches!(b, 'а' | 'е' | 'я') {
                return None;
            }
            let root = &w[..stem.len() + "н".len()];
            if is_concrete_nie(strip_ne(root)) || is_concrete_nie(root) {
                return None;
            }
            return Some((stem, "ние"));
        }
    }
    const TIE: &[&str] = &["тие", "тия", "тию", "тием", "тии", "тий"];
    const TIE_STEMS: &[&str] = &[
        "приня",
        "разви",
        "закры",
        "откры",
        "сня",
        "взя",
        "изъя",
        "прибы",
        "отбы",
        "вскры",
        "сокры",
        "перекры",
        "раскры",
        "покры",
        "забы",
        "добы",
        "приоткры",
        "предприня",
    ];
    for e in TIE {
        if let Some(stem) = w.strip_suffix(e) {
            if TIE_STEMS.iter().any(|s| stem == *s || stem.ends_with(s) && stem != "покры") {
                if stem.ends_with("покры") {
                    // «дорожное покрытие» is a thing.
                    return None;
                }
                return Some((stem, "тие"));
            }
            return None;
        }
    }
    // -ация / -яция.
    const CIJA: &[&str] = &["ция", "ции", "цию", "цией", "ций", "циям", "циями", "циях"];
    for e in CIJA {
        if let Some(stem) = w.strip_suffix(e) {
            if !(stem.ends_with('а') || stem.ends_with('я')) {
                return None;
            }
            let root = &w[..stem.len() + "ц".len()];
            if is_concrete_cija(root) || is_concrete_cija(strip_prefix_re(root)) {
                return None;
            }
            return Some((stem, "ция"));
        }
    }
    // Listed -ка, -та, -ча, -на, -жа, -ана nouns.
    const KA: &[(&str, &str)] = &[
        ("ами", "а"),
        ("ами", "а"),
        ("ой", "а"),
        ("ам", "а"),
        ("ах", "а"),
        ("а", "а"),
        ("и", "а"),
        ("ы", "а"),
        ("е", "а"),
        ("у", "а"),
    ];
    for (e, lemma_end) in KA {
        if let Some(stem) = w.strip_suffix(e) {
            if is_verbal_ka_stem(stem) {
                return Some((stem, lemma_end));
            }
        }
    }
    // Genitive plural of -ка nouns: «проверок».
    if is_verbal_ka_stem(w) && w.ends_with("ок") {
        return Some((&w[..w.len() - "ок".len()], "ка"));
    }
    None
}

fn strip_ne(w: &str) -> &str {
    w.strip_prefix("не").filter(|r| len(r) > 4).unwrap_or(w)
}

fn strip_prefix_re(w: &str) -> &str {
    w.strip_prefix("ре").or_else(|| w.strip_prefix("де")).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_is_read_from_words_txt() {
        let words: Vec<_> = parse_words(WORDS).collect();
        for (name, list) in List::SECTIONS {
            let n = words.iter().filter(|(_, l)| *l == list).count();
            assert!(n > 0, "section [{name}] is empty or missing in words.txt");
        }
        for (w, _) in &words {
            assert_eq!(*w, w.to_lowercase().replace('ё', "е"), "words.txt: «{w}» is not normalised");
        }
        assert!(is_genitive_preposition("согласно") || is_preposition("согласно"));
        assert!(is_function_word("которые"));
        assert!(has("услуг", List::ZeroGenitivePlural));
    }

    #[test]
    fn parts_of_speech() {
        for (w, p) in [
            ("рассмотрено", Pos::ShortParticiple),
            ("направлены", Pos::ShortParticiple),
            ("принято", Pos::ShortParticiple),
            ("организована", Pos::ShortParticiple),
            ("должны", Pos::ShortAdj),
            ("обязаны", Pos::ShortAdj),
            ("цена", Pos::Noun),
            ("страны", Pos::Noun),
            ("рассматривается", Pos::Verb),
            ("учитывая", Pos::Gerund),
            ("рассмотрев", Pos::Gerund),
            ("выполняя", Pos::Gerund),
            ("изменяя", Pos::Gerund),
            ("последняя", Pos::Adj),
            ("руководствуясь", Pos::Gerund),
            ("случаев", Pos::Noun),
            ("архив", Pos::Noun),
            ("поступившее", Pos::Participle),
            ("указанный", Pos::Participle),
            ("государственной", Pos::Adj),
            ("поступила", Pos::Verb),
            ("отдела", Pos::Noun),
            ("решений", Pos::Noun),
            ("последний", Pos::Adj),
            ("российский", Pos::Adj),
            ("проводит", Pos::Verb),
            ("бюджет", Pos::Noun),
            ("рассматривают", Pos::Verb),
        ] {
            assert_eq!(pos(w), p, "{w}");
        }
    }

    #[test]
    fn genitives() {
        for w in [
            "вопроса",
            "обеспечения",
            "выполнения",
            "требований",
            "проверки",
            "работы",
            "услуг",
            "документов",
        ] {
            assert!(is_genitive_noun(w), "{w}");
        }
        for w in ["проверка", "задача", "статья", "территория", "решение", "вопросу", "земля", "были"]
        {
            assert!(!is_genitive_noun(w), "{w}");
        }
    }

    #[test]
    fn verbal_nouns() {
        for (w, l) in [
            ("обеспечение", "обеспечение"),
            ("выполнения", "выполнение"),
            ("проведении", "проведение"),
            ("проверки", "проверка"),
            ("принятия", "принятие"),
            ("регистрации", "регистрация"),
            ("выплату", "выплата"),
        ] {
            assert_eq!(verbal_noun_lemma(w).as_deref(), Some(l), "{w}");
        }
        for w in ["здание", "учреждения", "заявление", "информации", "организации", "покрытия", "движения"]
        {
            assert_eq!(verbal_noun_lemma(w), None, "{w}");
        }
    }

    #[test]
    fn reflexive_passives() {
        for w in
            ["рассматривается", "производится", "принимаются", "контролируется", "выявляются", "планируется"]
        {
            assert!(is_reflexive_passive(w), "{w}");
        }
        for w in ["является", "находится", "касается", "оказывается", "представляется", "обращается"]
        {
            assert!(!is_reflexive_passive(w), "{w}");
        }
        assert_eq!(we_form_of_reflexive("рассматривается").as_deref(), Some("рассматриваем"));
        assert_eq!(we_form_of_reflexive("проводится").as_deref(), Some("проводим"));
        assert_eq!(we_form_of_reflexive("принимаются").as_deref(), Some("принимаем"));
    }

    #[test]
    fn participle_to_we_past() {
        for (w, v) in [
            ("рассмотрено", "рассмотрели"),
            ("принято", "приняли"),
            ("направлены", "направили"),
            ("организована", "организовали"),
            ("указан", "указали"),
            ("закрыт", "закрыли"),
        ] {
            assert_eq!(we_past_of_short_participle(w).as_deref(), Some(v), "{w}");
        }
    }
}
