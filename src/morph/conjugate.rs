//! Conjugating Russian verbs, for two jobs:
//!
//! * putting a replacement verb into the grammatical form of a light verb
//!   («осуществляет проверку» → «проверяет», «произвели оплату» →
//!   «заплатили»): [`conjugate_like`];
//! * listing every form of a dictionary verb so that «осуществлять» also
//!   finds «осуществляется», «осуществлю», «осуществлена»: [`matching_forms`].
//!
//! Regular classes are built by rule: `-ать`/`-ять` (first conjugation),
//! `-овать`/`-евать`, `-авать` (`давать`, `вставать`, `признавать`), `-ить`
//! (second conjugation), `-нуть`. Everything else — `-еть`, `-ти`, `-чь`,
//! stem changes like «писать → пишет», «принять → примет» — comes from the
//! [`TABLE`] of irregular verbs, which also covers their prefixed
//! derivatives («провести», «произвести», «указать», «рассмотреть»).
//!
//! The rule is: better no form than a wrong one. Forms that depend on stress
//! or on an unpredictable consonant change are refused unless the table
//! gives them: the first person singular of `-ить` verbs in `т`/`д`
//! («платить → плачу», «возвратить → возвращу»), the imperative of most
//! `-ить` verbs («проверь» but «оплати»), any `-еть`, `-ти`, `-чь` verb that
//! is not in the table.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A verb form (person, number, tense, mood) without regard to reflexivity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    Infinitive,
    /// Present tense of imperfective verbs, future of perfective ones.
    Pres1Sg,
    Pres2Sg,
    Pres3Sg,
    Pres1Pl,
    Pres2Pl,
    Pres3Pl,
    PastMasc,
    PastFem,
    PastNeut,
    PastPlural,
    ImperSg,
    ImperPl,
    /// «проверяя», «проводя».
    GerundPresent,
    /// «проверив», «проведя» (perfective).
    GerundPast,
}

impl VerbForm {
    /// Every form, in a fixed order.
    pub const ALL: [VerbForm; 15] = [
        VerbForm::Infinitive,
        VerbForm::Pres1Sg,
        VerbForm::Pres2Sg,
        VerbForm::Pres3Sg,
        VerbForm::Pres1Pl,
        VerbForm::Pres2Pl,
        VerbForm::Pres3Pl,
        VerbForm::PastMasc,
        VerbForm::PastFem,
        VerbForm::PastNeut,
        VerbForm::PastPlural,
        VerbForm::ImperSg,
        VerbForm::ImperPl,
        VerbForm::GerundPresent,
        VerbForm::GerundPast,
    ];
}

