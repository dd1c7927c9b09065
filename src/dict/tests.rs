//! Matching: inflection, normalisation, boundaries, overlaps, run-time dictionaries.

use super::*;
use crate::text::Text;
use crate::{apply_edits, Checker, Config, ExtraDictionary};

const TEST_DICT: &str = r#"
rule = "YS104"

[[entry]]
phrase = "осуществлять"
forms = ["осуществление", "осуществить"]
suggestions = ["делать", "проводить"]
explanation = "Канцелярское слово."
examples = [{ bad = "Мы осуществляем приём.", good = "Мы ведём приём." }]

[[entry]]
phrase = "данный"
suggestions = ["этот"]
fix = true
explanation = "Канцелярское слово."
examples = [{ bad = "Данный документ готов.", good = "Этот документ готов." }]

[[entry]]
phrase = "наименование"
suggestions = ["название"]
fix = true
explanation = "Канцелярское слово."
examples = [{ bad = "Укажите наименование.", good = "Укажите название." }]

[[entry]]
phrase = "имеется"
match = "exact"
forms = ["имеются"]
suggestions = ["есть"]
fix = true
explanation = "Канцелярское слово."
examples = [{ bad = "В доме имеется лифт.", good = "В доме есть лифт." }]

[[entry]]
phrase = "функционировать"
suggestions = ["работать"]
fix = true
explanation = "Канцелярское слово."
examples = [{ bad = "Лифт будет функционировать.", good = "Лифт будет работать." }]

[[entry]]
phrase = "в установленном порядке"
match = "exact"
suggestions = ["назовите порядок"]
explanation = "Размытая ссылка."
examples = [{ bad = "Обжалуйте в установленном порядке.", good = "Обжалуйте в суде." }]

[[entry]]
phrase = "по истечении срока"
suggestions = ["после"]
explanation = "Громоздко."
examples = [{ bad = "По истечении срока заявление вернут.", good = "После этого заявление вернут." }]
"#;

const TEST_PREDICATES: &str = r#"
rule = "YS103"
kind = "predicate"

[[entry]]
phrase = "осуществлять проверку"
verb = "проверять"
suggestions = ["проверять"]
explanation = "Пустой глагол."
examples = [{ bad = "Инспекция осуществляет проверку.", good = "Инспекция проверяет." }]

[[entry]]
phrase = "провести проверку"
verb = "проверить"
suggestions = ["проверить"]
explanation = "Пустой глагол."
examples = [{ bad = "Инспекция провела проверку.", good = "Инспекция проверила." }]

[[entry]]
phrase = "принимать участие"
verb = "участвовать"
free_after = ["в"]
suggestions = ["участвовать"]
explanation = "Пустой глагол."
examples = [{ bad = "Жители принимают участие в опросе.", good = "Жители участвуют в опросе." }]

[[entry]]
phrase = "иметь возможность"
verb = "мочь"
free_after = ["<инфинитив>"]
suggestions = ["мочь"]
explanation = "Пустой глагол."
examples = [{ bad = "Вы имеете возможность обратиться.", good = "Вы можете обратиться." }]
"#;

fn lexicon() -> Lexicon {
    let mut lx = Lexicon::default();
    lx.add("test.toml", DictFile::parse(TEST_DICT).unwrap()).unwrap();
    lx.add("predicates.toml", DictFile::parse(TEST_PREDICATES).unwrap()).unwrap();
    lx.build();
    lx
}

/// The matched text and entry phrase of every match.
fn found(lx: &Lexicon, src: &str) -> Vec<(String, String)> {
    let t = Text::new(src);
    lx.find(&t)
        .into_iter()
        .map(|m| (src[m.start..m.end].to_string(), lx.entries[m.entry].entry.phrase.clone()))
        .collect()
}

