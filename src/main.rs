//! The `yasno` command line.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use yasno::offsets::LineIndex;
use yasno::{Checker, Config, Finding, Report, Severity};

#[derive(Parser)]
#[command(name = "yasno", version, about = "Ясно: проверка понятности официальных писем на русском языке")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files (or `-` for standard input).
    Check(CheckArgs),
    /// List all rules.
    Rules,
    /// Explain one rule: what it flags, why, an example and the fix.
    Explain { id: String },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Hint,
    Warning,
    Error,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files to check; `-` or nothing reads standard input.
    files: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    schema_version: u32,
    findings: Vec<JsonFinding<'a>>,
    metrics: &'a yasno::metrics::Metrics,
    score: f64,
    document: &'a yasno::report::DocumentInfo,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Rules => {
            for d in yasno::rule_docs() {
                println!("{}  {:<8} {:<11} {}", d.id, d.severity.as_str(), d.category.as_str(), d.title);
            }
            ExitCode::SUCCESS
        }
        Command::Explain { id } => {
            let id = id.to_uppercase();
            match yasno::rule_docs().into_iter().find(|d| d.id == id || d.name == id.to_lowercase()) {
                Some(d) => {
                    println!("{} {} ({}, {})\n", d.id, d.title, d.category.label_ru(), d.severity.label_ru());
                    println!("Что ищет\n  {}\n\nПочему это плохо\n  {}\n", d.what, d.why);
                    println!("Пример\n  − {}\n  + {}\n\nКак исправить\n  {}", d.bad, d.good, d.fix);
                    if !d.options.is_empty() {
                        println!("\nНастройки");
                        for o in d.options {
                            println!("  {} = {}  {}", o.name, o.default, o.help);
                        }
                    }
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("yasno: no rule `{id}` (see `yasno rules`)");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check(args) => check(args),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let checker = match Checker::new(Config::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("yasno: {e}");
            return ExitCode::from(2);
        }
    };
    let files = if args.files.is_empty() { vec!["-".to_string()] } else { args.files.clone() };
    let mut input_error = false;
    let mut worst: Option<Severity> = None;
    let mut json = Vec::new();
    let mut counts = [0usize; 3];
    for path in &files {
        let text = match read(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("yasno: {path}: {e}");
                input_error = true;
                continue;
            }
        };
        let report = checker.check(&text);
        worst = worst.max(report.max_severity());
        for f in &report.findings {
            counts[f.severity as usize] += 1;
        }
        match args.format {
            Format::Text => print_text(path, &text, &report),
            Format::Json => json.push((path.clone(), text, report)),
        }
    }
    if let Format::Json = args.format {
        let files: Vec<JsonFile> = json
            .iter()
            .map(|(path, text, r)| {
                let idx = LineIndex::new(text);
                JsonFile {
                    path,
                    schema_version: r.schema_version,
                    findings: r
                        .findings
                        .iter()
                        .map(|f| {
                            let (line, column) = idx.line_col(text, f.start);
                            JsonFinding { finding: f, line, column }
                        })
                        .collect(),
                    metrics: &r.metrics,
                    score: r.score,
                    document: &r.document,
                }
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&files).expect("serialisable"));
    } else {
        let [h, w, e] = counts;
        println!("\n{} файл(ов): ошибок {e}, предупреждений {w}, советов {h}", files.len());
    }
    if input_error {
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Hint => Some(Severity::Hint),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    };
    match (threshold, worst) {
        (Some(t), Some(w)) if w >= t => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

fn read(path: &str) -> std::io::Result<String> {
    let mut buf = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut buf)?;
    } else {
        buf = std::fs::read(path)?;
    }
    String::from_utf8(buf).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })
}

fn print_text(path: &str, text: &str, report: &Report) {
    let idx = LineIndex::new(text);
    for f in &report.findings {
        let (line, col) = idx.line_col(text, f.start);
        let arrow = f.suggestions.first().map(|s| format!("  → {s}")).unwrap_or_default();
        println!("{path}:{line}:{col}  {:<7}  {}  {}{arrow}", f.severity.as_str(), f.rule, f.message);
    }
    println!(
        "{path}: ясность {:.1}/10, {} слов, {} предложений, {}",
        report.score, report.metrics.words, report.metrics.sentences, report.metrics.level
    );
}
