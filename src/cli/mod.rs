//! The `yasno` command line: arguments, then the pieces in this folder.
//! The analysis is the library's; this is input, config and output.

mod baseline;
mod check;
mod directives;
mod encoding;
mod inputs;
mod output;
mod sarif;
mod settings;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use yasno::config::Profile;
use yasno::Severity;

use check::{Engine, FileResult, Mode};
use inputs::Input;
use settings::Settings;

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(name = "yasno", version, about = "Ясно: проверка понятности официальных писем на русском языке")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files, directories, globs, or `-` for standard input.
    Check(CheckArgs),
    /// Record the current findings in a baseline file (see `check --baseline`).
    Baseline(BaselineArgs),
    /// List all rules.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Explain one rule: what it flags, why, an example and the fix.
    Explain { id: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
    Checkstyle,
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Hint,
    Warning,
    Error,
    Never,
}

impl FailOn {
    fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Hint => Some(Severity::Hint),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Auto,
    Letter,
    Refusal,
    Notice,
    Template,
}

#[derive(Args)]
struct InputArgs {
    /// Files, directories (recursive, honouring .gitignore), globs; `-` or
    /// nothing reads standard input.
    files: Vec<String>,
    /// Use this config file instead of the nearest yasno.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not look for yasno.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// The file name that standard input stands for (picks the format and profile).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Document kind for every file (overrides yasno.toml).
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// The encoding of text files (.txt, .md, .html, templates) that are not
    /// UTF-8: cp1251, koi8-r, cp866, utf-16le, … Files that are valid UTF-8
    /// are still read as UTF-8 (except with utf-16*); --fix writes each file
    /// back in its own encoding; .docx/.odt are unaffected.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Apply safe fixes in place (.txt, .md, .html; never .docx/.odt).
    #[arg(long)]
    fix: bool,
    /// With --fix: print a unified diff instead of writing.
    #[arg(long, requires = "fix")]
    dry_run: bool,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Args)]
struct BaselineArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Where to write the baseline.
    #[arg(long, short, value_name = "FILE", default_value = ".yasno-baseline.json")]
    output: PathBuf,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules { format } => rules(format),
        Command::Explain { id } => explain(&id),
        Command::Check(args) => run_check(args),
        Command::Baseline(args) => run_baseline(args),
    }
}

fn rules(format: RulesFormat) -> ExitCode {
    match format {
        RulesFormat::Text => {
            for d in yasno::rule_docs() {
                println!(
                    "{}  {:<8} {:<11} {:<24} {}",
                    d.id,
                    d.severity.as_str(),
                    d.category.as_str(),
                    d.name,
                    d.title
                );
            }
        }
        RulesFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&yasno::rule_docs()).expect("serialisable"));
        }
    }
    ExitCode::SUCCESS
}