fn texts(lx: &Lexicon, src: &str) -> Vec<String> {
    found(lx, src).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn inflected_verb_forms_and_the_verbal_noun() {
    let lx = lexicon();
    for (src, want) in [
        ("Приём осуществляется по записи.", "осуществляется"),
        ("Они осуществляли приём.", "осуществляли"),
        ("Осуществляя приём, мы проверяем паспорт.", "Осуществляя"),
        ("При осуществлении приёма нужен паспорт.", "осуществлении"),
        ("Осуществление приёма прекращено.", "Осуществление"),
        ("Мы осуществим приём завтра.", "осуществим"),
        ("Выплата будет осуществлена в мае.", "осуществлена"),
    ] {
        assert_eq!(texts(&lx, src), [want], "{src}");
    }
}

#[test]
fn adjective_forms_only() {
    let lx = lexicon();
    assert_eq!(texts(&lx, "В данном случае и в данной ситуации"), ["данном", "данной"]);
    // The short participle of «дать» shares the stem «дан», but is not a form of «данный».
    assert!(texts(&lx, "Ответ дан в срок, разъяснения даны.").is_empty());
}

#[test]
fn yo_case_and_soft_hyphen() {
    let lx = lexicon();
    assert_eq!(texts(&lx, "ОСУЩЕСТВЛЯЕТСЯ ПРИЁМ"), ["ОСУЩЕСТВЛЯЕТСЯ"]);
    assert_eq!(texts(&lx, "осу\u{AD}ществляется приём"), ["осу\u{AD}ществляется"]);
    assert_eq!(texts(&lx, "Инспекция провела проверку."), ["провела проверку"]);
    // ё in the text, е in the dictionary, and the other way round.
    assert_eq!(texts(&lx, "Инспекция проведёт проверку."), ["проведёт проверку"]);
    assert_eq!(texts(&lx, "Инспекция проведет проверку."), ["проведет проверку"]);
}

#[test]
fn multi_word_phrases_across_a_line_break_but_not_across_sentences() {
    let lx = lexicon();
    assert_eq!(
        texts(&lx, "Решение можно обжаловать в установленном\nпорядке."),
        ["в установленном\nпорядке"]
    );
    assert_eq!(texts(&lx, "Инспекция осуществляет\r\nпроверку."), ["осуществляет\r\nпроверку"]);
    // Sentence punctuation breaks a phrase.
    assert!(texts(&lx, "Решение принято в установленном. Порядке нет.").is_empty());
    assert_eq!(texts(&lx, "Мы осуществляем. Проверку закончили."), ["осуществляем"]);
    assert_eq!(texts(&lx, "Мы осуществляем, проверку закончили."), ["осуществляем"]);
    // A blank line between paragraphs, too.
    assert!(texts(&lx, "Срок подачи\n\nпо истечении\n\nсрока").is_empty());
}

#[test]
fn placeholders_are_opaque() {
    let lx = lexicon();
    assert!(texts(&lx, "Обжалуйте в {{ порядок }} порядке.").is_empty());
    assert!(texts(&lx, "Уважаемый {{ данный }}!").is_empty());
    assert!(texts(&lx, "Документ: [ДАННЫЙ ДОКУМЕНТ], дата __________.").is_empty());
    let checker = Checker::new(Config::default()).unwrap();
    let report = checker.check("Инспекция {{ осуществляет проверку }} ежегодно.");
    assert!(report.findings.iter().all(|f| f.rule != "YS103"), "{:?}", report.findings);
}

#[test]
fn longer_match_wins_and_direct_beats_reversed() {
    let lx = lexicon();
    // «осуществлять» (one word) loses to «осуществлять проверку» (two).
    assert_eq!(
        found(&lx, "Инспекция осуществляет проверку."),
        [("осуществляет проверку".into(), "осуществлять проверку".into())]
    );
    // «проверки осуществляется» (reversed) and «осуществляется выплата»: the
    // direct reading of the same length wins; here only the reversed one exists.
    let f = found(&lx, "Проверка осуществляется ежегодно.");
    assert_eq!(f, [("Проверка осуществляется".into(), "осуществлять проверку".into())]);
    // A gap match counts two words: it beats the one-word entry, but a
    // direct two-word match over the same words beats it.
    let f = found(&lx, "Инспекция осуществляет плановую проверку.");
    assert_eq!(f, [("осуществляет плановую проверку".into(), "осуществлять проверку".into())]);
    let vague = r#"
rule = "YS303"
[[entry]]
phrase = "плановая проверка"
suggestions = ["назовите дату"]
explanation = "Когда?"
examples = [{ bad = "Будет плановая проверка.", good = "Проверка будет 1 мая." }]
"#;
    let mut lx2 = lexicon();
    lx2.add("vague.toml", DictFile::parse(vague).unwrap()).unwrap();
    lx2.build();
    let f = found(&lx2, "Инспекция осуществляет плановую проверку.");
    assert_eq!(
        f,
        [
            ("осуществляет".into(), "осуществлять".into()),
            ("плановую проверку".into(), "плановая проверка".into())
        ]
    );
}

#[test]
fn reversed_order_needs_a_subject_or_object_form() {
    let lx = lexicon();
    assert_eq!(texts(&lx, "Проверку проведёт инспекция."), ["Проверку проведёт"]);
    assert_eq!(texts(&lx, "Проверки осуществляются ежегодно."), ["Проверки осуществляются"]);
    assert_eq!(texts(&lx, "Проверка проведена."), ["Проверка проведена"]);
    // Instrumental «проверкой» is not the subject of «осуществляется».
    assert_eq!(texts(&lx, "За проверкой осуществляется контроль."), ["осуществляется"]);
}

#[test]
fn aspect_is_kept_apart() {
    let lx = lexicon();
    // «провести проверку» is perfective: «проводит проверку» is another verb.
    assert!(found(&lx, "Инспекция проводит проверку.").is_empty());
    assert_eq!(texts(&lx, "Инспекция проведёт проверку."), ["проведёт проверку"]);
}

fn checker_with(src: &str) -> Checker {
    let config = Config {
        no_builtin_dictionaries: true,
        dictionaries: vec![ExtraDictionary { name: "test.toml".into(), source: src.into() }],
        ..Config::default()
    };
    Checker::new(config).unwrap()
}

fn fixed(checker: &Checker, rule: &str, src: &str) -> Vec<String> {
    checker
        .check(src)
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| if f.edits.is_empty() { "—".to_string() } else { apply_edits(src, &f.edits) })
        .collect()
}