/// Irregular verbs and roots. Format of a line:
///
/// `[*|+]infinitive: present | past | imperative | gerund | participle`
///
/// * present: 1sg 3sg 3pl (the other persons follow from 3sg), or all six;
/// * past: masculine and feminine (neuter and plural follow from feminine);
/// * imperative singular; gerund (present for imperfective verbs, the
///   `-я` gerund of `-ти` verbs); short passive participle, masculine;
/// * `-` marks a form the verb lacks or that is not given (then the rule
///   for the class is not tried either, except for the `-в` gerund);
/// * `*` — the line also covers the verb with prefixes («вести» →
///   «провести», «произвести»); `+` — the same, and a prefix ending in a
///   consonant takes `о` in the present («разбить» → «разобьёт»).
///
/// With the prefix `вы-` the stress moves onto it, so `ё` becomes `е`
/// («вынести» → «вынесет», «вынес»).
pub const TABLE: &[&str] = &[
    // -ти
    "*вести: веду ведёт ведут | вёл вела | веди | ведя | ведён",
    "*нести: несу несёт несут | нёс несла | неси | неся | несён",
    "*везти: везу везёт везут | вёз везла | вези | везя | везён",
    "*расти: расту растёт растут | рос росла | расти | - | -",
    "учесть: учту учтёт учтут | учёл учла | учти | учтя | учтён",
    "прочесть: прочту прочтёт прочтут | прочёл прочла | прочти | прочтя | прочтён",
    "соблюсти: соблюду соблюдёт соблюдут | соблюл соблюла | соблюди | соблюдя | соблюдён",
    "*идти: иду идёт идут | шёл шла | иди | идя | -",
    "прийти: приду придёт придут | пришёл пришла | приди | придя | -",
    "найти: найду найдёт найдут | нашёл нашла | найди | найдя | найден",
    "пойти: пойду пойдёт пойдут | пошёл пошла | пойди | - | -",
    "выйти: выйду выйдет выйдут | вышел вышла | выйди | выйдя | -",
    "войти: войду войдёт войдут | вошёл вошла | войди | войдя | -",
    "перейти: перейду перейдёт перейдут | перешёл перешла | перейди | перейдя | -",
    "обойти: обойду обойдёт обойдут | обошёл обошла | обойди | обойдя | обойдён",
    "пройти: пройду пройдёт пройдут | прошёл прошла | пройди | пройдя | пройден",
    "подойти: подойду подойдёт подойдут | подошёл подошла | подойди | подойдя | -",
    "произойти: произойду произойдёт произойдут | произошёл произошла | - | произойдя | -",
    "уйти: уйду уйдёт уйдут | ушёл ушла | уйди | уйдя | -",
    "зайти: зайду зайдёт зайдут | зашёл зашла | зайди | зайдя | -",
    "дойти: дойду дойдёт дойдут | дошёл дошла | дойди | дойдя | -",
    // -чь
    "*мочь: могу может могут | мог могла | - | - | -",
    "помочь: помогу поможет помогут | помог помогла | помоги | - | -",
    "*влечь: влеку влечёт влекут | влёк влекла | влеки | - | влечён",
    "пресечь: пресеку пресечёт пресекут | пресёк пресекла | пресеки | - | пресечён",
    "*беречь: берегу бережёт берегут | берёг берегла | береги | - | бережён",
    "достичь: достигну достигнет достигнут | достиг достигла | достигни | - | достигнут",
    "достигнуть: достигну достигнет достигнут | достиг достигла | достигни | - | достигнут",
    // -еть
    "*смотреть: смотрю смотрит смотрят | смотрел смотрела | смотри | смотря | смотрен",
    "*видеть: вижу видит видят | видел видела | - | видя | виден",
    "иметь: имею имеет имеют | имел имела | имей | имея | -",
    "*уметь: умею умеет умеют | умел умела | умей | умея | -",
    "*владеть: владею владеет владеют | владел владела | владей | владея | -",
    "*успеть: успею успеет успеют | успел успела | успей | - | -",
    "*одолеть: одолею одолеет одолеют | одолел одолела | одолей | - | одолён",
    "*жалеть: жалею жалеет жалеют | жалел жалела | жалей | жалея | -",
    "*терпеть: терплю терпит терпят | терпел терпела | терпи | терпя | -",
    "*зависеть: завишу зависит зависят | зависел зависела | - | завися | -",
    "*хотеть: хочу хочешь хочет хотим хотите хотят | хотел хотела | - | - | -",
    // -ать, -ять with a changing stem or of the second conjugation
    "*дать: дам дашь даст дадим дадите дадут | дал дала | дай | - | дан",
    "*казать: кажу кажет кажут | казал казала | кажи | - | казан",
    "*писать: пишу пишет пишут | писал писала | пиши | - | писан",
    "*вязать: вяжу вяжет вяжут | вязал вязала | вяжи | - | вязан",
    "обязать: обяжу обяжет обяжут | обязал обязала | обяжи | - | обязан",
    "*резать: режу режет режут | резал резала | режь | - | резан",
    "*искать: ищу ищет ищут | искал искала | ищи | ища | искан",
    "взыскать: взыщу взыщет взыщут | взыскал взыскала | взыщи | - | взыскан",
    "*держать: держу держит держат | держал держала | держи | держа | держан",
    "*лежать: лежу лежит лежат | лежал лежала | лежи | лёжа | -",
    "*слышать: слышу слышит слышат | слышал слышала | - | слыша | слышан",
    "*звучать: звучу звучит звучат | звучал звучала | звучи | звуча | -",
    "*молчать: молчу молчит молчат | молчал молчала | молчи | молча | -",
    "*бежать: бегу бежит бегут | бежал бежала | беги | - | -",
    "*стоять: стою стоит стоят | стоял стояла | стой | стоя | -",
    "боять: бою боит боят | боял бояла | бой | боя | -",
    "*ехать: еду едет едут | ехал ехала | езжай | - | -",
    "*ждать: жду ждёт ждут | ждал ждала | жди | - | -",
    "*слать: шлю шлёт шлют | слал слала | шли | - | слан",
    "*стать: стану станет станут | стал стала | стань | - | -",
    "брать: беру берёт берут | брал брала | бери | беря | -",
    "выбрать: выберу выберет выберут | выбрал выбрала | выбери | - | выбран",
    "собрать: соберу соберёт соберут | собрал собрала | собери | - | собран",
    "убрать: уберу уберёт уберут | убрал убрала | убери | - | убран",
    "забрать: заберу заберёт заберут | забрал забрала | забери | - | забран",
    "избрать: изберу изберёт изберут | избрал избрала | избери | - | избран",
    "разобрать: разберу разберёт разберут | разобрал разобрала | разбери | - | разобран",
    "отобрать: отберу отберёт отберут | отобрал отобрала | отбери | - | отобран",
    "подобрать: подберу подберёт подберут | подобрал подобрала | подбери | - | подобран",
    "вызвать: вызову вызовет вызовут | вызвал вызвала | вызови | - | вызван",
    "назвать: назову назовёт назовут | назвал назвала | назови | - | назван",
    "призвать: призову призовёт призовут | призвал призвала | призови | - | призван",
    "созвать: созову созовёт созовут | созвал созвала | созови | - | созван",
    "отозвать: отзову отзовёт отзовут | отозвал отозвала | отзови | - | отозван",
    "начать: начну начнёт начнут | начал начала | начни | - | начат",
    "принять: приму примет примут | принял приняла | прими | - | принят",
    "предпринять: предприму предпримет предпримут | предпринял предприняла | предприми | - | предпринят",
    "понять: пойму поймёт поймут | понял поняла | пойми | - | понят",
    "занять: займу займёт займут | занял заняла | займи | - | занят",
    "снять: сниму снимет снимут | снял сняла | сними | - | снят",
    "поднять: подниму поднимет поднимут | поднял подняла | подними | - | поднят",
    "отнять: отниму отнимет отнимут | отнял отняла | отними | - | отнят",
    "нанять: найму наймёт наймут | нанял наняла | найми | - | нанят",
    "взять: возьму возьмёт возьмут | взял взяла | возьми | - | взят",
    "изъять: изыму изымет изымут | изъял изъяла | изыми | - | изъят",
    // -ить, -ыть, -оть, -уть of their own kind
    "+бить: бью бьёт бьют | бил била | бей | - | бит",
    "+пить: пью пьёт пьют | пил пила | пей | - | пит",
    "+лить: лью льёт льют | лил лила | лей | - | лит",
    "+шить: шью шьёт шьют | шил шила | шей | - | шит",
    "+вить: вью вьёт вьют | вил вила | вей | - | вит",
    "развить: разовью разовьёт разовьют | развил развила | развей | - | развит",
    "*жить: живу живёт живут | жил жила | живи | живя | -",
    "*крыть: крою кроет кроют | крыл крыла | крой | кроя | крыт",
    "*мыть: мою моет моют | мыл мыла | мой | моя | мыт",
    "*быть: буду будет будут | был была | будь | будучи | -",
    "*бороть: борю борет борют | борол борола | бори | боря | -",
    "ошибить: ошибу ошибёт ошибут | ошиб ошибла | - | - | -",
    "*вернуть: верну вернёт вернут | вернул вернула | верни | - | -",
    // regular in the present, but the imperative depends on stress
    "заплатить: - | - | заплати | - | -",
    "оплатить: - | - | оплати | - | -",
    "выплатить: - | - | выплати | - | -",
    "платить: - | - | плати | - | -",
    "проверить: - | - | проверь | - | -",
    "ответить: - | - | ответь | - | -",
    "сообщить: - | - | сообщи | - | -",
    "исправить: - | - | исправь | - | -",
    "заменить: - | - | замени | - | -",
    "установить: - | - | установи | - | -",
    "обратить: - | - | обрати | - | -",
    "согласить: - | - | согласи | - | -",
    "разъяснить: - | - | разъясни | - | -",
    "уведомить: - | - | уведоми | - | -",
    "решить: - | - | реши | - | -",
    "предложить: - | - | предложи | - | -",
    "позвонить: - | - | позвони | - | -",
    "представить: - | - | представь | - | -",
    "предоставить: - | - | предоставь | - | -",
    "направить: - | - | направь | - | -",
    "отправить: - | - | отправь | - | -",
    "доставить: - | - | доставь | - | -",
    "приложить: - | - | приложи | - | -",
    "оформить: - | - | оформи | - | -",
];

