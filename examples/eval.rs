//! Evaluation over the real corpus, for a person to judge (`make eval`).
//!
//! Prints, per rule, how many findings it gives and in how many documents,
//! then a fixed random sample of flagged sentences with the span marked
//! ⟦like this⟧, so that someone can judge each finding right or wrong and
//! compute the rule's precision (see docs/evaluation.md). The sample depends
//! only on the seed, the corpus and the rules, so a re-run shows the same
//! findings until the rules change.
//!
//! ```text
//! cargo run --release --example eval -- [--corpus DIR] [--sample N] [--seed S] [--rule YS101] [--docs]
//!     [--judgements FILE] [--todo] [--phrases]
//! ```
//!
//! With `--judgements` (a TSV: rule, file, start, end, span, verdict `ok` or
//! `wrong`, note), each sampled finding shows the verdict already given, and
//! a table of the precision per rule over the judged sample ends the output.
//! `--todo` prints, instead, TSV rows for the sampled findings not judged yet,
//! to fill in and append to the file. `--phrases` prints, instead of the
//! samples, how often each flagged phrase occurs per rule: the frequent
//! ones decide a dictionary rule's precision.
//!
//! The corpus is `--corpus`, else `$YASNO_CORPUS`, else `../shared/corpus/real`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use yasno::offsets::LineIndex;
use yasno::text::Text;
use yasno::{Checker, Config, Finding, Report};