fn explain(id: &str) -> ExitCode {
    let key = id.to_uppercase();
    match yasno::rule_docs().into_iter().find(|d| d.id == key || d.name == id.to_lowercase()) {
        Some(d) => {
            println!("{} {} ({}, {})\n", d.id, d.title, d.category.label_ru(), d.severity.label_ru());
            println!("Что ищет\n  {}\n\nПочему это плохо\n  {}\n", d.what, d.why);
            println!("Пример\n  − {}\n  + {}\n\nКак исправить\n  {}", d.bad, d.good, d.fix);
            if !d.options.is_empty() {
                println!("\nНастройки (yasno.toml, [rules.{}])", d.id);
                for o in d.options {
                    println!("  {} = {}  {}", o.name, o.default, o.help);
                }
            }
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("yasno: no rule `{id}` (see `yasno rules`)");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Config, inputs and checkers shared by `check` and `baseline`.
struct Prepared {
    settings: Settings,
    inputs: Vec<Input>,
    input_errors: Vec<inputs::InputError>,
    engine: Engine,
    cwd: PathBuf,
    /// `--encoding`; `None`: UTF-8.
    encoding: Option<&'static encoding_rs::Encoding>,
}

fn prepare(args: &InputArgs) -> Result<Prepared, ExitCode> {
    let fail = |msg: String| {
        eprintln!("yasno: {msg}");
        ExitCode::from(EXIT_USAGE)
    };
    if args.files.is_empty() && std::io::stdin().is_terminal() {
        return Err(fail(
            "no files given (FILES…, or `-` to read standard input); see `yasno check --help`".into(),
        ));
    }
    let encoding = args.encoding.as_deref().map(encoding::parse_label).transpose().map_err(fail)?;
    let cwd = std::env::current_dir().map_err(|e| fail(format!("no current directory: {e}")))?;
    let mut settings =
        Settings::load(args.config.as_deref(), !args.no_config, &cwd).map_err(|e| fail(e.to_string()))?;
    if let Some(p) = args.profile {
        settings.config.profile = match p {
            ProfileArg::Auto => Profile::Auto,
            ProfileArg::Letter => Profile::Letter,
            ProfileArg::Refusal => Profile::Refusal,
            ProfileArg::Notice => Profile::Notice,
            ProfileArg::Template => Profile::Template,
        };
        settings.overrides.clear();
    }
    let (inputs, input_errors) = inputs::collect(&args.files, args.stdin_filename.as_deref(), &settings);
    let engine = Engine::new(&settings, &settings.profiles()).map_err(fail)?;
    Ok(Prepared { settings, inputs, input_errors, engine, cwd, encoding })
}

/// Checks every input in parallel; results come back in input order.
fn check_all(
    p: &Prepared,
    baseline: Option<&baseline::Baseline>,
    mode: Mode,
    progress: bool,
) -> Vec<FileResult> {
    // Standard input is read up front, on this thread.
    let mut stdin_bytes = p.inputs.iter().find(|i| matches!(i, Input::Stdin { .. })).map(check::read_input);
    let bar = if progress && p.inputs.len() >= 20 && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(p.inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos}/{len} {wide_bar} {elapsed}")
                .expect("progress template"),
        );
        Some(bar)
    } else {
        None
    };
    let owned: Vec<(&Input, Option<std::io::Result<Vec<u8>>>)> = p
        .inputs
        .iter()
        .map(|i| (i, if matches!(i, Input::Stdin { .. }) { stdin_bytes.take() } else { None }))
        .collect();
    let mut results: Vec<FileResult> = owned
        .into_par_iter()
        .map(|(input, pre)| {
            let bytes = pre.unwrap_or_else(|| check::read_input(input));
            let r = check::process(input, bytes, p.encoding, &p.settings, &p.engine, baseline, mode);
            if let Some(b) = &bar {
                b.inc(1);
            }
            r
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // Arguments that named nothing come last, in argument order.
    results.extend(p.input_errors.iter().map(|e| FileResult {
        path: e.path.clone(),
        key: e.path.clone(),
        format: yasno::formats::Format::Text,
        outcome: Err(e.message.clone()),
        notes: Vec::new(),
    }));
    results
}

fn report_problems(results: &[FileResult], to_stderr: bool) {
    let mut err = std::io::stderr().lock();
    for r in results {
        for n in &r.notes {
            let _ = writeln!(err, "yasno: {n}");
        }
        if to_stderr {
            if let Err(e) = &r.outcome {
                let _ = writeln!(err, "yasno: {}: {e}", r.path);
            }
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let prepared = match prepare(&args.input) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if args.fix && !args.dry_run && prepared.inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
        eprintln!("yasno: --fix needs files (standard input cannot be fixed in place; use --fix --dry-run)");
        return ExitCode::from(EXIT_USAGE);
    }
    let baseline = match &args.baseline {
        Some(path) => match baseline::Baseline::load(path) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("yasno: {e}");
                return ExitCode::from(EXIT_USAGE);
            }
        },
        None => None,
    };
    let mode = Mode { fix: args.fix, dry_run: args.dry_run };
    let results = check_all(&prepared, baseline.as_ref(), mode, !args.no_progress);
    let summary = output::Summary::of(&results);
    let seconds = started.elapsed().as_secs_f64();
    let fail_on = args.fail_on.severity();

    // Problems go to stderr; for text output they are also the only place
    // an unreadable file shows up.
    report_problems(&results, true);
    let mut stdout = std::io::stdout().lock();
    let written = if args.dry_run {
        let diffs: String =
            results.iter().filter_map(|r| r.outcome.as_ref().ok().and_then(|c| c.diff.clone())).collect();
        eprintln!("yasno: --dry-run: можно исправить {} замечаний, файлы не изменены", summary.fixed);
        stdout.write_all(diffs.as_bytes())
    } else {
        let body = match args.format {
            Format::Text => format!("{}{}\n", output::text(&results), summary.line(seconds)),
            Format::Json => output::json(&results, summary),
            Format::Sarif => sarif::sarif(&results, &prepared.cwd, summary.unreadable == 0),
            Format::Github => output::github(&results, &summary, seconds),
            Format::Checkstyle => output::checkstyle(&results),
            Format::Junit => output::junit(&results, fail_on, seconds),
        };
        if !matches!(args.format, Format::Text | Format::Github) {
            eprintln!("{}", summary.line(seconds));
        }
        stdout.write_all(body.as_bytes())
    };
    if let Err(e) = written.and_then(|_| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("yasno: cannot write the report: {e}");
        }
        return ExitCode::from(EXIT_USAGE);
    }
    if summary.unreadable > 0 {
        return ExitCode::from(EXIT_USAGE);
    }
    match (fail_on, check::worst(&results)) {
        (Some(t), Some(w)) if w >= t => ExitCode::from(EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    }
}

fn run_baseline(args: BaselineArgs) -> ExitCode {
    let prepared = match prepare(&args.input) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let results = check_all(&prepared, None, Mode::default(), true);
    report_problems(&results, true);
    let mut entries = Vec::new();
    for r in &results {
        if let Ok(c) = &r.outcome {
            entries.extend(baseline::entries(&r.key, &c.findings));
        }
    }
    let n = entries.len();
    let file = baseline::BaselineFile { version: 1, findings: entries };
    let text = serde_json::to_string_pretty(&file).expect("serialisable") + "\n";
    if let Err(e) = std::fs::write(&args.output, text) {
        eprintln!("yasno: {}: cannot write: {e}", args.output.display());
        return ExitCode::from(EXIT_USAGE);
    }
    eprintln!("yasno: записано замечаний в базовую линию {}: {n}", display(&args.output));
    if results.iter().any(|r| r.outcome.is_err()) {
        return ExitCode::from(EXIT_USAGE);
    }
    ExitCode::SUCCESS
}

fn display(p: &Path) -> String {
    inputs::display_path(p)
}
