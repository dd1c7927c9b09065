//! Ясно (yasno): finds what makes an official Russian letter hard to read.
//!
//! Text goes in and a [`Report`] comes out; the core does no I/O:
//!
//! ```
//! let checker = yasno::Checker::new(yasno::Config::default()).unwrap();
//! let report = checker.check("В связи с отсутствием документов заявление возвращено.");
//! assert_eq!(report.findings[0].rule, "YS101");
//! ```

pub mod analysis;
pub mod config;
pub mod dict;
#[cfg(feature = "formats")]
pub mod formats;
pub mod metrics;
pub mod morph;
pub mod offsets;
pub mod report;
pub mod rules;
pub mod score;
#[cfg(test)]
mod testcorpus;
pub mod text;
#[cfg(any(feature = "wasm", feature = "wasm-formats", feature = "wasm-dictionaries"))]
pub mod wasm;

pub use config::{Config, ConfigError, ExtraDictionary, OptionValue, Profile, RuleConfig};
pub use report::{apply_edits, Category, DocKind, Edit, Finding, Report, Severity, SCHEMA_VERSION};
pub use rules::{OptionDoc, RuleDoc};

use dict::Lexicon;
use rules::{Context, Emitter, Rule};
use text::Text;

/// The version of yasno.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A configured checker. Build it once, check many texts.
pub struct Checker {
    config: Config,
    rules: Vec<Box<dyn Rule>>,
    lexicon: std::sync::Arc<Lexicon>,
    /// Stems of the words seen by earlier checks: a document re-checked
    /// after an edit, or the next letter of a batch, repeats most words,
    /// and stemming is the dearest part of reading a text.
    stems: std::sync::Mutex<morph::StemCache>,
}

/// Words whose stems a checker keeps at most (a few megabytes); past it the
/// cache starts afresh.
const MAX_CACHED_STEMS: usize = 100_000;

impl Checker {
    /// Validates the config and compiles the dictionaries.
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        let all = rules::registry();
        for (id, rc) in &config.rules {
            let rule =
                all.iter().find(|r| r.doc().id == id).ok_or_else(|| ConfigError::UnknownRule(id.clone()))?;
            for (name, value) in &rc.options {
                if !rule.doc().options.iter().any(|o| o.name == name) {
                    return Err(ConfigError::UnknownOption { rule: id.clone(), option: name.clone() });
                }
                if !matches!(value, OptionValue::Int(v) if *v > 0) {
                    return Err(ConfigError::BadOption {
                        rule: id.clone(),
                        option: name.clone(),
                        expected: "a positive whole number".into(),
                    });
                }
            }
        }
        let extra: Vec<(&str, &str)> =
            config.dictionaries.iter().map(|d| (d.name.as_str(), d.source.as_str())).collect();
        let is_dictionary_rule = |id: &str| all.iter().any(|r| r.doc().id == id && r.doc().dictionary);
        let lexicon = dict::compile(!config.no_builtin_dictionaries, &extra, &is_dictionary_rule)
            .map_err(|(name, message)| ConfigError::Dictionary { name, message })?;
        let rules =
            all.into_iter().filter(|r| config.rules.get(r.doc().id).and_then(|c| c.enabled) != Some(false));
        Ok(Checker { rules: rules.collect(), config, lexicon, stems: Default::default() })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The compiled dictionaries.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Checks one text: normalise → segment → analyse → rules → report.
    pub fn check(&self, src: &str) -> Report {
        let text = self.read(src); // normalise + segment
        let analysis = analysis::analyse(&text, &self.config);
        let dict_matches = self.lexicon.find(&text);
        let ctx = Context {
            text: &text,
            analysis: &analysis,
            lexicon: &self.lexicon,
            dict_matches: &dict_matches,
            allowed_abbreviations: &self.config.allowed_abbreviations,
        };
        let mut findings = Vec::new();
        for rule in &self.rules {
            let rc = self.config.rules.get(rule.doc().id);
            let empty = Default::default();
            let mut out =
                Emitter::new(rule.doc(), rc.and_then(|c| c.severity), rc.map_or(&empty, |c| &c.options), src);
            rule.check(&ctx, &mut out);
            findings.append(&mut out.findings);
        }
        // Placeholders are never flagged themselves.
        findings.retain(|f| !text.inside_placeholder(f.start, f.end));
        findings.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
        let metrics = metrics::compute(&text);
        let score = score::score(&findings, metrics.words);
        Report {
            schema_version: SCHEMA_VERSION,
            findings,
            metrics,
            score,
            document: report::DocumentInfo {
                kind: analysis.kind,
                detected: analysis.detected,
                checklist: analysis.checklist,
            },
        }
    }
}

impl Checker {
    /// The text model of `src`, with the checker's stem cache when no other
    /// thread holds it (threads never wait for each other).
    fn read<'a>(&self, src: &'a str) -> Text<'a> {
        use std::sync::TryLockError;
        let mut stems = match self.stems.try_lock() {
            Ok(stems) => stems,
            Err(TryLockError::Poisoned(poisoned)) => {
                self.stems.clear_poison();
                let mut stems = poisoned.into_inner();
                stems.clear();
                stems
            }
            Err(TryLockError::WouldBlock) => return Text::new(src),
        };
        if stems.len() > MAX_CACHED_STEMS {
            stems.clear();
        }
        Text::with_stems(src, &mut stems)
    }
}

/// Docs of every rule, in id order.
pub fn rule_docs() -> Vec<&'static RuleDoc> {
    rules::docs()
}
