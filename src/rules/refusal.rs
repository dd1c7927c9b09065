//! Shared reporting for the refusal checklist rules (YS310–YS315): each
//! reports one missing element of a refusal, anchored at the words that
//! state the decision (or the first sentence). The analysis in
//! `crate::analysis` decides whether the document is a refusal and what it
//! holds.

use super::{Context, Emitter};
use crate::analysis::Element;

/// Reports `element` if the document is a refusal and lacks it. `message`
/// is used as is; a note of the analysis (what exactly is missing) follows
/// it after a colon.
pub(super) fn report(ctx: &Context, out: &mut Emitter, element: Element, message: &str) {
    let Some(refusal) = &ctx.analysis.refusal else { return };
    let check = refusal.check(element);
    if check.present {
        return;
    }
    let text = match check.note {
        Some(note) => format!("{message}: {note}"),
        None => message.to_string(),
    };
    out.push(refusal.anchor.start, refusal.anchor.end, text);
}

#[cfg(test)]
pub(super) mod testing {
    use crate::{Checker, Config, Profile};

    /// Messages of `rule` on a letter whose body is `body`, with automatic
    /// detection (a lone sentence is a fragment, not a document).
    pub fn messages(rule: &str, body: &str) -> Vec<String> {
        messages_with(Config::default(), rule, &crate::analysis::tests::letter(body))
    }

    /// Messages of `rule` on `text` checked as a refusal.
    pub fn messages_as_refusal(rule: &str, text: &str) -> Vec<String> {
        messages_with(Config { profile: Profile::Refusal, ..Config::default() }, rule, text)
    }

    fn messages_with(config: Config, rule: &str, text: &str) -> Vec<String> {
        let checker = Checker::new(config).unwrap();
        checker.check(text).findings.into_iter().filter(|f| f.rule == rule).map(|f| f.message).collect()
    }
}
