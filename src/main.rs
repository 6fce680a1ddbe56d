use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use wirelint::diagnostic::Severity;
use wirelint::fix::FixOptions;
use wirelint::report::{self, Format, graph::GraphFormat};
use wirelint::rules;

/// Finds event-wiring bugs between Socket.IO clients and servers.
#[derive(Parser)]
#[command(name = "wirelint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a project and report wiring bugs (exit 1 when an error is found).
    Check {
        /// Files or directories to check.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Make warnings fail the run too.
        #[arg(long)]
        deny_warnings: bool,
        /// Apply safe fixes to the files, then report what is left.
        #[arg(long)]
        fix: bool,
        /// With --fix or --diff: apply suggested fixes too.
        #[arg(long)]
        unsafe_fixes: bool,
        /// Print the fixes as a unified diff and change nothing (exit 1 if there is one).
        #[arg(long, conflicts_with = "fix")]
        diff: bool,
        /// Print the wall time of each phase to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Print the event graph: every event with its emits and handlers.
    Graph {
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
        format: GraphFormat,
    },
    /// Follow one event from the emit to its receivers and show where it stalls.
    Trace {
        /// The event name, e.g. `message:new`.
        event: String,
        /// Only this namespace, e.g. `/admin`.
        #[arg(long)]
        namespace: Option<String>,
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = TraceFormat::Human)]
        format: TraceFormat,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, e.g. `unmatched-emit`.
        id: Option<String>,
    },
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
            fix,
            unsafe_fixes,
            diff,
            timings,
        } => {
            let options = FixOptions { unsafe_fixes };
            if diff {
                show_diff(&paths, options)
            } else {
                check(
                    &paths,
                    format,
                    deny_warnings,
                    fix.then_some(options),
                    timings,
                )
            }
        }
        Command::Graph { paths, format } => match wirelint::analyze(&paths) {
            Ok(analysis) => print(&report::graph::render(&analysis, format)),
            Err(error) => usage_error(&error.to_string()),
        },
        Command::Rules { id } => rules_command(id.as_deref()),
        Command::Trace {
            event,
            namespace,
            paths,
            format,
        } => trace_command(&event, namespace.as_deref(), &paths, format),
    }
}

fn check(
    paths: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    fix: Option<FixOptions>,
    timings: bool,
) -> ExitCode {
    let mut write_failed = false;
    let analysis = match fix {
        None => wirelint::analyze(paths),
        Some(options) => wirelint::fix::plan(paths, options).map(|(outcome, analysis)| {
            for message in &outcome.reverted {
                eprintln!("wirelint: {message}");
            }
            let failures = wirelint::fix::write(&outcome);
            for failure in &failures {
                eprintln!("wirelint: error: {failure}");
            }
            write_failed = !failures.is_empty();
            let fixed: usize = outcome.applied.values().sum();
            if fixed > 0 {
                let rules = outcome
                    .applied
                    .iter()
                    .map(|(rule, n)| format!("{rule} ×{n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                eprintln!(
                    "wirelint: applied {fixed} fix{} in {} file{} ({rules})",
                    if fixed == 1 { "" } else { "es" },
                    outcome.changed.len(),
                    if outcome.changed.len() == 1 { "" } else { "s" }
                );
            }
            analysis
        }),
    };
    let analysis = match analysis {
        Ok(analysis) => analysis,
        Err(error) => return usage_error(&error.to_string()),
    };
    let root = paths
        .first()
        .map(|p| report::display_path(p))
        .unwrap_or_else(|| ".".to_owned());
    let text = match format {
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            report::human::render(&analysis, color)
        }
        Format::Json => report::json::render(&analysis, &root),
        Format::Compact => report::compact::render(&analysis),
    };
    let report_started = std::time::Instant::now();
    let printed = print(&text);
    if timings {
        print_timings(&analysis.timings, report_started.elapsed());
    }
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    let failing = if deny_warnings {
        Severity::Warning
    } else {
        Severity::Error
    };
    if write_failed {
        ExitCode::from(EXIT_USAGE)
    } else if analysis.diagnostics.iter().any(|d| d.severity >= failing) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_timings(t: &wirelint::Timings, report: std::time::Duration) {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let total = t.discover + t.extract + t.link + t.rules + report;
    let mb = t.bytes as f64 / 1_000_000.0;
    eprintln!("wirelint timings ({} threads):", t.threads);
    eprintln!(
        "  discover        {:>9.2} ms  {} files, {:.2} MB",
        ms(t.discover),
        t.files,
        mb
    );
    eprintln!(
        "  parse+extract   {:>9.2} ms  {:.1} MB/s",
        ms(t.extract),
        mb / t.extract.as_secs_f64().max(1e-9)
    );
    eprintln!("  link            {:>9.2} ms", ms(t.link));
    eprintln!("  rules           {:>9.2} ms", ms(t.rules));
    eprintln!("  report/fix      {:>9.2} ms", ms(report));
    eprintln!("  total           {:>9.2} ms", ms(total));
}

fn show_diff(paths: &[PathBuf], options: FixOptions) -> ExitCode {
    let (outcome, _) = match wirelint::fix::plan(paths, options) {
        Ok(planned) => planned,
        Err(error) => return usage_error(&error.to_string()),
    };
    for message in &outcome.reverted {
        eprintln!("wirelint: {message}");
    }
    let printed = print(&wirelint::fix::diff(&outcome));
    if printed != ExitCode::SUCCESS {
        printed
    } else if outcome.changed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TraceFormat {
    Human,
    Json,
}

fn trace_command(
    event: &str,
    namespace: Option<&str>,
    paths: &[PathBuf],
    format: TraceFormat,
) -> ExitCode {
    let analysis = match wirelint::analyze(paths) {
        Ok(analysis) => analysis,
        Err(error) => return usage_error(&error.to_string()),
    };
    let Some(trace) = wirelint::trace::trace(&analysis, event, namespace) else {
        let close = wirelint::trace::close_names(&analysis, event);
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!(
                "; did you mean {}?",
                close
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return usage_error(&format!(
            "no emit or handler of \"{event}\" in this project{hint}"
        ));
    };
    let text = match format {
        TraceFormat::Human => wirelint::trace::render_human(&trace),
        TraceFormat::Json => {
            let mut json = serde_json::to_string_pretty(&trace).unwrap_or_else(|_| "{}".to_owned());
            json.push('\n');
            json
        }
    };
    let printed = print(&text);
    if printed != ExitCode::SUCCESS {
        printed
    } else if trace.stall.is_some() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules_command(id: Option<&str>) -> ExitCode {
    match id {
        None => {
            let mut text = String::new();
            for rule in rules::RULES {
                text.push_str(&format!(
                    "{:<28} {:<8} {}\n",
                    rule.id,
                    rule.severity.as_str(),
                    rule.summary
                ));
            }
            print(&text)
        }
        Some(id) => match rules::find(id) {
            Some(rule) => print(rule.doc),
            None => {
                let known = rules::RULES
                    .iter()
                    .map(|r| r.id)
                    .collect::<Vec<_>>()
                    .join(", ");
                usage_error(&format!("unknown rule `{id}`; known rules: {known}"))
            }
        },
    }
}

fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`wirelint check | head`) is not an error worth a message.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => usage_error(&format!("cannot write output: {error}")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("wirelint: error: {message}");
    ExitCode::from(EXIT_USAGE)
}