#[test]
fn verb_edits_follow_the_form_and_stop_where_grammar_would_break() {
    let c = checker_with(TEST_PREDICATES);
    let cases = [
        ("Инспекция осуществляет проверку.", "Инспекция проверяет."),
        ("Инспекторы осуществляли проверку ежегодно.", "Инспекторы проверяли ежегодно."),
        ("Инспекция провела проверку в марте.", "Инспекция проверила в марте."),
        ("Инспекция проведёт проверку до 1 мая.", "Инспекция проверит до 1 мая."),
        ("Жители принимают участие в опросе.", "Жители участвуют в опросе."),
        ("Вы имеете возможность обратиться в суд.", "Вы можете обратиться в суд."),
        ("Он имел возможность подать жалобу.", "Он мог подать жалобу."),
        ("Инспекция проведёт проверку, если придёт жалоба.", "Инспекция проверит, если придёт жалоба."),
        // No edit: a genitive, a coordinated noun, a relative clause, a
        // passive, an adjective in between, a preposition the verb does not take.
        ("Инспекция осуществляет проверку документов.", "—"),
        ("Инспекция осуществляет проверку и оценку.", "—"),
        ("Инспекция провела проверку, которая длилась месяц.", "—"),
        ("Проверка осуществляется ежегодно.", "—"),
        ("Инспекция провела внеплановую проверку.", "—"),
        ("Инспекция осуществляет проверку в отношении фирмы.", "—"),
        ("Вы имеете возможность для обжалования.", "—"),
        ("Проверку проведёт инспекция.", "—"),
    ];
    for (src, want) in cases {
        assert_eq!(fixed(&c, "YS103", src), [want], "{src}");
    }
}