/// Words in `-ть` that are not verbs.
const NOT_VERBS: &[&str] = &[
    "печать",
    "память",
    "мать",
    "благодать",
    "рать",
    "кровать",
    "зять",
    "пять",
    "девять",
    "десять",
    "опять",
    "вспять",
    "нить",
    "знать", // both; the noun «знать» is rarer, but «знать» has no place in a dictionary of verbs here
];

/// Roots whose prefixed verbs conjugate irregularly and are not in the
/// table: better no forms than wrong ones.
const REFUSED_ROOTS: &[&str] = &[
    "брать",
    "звать",
    "рвать",
    "драть",
    "ткать",
    "лгать",
    "жать",
    "мять",
    "нять",
    "ять",
    "гнать",
    "спать",
    "стлать",
    "плакать",
    "прятать",
    "шептать",
    "хлопотать",
    "клеветать",
    "топтать",
    "сыпать",
    "колебать",
    "махать",
    "пахать",
    "мазать",
    "лизать",
    "чесать",
    "тесать",
    "стонать",
    "двигать",
    "полоскать",
    "плескать",
    "рыскать",
    "глодать",
    "щекотать",
    "скакать",
    "метать",
    "трепать",
    "щипать",
    "дремать",
    "сосать",
    "ыскать",
    "гнить",
    "брить",
    "чтить",
    "есть",
];

/// Regular verbs that look like a prefix + an irregular root («со» + «лить»).
const NOT_PREFIXED: &[&str] = &["солить", "сопить", "вопить", "купить", "копить"];

/// Verb prefixes, longest first within a letter so that «произ» is tried before «про».
const PREFIXES: &[&str] = &[
    "недо",
    "произ",
    "пред",
    "пере",
    "разъ",
    "подъ",
    "подо",
    "разо",
    "воз",
    "вос",
    "раз",
    "рас",
    "под",
    "над",
    "обо",
    "ото",
    "изо",
    "объ",
    "отъ",
    "изъ",
    "въ",
    "съ",
    "пре",
    "при",
    "про",
    "вз",
    "вс",
    "во",
    "вы",
    "до",
    "за",
    "из",
    "ис",
    "на",
    "об",
    "от",
    "по",
    "со",
    "в",
    "о",
    "с",
    "у",
];

#[derive(Debug, Clone, Default)]
struct Parts {
    /// 1sg, 2sg, 3sg, 1pl, 2pl, 3pl.
    present: Option<[String; 6]>,
    /// masculine, feminine, neuter, plural.
    past: Option<[String; 4]>,
    imper: Option<String>,
    gerund_present: Option<String>,
    gerund_past: Option<String>,
    /// Short passive participles, masculine (matching only; may hold guesses).
    participles: Vec<String>,
}

#[derive(Debug)]
struct Row {
    prefixable: bool,
    fleeting_o: bool,
    present: Option<Vec<String>>,
    past: Option<Vec<String>>,
    imper: Option<String>,
    gerund: Option<String>,
    participle: Option<String>,
    /// True for rows that only override the imperative of a regular verb.
    partial: bool,
}

