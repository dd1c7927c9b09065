//! Declension of adjectives and participles, for two jobs:
//!
//! * matching every case form of a dictionary adjective and nothing else:
//!   «данный» must find «данной», «данную», but not the short participle
//!   «дан» that shares its stem ([`matching_forms`]);
//! * agreeing a replacement with the matched word: «данной» → «этой»
//!   ([`decline_like`]).
//!
//! Detection goes by the ending of a nominative form: `-ый`, `-ой`, `-ий`
//! after г, к, х, ж, ш, ч, щ or н, `-ая`, `-яя`, `-ое`, `-ее`, `-ые`, and
//! `-ие` after г, к, х, ж, ш, ч, щ, plus `-ся` for participles
//! («нижеподписавшийся»). Words ending in `-ий`, `-ие` after other letters
//! are taken for nouns («критерий», «решение»). A few pronouns («этот»,
//! «сей») have tables of their own.

/// A grammatical case; the accusative of animate masculine and plural nouns
/// is the genitive form and has a slot of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    Nom,
    Gen,
    Dat,
    Acc,
    AccAnim,
    Ins,
    Prep,
}

/// Gender or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Masc,
    Neut,
    Fem,
    Plural,
}

pub type Slot = (Case, Gender);

const CASES: [Case; 7] = [Case::Nom, Case::Gen, Case::Dat, Case::Acc, Case::AccAnim, Case::Ins, Case::Prep];
const GENDERS: [Gender; 4] = [Gender::Masc, Gender::Neut, Gender::Fem, Gender::Plural];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// новый
    Hard,
    /// простой
    HardStressed,
    /// последний
    Soft,
    /// всякий
    Velar,
    /// такой
    VelarStressed,
    /// следующий
    Hush,
    /// большой
    HushStressed,
}