#[test]
fn adjective_fix_agrees_with_the_matched_word() {
    let c = checker_with(TEST_DICT);
    assert_eq!(fixed(&c, "YS104", "Данная информация верна."), ["Эта информация верна."]);
    assert_eq!(fixed(&c, "YS104", "В данном случае можно."), ["В этом случае можно."]);
    assert_eq!(fixed(&c, "YS104", "Прочтите данную памятку."), ["Прочтите эту памятку."]);
    // The preposition before the word changes with it.
    assert_eq!(fixed(&c, "YS104", "Сообщаем о данном решении."), ["Сообщаем об этом решении."]);
    assert_eq!(fixed(&c, "YS104", "О данном решении сообщим."), ["Об этом решении сообщим."]);
    // Forms listed for an exact entry are declined too, not replaced as written.
    let exact = TEST_DICT.replace(
        "phrase = \"данный\"",
        "phrase = \"данный\"\nmatch = \"exact\"\nforms = [\"данной\", \"данную\"]",
    );
    let c = checker_with(&exact);
    assert_eq!(fixed(&c, "YS104", "Данная информация верна."), Vec::<String>::new());
    assert_eq!(fixed(&c, "YS104", "Прочтите данную памятку."), ["Прочтите эту памятку."]);
}

#[test]
fn fix_replaces_listed_forms_and_inflects_only_what_it_can() {
    let c = checker_with(TEST_DICT);
    // Listed forms are replaced as written.
    assert_eq!(fixed(&c, "YS104", "В доме имеются лифты."), ["В доме есть лифты."]);
    // A noun whose replacement ends alike takes the matched ending.
    assert_eq!(fixed(&c, "YS104", "В наименовании ошибка."), ["В названии ошибка."]);
    assert_eq!(fixed(&c, "YS104", "Список наименований утверждён."), ["Список названий утверждён."]);
    // «функционирует» is not «функционировать»: «работать» would be wrong here.
    assert_eq!(fixed(&c, "YS104", "Лифт функционирует."), ["—"]);
    assert_eq!(fixed(&c, "YS104", "Лифт будет функционировать."), ["Лифт будет работать."]);
}

#[test]
fn organisation_dictionary_at_run_time() {
    let org = r#"
rule = "YS190"
[[entry]]
phrase = "отработать"
forms = ["отрабатывать"]
suggestions = ["рассмотреть", "выполнить"]
explanation = "Внутренний жаргон: читатель не знает, что значит «отработать»."
examples = [{ bad = "Заявку отработают за неделю.", good = "Заявку рассмотрят за неделю." }]

[[entry]]
phrase = "данный"
suggestions = ["этот"]
explanation = "В нашем ведомстве пишем «этот»."
examples = [{ bad = "Данный ответ подготовлен.", good = "Этот ответ подготовлен." }]
"#;
    let config = Config {
        dictionaries: vec![ExtraDictionary { name: "org.toml".into(), source: org.into() }],
        ..Config::default()
    };
    let checker = Checker::new(config).unwrap();
    let report = checker.check(
        "Ваша заявка будет отработана в течение недели. Заявки отрабатываются по очереди. Данный ответ окончательный.",
    );
    let hits: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "YS190" || f.rule == "YS104")
        .map(|f| (f.rule.as_str(), f.text.as_str()))
        .collect();
    // The organisation's «данный» overrides the built-in entry of YS104.
    assert_eq!(hits, [("YS190", "отработана"), ("YS190", "отрабатываются"), ("YS190", "Данный")]);
    // A broken organisation dictionary is refused with its name.
    let bad = Config {
        dictionaries: vec![ExtraDictionary {
            name: "org.toml".into(),
            source: "rule = \"YS190\"\n[[entry]]\nphrase = \"x\"".into(),
        }],
        ..Config::default()
    };
    let err = Checker::new(bad).err().expect("refused").to_string();
    assert!(err.contains("org.toml"), "{err}");
}

