//! The rule framework: the [`Rule`] trait, rule docs, and the registry.
//! One rule per file; add a rule by adding its file and one line to [`registry`].

mod dictionary;
pub mod markdown;
mod refusal;
mod ys101_compound_preposition;
mod ys102_stock_phrase;
mod ys103_split_predicate;
mod ys104_empty_word;
mod ys105_intensifier;
mod ys120_verbal_noun_overload;
mod ys121_genitive_chain;
mod ys122_passive_without_agent;
mod ys123_impersonal_address;
mod ys124_you_capitalisation;
mod ys125_double_negation;
mod ys190_organisation_dictionary;
mod ys201_long_sentence;
mod ys202_long_paragraph;
mod ys203_complex_sentence;
mod ys204_caps;
mod ys205_inline_enumeration;
mod ys301_unexplained_abbreviation;
mod ys302_bare_legal_reference;
mod ys303_vague_reference;
mod ys310_refusal_decision;
mod ys311_refusal_reason;
mod ys312_refusal_next_step;
mod ys313_refusal_deadline;
mod ys314_refusal_appeal;
mod ys315_refusal_contacts;

mod syntax;

#[cfg(test)]
mod testkit;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::config::OptionValue;
use crate::dict::{DictMatch, Lexicon};
use crate::report::{Category, Finding, Severity};
use crate::text::Text;

/// Builds every regex of the rules now (for `make regexes`).
#[cfg(feature = "regex-compiler")]
pub(crate) fn compile_regexes() {
    ys302_bare_legal_reference::compile_regexes();
}

/// Every rule yasno has, in id order.
pub fn registry() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(ys101_compound_preposition::CompoundPreposition),
        Box::new(ys102_stock_phrase::StockPhrase),
        Box::new(ys103_split_predicate::SplitPredicate),
        Box::new(ys104_empty_word::EmptyWord),
        Box::new(ys105_intensifier::Intensifier),
        Box::new(ys120_verbal_noun_overload::VerbalNounOverload),
        Box::new(ys121_genitive_chain::GenitiveChain),
        Box::new(ys122_passive_without_agent::PassiveWithoutAgent),
        Box::new(ys123_impersonal_address::ImpersonalAddress),
        Box::new(ys124_you_capitalisation::YouCapitalisation),
        Box::new(ys125_double_negation::DoubleNegation),
        Box::new(ys190_organisation_dictionary::OrganisationDictionary),
        Box::new(ys201_long_sentence::LongSentence),
        Box::new(ys202_long_paragraph::LongParagraph),
        Box::new(ys203_complex_sentence::ComplexSentence),
        Box::new(ys204_caps::Caps),
        Box::new(ys205_inline_enumeration::InlineEnumeration),
        Box::new(ys301_unexplained_abbreviation::UnexplainedAbbreviation),
        Box::new(ys302_bare_legal_reference::BareLegalReference),
        Box::new(ys303_vague_reference::VagueReference),
        Box::new(ys310_refusal_decision::RefusalDecision),
        Box::new(ys311_refusal_reason::RefusalReason),
        Box::new(ys312_refusal_next_step::RefusalNextStep),
        Box::new(ys313_refusal_deadline::RefusalDeadline),
        Box::new(ys314_refusal_appeal::RefusalAppeal),
        Box::new(ys315_refusal_contacts::RefusalContacts),
    ]
}

/// Docs of every rule, in id order.
pub fn docs() -> Vec<&'static RuleDoc> {
    registry().iter().map(|r| r.doc()).collect()
}

/// The documentation of a rule: what `yasno explain`, the README and the web
/// page show. All text is Russian.
#[derive(Debug, Serialize)]
pub struct RuleDoc {
    /// Stable id, `YS` + three digits.
    pub id: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// A short title.
    pub title: &'static str,
    /// What it flags.
    pub what: &'static str,
    /// Why it matters to the reader.
    pub why: &'static str,
    /// A sentence it flags.
    pub bad: &'static str,
    /// The same sentence, fixed.
    pub good: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// Tunable thresholds.
    pub options: &'static [OptionDoc],
    /// True when the rule reports entries of `dictionaries/*.toml`.
    pub dictionary: bool,
}

/// A rule option with its default.
#[derive(Debug, Serialize)]
pub struct OptionDoc {
    pub name: &'static str,
    pub default: i64,
    /// What it sets, in Russian.
    pub help: &'static str,
}

/// Everything a rule may look at.
pub struct Context<'a> {
    pub text: &'a Text<'a>,
    pub analysis: &'a Analysis,
    pub lexicon: &'a Lexicon,
    pub dict_matches: &'a [DictMatch],
    /// Abbreviations known to the readers (built-in list plus the config's).
    pub allowed_abbreviations: &'a [String],
}

impl Context<'_> {
    /// The guessed part of speech of every token (`None` for non-words),
    /// shared by the syntax rules.
    pub fn tags(&self) -> &[Option<crate::morph::heuristics::Pos>] {
        &self.text.tags
    }
}

/// A rule: looks at the analysed text and emits findings.
pub trait Rule: Send + Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, ctx: &Context, out: &mut Emitter);
}

/// Collects the findings of one rule, filling in what the rule's docs and
/// settings give.
pub struct Emitter<'a> {
    doc: &'static RuleDoc,
    severity: Severity,
    severity_overridden: bool,
    options: &'a BTreeMap<String, OptionValue>,
    src: &'a str,
    pub findings: Vec<Finding>,
}

impl<'a> Emitter<'a> {
    pub fn new(
        doc: &'static RuleDoc,
        severity: Option<Severity>,
        options: &'a BTreeMap<String, OptionValue>,
        src: &'a str,
    ) -> Self {
        Emitter {
            doc,
            severity: severity.unwrap_or(doc.severity),
            severity_overridden: severity.is_some(),
            options,
            src,
            findings: Vec::new(),
        }
    }

    /// True when the config sets this rule's severity.
    pub fn severity_overridden(&self) -> bool {
        self.severity_overridden
    }

    /// Adds a finding over `start..end` with the rule's default explanation.
    pub fn push(&mut self, start: usize, end: usize, message: impl Into<String>) -> &mut Finding {
        self.findings.push(Finding {
            rule: self.doc.id.to_string(),
            category: self.doc.category,
            severity: self.severity,
            start,
            end,
            text: self.src[start..end].to_string(),
            message: message.into(),
            explanation: self.doc.why.to_string(),
            suggestions: Vec::new(),
            edits: Vec::new(),
            safe: false,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// The severity this rule reports at (after the config's override).
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// A numeric option: the configured value or the documented default.
    pub fn option(&self, name: &str) -> i64 {
        match self.options.get(name) {
            Some(OptionValue::Int(v)) => *v,
            Some(OptionValue::Float(v)) => *v as i64,
            _ => self.doc.options.iter().find(|o| o.name == name).map_or(0, |o| o.default),
        }
    }
}

/// «1 слово», «3 слова», «25 слов»: a number with the noun form that agrees with it.
pub(crate) fn plural(n: usize, one: &str, few: &str, many: &str) -> String {
    let form = match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    };
    format!("{n} {form}")
}