/// Endings by gender (m, n, f, pl) and case (nom, gen, dat, acc, acc anim, ins, prep).
fn endings(kind: Kind) -> [[&'static str; 7]; 4] {
    use Kind::*;
    let (o_gen, o_prep, fem_gen, fem_acc, n_nom, pl) = match kind {
        Hard | HardStressed => ("ого", "ом", "ой", "ую", "ое", "ы"),
        Soft => ("его", "ем", "ей", "юю", "ее", "и"),
        Velar | VelarStressed => ("ого", "ом", "ой", "ую", "ое", "и"),
        Hush => ("его", "ем", "ей", "ую", "ее", "и"),
        HushStressed => ("ого", "ом", "ой", "ую", "ое", "и"),
    };
    let m_nom = match kind {
        Hard => "ый",
        HardStressed | VelarStressed | HushStressed => "ой",
        Soft | Velar | Hush => "ий",
    };
    let ins = if matches!(kind, Hard | HardStressed) { "ым" } else { "им" };
    let dat_m = if o_gen == "его" { "ему" } else { "ому" };
    let f_nom = if kind == Soft { "яя" } else { "ая" };
    let pl_nom: &'static str = if pl == "ы" { "ые" } else { "ие" };
    let pl_gen: &'static str = if pl == "ы" { "ых" } else { "их" };
    let pl_ins: &'static str = if pl == "ы" { "ыми" } else { "ими" };
    [
        [m_nom, o_gen, dat_m, m_nom, o_gen, ins, o_prep],
        [n_nom, o_gen, dat_m, n_nom, n_nom, ins, o_prep],
        [f_nom, fem_gen, fem_gen, fem_acc, fem_acc, fem_gen, fem_gen],
        [pl_nom, pl_gen, ins, pl_nom, pl_gen, pl_ins, pl_gen],
    ]
}

/// Pronouns that decline on their own: all forms by gender and case.
const PRONOUNS: &[(&str, [[&str; 7]; 4])] = &[
    (
        "этот",
        [
            ["этот", "этого", "этому", "этот", "этого", "этим", "этом"],
            ["это", "этого", "этому", "это", "это", "этим", "этом"],
            ["эта", "этой", "этой", "эту", "эту", "этой", "этой"],
            ["эти", "этих", "этим", "эти", "этих", "этими", "этих"],
        ],
    ),
    (
        "тот",
        [
            ["тот", "того", "тому", "тот", "того", "тем", "том"],
            ["то", "того", "тому", "то", "то", "тем", "том"],
            ["та", "той", "той", "ту", "ту", "той", "той"],
            ["те", "тех", "тем", "те", "тех", "теми", "тех"],
        ],
    ),
    (
        "сей",
        [
            ["сей", "сего", "сему", "сей", "сего", "сим", "сем"],
            ["сие", "сего", "сему", "сие", "сие", "сим", "сем"],
            ["сия", "сей", "сей", "сию", "сию", "сей", "сей"],
            ["сии", "сих", "сим", "сии", "сих", "сими", "сих"],
        ],
    ),
];

fn is_velar(c: char) -> bool {
    matches!(c, 'г' | 'к' | 'х')
}

fn is_hushing(c: char) -> bool {
    matches!(c, 'ж' | 'ш' | 'ч' | 'щ')
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

/// The stem, the possible declension kinds and whether the word is
/// reflexive («-ся»), for a nominative form; `None` for other words.
fn analyse(word: &str) -> Option<(String, Vec<Kind>, bool)> {
    use Kind::*;
    let word = word.replace('ё', "е");
    let (w, refl) = match word.strip_suffix("ся") {
        Some(w) if w.chars().count() > 4 => (w.to_string(), true),
        _ => (word.clone(), false),
    };
    let n = w.chars().count();
    if n < 4 {
        return None;
    }
    let split = w.char_indices().nth(n - 2).map(|(i, _)| i)?;
    let (stem, end) = w.split_at(split);
    if !stem.chars().any(is_vowel) {
        return None;
    }
    let last = stem.chars().next_back()?;
    let kinds = match end {
        "ый" => vec![Hard],
        "ой" if is_velar(last) => vec![VelarStressed],
        "ой" if is_hushing(last) => vec![HushStressed],
        "ой" => vec![HardStressed],
        "ий" if is_velar(last) => vec![Velar],
        "ий" if is_hushing(last) => vec![Hush],
        "ий" if last == 'н' => vec![Soft],
        "ая" | "ое" | "ые" if is_velar(last) => vec![Velar, VelarStressed],
        "ая" | "ое" if is_hushing(last) => vec![HushStressed, Hush],
        "ая" | "ое" | "ые" => vec![Hard, HardStressed],
        "ие" if is_velar(last) => vec![Velar, VelarStressed],
        "ие" if is_hushing(last) => vec![Hush, HushStressed],
        "яя" => vec![Soft],
        "ее" if is_hushing(last) => vec![Hush],
        "ее" => vec![Soft],
        _ => return None,
    };
    // A reflexive participle has no «-ой» forms («-шийся», «-щийся»).
    if refl && !matches!(end, "ий" | "ая" | "ее" | "ие" | "ое" | "ые" | "ый") {
        return None;
    }
    Some((stem.to_string(), kinds, refl))
}

/// All forms with their slots, for every possible kind of `word`.
fn table_of(word: &str) -> Option<Vec<(Slot, String)>> {
    let norm = word.replace('ё', "е");
    if let Some((_, t)) = PRONOUNS.iter().find(|(w, _)| *w == norm) {
        let mut out = Vec::new();
        for (g, row) in GENDERS.iter().zip(t.iter()) {
            for (c, form) in CASES.iter().zip(row.iter()) {
                out.push(((*c, *g), form.to_string()));
            }
        }
        return Some(out);
    }
    let (stem, kinds, refl) = analyse(&norm)?;
    let refl = if refl { "ся" } else { "" };
    let form = |parts: &[&str]| {
        let mut f = String::with_capacity(stem.len() + 12);
        f.push_str(&stem);
        parts.iter().for_each(|p| f.push_str(p));
        f.push_str(refl);
        f
    };
    let mut out = Vec::with_capacity(29 * kinds.len());
    for kind in kinds {
        for (g, row) in GENDERS.iter().zip(endings(kind).iter()) {
            for (c, end) in CASES.iter().zip(row.iter()) {
                out.push(((*c, *g), form(&[end])));
                // The instrumental feminine has a long variant: «данною».
                if *g == Gender::Fem && *c == Case::Ins {
                    let short = end.strip_suffix('й').unwrap_or(end);
                    out.push(((*c, *g), form(&[short, "ю"])));
                }
            }
        }
    }
    Some(out)
}

/// True when `word` declines as an adjective (see the module docs).
pub fn is_adjective(word: &str) -> bool {
    table_of(word).is_some()
}

/// Every case form of the adjective `word`, normalised; `None` when the
/// word is not recognised as an adjective.
pub fn matching_forms(word: &str) -> Option<Vec<String>> {
    let mut forms: Vec<String> = table_of(word)?.into_iter().map(|(_, f)| f).collect();
    forms.sort();
    forms.dedup();
    Some(forms)
}

/// The slots in which `form` is a form of the adjective `lemma`.
pub fn slots_of(lemma: &str, form: &str) -> Vec<Slot> {
    table_of(lemma)
        .map(|t| t.into_iter().filter(|(_, f)| f == form).map(|(s, _)| s).collect())
        .unwrap_or_default()
}

/// `lemma` in `slot`; `None` when its kind is ambiguous there.
pub fn decline(lemma: &str, slot: Slot) -> Option<String> {
    let t = table_of(lemma)?;
    let mut found: Option<String> = None;
    for (s, f) in t {
        // The long instrumental «-ою» is not chosen for a replacement.
        if s == slot && !(slot == (Case::Ins, Gender::Fem) && f.ends_with("ою")) {
            match &found {
                Some(x) if *x != f => return None,
                _ => found = Some(f),
            }
        }
    }
    found
}

/// Puts `target` in the form that the text word `form` has as a form of
/// `lemma`: («данный», «данной», «этот») → «этой». `None` when `form` is not
/// a form of `lemma` or its slots give different results.
pub fn decline_like(lemma: &str, form: &str, target: &str) -> Option<String> {
    let form = form.replace('ё', "е");
    let mut result: Option<String> = None;
    let slots = slots_of(lemma, &form);
    // «данною» (long instrumental) is answered with the usual «этой».
    for slot in slots {
        let t = decline(target, slot)?;
        match &result {
            Some(r) if *r != t => return None,
            _ => result = Some(t),
        }
    }
    // Give back the «ё» of the target's stem: «приведённый» → «приведённых».
    result.map(|r| {
        let mut out = String::with_capacity(r.len());
        let mut orig = target.chars();
        for c in r.chars() {
            match orig.next() {
                Some('ё') if c == 'е' => out.push('ё'),
                Some('Ё') if c == 'Е' => out.push('Ё'),
                _ => out.push(c),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lemma: &str, forms: &[&str]) {
        let all = matching_forms(lemma).unwrap_or_else(|| panic!("{lemma} is an adjective"));
        for f in forms {
            assert!(all.contains(&f.to_string()), "{f} is a form of {lemma}: {all:?}");
        }
    }

    #[test]
    fn recognises_adjectives_not_nouns() {
        has(
            "данный",
            &["данный", "данного", "данной", "данную", "данным", "данными", "данных", "данное", "данною"],
        );
        has(
            "соответствующий",
            &["соответствующего", "соответствующая", "соответствующую", "соответствующие"],
        );
        has("таковой", &["таковой", "таковая", "таковых", "таковым"]);
        has("последний", &["последнего", "последнюю", "последние"]);
        has("нижеподписавшийся", &["нижеподписавшегося", "нижеподписавшаяся", "нижеподписавшиеся"]);
        has("необходимые", &["необходимый", "необходимых", "необходимую"]);
        has("сей", &["сего", "сию", "сии", "сих"]);
        for noun in ["критерий", "решение", "проверку", "дан", "указано", "мой", "сценарий"]
        {
            assert!(!is_adjective(noun), "{noun}");
        }
        assert!(!matching_forms("данный").unwrap().contains(&"дан".to_string()));
    }

    #[test]
    fn agrees_a_replacement() {
        assert_eq!(decline_like("данный", "данной", "этот").as_deref(), Some("этой"));
        assert_eq!(decline_like("данный", "данную", "этот").as_deref(), Some("эту"));
        assert_eq!(decline_like("данный", "данного", "этот").as_deref(), Some("этого"));
        assert_eq!(decline_like("данный", "данным", "этот").as_deref(), Some("этим"));
        assert_eq!(decline_like("данный", "данное", "этот").as_deref(), Some("это"));
        assert_eq!(decline_like("данный", "данною", "этот").as_deref(), Some("этой"));
        assert_eq!(decline_like("таковой", "таковых", "такой").as_deref(), Some("таких"));
        assert_eq!(
            decline_like("вышеизложенный", "вышеизложенного", "изложенный").as_deref(),
            Some("изложенного")
        );
        assert_eq!(decline_like("близлежащий", "близлежащих", "соседний").as_deref(), Some("соседних"));
        assert_eq!(decline_like("надлежащий", "надлежащем", "хороший").as_deref(), Some("хорошем"));
        assert_eq!(decline_like("данный", "дан", "этот"), None);
        assert_eq!(
            decline_like("вышеприведенный", "вышеприведенных", "приведённый").as_deref(),
            Some("приведённых")
        );
    }

    #[test]
    fn stress_decides_after_hushing_consonants() {
        assert_eq!(decline("хороший", (Case::Gen, Gender::Masc)).as_deref(), Some("хорошего"));
        assert_eq!(decline("большой", (Case::Gen, Gender::Masc)).as_deref(), Some("большого"));
        assert_eq!(decline("большой", (Case::Nom, Gender::Neut)).as_deref(), Some("большое"));
        assert_eq!(decline("такой", (Case::Nom, Gender::Masc)).as_deref(), Some("такой"));
        assert_eq!(decline("всякий", (Case::Gen, Gender::Masc)).as_deref(), Some("всякого"));
        // From a feminine form the masculine nominative is unknown: «-ый» or «-ой».
        assert_eq!(decline("новая", (Case::Nom, Gender::Masc)), None);
        assert_eq!(decline("новая", (Case::Gen, Gender::Fem)).as_deref(), Some("новой"));
    }
}
