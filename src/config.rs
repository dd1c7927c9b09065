//! Settings of a [`crate::Checker`]. The same shape is read from
//! `yasno.toml` by the CLI and from the options object in JavaScript.

#[cfg(feature = "toml")]
pub mod file;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::report::{DocKind, Severity};

/// Which kind of document to assume. `auto` detects it from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    #[default]
    Auto,
    Letter,
    Refusal,
    Notice,
    Template,
}

impl Profile {
    pub fn fixed_kind(self) -> Option<DocKind> {
        match self {
            Profile::Auto => None,
            Profile::Letter => Some(DocKind::Letter),
            Profile::Refusal => Some(DocKind::Refusal),
            Profile::Notice => Some(DocKind::Notice),
            Profile::Template => Some(DocKind::Template),
        }
    }
}

/// A value of a rule option (a threshold or a list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OptionValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<String>),
}

/// Settings of one rule. Not `deny_unknown_fields`: serde would then refuse
/// the flattened options too; [`crate::Checker::new`] checks option names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RuleConfig {
    /// `false` switches the rule off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Overrides the rule's default severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Rule-specific thresholds, e.g. `max_words = 30`.
    #[serde(flatten)]
    pub options: BTreeMap<String, OptionValue>,
}

/// An extra dictionary given at run time, in the format of `dictionaries/*.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraDictionary {
    /// A name used in error messages (a file name, say).
    pub name: String,
    /// The TOML text.
    pub source: String,
}

/// All settings of a checker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which kind of document to assume.
    #[serde(default)]
    pub profile: Profile,
    /// Per-rule settings, keyed by rule id (`YS201`).
    #[serde(default)]
    pub rules: BTreeMap<String, RuleConfig>,
    /// Extra dictionaries, same format as the built-in ones.
    #[serde(default)]
    pub dictionaries: Vec<ExtraDictionary>,
    /// Abbreviations the readers are known to understand (besides the built-in list).
    #[serde(default)]
    pub allowed_abbreviations: Vec<String>,
    /// Skip the built-in dictionaries (use only `dictionaries`).
    #[serde(default)]
    pub no_builtin_dictionaries: bool,
}

/// Why a [`Config`] was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    UnknownRule(String),
    UnknownOption { rule: String, option: String },
    BadOption { rule: String, option: String, expected: String },
    Dictionary { name: String, message: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownRule(id) => write!(f, "unknown rule `{id}` (see `yasno rules`)"),
            ConfigError::UnknownOption { rule, option } => {
                write!(f, "rule {rule} has no option `{option}`")
            }
            ConfigError::BadOption { rule, option, expected } => {
                write!(f, "rule {rule}: option `{option}` must be {expected}")
            }
            ConfigError::Dictionary { name, message } => write!(f, "dictionary {name}: {message}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checker;

    #[test]
    fn rule_options_are_read_from_json_and_toml() {
        let json: Config =
            serde_json::from_str(r#"{"rules": {"YS201": {"max_words": 12, "severity": "error"}}}"#).unwrap();
        let toml: Config = toml::from_str("[rules.YS201]\nmax_words = 12\nseverity = \"error\"\n").unwrap();
        assert_eq!(json, toml);
        let rc = &json.rules["YS201"];
        assert_eq!(rc.options.get("max_words"), Some(&OptionValue::Int(12)));
        assert_eq!(rc.severity, Some(Severity::Error));
        assert!(Checker::new(json).is_ok());
    }

    #[test]
    fn unknown_rule_option_is_refused_by_the_checker() {
        let config: Config = serde_json::from_str(r#"{"rules": {"YS201": {"max_sentence": 5}}}"#).unwrap();
        let err = Checker::new(config).err().unwrap();
        assert_eq!(err, ConfigError::UnknownOption { rule: "YS201".into(), option: "max_sentence".into() });
    }
}