struct Args {
    corpus: PathBuf,
    sample: usize,
    seed: u64,
    rule: Option<String>,
    docs: bool,
    judgements: Option<PathBuf>,
    todo: bool,
    phrases: bool,
    repeat: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpus: match std::env::var_os("YASNO_CORPUS") {
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"),
        },
        sample: 10,
        seed: 2024,
        rule: None,
        docs: false,
        judgements: None,
        todo: false,
        phrases: false,
        repeat: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--corpus" => args.corpus = PathBuf::from(value()?),
            "--sample" => args.sample = value()?.parse().map_err(|e| format!("--sample: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--rule" => args.rule = Some(value()?.to_uppercase()),
            "--docs" => args.docs = true,
            "--judgements" => args.judgements = Some(PathBuf::from(value()?)),
            "--todo" => args.todo = true,
            "--phrases" => args.phrases = true,
            "--repeat" => args.repeat = value()?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "-h" | "--help" => {
                println!(
                    "usage: eval [--corpus DIR] [--sample N (10)] [--seed S (2024)] [--rule ID] [--docs]\n\
                     \x20           [--judgements FILE] [--todo]\n\
                     --docs also prints a table of documents (score, words, findings, grade)\n\
                     --judgements FILE shows verdicts given before and the precision per rule\n\
                     --todo prints TSV rows for the sampled findings not judged yet\n\
                     --phrases prints, per rule, how often each flagged phrase occurs (lower case)\n\
                     --repeat N checks the corpus N times (for profiling: valgrind --tool=callgrind)"
                );
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok(args)
}

/// A verdict given by a person on one finding.
struct Judgement {
    span: String,
    ok: bool,
    note: String,
}

/// (rule, file, start, end) of a finding.
type Key = (String, String, usize, usize);

/// Verdicts keyed by finding. Lines starting with `#` and the header are
/// skipped.
fn load_judgements(path: &Path) -> Result<BTreeMap<Key, Judgement>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("rule\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad =
            || format!("{}:{}: expected rule, file, start, end, span, ok|wrong, note", path.display(), n + 1);
        if cols.len() < 6 {
            return Err(bad());
        }
        let ok = match cols[5] {
            "ok" => true,
            "wrong" => false,
            _ => return Err(bad()),
        };
        let start = cols[2].parse().map_err(|_| bad())?;
        let end = cols[3].parse().map_err(|_| bad())?;
        out.insert(
            (cols[0].to_string(), cols[1].to_string(), start, end),
            Judgement { span: cols[4].to_string(), ok, note: cols.get(6).unwrap_or(&"").to_string() },
        );
    }
    Ok(out)
}

/// A span as one TSV cell: whitespace folded, long spans shortened.
fn tsv_span(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 80 {
        let head: String = s.chars().take(60).collect();
        format!("{head}…")
    } else {
        s
    }
}

struct Doc {
    name: String,
    text: String,
    report: Report,
}

/// One flagged sentence: the sentence (or the span's surroundings) with the
/// span marked, shortened around the span when long.
fn context(doc: &Doc, parsed: &Text, f: &Finding) -> String {
    let src = doc.text.as_str();
    let (mut from, mut to) = match parsed.sentence_at(f.start) {
        Some(i) => {
            let s = &parsed.sentences[i];
            (s.start.min(f.start), s.end.max(f.end))
        }
        None => (f.start, f.end),
    };
    const WIDE: usize = 160;
    // Keep at most WIDE characters either side of the span.
    let (mut cut_left, mut cut_right) = (false, false);
    let before: Vec<(usize, char)> = src[from..f.start].char_indices().collect();
    if before.len() > WIDE {
        from += before[before.len() - WIDE].0;
        cut_left = true;
    }
    if let Some((i, _)) = src[f.end..to].char_indices().nth(WIDE) {
        to = f.end + i;
        cut_right = true;
    }
    let span = if f.end - f.start > 600 {
        let head: String = src[f.start..f.end].chars().take(120).collect();
        let tail: Vec<char> = src[f.start..f.end].chars().collect();
        let tail: String = tail[tail.len().saturating_sub(60)..].iter().collect();
        format!("{head} … {tail}")
    } else {
        src[f.start..f.end].to_string()
    };
    let line = format!(
        "{}{}⟦{span}⟧{}{}",
        if cut_left { "…" } else { "" },
        &src[from..f.start],
        &src[f.end..to],
        if cut_right { "…" } else { "" },
    );
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::from(2);
        }
    };
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&args.corpus) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("eval: corpus {}: {e} (set YASNO_CORPUS or --corpus)", args.corpus.display());
            return ExitCode::from(2);
        }
    };
    paths.sort();
    let judgements = match args.judgements.as_deref().map(load_judgements).transpose() {
        Ok(j) => j.unwrap_or_default(),
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::from(2);
        }
    };
    let checker = Checker::new(Config::default()).expect("default config");
    let docs: Vec<Doc> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            for _ in 1..args.repeat {
                std::hint::black_box(checker.check(&text));
            }
            let report = checker.check(&text);
            Doc { name: p.file_name().unwrap().to_string_lossy().into_owned(), text, report }
        })
        .collect();

    let words: usize = docs.iter().map(|d| d.report.metrics.words).sum();
    let findings: usize = docs.iter().map(|d| d.report.findings.len()).sum();
    let mean_score = docs.iter().map(|d| d.report.score).sum::<f64>() / docs.len().max(1) as f64;
    // (doc index, finding index) per rule, in corpus order.
    let mut by_rule: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        for (fi, f) in d.report.findings.iter().enumerate() {
            by_rule.entry(f.rule.clone()).or_default().push((di, fi));
        }
    }

    if !args.todo {
        println!("# yasno {} — evaluation over {}", yasno::VERSION, args.corpus.display());
        println!(
            "{} documents, {words} words, {findings} findings ({:.1} per 100 words), mean score {mean_score:.1}; \
             sample of {} per rule, seed {}\n",
            docs.len(),
            findings as f64 * 100.0 / words.max(1) as f64,
            args.sample,
            args.seed
        );

        if args.docs {
            println!("## Documents\n");
            println!(
                "{:<52} {:>5} {:>6} {:>8} {:>6}  by rule",
                "document", "score", "words", "findings", "grade"
            );
            for d in &docs {
                let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
                for f in &d.report.findings {
                    *by_rule.entry(f.rule.as_str()).or_default() += 1;
                }
                let by_rule: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r}×{n}")).collect();
                println!(
                    "{:<52} {:>5.1} {:>6} {:>8} {:>6.1}  {}",
                    d.name,
                    d.report.score,
                    d.report.metrics.words,
                    d.report.findings.len(),
                    d.report.metrics.grade,
                    by_rule.join(" ")
                );
            }
            println!();
        }

        println!("## Rules\n");
        println!("{:<7} {:>8} {:>9}  title", "rule", "findings", "documents");
        for doc in yasno::rule_docs() {
            let hits = by_rule.get(doc.id).map_or(&[][..], |v| v.as_slice());
            let mut in_docs: Vec<usize> = hits.iter().map(|h| h.0).collect();
            in_docs.dedup();
            println!("{:<7} {:>8} {:>9}  {}", doc.id, hits.len(), in_docs.len(), doc.title);
        }
        println!();
    }

    if args.phrases {
        for doc in yasno::rule_docs() {
            if args.rule.as_deref().is_some_and(|r| r != doc.id) {
                continue;
            }
            let Some(hits) = by_rule.get(doc.id) else { continue };
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for &(di, fi) in hits {
                let text = tsv_span(&docs[di].report.findings[fi].text).to_lowercase().replace('ё', "е");
                *counts.entry(text).or_default() += 1;
            }
            let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            println!("## {} {} — {} findings, {} distinct\n", doc.id, doc.title, hits.len(), counts.len());
            for (text, n) in counts {
                println!("{n:>5}  {text}");
            }
            println!();
        }
        return ExitCode::SUCCESS;
    }

    let mut parsed: Vec<Option<Text>> = docs.iter().map(|_| None).collect();
    // Per rule: (findings, sampled, judged, correct in the sample; judged, correct among all findings).
    type Row<'a> = (&'a str, usize, usize, usize, usize, usize, usize);
    let mut precision: Vec<Row> = Vec::new();
    if args.todo {
        println!("rule\tfile\tstart\tend\tspan\tverdict\tnote");
    }
    for doc in yasno::rule_docs() {
        if args.rule.as_deref().is_some_and(|r| r != doc.id) {
            continue;
        }
        let Some(hits) = by_rule.get(doc.id) else { continue };
        // A fixed sample: the seed mixed with the rule id, so that adding a
        // rule does not change the samples of the others.
        let rule_seed = doc.id.bytes().fold(args.seed, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
        let mut rng = fastrand::Rng::with_seed(rule_seed);
        let mut chosen: Vec<usize> = (0..hits.len()).collect();
        rng.shuffle(&mut chosen);
        chosen.truncate(args.sample);
        chosen.sort_unstable();
        if chosen.is_empty() {
            continue;
        }
        let (mut judged, mut correct) = (0, 0);
        if !args.todo {
            println!("## {} {} — sample {} of {}\n", doc.id, doc.title, chosen.len(), hits.len());
        }
        for (n, &k) in chosen.iter().enumerate() {
            let (di, fi) = hits[k];
            let d = &docs[di];
            let f = &d.report.findings[fi];
            let key = (f.rule.clone(), d.name.clone(), f.start, f.end);
            let verdict = judgements.get(&key).filter(|j| j.span == tsv_span(&f.text));
            if let Some(j) = verdict {
                judged += 1;
                correct += j.ok as usize;
            }
            if args.todo {
                if verdict.is_none() {
                    println!("{}\t{}\t{}\t{}\t{}\t\t", f.rule, d.name, f.start, f.end, tsv_span(&f.text));
                }
                continue;
            }
            let text = parsed[di].get_or_insert_with(|| Text::new(&d.text));
            let (line, col) = LineIndex::new(&d.text).line_col(&d.text, f.start);
            let fix = f.suggestions.first().map(|s| format!(" → {s}")).unwrap_or_default();
            println!("{:>2}. {}:{line}:{col} [{}] {}{fix}", n + 1, d.name, f.severity.as_str(), f.message);
            println!("    {}", context(d, text, f));
            match verdict {
                Some(j) if j.ok => println!("    ✓ верно {}\n", j.note),
                Some(j) => println!("    ✗ ошибка: {}\n", j.note),
                None if args.judgements.is_some() => {
                    println!("    ? не оценено ({} {} {})\n", d.name, f.start, f.end)
                }
                None => println!(),
            }
        }
        // Every current finding judged in any round (earlier samples too).
        let (mut judged_all, mut correct_all) = (0, 0);
        for &(di, fi) in hits {
            let (d, f) = (&docs[di], &docs[di].report.findings[fi]);
            let key = (f.rule.clone(), d.name.clone(), f.start, f.end);
            if let Some(j) = judgements.get(&key).filter(|j| j.span == tsv_span(&f.text)) {
                judged_all += 1;
                correct_all += j.ok as usize;
            }
        }
        precision.push((doc.id, hits.len(), chosen.len(), judged, correct, judged_all, correct_all));
    }
    if args.judgements.is_some() && !args.todo {
        println!("## Precision over the judged sample\n");
        println!(
            "Sample: the fixed sample above. All judged: every current finding that has a verdict,\n\
             from this sample or an earlier one (a finding judged before the rules changed counts\n\
             while it is still reported with the same span).\n"
        );
        println!(
            "{:<7} {:>8} {:>7} {:>6} {:>7} {:>9}   {:>10} {:>7} {:>9}",
            "rule",
            "findings",
            "sample",
            "judged",
            "correct",
            "precision",
            "all judged",
            "correct",
            "precision"
        );
        let pct = |c: usize, j: usize| {
            if j > 0 {
                format!("{:.0}%", c as f64 * 100.0 / j as f64)
            } else {
                "—".into()
            }
        };
        for (id, found, sampled, judged, correct, judged_all, correct_all) in precision {
            println!(
                "{id:<7} {found:>8} {sampled:>7} {judged:>6} {correct:>7} {:>9}   {judged_all:>10} {correct_all:>7} {:>9}",
                pct(correct, judged),
                pct(correct_all, judged_all)
            );
        }
    }
    ExitCode::SUCCESS
}
