//! Putting a replacement verb into the grammatical form of a light verb:
//! «осуществляет проверку» → «проверяет», «осуществили выплату» → «выплатили».

/// A verb form that can be recognised from its ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Infinitive,
    PastMasc,
    PastFem,
    PastNeut,
    PastPlural,
    /// Present (or perfective future) tense.
    Pres1Sg,
    Pres2Sg,
    Pres3Sg,
    Pres1Pl,
    Pres2Pl,
    Pres3Pl,
}

/// Recognises the form of a (normalised) verb from its ending. Reflexive
/// forms and imperatives are not recognised.
pub fn form_of(verb: &str) -> Option<VerbForm> {
    use VerbForm::*;
    if verb.ends_with("ся") || verb.ends_with("сь") {
        return None;
    }
    let table: &[(&str, VerbForm)] = &[
        ("ть", Infinitive),
        ("ти", Infinitive),
        ("чь", Infinitive),
        ("ла", PastFem),
        ("ло", PastNeut),
        ("ли", PastPlural),
        ("л", PastMasc),
        ("ешь", Pres2Sg),
        ("ишь", Pres2Sg),
        ("ете", Pres2Pl),
        ("ите", Pres2Pl),
        ("ет", Pres3Sg),
        ("ит", Pres3Sg),
        ("ют", Pres3Pl),
        ("ут", Pres3Pl),
        ("ят", Pres3Pl),
        ("ат", Pres3Pl),
        ("ем", Pres1Pl),
        ("им", Pres1Pl),
        ("ю", Pres1Sg),
        ("у", Pres1Sg),
    ];
    table.iter().find(|(end, _)| verb.ends_with(end)).map(|&(_, f)| f)
}

/// Puts the infinitive `inf` into `form`. Returns `None` where the form
/// cannot be built reliably by rule (an `-еть` verb's present tense, a
/// first-person singular with a consonant change, and the like).
pub fn inflect(inf: &str, form: VerbForm) -> Option<String> {
    use VerbForm::*;
    if form == Infinitive {
        return Some(inf.to_string());
    }
    let base = inf.strip_suffix("ть")?;
    match form {
        PastMasc => return Some(format!("{base}л")),
        PastFem => return Some(format!("{base}ла")),
        PastNeut => return Some(format!("{base}ло")),
        PastPlural => return Some(format!("{base}ли")),
        _ => {}
    }
    let present = |stem: &str, e: &str, plural3: &str| -> Option<String> {
        Some(match form {
            Pres1Sg => format!("{stem}{}", if e == "е" { "ю" } else { return None }),
            Pres2Sg => format!("{stem}{e}шь"),
            Pres3Sg => format!("{stem}{e}т"),
            Pres1Pl => format!("{stem}{e}м"),
            Pres2Pl => format!("{stem}{e}те"),
            Pres3Pl => format!("{stem}{plural3}"),
            _ => return None,
        })
    };
    if let Some(stem) = inf.strip_suffix("овать") {
        return present(&format!("{stem}у"), "е", "ют");
    }
    if let Some(stem) = inf.strip_suffix("евать") {
        return present(&format!("{stem}ю"), "е", "ют");
    }
    if inf.ends_with("ать") || inf.ends_with("ять") {
        return present(base, "е", "ют");
    }
    if let Some(stem) = inf.strip_suffix("ить") {
        let hush = stem.ends_with(['ж', 'ш', 'ч', 'щ']);
        return present(stem, "и", if hush { "ат" } else { "ят" });
    }
    None
}

/// Puts `inf` into the form of `light` (a normalised light verb).
pub fn conjugate_like(light: &str, inf: &str) -> Option<String> {
    inflect(inf, form_of(light)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_light_verb() {
        assert_eq!(conjugate_like("осуществлять", "проверять").as_deref(), Some("проверять"));
        assert_eq!(conjugate_like("осуществляет", "проверять").as_deref(), Some("проверяет"));
        assert_eq!(conjugate_like("осуществляют", "проверять").as_deref(), Some("проверяют"));
        assert_eq!(conjugate_like("осуществила", "выплатить").as_deref(), Some("выплатила"));
        assert_eq!(conjugate_like("принимают", "участвовать").as_deref(), Some("участвуют"));
        assert_eq!(conjugate_like("производит", "платить").as_deref(), Some("платит"));
        assert_eq!(conjugate_like("осуществят", "выплатить").as_deref(), Some("выплатят"));
        assert_eq!(conjugate_like("оказывали", "помогать").as_deref(), Some("помогали"));
    }

    #[test]
    fn refuses_what_it_cannot_build() {
        assert_eq!(conjugate_like("осуществляется", "проверять"), None);
        assert_eq!(conjugate_like("осуществлю", "выплатить"), None);
        assert_eq!(conjugate_like("проводит", "смотреть"), None);
    }
}
