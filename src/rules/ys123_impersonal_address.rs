//! YS123: the addressee called «заявитель», «гражданин» in a letter to them.

use super::syntax::capitalised_inside;
use super::{Context, Emitter, Rule, RuleDoc};
use crate::report::{Category, Severity};
use crate::text::{Sentence, Text, TokenKind};

pub struct ImpersonalAddress;

static DOC: RuleDoc = RuleDoc {
    id: "YS123",
    name: "impersonal-address",
    category: Category::Syntax,
    severity: Severity::Warning,
    title: "Адресат назван в третьем лице",
    what: "В письме, адресованном одному человеку, его называют «заявитель», «гражданин», «гражданка», «получатель услуги», «обратившееся лицо», «автор обращения» (в единственном числе). Письмо считается адресованным человеку, если в нём есть обращение «Уважаемый …!» / «Уважаемая …!» или хотя бы два раза «Вы», «Ваш» с заглавной внутри предложения. Шаблоны и регламенты без обращения, строки-поля бланка («Данные заявителя: ____»), цитаты в кавычках и случаи, когда рядом названо имя («гражданин Иванов»), не отмечаются.",
    why: "Человек, которому пишут, читает о себе как о постороннем: «заявителю необходимо представить». Так он не сразу понимает, что речь о нём и что действовать должен он. Обращение на «вы» короче и сразу говорит, кто что должен сделать.",
    bad: "Уважаемый Иван Петрович! Заявителю необходимо представить справку о доходах.",
    good: "Уважаемый Иван Петрович! Вам нужно представить справку о доходах.",
    fix: "Замените слово местоимением «вы» в нужном падеже: «заявитель» → «вы», «заявителя» → «вас» или «ваш», «заявителю» → «вам», «заявителем» → «вами». Согласуйте глагол: «заявитель вправе» → «вы вправе».",
    options: &[],
    dictionary: false,
};

/// The pronoun for each singular case form of the impersonal nouns.
fn pronoun(w: &str) -> Option<&'static str> {
    const MASC: &[(&str, &str)] =
        &[("", "вы"), ("а", "вас (ваш)"), ("у", "вам"), ("ом", "вами"), ("е", "о вас")];
    const SOFT: &[(&str, &str)] =
        &[("ь", "вы"), ("я", "вас (ваш)"), ("ю", "вам"), ("ем", "вами"), ("е", "о вас")];
    const FEM: &[(&str, &str)] =
        &[("а", "вы"), ("и", "вас (ваш)"), ("е", "вам"), ("у", "вас"), ("ой", "вами"), ("ей", "вами")];
    let table: &[(&str, &[(&str, &str)])] = &[
        ("заявительниц", FEM),
        ("заявител", SOFT),
        ("получател", SOFT),
        ("гражданин", MASC),
        ("гражданк", FEM),
        ("автор", MASC),
    ];
    let (stem, forms) = table.iter().find(|(stem, _)| w.starts_with(stem))?;
    let ending = &w[stem.len()..];
    forms.iter().find(|(e, _)| *e == ending).map(|(_, p)| *p)
}

/// Is the document a letter to one person?
fn addressed_to_a_person(text: &Text) -> bool {
    let greeting = text.sentences.iter().any(|s| {
        let mut words = text.tokens[s.tokens.clone()].iter().filter(|t| t.kind == TokenKind::Word);
        matches!(words.next().map(|t| t.norm.as_str()), Some("уважаемый" | "уважаемая"))
    });
    if greeting {
        return true;
    }
    let mut polite = 0;
    for s in &text.sentences {
        for i in s.tokens.clone() {
            let t = &text.tokens[i];
            if t.kind == TokenKind::Word
                && (t.norm == "вы"
                    || t.norm.starts_with("ваш")
                    || matches!(t.norm.as_str(), "вас" | "вам" | "вами"))
                && capitalised_inside(text, s, i)
            {
                polite += 1;
            }
        }
    }
    polite >= 2
}

fn inside_quotes(text: &Text, s: &Sentence, i: usize) -> bool {
    text.tokens[s.tokens.start..i].iter().filter(|t| t.norm == "\"").count() % 2 == 1
}