fn table() -> &'static HashMap<&'static str, Row> {
    static T: OnceLock<HashMap<&'static str, Row>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map = HashMap::new();
        for line in TABLE {
            let (head, rest) = line.split_once(':').expect("table line has a colon");
            let (prefixable, fleeting_o, inf) = match head.chars().next() {
                Some('*') => (true, false, &head[1..]),
                Some('+') => (true, true, &head[1..]),
                _ => (false, false, head),
            };
            let cols: Vec<&str> = rest.split('|').map(str::trim).collect();
            assert_eq!(cols.len(), 5, "five columns in «{line}»");
            let words =
                |s: &str| (s != "-").then(|| s.split_whitespace().map(String::from).collect::<Vec<_>>());
            let one = |s: &str| (s != "-").then(|| s.to_string());
            let present = words(cols[0]);
            let past = words(cols[1]);
            if let Some(p) = &present {
                assert!(p.len() == 3 || p.len() == 6, "present of «{inf}»");
            }
            if let Some(p) = &past {
                assert_eq!(p.len(), 2, "past of «{inf}»");
            }
            let partial = present.is_none() && past.is_none();
            map.insert(
                inf,
                Row {
                    prefixable,
                    fleeting_o,
                    present,
                    past,
                    imper: one(cols[2]),
                    gerund: one(cols[3]),
                    participle: one(cols[4]),
                    partial,
                },
            );
        }
        map
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

fn is_hushing(c: char) -> bool {
    matches!(c, 'ж' | 'ш' | 'ч' | 'щ')
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

fn drop_last(s: &str, n: usize) -> &str {
    let mut end = s.len();
    for _ in 0..n {
        end = s[..end].char_indices().next_back().map_or(0, |(i, _)| i);
    }
    &s[..end]
}

/// Splits a reflexive infinitive: «обратиться» → («обратить», true).
pub fn split_reflexive(inf: &str) -> (&str, bool) {
    for (suffix, keep) in [("ться", "ть"), ("тись", "ти"), ("чься", "чь")] {
        if let Some(stem) = inf.strip_suffix(suffix) {
            let base_len = stem.len() + keep.len();
            return (&inf[..base_len], true);
        }
    }
    (inf, false)
}

/// Adds the reflexive particle to a form.
fn reflexive(form: VerbForm, s: &str) -> String {
    if form == VerbForm::GerundPast {
        if let Some(x) = s.strip_suffix('в') {
            return format!("{x}вшись");
        }
    }
    match last_char(s) {
        Some(c) if is_vowel(c) => format!("{s}сь"),
        _ => format!("{s}ся"),
    }
}

/// Finds a table row for `inf`: the word itself, or a prefixed form of a
/// `*`/`+` root. Returns the row and the prefix (possibly with `о` added
/// for the present of `+` roots: the second string).
fn table_row(inf: &str) -> Option<(&'static Row, String, String)> {
    let t = table();
    if let Some(row) = t.get(inf) {
        return Some((row, String::new(), String::new()));
    }
    fn split(word: &str, depth: usize) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        if depth == 0 {
            return out;
        }
        for p in PREFIXES {
            if let Some(rest) = word.strip_prefix(p) {
                if rest.chars().count() >= 3 {
                    out.push((p.to_string(), rest));
                    for (p2, r2) in split(rest, depth - 1) {
                        out.push((format!("{p}{p2}"), r2));
                    }
                }
            }
        }
        out
    }
    if NOT_PREFIXED.iter().any(|w| inf.ends_with(w)) {
        return None;
    }
    for (prefix, root) in split(inf, 2) {
        if let Some(row) = t.get(root) {
            if !row.prefixable {
                continue;
            }
            let mut present_prefix = prefix.clone();
            if row.fleeting_o && last_char(&prefix).is_some_and(|c| !is_vowel(c)) {
                present_prefix = match prefix.as_str() {
                    "рас" => "разо".to_string(),
                    "ис" => "изо".to_string(),
                    "вос" => "возо".to_string(),
                    "вс" => "взо".to_string(),
                    p => format!("{p}о"),
                };
            }
            return Some((row, prefix, present_prefix));
        }
    }
    None
}

/// True when `inf` is built on a root in [`REFUSED_ROOTS`] that the table does not cover.
fn refused(inf: &str) -> bool {
    REFUSED_ROOTS.iter().any(|root| {
        inf == *root || {
            inf.strip_suffix(root).is_some_and(|pre| {
                // One or two prefixes before the root.
                PREFIXES
                    .iter()
                    .any(|p| pre == *p || pre.strip_prefix(p).is_some_and(|r| PREFIXES.contains(&r)))
            })
        }
    })
}

fn present_from(forms: &[String]) -> Option<[String; 6]> {
    if forms.len() == 6 {
        return Some([
            forms[0].clone(),
            forms[1].clone(),
            forms[2].clone(),
            forms[3].clone(),
            forms[4].clone(),
            forms[5].clone(),
        ]);
    }
    let (s1, s3, p3) = (&forms[0], &forms[1], &forms[2]);
    let base = s3.strip_suffix('т')?;
    Some([s1.clone(), format!("{base}шь"), s3.clone(), format!("{base}м"), format!("{base}те"), p3.clone()])
}

fn past_from(masc: &str, fem: &str) -> Option<[String; 4]> {
    let base = fem.strip_suffix('а')?;
    Some([masc.to_string(), fem.to_string(), format!("{base}о"), format!("{base}и")])
}

fn yo_to_e(s: &str) -> String {
    s.replace('ё', "е")
}

fn from_table(inf: &str) -> Option<Parts> {
    let (row, prefix, present_prefix) = table_row(inf)?;
    if row.partial {
        let mut parts = regular(inf)?;
        parts.imper = row.imper.clone();
        return Some(parts);
    }
    let stressed_prefix = prefix.starts_with("вы");
    let fix = |s: String| if stressed_prefix { yo_to_e(&s) } else { s };
    let with = |p: &str, s: &str| fix(format!("{p}{s}"));
    let present = row
        .present
        .as_ref()
        .and_then(|v| present_from(&v.iter().map(|s| with(&present_prefix, s)).collect::<Vec<_>>()));
    let past = row.past.as_ref().and_then(|v| past_from(&with(&prefix, &v[0]), &with(&prefix, &v[1])));
    let imper = row.imper.as_ref().map(|s| with(&prefix, s));
    let gerund_own = row.gerund.as_ref().map(|s| with(&prefix, s));
    // The `-я` gerund of a `-ти` verb is present for the bare root
    // («вести» → «ведя») and past for every prefixed verb, all perfective
    // («провести» → «проведя»; «прийти», «учесть» are lines of their own).
    // Of the other verbs, the `-в` gerund follows from the infinitive.
    let (gerund_present, gerund_past) = if inf.ends_with("ти") || inf.ends_with("сть") {
        if prefix.is_empty() && row.prefixable {
            (gerund_own, None)
        } else {
            (None, gerund_own)
        }
    } else {
        let past = inf
            .strip_suffix("ть")
            .filter(|base| base.chars().next_back().is_some_and(is_vowel))
            .map(|base| format!("{base}в"));
        (gerund_own, past)
    };
    let participles = row.participle.iter().map(|s| with(&prefix, s)).collect();
    Some(Parts { present, past, imper, gerund_present, gerund_past, participles })
}

/// Consonant change of the first person singular and of the passive
/// participle of `-ить` verbs. `None` when it cannot be known
/// («платить → плачу», but «возвратить → возвращу»).
fn mutate(stem: &str) -> Option<Vec<String>> {
    let c = last_char(stem)?;
    let head = drop_last(stem, 1);
    if stem.ends_with("ст") {
        return Some(vec![format!("{}щ", drop_last(stem, 2))]);
    }
    Some(match c {
        'б' | 'в' | 'п' | 'м' | 'ф' => vec![format!("{stem}л")],
        'с' => vec![format!("{head}ш")],
        'з' => vec![format!("{head}ж")],
        'т' | 'д' => return None,
        _ => vec![stem.to_string()],
    })
}

/// Guessed participle stems for matching: both readings of `т` and `д`.
fn mutate_guess(stem: &str) -> Vec<String> {
    if let Some(v) = mutate(stem) {
        return v;
    }
    let head = drop_last(stem, 1);
    match last_char(stem) {
        Some('т') => vec![format!("{head}ч"), format!("{head}щ")],
        Some('д') => vec![format!("{head}ж"), format!("{head}жд")],
        _ => vec![],
    }
}

fn regular(inf: &str) -> Option<Parts> {
    if NOT_VERBS.contains(&inf) || inf.ends_with("дцать") || refused(inf) {
        return None;
    }
    let base = inf.strip_suffix("ть")?;
    let past = past_from(&format!("{base}л"), &format!("{base}ла"));
    let gerund_past = Some(format!("{base}в"));
    let first = |stem: &str, e: &str| -> Option<[String; 6]> {
        present_from(&[format!("{stem}ю"), format!("{stem}{e}т"), format!("{stem}ют")])
    };
    // -овать, -евать after ц and hushing consonants: участвовать → участвует.
    let ova = inf.strip_suffix("овать").or_else(|| {
        inf.strip_suffix("евать").filter(|s| last_char(s).is_some_and(|c| c == 'ц' || is_hushing(c)))
    });
    if let Some(s) = ova {
        if s.is_empty() {
            return None;
        }
        let participle = format!("{}н", base);
        return Some(Parts {
            present: first(&format!("{s}у"), "е"),
            past,
            imper: Some(format!("{s}уй")),
            gerund_present: Some(format!("{s}уя")),
            gerund_past,
            participles: vec![participle],
        });
    }
    // давать, вставать, признавать: даёт.
    if let Some(s) = inf.strip_suffix("вать") {
        if s.ends_with("да") || s.ends_with("ста") || s.ends_with("зна") {
            return Some(Parts {
                present: first(s, "ё"),
                past,
                imper: Some(format!("{s}вай")),
                gerund_present: Some(format!("{s}вая")),
                gerund_past,
                participles: vec![],
            });
        }
    }
    let last = last_char(base)?;
    if last == 'а' || last == 'я' {
        let before = last_char(drop_last(base, 1))?;
        // надеяться, сеять, лаять: the present stem drops «я».
        let stem = if last == 'я' && matches!(before, 'е' | 'а') {
            drop_last(base, 1).to_string()
        } else {
            base.to_string()
        };
        if !drop_last(base, 1).chars().any(is_vowel) {
            // One-syllable roots (ждать, брать, мять) are all irregular.
            return None;
        }
        return Some(Parts {
            present: first(&stem, "е"),
            past,
            imper: Some(format!("{stem}й")),
            gerund_present: Some(format!("{stem}я")),
            gerund_past,
            participles: vec![format!("{base}н")],
        });
    }
    if let Some(s) = inf.strip_suffix("ить") {
        if !s.chars().any(is_vowel) {
            return None;
        }
        let hush = last_char(s).is_some_and(is_hushing);
        let vowel_end = last_char(s).is_some_and(is_vowel);
        let s1 = if vowel_end {
            Some(format!("{s}ю"))
        } else if hush {
            Some(format!("{s}у"))
        } else {
            mutate(s).map(|m| {
                format!("{}{}", m[0], if last_char(&m[0]).is_some_and(is_hushing) { "у" } else { "ю" })
            })
        };
        let s3 = format!("{s}ит");
        let p3 = format!("{s}{}", if hush { "ат" } else { "ят" });
        let present = s1.map(|s1| present_from(&[s1, s3.clone(), p3.clone()]));
        // Without the first person singular, the other five are still sure.
        let present = match present {
            Some(p) => p,
            None => {
                let b = &s3[..s3.len() - 'т'.len_utf8()];
                Some([
                    String::new(),
                    format!("{b}шь"),
                    s3.clone(),
                    format!("{b}м"),
                    format!("{b}те"),
                    p3.clone(),
                ])
            }
        };
        let cluster = {
            let mut cs = s.chars().rev();
            matches!((cs.next(), cs.next()), (Some(a), Some(b)) if !is_vowel(a) && !is_vowel(b) && a != 'й' && b != 'ь' && b != 'й')
        };
        let imper = if vowel_end {
            Some(format!("{s}й"))
        } else if cluster {
            Some(format!("{s}и"))
        } else {
            None
        };
        let participles = if vowel_end {
            vec![format!("{s}ен")]
        } else {
            mutate_guess(s).into_iter().map(|m| format!("{m}ен")).collect()
        };
        return Some(Parts {
            present,
            past,
            imper,
            gerund_present: Some(format!("{s}{}", if hush { "а" } else { "я" })),
            gerund_past,
            participles,
        });
    }
    if let Some(s) = inf.strip_suffix("нуть") {
        if s.is_empty() || inf.chars().filter(|c| is_vowel(*c)).nth(1).is_none() {
            return None;
        }
        let vowel_end = last_char(s).is_some_and(is_vowel);
        return Some(Parts {
            present: present_from(&[format!("{s}ну"), format!("{s}нет"), format!("{s}нут")]),
            past: if vowel_end { past } else { None },
            imper: None,
            gerund_present: None,
            gerund_past,
            participles: vec![],
        });
    }
    None
}

fn parts(inf: &str) -> Option<Parts> {
    if let Some(p) = from_table(inf) {
        return Some(p);
    }
    if table_row(inf).is_some() {
        return None;
    }
    regular(inf)
}

fn pick(p: &Parts, form: VerbForm, inf: &str) -> Option<String> {
    use VerbForm::*;
    let s = match form {
        Infinitive => inf.to_string(),
        Pres1Sg | Pres2Sg | Pres3Sg | Pres1Pl | Pres2Pl | Pres3Pl => {
            let i = form as usize - Pres1Sg as usize;
            p.present.as_ref()?[i].clone()
        }
        PastMasc | PastFem | PastNeut | PastPlural => {
            let i = form as usize - PastMasc as usize;
            p.past.as_ref()?[i].clone()
        }
        ImperSg => p.imper.clone()?,
        ImperPl => format!("{}те", p.imper.as_ref()?),
        GerundPresent => p.gerund_present.clone()?,
        GerundPast => p.gerund_past.clone()?,
    };
    (!s.is_empty()).then_some(s)
}

/// The form `form` of the infinitive `inf` (normalised or with `ё`; the
/// result keeps `ё` where the verb has it). `None` when the form cannot be
/// built reliably or the word is not a verb this module knows.
pub fn inflect(inf: &str, form: VerbForm) -> Option<String> {
    let (base, refl) = split_reflexive(inf);
    let p = parts(base)?;
    let s = pick(&p, form, base)?;
    Some(if refl {
        if form == VerbForm::Infinitive {
            inf.to_string()
        } else {
            reflexive(form, &s)
        }
    } else {
        s
    })
}

/// True when `inf` is a verb this module can conjugate (at least in the
/// present or in the past).
pub fn is_known_verb(inf: &str) -> bool {
    let (base, _) = split_reflexive(inf);
    if !(base.ends_with("ть") || base.ends_with("ти") || base.ends_with("чь")) {
        return false;
    }
    parts(base).is_some_and(|p| p.present.is_some() || p.past.is_some())
}

/// Every form of `inf` that matching should accept, normalised (`ё` → `е`):
/// the infinitive, present/future, past, imperative, gerunds, short passive
/// participles; a non-reflexive verb also brings its reflexive (passive)
/// forms: «осуществлять» → «осуществляется». Long participles are not
/// included («осуществляемый» is an adjective; list it in `forms`).
pub fn matching_forms(inf: &str) -> Option<Vec<String>> {
    let inf = inf.replace('ё', "е");
    let (base, refl) = split_reflexive(&inf);
    // As `is_known_verb`, without building the parts twice.
    if !(base.ends_with("ть") || base.ends_with("ти") || base.ends_with("чь")) {
        return None;
    }
    let p = parts(base).filter(|p| p.present.is_some() || p.past.is_some())?;
    let mut out = Vec::new();
    for form in VerbForm::ALL {
        if let Some(s) = pick(&p, form, base) {
            let s = yo_to_e(&s);
            if refl {
                out.push(if form == VerbForm::Infinitive { inf.clone() } else { reflexive(form, &s) });
            } else {
                out.push(reflexive(form, &s));
                out.push(s);
            }
        }
    }
    for part in &p.participles {
        let m = yo_to_e(part);
        for end in ["", "а", "о", "ы"] {
            out.push(format!("{m}{end}"));
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The forms of the light verb `light_inf` that a text word `light_form`
/// (normalised) can be. Reflexive forms of a non-reflexive verb (passive:
/// «осуществляется») and participles are not returned.
pub fn forms_of(light_inf: &str, light_form: &str) -> Vec<VerbForm> {
    let light_inf = light_inf.replace('ё', "е");
    VerbForm::ALL
        .into_iter()
        .filter(|&f| inflect(&light_inf, f).is_some_and(|s| yo_to_e(&s) == light_form))
        .collect()
}

/// Puts `verb` (an infinitive) into the form that the text word
/// `light_form` has as a form of `light_inf`: («осуществлять»,
/// «осуществляет», «проверять») → «проверяет». `None` when the word is not
/// an active form of the light verb, when it is ambiguous between forms
/// that give different results, or when `verb` cannot be put into that form.
pub fn conjugate_like(light_inf: &str, light_form: &str, verb: &str) -> Option<String> {
    let forms = forms_of(light_inf, light_form);
    // «мочь» has no analytic future: «будет иметь возможность» cannot become «будет мочь».
    if verb == "мочь" && forms.contains(&VerbForm::Infinitive) {
        return None;
    }
    let mut result: Option<String> = None;
    for f in forms {
        let s = inflect(verb, f)?;
        match &result {
            Some(r) if *r != s => return None,
            _ => result = Some(s),
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::VerbForm::*;
    use super::*;

    fn all(inf: &str) -> Vec<Option<String>> {
        VerbForm::ALL.iter().map(|&f| inflect(inf, f)).collect()
    }

    fn check(inf: &str, expect: &[(VerbForm, &str)]) {
        for &(f, want) in expect {
            assert_eq!(inflect(inf, f).as_deref(), Some(want), "{inf} {f:?}");
        }
    }

    #[test]
    fn regular_first_conjugation() {
        check(
            "проверять",
            &[
                (Infinitive, "проверять"),
                (Pres1Sg, "проверяю"),
                (Pres2Sg, "проверяешь"),
                (Pres3Sg, "проверяет"),
                (Pres1Pl, "проверяем"),
                (Pres2Pl, "проверяете"),
                (Pres3Pl, "проверяют"),
                (PastMasc, "проверял"),
                (PastFem, "проверяла"),
                (PastNeut, "проверяло"),
                (PastPlural, "проверяли"),
                (ImperSg, "проверяй"),
                (ImperPl, "проверяйте"),
                (GerundPresent, "проверяя"),
            ],
        );
        check("оказывать", &[(Pres3Sg, "оказывает"), (Pres3Pl, "оказывают"), (GerundPresent, "оказывая")]);
        check("участвовать", &[(Pres3Sg, "участвует"), (Pres3Pl, "участвуют"), (PastFem, "участвовала")]);
        check("танцевать", &[(Pres3Sg, "танцует")]);
        check("преодолевать", &[(Pres3Sg, "преодолевает")]);
        check(
            "выдавать",
            &[(Pres3Sg, "выдаёт"), (Pres3Pl, "выдают"), (ImperSg, "выдавай"), (PastMasc, "выдавал")],
        );
        check("признавать", &[(Pres3Sg, "признаёт")]);
        check("влиять", &[(Pres3Sg, "влияет"), (Pres3Pl, "влияют")]);
        check("надеяться", &[(Pres3Sg, "надеется"), (Pres3Pl, "надеются"), (PastMasc, "надеялся")]);
    }

    #[test]
    fn regular_second_conjugation() {
        check(
            "платить",
            &[
                (Pres3Sg, "платит"),
                (Pres3Pl, "платят"),
                (PastMasc, "платил"),
                (PastPlural, "платили"),
                (GerundPresent, "платя"),
                (ImperSg, "плати"),
            ],
        );
        assert_eq!(inflect("платить", Pres1Sg), None, "плачу: т → ч is not predictable");
        check("решить", &[(Pres1Sg, "решу"), (Pres3Pl, "решат"), (GerundPast, "решив")]);
        check("уведомить", &[(Pres1Sg, "уведомлю"), (Pres3Sg, "уведомит")]);
        check("осуществить", &[(Pres1Sg, "осуществлю"), (Pres3Pl, "осуществят")]);
        check("погасить", &[(Pres1Sg, "погашу")]);
        check("допустить", &[(Pres1Sg, "допущу"), (Pres3Pl, "допустят")]);
        check("строить", &[(Pres1Sg, "строю"), (Pres3Pl, "строят"), (ImperSg, "строй")]);
        check("исполнить", &[(ImperSg, "исполни")]);
        assert_eq!(inflect("ответить", ImperSg).as_deref(), Some("ответь"), "from the table");
        assert_eq!(inflect("поставить", ImperSg), None, "поставь: stress decides");
    }

    #[test]
    fn reflexive_verbs() {
        check(
            "обратиться",
            &[
                (Infinitive, "обратиться"),
                (Pres3Sg, "обратится"),
                (Pres3Pl, "обратятся"),
                (PastMasc, "обратился"),
                (PastFem, "обратилась"),
                (PastPlural, "обратились"),
                (ImperPl, "обратитесь"),
                (GerundPast, "обратившись"),
            ],
        );
        check("бороться", &[(Pres3Sg, "борется"), (Pres3Pl, "борются"), (PastMasc, "боролся")]);
        check("бояться", &[(Pres3Sg, "боится"), (Pres3Pl, "боятся")]);
    }

    #[test]
    fn irregular_verbs_and_prefixes() {
        check(
            "провести",
            &[
                (Pres3Sg, "проведёт"),
                (Pres3Pl, "проведут"),
                (PastMasc, "провёл"),
                (PastFem, "провела"),
                (PastPlural, "провели"),
                (ImperPl, "проведите"),
                (GerundPast, "проведя"),
            ],
        );
        check("произвести", &[(Pres3Sg, "произведёт"), (PastMasc, "произвёл")]);
        check("вынести", &[(Pres3Sg, "вынесет"), (PastMasc, "вынес"), (PastFem, "вынесла")]);
        check("внести", &[(Pres3Sg, "внесёт"), (PastMasc, "внёс")]);
        check(
            "оказать",
            &[(Pres3Sg, "окажет"), (Pres3Pl, "окажут"), (PastFem, "оказала"), (GerundPast, "оказав")],
        );
        check("подписать", &[(Pres3Sg, "подпишет")]);
        check("рассмотреть", &[(Pres3Sg, "рассмотрит"), (Pres3Pl, "рассмотрят"), (PastMasc, "рассмотрел")]);
        check("предусмотреть", &[(Pres3Sg, "предусмотрит")]);
        check(
            "помочь",
            &[(Pres3Sg, "поможет"), (Pres3Pl, "помогут"), (PastMasc, "помог"), (PastFem, "помогла")],
        );
        check("дать", &[(Pres3Sg, "даст"), (Pres3Pl, "дадут"), (Pres2Sg, "дашь")]);
        check("выдать", &[(Pres3Sg, "выдаст"), (PastMasc, "выдал")]);
        check("принять", &[(Pres3Sg, "примет"), (PastFem, "приняла"), (GerundPast, "приняв")]);
        check("разбить", &[(Pres3Sg, "разобьёт"), (PastMasc, "разбил"), (ImperSg, "разбей")]);
        check("полить", &[(Pres3Sg, "польёт")]);
        check("надлежать", &[(Pres3Sg, "надлежит")]);
        check("принадлежать", &[(Pres3Pl, "принадлежат")]);
        check("выехать", &[(Pres3Sg, "выедет"), (PastMasc, "выехал")]);
        check("въехать", &[(Pres3Sg, "въедет")]);
        check("разослать", &[(Pres3Sg, "разошлёт"), (PastMasc, "разослал")]);
        check("иметь", &[(Pres3Sg, "имеет"), (Pres3Pl, "имеют"), (PastMasc, "имел")]);
        check("мочь", &[(Pres3Sg, "может"), (Pres3Pl, "могут"), (PastMasc, "мог"), (PastFem, "могла")]);
    }

    #[test]
    fn refuses_what_it_cannot_build() {
        assert!(all("смотреться").iter().any(Option::is_some));
        assert_eq!(inflect("шелестеть", Pres3Sg), None, "-еть outside the table");
        assert_eq!(inflect("спрятать", Pres3Sg), None, "stem change outside the table");
        assert_eq!(inflect("отобрать", Pres3Sg).as_deref(), Some("отберёт"));
        assert_eq!(inflect("набрать", Pres3Sg), None);
        assert_eq!(inflect("печать", Pres3Sg), None, "a noun");
        assert_eq!(inflect("двадцать", Pres3Sg), None, "a numeral");
        assert_eq!(inflect("часть", Pres3Sg), None);
        assert_eq!(inflect("цвести", Pres3Sg), None, "not «ц» + «вести»");
        assert_eq!(inflect("решить", Pres3Sg).as_deref(), Some("решит"), "not «ре» + «шить»");
        assert_eq!(inflect("служить", Pres3Sg).as_deref(), Some("служит"), "not a prefix + «жить»");
    }

    #[test]
    fn follows_the_light_verb() {
        let c = |li: &str, lf: &str, v: &str| conjugate_like(li, lf, v);
        assert_eq!(c("осуществлять", "осуществлять", "проверять").as_deref(), Some("проверять"));
        assert_eq!(c("осуществлять", "осуществляет", "проверять").as_deref(), Some("проверяет"));
        assert_eq!(c("осуществлять", "осуществляют", "проверять").as_deref(), Some("проверяют"));
        assert_eq!(c("осуществить", "осуществила", "выплатить").as_deref(), Some("выплатила"));
        assert_eq!(c("принимать", "принимают", "участвовать").as_deref(), Some("участвуют"));
        assert_eq!(c("производить", "производит", "платить").as_deref(), Some("платит"));
        assert_eq!(c("осуществить", "осуществят", "выплатить").as_deref(), Some("выплатят"));
        assert_eq!(c("оказывать", "оказывали", "помогать").as_deref(), Some("помогали"));
        assert_eq!(c("оказать", "окажет", "помочь").as_deref(), Some("поможет"));
        assert_eq!(c("оказать", "оказал", "помочь").as_deref(), Some("помог"));
        assert_eq!(c("провести", "провели", "проверить").as_deref(), Some("проверили"));
        assert_eq!(c("провести", "проведет", "проверить").as_deref(), Some("проверит"));
        assert_eq!(c("вести", "вел", "бороться").as_deref(), Some("боролся"));
        assert_eq!(c("произвести", "произведите", "заплатить").as_deref(), Some("заплатите"));
        assert_eq!(c("осуществлять", "осуществляя", "проверять").as_deref(), Some("проверяя"));
        assert_eq!(c("провести", "проведя", "проверить").as_deref(), Some("проверив"));
    }

    #[test]
    fn refuses_passive_ambiguous_and_unknown() {
        let c = |li: &str, lf: &str, v: &str| conjugate_like(li, lf, v);
        assert_eq!(c("осуществлять", "осуществляется", "проверять"), None, "passive");
        assert_eq!(c("осуществить", "осуществлена", "проверить"), None, "participle");
        assert_eq!(c("осуществить", "осуществлю", "выплатить"), None, "выплачу is not built");
        assert_eq!(c("проводить", "проводит", "шелестеть"), None);
        // «осуществите» is both the future and the imperative; «проверите» ≠ «проверьте».
        assert_eq!(c("осуществить", "осуществите", "проверить"), None);
        assert_eq!(c("осуществлять", "проверяет", "проверять"), None, "not a form of the light verb");
    }

    #[test]
    fn matching_forms_cover_passive_and_participles() {
        let f = matching_forms("осуществить").unwrap();
        for w in [
            "осуществить",
            "осуществит",
            "осуществлю",
            "осуществил",
            "осуществится",
            "осуществлена",
            "осуществлен",
        ] {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        let f = matching_forms("осуществлять").unwrap();
        assert!(f.contains(&"осуществляется".to_string()));
        assert!(f.contains(&"осуществляя".to_string()));
        let f = matching_forms("провести").unwrap();
        for w in ["проведена", "проведен", "проведет", "провел", "проведутся"]
        {
            assert!(f.contains(&w.to_string()), "{w} in {f:?}");
        }
        let f = matching_forms("являться").unwrap();
        assert!(f.contains(&"является".to_string()) && f.contains(&"являются".to_string()));
        assert!(!f.contains(&"являет".to_string()), "a reflexive verb has only reflexive forms");
        assert_eq!(matching_forms("печать"), None);
        assert_eq!(matching_forms("проверку"), None);
    }
}