#[test]
fn every_predicate_verb_follows_its_light_verb_in_the_main_forms() {
    use crate::morph::conjugate::{conjugate_like, inflect, VerbForm::*};
    let mut missing = Vec::new();
    for (name, src) in BUILTIN {
        let file = DictFile::parse(src).unwrap();
        if file.kind != DictKind::Predicate {
            continue;
        }
        for e in &file.entries {
            let Some(verb) = &e.verb else { continue };
            let light = e.phrase.split_whitespace().next().unwrap();
            for form in [Infinitive, Pres3Sg, Pres3Pl, PastMasc, PastFem, PastNeut, PastPlural] {
                // «будет иметь возможность» has no «будет мочь».
                if verb == "мочь" && form == Infinitive {
                    continue;
                }
                let Some(lf) = inflect(light, form) else {
                    missing.push(format!("{name}: «{light}» has no {form:?}"));
                    continue;
                };
                let lf = lf.replace('ё', "е");
                if conjugate_like(light, &lf, verb).is_none() {
                    missing.push(format!("{name}: «{}» → «{verb}»: no {form:?} for «{lf}»", e.phrase));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn compact_builtin_form_is_the_toml_without_examples() {
    assert_eq!(super::BUILTIN.len(), super::BUILTIN_COMPACT.len());
    for ((name, toml), (compact_name, json)) in super::BUILTIN.iter().zip(super::BUILTIN_COMPACT) {
        assert_eq!(name, compact_name);
        let mut expected = DictFile::parse(toml).unwrap();
        for e in &mut expected.entries {
            assert!(!e.examples.is_empty());
            e.examples.clear();
        }
        let compact: DictFile = serde_json::from_str(json).expect("compact form is JSON");
        assert_eq!(format!("{compact:?}"), format!("{expected:?}"), "{name}");
    }
}

/// The JSON that the WebAssembly checker reads custom dictionaries in
/// (`DictFile::to_json`, the npm package's `parseDictionary`) is the same
/// dictionary as its TOML, examples included, and is validated the same way.
#[test]
fn json_form_reads_back_as_the_toml_dictionary() {
    for (name, toml) in super::BUILTIN {
        let file = DictFile::parse(toml).unwrap();
        let json = file.to_json();
        assert!(json.starts_with('{'), "{name}");
        let back = DictFile::parse(&format!("\n  {json}")).unwrap();
        assert_eq!(format!("{back:?}"), format!("{file:?}"), "{name}");
        assert!(back.entries.iter().all(|e| !e.examples.is_empty()), "{name}");
    }
    let no_example = r#"{"rule": "YS190", "entry": [{"phrase": "карточка контроля", "suggestions": ["поручение"], "explanation": "Внутренний термин."}]}"#;
    let err = DictFile::parse(no_example).unwrap_err();
    assert_eq!(err, "entry 1 («карточка контроля»): needs at least one example");
    let typo = r#"{"rule": "YS190", "entry": [{"phrase": "x", "sugestions": ["y"], "explanation": "z"}]}"#;
    assert!(DictFile::parse(typo).unwrap_err().contains("unknown field `sugestions`"));
}

/// Phrases are tokenised together (one stem cache for all); each must get
/// exactly the tokens it gets alone.
#[test]
fn phrases_tokenised_together_get_their_own_tokens() {
    let mut phrases: Vec<String> = Vec::new();
    for (_, toml) in super::BUILTIN {
        for e in DictFile::parse(toml).unwrap().entries {
            phrases.push(e.phrase);
            phrases.extend(e.forms);
        }
    }
    let tricky = [
        "из-за",
        "в т.ч.",
        "порядке.Заявление",
        "{{ client",
        "name }} уважаемый",
        "«",
        "_",
        "__ __",
        "сумма ${x} руб.",
        "в связи с\nэтим",
        "",
        " ",
        "-",
        "- при",
        "заме\u{301}на",
        "осу\u{AD}ществление",
        "\u{301}ударение",
        "[ФИО",
        "] дата",
        "210-ФЗ",
        "ст. 5",
        // Phrases of plain words, which skip the tokenizer.
        "ёлка в связи с",
        "в  связи",
        "в связи ",
        "Уважаемый гражданин",
        "по причине",
        "не",
        "в связи с тем, что",
        "учитывая,",
        "в целях,,",
        ", что",
        "что ,",
    ];
    phrases.extend(tricky.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
    let together = super::matcher::phrase_tokens(&refs);
    assert_eq!(together.len(), phrases.len());
    let key = |t: &crate::text::Token| (t.start, t.end, t.kind, t.norm.to_string(), t.stem.to_string());
    for (p, got) in phrases.iter().zip(&together) {
        let alone: Vec<_> = crate::text::tokens(p).iter().map(key).collect();
        let got: Vec<_> = got.iter().map(key).collect();
        assert_eq!(got, alone, "«{p}»");
    }
}

#[test]
fn token_ids_encode_in_order_with_lead_bytes_only_first() {
    for width in [2, 3] {
        let ids = [0u32, 1, 2, 127, 128, 129, 1000, 16383, (1 << (7 * width)) - 1];
        let ids = &ids[..if width == 2 { 8 } else { 9 }];
        let mut prev: Vec<u8> = Vec::new();
        for &id in ids {
            let mut b = Vec::new();
            super::matcher::encode(id, width, &mut b);
            assert_eq!(b.len(), width);
            assert!(b[0] < 0x80 && b[1..].iter().all(|&x| x >= 0x80), "{id}: {b:?}");
            assert!(prev < b, "{id}: {prev:?} !< {b:?}");
            prev = b;
        }
    }
}

/// build.rs computes the keys of the built-in words with its own copy of
/// the stemmer call: they must be what the compiler would compute.
#[test]
fn builtin_keys_are_what_the_compiler_computes() {
    use crate::morph::{adjective, conjugate, stem};
    let stems_of = |forms: Vec<String>| {
        let mut keys: Vec<String> = forms.iter().map(|f| stem(f)).collect();
        keys.sort();
        keys.dedup();
        keys
    };
    let mut kinds = std::collections::BTreeMap::new();
    for line in super::BUILTIN_KEYS.lines() {
        let mut cols = line.split('\t');
        let (w, kind) = (cols.next().unwrap(), cols.next().unwrap().chars().next().unwrap());
        let computed = match kind {
            'v' => stems_of(conjugate::matching_forms(w).expect("a verb")),
            'a' => {
                assert!(conjugate::matching_forms(w).is_none());
                stems_of(adjective::matching_forms(w).expect("an adjective"))
            }
            'n' => {
                assert!(conjugate::matching_forms(w).is_none() && adjective::matching_forms(w).is_none());
                super::noun_keys::noun_keys(w, stem(w), stem)[1..].to_vec()
            }
            _ => panic!("kind {kind}"),
        };
        let listed: Vec<String> = super::builtin_keys(w, kind).expect("listed").map(String::from).collect();
        assert_eq!(listed, computed, "«{w}»");
        assert_eq!(super::builtin_stem(w).as_deref(), Some(stem(w).as_str()), "«{w}»");
        assert!(super::builtin_keys(w, 'x').is_none());
        assert_eq!(super::builtin_kind(w), Some(kind));
        *kinds.entry(kind).or_insert(0) += 1;
    }
    // Nouns, verbs and adjectives of the built-in phrases.
    assert!(kinds.values().all(|&n| n > 100), "{kinds:?}");
    let keys = |w: &str, kind| super::builtin_keys(w, kind).map(|k| k.map(String::from).collect::<Vec<_>>());
    assert_eq!(keys("органов", 'n'), Some(vec!["орга".to_string()]), "«органы» has the stem «орга»");
    assert_eq!(keys("проверку", 'n'), Some(vec![]));
    assert_eq!(keys("осуществлять", 'n'), None, "a verb is matched by its forms");
    assert!(keys("проводить", 'v').unwrap().contains(&"провож".to_string()), "«провожу»");
}

/// The sorted-pattern walk finds what an Aho–Corasick automaton over the
/// same patterns finds, in the same order: on the examples of every
/// built-in entry, on tricky text and on the corpus (`YASNO_CORPUS`).
#[test]
fn pattern_walk_matches_like_an_automaton() {
    let lexicon = super::compile_uncached(true, &[], &|_| true).unwrap();
    let mut texts: Vec<String> = vec![
        "Осуществление проверки осуществляется; проверка проводится, провести плановую проверку.".into(),
        "в связи с в связи с тем, что по причине по причине".into(),
        String::new(),
    ];
    for (_, toml) in super::BUILTIN {
        for e in DictFile::parse(toml).unwrap().entries {
            texts.extend(e.examples.into_iter().map(|x| x.bad));
        }
    }
    texts.extend(crate::testcorpus::documents());
    let mut found = 0;
    for t in &texts {
        let ids = lexicon.token_ids(&crate::text::Text::new(t));
        let walk = lexicon.pattern_matches(&ids);
        assert_eq!(walk, lexicon.automaton_matches(&ids), "«{}»", t.chars().take(80).collect::<String>());
        found += walk.len();
    }
    assert!(found > 1000, "{found}");
}