impl Rule for ImpersonalAddress {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Emitter) {
        let text = ctx.text;
        if !addressed_to_a_person(text) {
            return;
        }
        for s in &text.sentences {
            let toks = &text.tokens[s.tokens.clone()];
            if toks.iter().any(|t| t.kind == TokenKind::Placeholder) {
                continue; // a form line: «Данные заявителя: ____»
            }
            for i in s.tokens.clone() {
                let t = &text.tokens[i];
                if t.kind != TokenKind::Word {
                    continue;
                }
                let w = t.norm.as_str();
                let Some(pron) = pronoun(w) else { continue };
                let next = text.tokens.get(i + 1).filter(|_| i + 1 < s.tokens.end);
                let next_word = next.filter(|n| n.kind == TokenKind::Word).map(|n| n.norm.as_str());
                let mut end = t.end;
                if w.starts_with("получател") {
                    // «получатель услуги», not «получатель платежа».
                    if !next_word.is_some_and(|n| n.starts_with("услуг")) {
                        continue;
                    }
                    end = next.map_or(end, |n| n.end);
                } else if w.starts_with("автор") {
                    if next_word != Some("обращения") {
                        continue;
                    }
                    end = next.map_or(end, |n| n.end);
                }
                // «гражданин Иванов»: someone else, named. «Данные заявителя:» — a label.
                if next.is_some_and(|n| n.kind == TokenKind::Word && capitalised_inside(text, s, i + 1))
                    || next.is_some_and(|n| n.norm == ":")
                    || inside_quotes(text, s, i)
                {
                    continue;
                }
                // «Уважаемый заявитель!»: a salutation needs the name, not «вы».
                let salutation = i > s.tokens.start
                    && matches!(text.tokens[i - 1].norm.as_str(), "уважаемый" | "уважаемая" | "уважаемые");
                if salutation {
                    let f = out.push(
                        t.start,
                        end,
                        format!(
                            "«{}» в обращении: назовите человека по имени и отчеству",
                            text.slice(t.start, end)
                        ),
                    );
                    f.suggestions.push("имя и отчество: «Уважаемая Анна Петровна!»".to_string());
                    continue;
                }
                let f = out.push(
                    t.start,
                    end,
                    format!(
                        "«{}» — это адресат письма? Обратитесь к нему на «вы»: {pron}",
                        text.slice(t.start, end)
                    ),
                );
                f.suggestions.push(pron.to_string());
            }
        }
        // «лицо, обратившееся …», «обратившееся лицо».
        for s in &text.sentences {
            for i in s.tokens.clone() {
                let t = &text.tokens[i];
                if t.kind != TokenKind::Word
                    || !t.norm.starts_with("обратившемуся")
                        && !t.norm.starts_with("обратившее")
                        && !t.norm.starts_with("обратившегося")
                        && !t.norm.starts_with("обратившимся")
                {
                    continue;
                }
                let near = |j: usize| text.tokens.get(j).is_some_and(|n| n.norm.starts_with("лиц"));
                let (start, end) = if near(i + 1) {
                    (t.start, text.tokens[i + 1].end)
                } else if i >= 2 && near(i - 2) && text.tokens[i - 1].norm == "," {
                    (text.tokens[i - 2].start, t.end)
                } else {
                    continue;
                };
                if inside_quotes(text, s, i) {
                    continue;
                }
                let f = out.push(
                    start,
                    end,
                    format!("«{}» — это адресат письма? Обратитесь к нему на «вы»", text.slice(start, end)),
                );
                f.suggestions.push("вы".into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{findings, spans};

    #[test]
    fn flags_the_addressee_in_the_third_person() {
        let f = findings(
            "YS123",
            "Уважаемый Иван Петрович!\n\nЗаявителю необходимо представить справку о доходах в течение 10 дней.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule.as_str(), f[0].text.as_str()), ("YS123", "Заявителю"));
        assert_eq!(f[0].suggestions, ["вам"]);
        assert_eq!(
            spans(
                "YS123",
                "Уважаемая Анна Сергеевна!\n\nПо результатам рассмотрения Вашего обращения сообщаем, что гражданке будет направлен ответ. Получатель услуги вправе обжаловать решение."
            ),
            ["гражданке", "Получатель услуги"]
        );
        assert_eq!(
            spans(
                "YS123",
                "Сообщаем, что Ваше заявление рассмотрено. Обратившемуся лицу направлено уведомление. Благодарим Вас за обращение."
            ),
            ["Обратившемуся лицу"]
        );
        let f = findings("YS123", "Уважаемый заявитель!\n\nВаше заявление рассмотрено.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "заявитель");
        // «Уважаемый вы!» would be wrong: a salutation asks for the name.
        assert!(f[0].message.contains("по имени"), "{}", f[0].message);
        assert!(!f[0].suggestions.iter().any(|s| s == "вы"), "{:?}", f[0].suggestions);
    }

    #[test]
    fn leaves_templates_third_parties_and_labels_alone() {
        for s in [
            // a regulation, not a letter to anyone
            "Заявитель вправе обжаловать решение в течение трёх месяцев. Получатель услуги представляет паспорт.",
            // a form field
            "Уважаемый [ФИО]!\nДанные заявителя: __________\nРезультат: отказ.",
            // someone else, named
            "Уважаемый Иван Петрович!\n\nГражданин Петров В.В. привлечён к ответственности.",
            // plural: a group, not the addressee
            "Уважаемый Иван Петрович!\n\nЗаявители вправе обжаловать решение в суде.",
            // a bank detail
            "Уважаемый Иван Петрович!\n\nПолучатель платежа: УФК по г. Москве.",
        ] {
            assert!(spans("YS123", s).is_empty(), "{s}: {:?}", spans("YS123", s));
        }
    }
}
